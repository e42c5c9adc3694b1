package vn.cungem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Words for people live in the message bundles, not in Java: a wording is then changed, checked and translated in one
 * place. The few Java files that hold Vietnamese text hold data, not wording, and say which.
 */
class UserTextInBundlesTests {

    enum Reason {
        /** Made-up names, places and campaigns of the demo and the generator: data, not wording. */
        DEMO_DATA,
        /** What people type, read to understand it (header names, synonyms, place-type words): data, not wording. */
        VOCABULARY,
        /** The import template's example row, which shows a school what a row looks like, and the mark that finds it. */
        TEMPLATE,
        /** OpenAPI descriptions for partners, in both languages; annotation values cannot come from a bundle. */
        API_DOCS
    }

    /** Files allowed to hold Vietnamese string literals, with why. */
    private static final Map<String, Reason> ALLOWED = Map.ofEntries(
            Map.entry("campaign/DemoCampaigns.java", Reason.DEMO_DATA),
            Map.entry("demo/DemoDataSeeder.java", Reason.DEMO_DATA),
            Map.entry("demo/DemoDonationSetup.java", Reason.DEMO_DATA),
            Map.entry("demo/DemoOrganisation.java", Reason.DEMO_DATA),
            Map.entry("demo/DemoStudentSetup.java", Reason.DEMO_DATA),
            Map.entry("demo/generator/DataGenerator.java", Reason.DEMO_DATA),
            Map.entry("demo/generator/Provinces.java", Reason.DEMO_DATA),
            Map.entry("demo/generator/Scale.java", Reason.DEMO_DATA),
            Map.entry("demo/generator/StudentImportFile.java", Reason.DEMO_DATA),
            Map.entry("demo/generator/StudentRecord.java", Reason.DEMO_DATA),
            Map.entry("demo/generator/SyntheticData.java", Reason.DEMO_DATA),
            Map.entry("demo/generator/SyntheticInventory.java", Reason.DEMO_DATA),
            Map.entry("demo/generator/VietnameseNames.java", Reason.DEMO_DATA),
            Map.entry("organisation/OrganisationBulkLoad.java", Reason.DEMO_DATA),
            Map.entry("donation/cash/StatementColumns.java", Reason.VOCABULARY),
            Map.entry("donation/cash/StatementValues.java", Reason.VOCABULARY),
            Map.entry("donation/web/PublicPledgeForm.java", Reason.VOCABULARY),
            Map.entry("shared/PhoneRepair.java", Reason.VOCABULARY),
            Map.entry("shared/text/VietnameseSortKey.java", Reason.VOCABULARY),
            Map.entry("student/importing/StudentHeaders.java", Reason.VOCABULARY),
            Map.entry("student/importing/StudentTemplate.java", Reason.TEMPLATE),
            Map.entry("student/importing/values/FreeTextMeanings.java", Reason.VOCABULARY),
            Map.entry("organisation/web/UnitApi.java", Reason.API_DOCS),
            Map.entry("student/importing/ImportValuesApiController.java", Reason.API_DOCS));

    /** A string literal with at least one Vietnamese letter outside ASCII. */
    private static final Pattern VIETNAMESE_LITERAL = Pattern.compile(
            "\"(?:[^\"\\\\\\n]|\\\\.)*[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
                    + "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ](?:[^\"\\\\\\n]|\\\\.)*\"");

    private static final Pattern ANNOTATION_ELEMENT = Pattern.compile("[a-zA-Z]+ = \"");

    private static final Path ROOT = Path.of("src/main/java/vn/cungem");

    @Test
    void javaHoldsNoWordingForPeople() throws IOException {
        Map<String, Integer> found = literalsByFile();
        List<String> wording = new ArrayList<>();
        found.forEach((file, count) -> {
            if (!ALLOWED.containsKey(file)) {
                wording.add(file + " (" + count + ")");
            }
        });
        assertThat(wording)
                .as("Java files with Vietnamese text: move it into src/main/resources/i18n, or list the file here"
                        + " if it is data")
                .isEmpty();
    }

    @Test
    void everyFileAllowedStillHoldsData() throws IOException {
        Map<String, Integer> found = literalsByFile();
        assertThat(ALLOWED.keySet().stream().filter(f -> !found.containsKey(f)).toList())
                .as("allowed files that no longer hold Vietnamese text: take them off the list")
                .isEmpty();
    }

    private static Map<String, Integer> literalsByFile() throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int count = 0;
                for (String line : text.split("\n")) {
                    String code = line.strip();
                    // comments quote sources; an annotation's element (an OpenAPI summary, a module's name) is
                    // documentation
                    if (code.startsWith("//")
                            || code.startsWith("*")
                            || code.startsWith("/*")
                            || code.startsWith("@")
                            || ANNOTATION_ELEMENT.matcher(code).lookingAt()) {
                        continue;
                    }
                    if (VIETNAMESE_LITERAL.matcher(line).find()) {
                        count++;
                    }
                }
                if (count > 0) {
                    out.put(ROOT.relativize(file).toString().replace('\\', '/'), count);
                }
            }
        }
        return out;
    }
}
