package vn.cungem.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class DesignSystemStylesheetTests {

    private static String compiled() throws IOException {
        try (InputStream in = new ClassPathResource(DesignSystemStylesheet.SOURCE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theCompiledStylesheetStillNamesTheBrandFontSoTheRewriteHasSomethingToDo() throws IOException {
        // if GOV.UK Frontend changes how it writes the font, this says so before the rewrite silently stops working
        assertThat(compiled()).contains("font-family:GDS Transport,arial,sans-serif", "url(/assets/fonts/");
    }

    @Test
    void servesNoGdsTransportAndUsesTheSystemFontsWithVietnameseLetters() throws IOException {
        String css = DesignSystemStylesheet.rewrite(compiled());

        assertThat(css)
                .doesNotContain("GDS Transport")
                .doesNotContain("/assets/fonts/")
                .doesNotContain("sourceMappingURL");
        assertThat(css).contains("font-family:" + DesignSystemStylesheet.FONT_STACK);
        assertThat(css).contains(".govuk-button{").contains(".govuk-error-summary");
    }

    @Test
    void everyAddressLeftInTheStylesheetIsAFileTheWebJarServes() throws IOException {
        String css = DesignSystemStylesheet.rewrite(compiled());
        Matcher url = Pattern.compile("url\\(([^)]+)\\)").matcher(css);
        List<String> missing = new ArrayList<>();
        int seen = 0;
        while (url.find()) {
            String address = url.group(1).replace("\"", "");
            if (address.startsWith("data:")) {
                continue;
            }
            seen++;
            assertThat(address).startsWith("../webjars/govuk-frontend/dist/govuk/assets/");
            String file = "META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/"
                    + address.substring("../webjars/govuk-frontend/dist/govuk/".length());
            if (!new ClassPathResource(file).exists()) {
                missing.add(address);
            }
        }
        assertThat(seen).isPositive();
        assertThat(missing).isEmpty();
    }
}
