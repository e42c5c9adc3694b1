package vn.cungem.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

class TrustedProxiesConfigTests {

    @Test
    void readsAddressesAndRangesAsTomcatCidrRanges() {
        assertThat(TrustedProxiesConfig.ranges("127.0.0.1, ::1")).containsExactly("127.0.0.1/32", "::1/128");
        assertThat(TrustedProxiesConfig.ranges(" 10.0.0.0/8 ,192.168.1.7,,fd00::/8 "))
                .containsExactly("10.0.0.0/8", "192.168.1.7/32", "fd00::/8");
        assertThat(TrustedProxiesConfig.ranges("")).isEmpty();
        assertThat(TrustedProxiesConfig.ranges(null)).isEmpty();
    }

    @Test
    void refusesToStartWithSomethingThatIsNotAnAddress() {
        assertThatThrownBy(() -> TrustedProxiesConfig.ranges("proxy.example"))
                .hasMessageContaining("proxy.example")
                .hasMessageContaining("không phải địa chỉ IP");
        assertThatThrownBy(() -> TrustedProxiesConfig.ranges("10.0.0.0/99")).hasMessageContaining("10.0.0.0/99");
        assertThatThrownBy(() -> TrustedProxiesConfig.ranges("*")).hasMessageContaining("*");
    }

    @Test
    void trustsLoopbackWhenTryingItOutAndNothingInProduction() {
        assertThat(yaml("application.yml").getProperty("cungem.trusted-proxies"))
                .isEqualTo("127.0.0.1, ::1");
        assertThat(yaml("application.yml").getProperty("server.forward-headers-strategy"))
                .isEqualTo("none");
        assertThat(yaml("application-prod.yml").getProperty("cungem.trusted-proxies"))
                .isEmpty();
    }

    private static Properties yaml(String name) {
        YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
        factory.setResources(new ClassPathResource(name));
        return factory.getObject();
    }
}
