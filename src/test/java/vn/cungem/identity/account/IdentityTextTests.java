package vn.cungem.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Role;

class IdentityTextTests {

    private final IdentityText text = new IdentityText(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/identity");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void wordsEveryRoleAndItsScopeInsideASentenceInBothLanguages() {
        for (Role role : Role.values()) {
            InvalidValueException e =
                    text.invalid("scope-required", IdentityText.roleInSentence(role), IdentityText.scopeWord(role));
            assertThat(e.messageVi()).startsWith("Vai trò ").doesNotContain("{", "inSentence", "scope.word");
            assertThat(e.messageEn()).startsWith("The role ").doesNotContain("{", "inSentence", "scope.word");
        }
        InvalidValueException officer = text.invalid(
                "scope-required",
                IdentityText.roleInSentence(Role.SCHOOL_OFFICER),
                IdentityText.scopeWord(Role.SCHOOL_OFFICER));
        assertThat(officer.messageVi()).isEqualTo("Vai trò cán bộ nhà trường cần chọn trường.");
        assertThat(officer.messageEn()).isEqualTo("The role school officer needs a school.");
    }

    @Test
    void keepsTheApostropheOfANameRuleThatCarriesANumber() {
        InvalidValueException e = text.invalid("name-not-a-name", "100");
        assertThat(e.messageVi()).contains(". ' -", "100 ký tự");
        assertThat(e.messageEn()).contains(". ' -", "100 characters");
    }

    @Test
    void bothBundlesHoldTheSameKeys() throws IOException {
        assertThat(keys("i18n/identity_en.properties")).isEqualTo(keys("i18n/identity.properties"));
    }

    private static java.util.Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = IdentityTextTests.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(in);
        }
        return properties.stringPropertyNames();
    }
}
