package vn.cungem.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GOV.UK Frontend's compiled stylesheet without the UK brand. The compiled CSS names the GDS Transport font (licensed
 * for gov.uk only, and without the Vietnamese letters) and loads it from {@code /assets/}, a path that does not exist
 * here; recompiling the Sass would need a Node tool chain the build does not have. So the stylesheet is rewritten once
 * at start-up: no GDS Transport faces, the system font stack instead (every phone and desktop ships one with full
 * Vietnamese glyphs, and a phone on a poor connection downloads no font), and asset addresses pointing into the
 * WebJar. Colours are overridden in {@code /css/app.css}, not here.
 */
@RestController
class DesignSystemStylesheet {

    static final String SOURCE = "META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css";

    static final String FONT_STACK =
            "system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"Helvetica Neue\",Arial,sans-serif";

    private static final Pattern GDS_FACE = Pattern.compile("@font-face\\{[^}]*GDS Transport[^}]*}");
    private static final Pattern GDS_FAMILY = Pattern.compile("\"?GDS Transport\"?,arial,sans-serif");
    private static final Pattern SOURCE_MAP = Pattern.compile("/\\*# sourceMappingURL=[^*]*\\*/");

    private final byte[] css;

    DesignSystemStylesheet() {
        this.css = rewrite(read()).getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping(value = "/css/govuk-frontend.css", produces = "text/css")
    ResponseEntity<byte[]> stylesheet() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(css);
    }

    static String rewrite(String compiled) {
        String css = GDS_FACE.matcher(compiled).replaceAll("");
        css = GDS_FAMILY.matcher(css).replaceAll(FONT_STACK);
        css = SOURCE_MAP.matcher(css).replaceAll("");
        // served from /css/, so the WebJar's assets are one folder up (keeps working under a context path)
        return css.replace("url(/assets/", "url(../webjars/govuk-frontend/dist/govuk/assets/");
    }

    private static String read() {
        try (InputStream in = new ClassPathResource(SOURCE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("GOV.UK Frontend's stylesheet is missing from the class path", e);
        }
    }
}
