package vn.cungem.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The cutter against the parser it feeds: on any text it must leave the same rows and cells, only shorter ones. */
class CellCutterTests {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setIgnoreEmptyLines(false)
            .setTrailingData(true)
            .setLenientEof(true)
            .get();

    private static List<List<String>> parse(Reader reader) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(reader)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        return rows;
    }

    @Test
    void leavesTheSameRowsAndCellsCutToTheirFirstCharactersOnRandomText() throws IOException {
        Random random = new Random(42);
        String alphabet = "ab,\"\n\r ";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(200);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            int keep = 1 + random.nextInt(6);
            String shown = text.toString().replace("\r", "\\r").replace("\n", "\\n") + " keep " + keep;
            List<List<String>> whole = parse(new StringReader(text.toString()));
            List<List<String>> cut = parse(new CellCutter(new StringReader(text.toString()), ',', keep));
            assertThat(cut).as(shown).hasSameSizeAs(whole);
            for (int r = 0; r < whole.size(); r++) {
                assertThat(cut.get(r)).as(shown).hasSameSizeAs(whole.get(r));
                for (int c = 0; c < whole.get(r).size(); c++) {
                    String original = whole.get(r).get(c);
                    String prefix = original.substring(0, Math.min(keep, original.length()));
                    assertThat(cut.get(r).get(c)).as(shown).startsWith(prefix);
                }
            }
        }
    }

    @Test
    void changesNothingWhenNoCellIsLong() throws IOException {
        String text = "a,\"b,\"\"c\"\"\"\nd\"e,f\r\n\"g\"h,";
        assertThat(parse(new CellCutter(new StringReader(text), ',', 100))).isEqualTo(parse(new StringReader(text)));
    }
}
