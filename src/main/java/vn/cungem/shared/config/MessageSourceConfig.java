package vn.cungem.shared.config;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.cungem.shared.text.Bundles;

/** Pages and plain-Java rules read the same bundles through the same source; Boot's own then backs off. */
@Configuration(proxyBeanMethods = false)
class MessageSourceConfig {

    @Bean
    MessageSource messageSource() {
        return Bundles.messageSource();
    }
}
