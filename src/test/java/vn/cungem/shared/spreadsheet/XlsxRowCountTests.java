package vn.cungem.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import vn.cungem.shared.InvalidValueException;

class XlsxRowCountTests {

    private static TabularOptions options(int maxRows) {
        return new TabularOptions(
                SpreadsheetGuard.Limits.DEFAULT,
                1 << 24,
                maxRows,
                () -> new InvalidValueException("rows", "quá nhiều dòng", "too many rows"),
                100,
                true,
                true);
    }

    /** The oracle is the reader itself: counting the tags gives what streaming every row gave, sheet by sheet. */
    @Test
    void countsWhatTheReaderStreamsOnRandomWorkbooks() throws IOException {
        Random random = new Random(11);
        for (int file = 0; file < 40; file++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook workbook = new Workbook(out, "Microsoft Excel", "16.0");
            int sheets = 1 + random.nextInt(4);
            for (int s = 0; s < sheets; s++) {
                Worksheet sheet = workbook.newWorksheet("Lớp " + (6 + s) + "A");
                int rows = random.nextInt(300);
                for (int r = 0; r < rows; r++) {
                    if (random.nextInt(5) == 0) {
                        continue; // a gap: the row is not stored at all
                    }
                    for (int c = 0; c < 1 + random.nextInt(6); c++) {
                        if (random.nextBoolean()) {
                            sheet.value(r, c, "<row> & \"row\" " + random.nextInt(1000));
                        } else {
                            sheet.value(r, c, random.nextInt(1_000_000_000));
                        }
                    }
                }
                sheet.finish();
            }
            workbook.finish();
            byte[] content = out.toByteArray();
            assertThat(XlsxRowCount.sheets(content, options(1_000)))
                    .as("file %d", file)
                    .isEqualTo(XlsxRows.sheets(content, options(1_000)));
        }
    }

    @Test
    void countsRowStartTagsWithOrWithoutAPrefixAndNothingElse() throws IOException {
        String xml = "<worksheet><sheetData><row r=\"1\"><c><v>1</v></c></row><row r=\"2\"/><x:row r=\"3\">"
                + "</x:row><row>\n</row><rowBreaks count=\"1\"/><rows/><arrow/><c><is><t>row</t></is></c>"
                + "</sheetData></worksheet>";
        assertThat(XlsxRowCount.RowTags.count(
                        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), Integer.MAX_VALUE))
                .isEqualTo(4);
    }

    @Test
    void refusesASheetWithMoreRowsThanTheImporterTakes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Microsoft Excel", "16.0");
        Worksheet sheet = workbook.newWorksheet("DS");
        for (int r = 0; r < 51; r++) {
            sheet.value(r, 0, "Học sinh " + r);
        }
        sheet.finish();
        workbook.finish();
        byte[] content = out.toByteArray();
        assertThat(XlsxRowCount.sheets(content, options(51)).get(0).rows()).isEqualTo(51);
        assertThatThrownBy(() -> XlsxRowCount.sheets(content, options(50))).hasMessage("too many rows");
    }
}
