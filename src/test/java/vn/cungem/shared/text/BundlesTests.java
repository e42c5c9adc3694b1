package vn.cungem.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;

class BundlesTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+[^}]*}");

    /** A single quote not doubled: inside a message with placeholders MessageFormat would swallow it. */
    private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

    @Test
    void everyBundleHasItsEnglishTwinWithTheSameKeys() throws IOException {
        for (String basename : Bundles.BASENAMES) {
            assertThat(load(basename + "_en.properties").stringPropertyNames())
                    .as(basename)
                    .isEqualTo(load(basename + ".properties").stringPropertyNames());
        }
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        List<String> seen = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        for (String basename : Bundles.BASENAMES) {
            for (String key : load(basename + ".properties").stringPropertyNames()) {
                if (seen.contains(key)) {
                    twice.add(basename + ": " + key);
                }
                seen.add(key);
            }
        }
        assertThat(twice).as("keys defined in more than one bundle").isEmpty();
    }

    @Test
    void messagesWithPlaceholdersDoubleTheirApostrophes() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String basename : Bundles.BASENAMES) {
            for (String suffix : List.of(".properties", "_en.properties")) {
                Properties bundle = load(basename + suffix);
                for (String key : bundle.stringPropertyNames()) {
                    String message = bundle.getProperty(key);
                    if (PLACEHOLDER.matcher(message).find()
                            && LONE_QUOTE.matcher(message).find()) {
                        wrong.add(basename + suffix + ": " + key);
                    }
                }
            }
        }
        assertThat(wrong).as("write ' as '' where a message has {0}").isEmpty();
    }

    @Test
    void readsVietnameseFromTheBaseFileWhateverTheMachinesLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            InvalidValueException e = InvalidValueException.of("x", "error.404.title");
            assertThat(e.messageVi()).isNotEqualTo(e.messageEn());
            assertThat(e.messageVi()).isEqualTo(Bundles.vi("error.404.title"));
            assertThat(e.messageEn()).isEqualTo(Bundles.text("error.404.title", Locale.forLanguageTag("en-GB")));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aConflictIsWordedTheSameWay() {
        ConflictException e = ConflictException.of("c", "error.404.title");
        assertThat(e.code()).isEqualTo("c");
        assertThat(e.messageVi()).isEqualTo(Bundles.vi("error.404.title"));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
