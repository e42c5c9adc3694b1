package vn.cungem.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cungem.donation.cash.StatementParser;
import vn.cungem.organisation.importing.GsoFileParser;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.student.importing.SpreadsheetReader;

/**
 * Issue 9, finding 5: a small XLSX file whose shared-strings table unpacks to hundreds of megabytes made each reader
 * hold it all. Every reader of the application must refuse such files before reading them: quickly, with a clear
 * message, and without allocating anything near what reading would take.
 */
class HostileSpreadsheetTests {

    /** Every reader of uploaded spreadsheets in the application, as a way to hand it a file. */
    private static final Map<String, Consumer<byte[]>> READERS = Map.of(
            "bank statement", StatementParser::parse,
            "student list", file -> SpreadsheetReader.read(file, 0, (n, cells) -> {}),
            "administrative units", file -> GsoFileParser.parse(file, "don-vi.xlsx"));

    // 100,000 strings of 1,000 characters: ~110 MB of XML (under the old 300/400 MB caps), ~0.3 MB in the zip.
    private static byte[] bomb;
    // 40,000 of them: 44 MB, under the table's size bound, but compressed several hundred times.
    private static byte[] smallerBomb;

    @BeforeAll
    static void build() {
        bomb = HostileWorkbooks.sharedStringsBomb(100_000, 1_000);
        smallerBomb = HostileWorkbooks.sharedStringsBomb(40_000, 1_000);
    }

    @Test
    void theFilesAreSmall() {
        assertThat(bomb.length).isLessThan(2 << 20);
        assertThat(smallerBomb.length).isLessThan(1 << 20);
    }

    @Test
    void everyReaderRefusesAHugeSharedStringsTableQuicklyAndWithoutReadingIt() {
        READERS.forEach((reader, read) -> {
            long allocated = HostileWorkbooks.allocatedByThisThread();
            long start = System.nanoTime();
            assertThatThrownBy(() -> read.accept(bomb))
                    .as(reader)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("shared-strings table is too large")
                    .satisfies(e -> assertThat(((InvalidValueException) e).messageVi())
                            .contains("bảng chữ dùng chung quá lớn"));
            // Reading it needs ~200 MB (the strings as Java strings); refusing it needs a few buffers.
            assertThat(HostileWorkbooks.allocatedByThisThread() - allocated)
                    .as(reader + ": bytes allocated")
                    .isLessThan(16L << 20);
            assertThat((System.nanoTime() - start) / 1_000_000)
                    .as(reader + ": ms")
                    .isLessThan(3_000);
        });
    }

    @Test
    void everyReaderRefusesATableCompressedLikeABomb() {
        READERS.forEach((reader, read) -> {
            long allocated = HostileWorkbooks.allocatedByThisThread();
            assertThatThrownBy(() -> read.accept(smallerBomb))
                    .as(reader)
                    .isInstanceOf(InvalidValueException.class)
                    // the units importer, which expects files of 2 MB, has a smaller table bound and says so first
                    .hasMessageMatching(".*(zip bomb|shared-strings table is too large).*");
            assertThat(HostileWorkbooks.allocatedByThisThread() - allocated)
                    .as(reader + ": bytes allocated")
                    .isLessThan(16L << 20);
        });
    }

    @Test
    void countsTheStringsOfTheTableWhateverItDeclares() {
        String[] many = new String[1_001];
        java.util.Arrays.fill(many, "x");
        byte[] file = HostileWorkbooks.workbook("", HostileWorkbooks.strings(many));
        SpreadsheetGuard.Limits limits =
                new SpreadsheetGuard.Limits(1 << 20, 1 << 20, 1 << 20, 1_000, 100, 1024, 20, 100);
        assertThatThrownBy(() -> SpreadsheetGuard.inspectXlsx(file, limits))
                .isInstanceOf(SpreadsheetRefusedException.class)
                .hasMessageContaining("1,000 strings")
                // counts are grouped the way each language writes them
                .satisfies(
                        e -> assertThat(((InvalidValueException) e).messageVi()).contains("1.000 chuỗi"));
        assertThat(SpreadsheetGuard.inspectXlsx(
                                HostileWorkbooks.workbook("", HostileWorkbooks.strings("a", "b")), limits)
                        .sharedStrings())
                .isEqualTo(2);
    }

    @Test
    void everyReaderRefusesACellOfMegabytes() {
        // Letters at random, so that the part is not also compressed like a bomb.
        java.util.Random random = new java.util.Random(9);
        StringBuilder letters = new StringBuilder(3_000_000);
        for (int i = 0; i < 3_000_000; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        String cell = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + letters + "</t></is></c></row>";
        byte[] inline = HostileWorkbooks.workbook(cell, HostileWorkbooks.strings("a"));
        byte[] shared = HostileWorkbooks.workbook(
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", HostileWorkbooks.strings(letters.toString()));
        READERS.forEach((reader, read) -> {
            for (byte[] file : List.of(inline, shared)) {
                assertThatThrownBy(() -> read.accept(file))
                        .as(reader)
                        .isInstanceOf(InvalidValueException.class)
                        .hasMessageContaining("abnormally long cell");
            }
        });
    }

    @Test
    void everyReaderRefusesRowsPaddedToThousandsOfColumns() {
        // Tiny in the zip; a reader that keeps rows (the units importer keeps them all) would hold 16,384 cells each.
        StringBuilder rows = new StringBuilder();
        for (int r = 1; r <= 50; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"XFD").append(r).append("\"><v>1</v></c></row>");
        }
        byte[] wide = HostileWorkbooks.workbook(rows.toString(), HostileWorkbooks.strings("a"));
        byte[] wideCsv = ("a" + ",".repeat(5_000) + "\n").getBytes(StandardCharsets.UTF_8);
        READERS.forEach((reader, read) -> {
            for (byte[] file : List.of(wide, wideCsv)) {
                assertThatThrownBy(() -> read.accept(file))
                        .as(reader)
                        .isInstanceOf(InvalidValueException.class)
                        .hasMessageContaining("columns");
            }
        });
    }

    @Test
    void aCsvCellOfMegabytesIsRefusedBeforeTheCsvIsRead() {
        byte[] csv = ("Ngày;Nội dung\n01/01/2024;" + "x".repeat(1_000_000) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SpreadsheetGuard.checkCsv(csv, SpreadsheetGuard.Limits.DEFAULT))
                .hasMessageContaining("abnormally long cell");
        // Quoted separators and line ends are text, not cells or rows.
        byte[] quoted = ("a,\"" + ",\n".repeat(1_000) + "\"\n").getBytes(StandardCharsets.UTF_8);
        SpreadsheetGuard.checkCsv(quoted, SpreadsheetGuard.Limits.DEFAULT);
        byte[] utf16 = ("\uFEFFa" + "\t".repeat(600)).getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> SpreadsheetGuard.checkCsv(utf16, SpreadsheetGuard.Limits.DEFAULT))
                .hasMessageContaining("columns");
    }
}
