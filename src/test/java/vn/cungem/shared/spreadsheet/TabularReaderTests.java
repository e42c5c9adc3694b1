package vn.cungem.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import vn.cungem.shared.InvalidValueException;

class TabularReaderTests {

    private static final TabularOptions STRICT = new TabularOptions(
            SpreadsheetGuard.Limits.DEFAULT,
            1 << 20,
            1_000,
            () -> new InvalidValueException("rows", "quá nhiều dòng", "too many rows"),
            100,
            false,
            false);

    private static final TabularOptions LENIENT = new TabularOptions(
            SpreadsheetGuard.Limits.DEFAULT,
            1 << 20,
            1_000,
            () -> new InvalidValueException("rows", "quá nhiều dòng", "too many rows"),
            100,
            true,
            true);

    record Row(int number, List<String> cells) {}

    private static List<Row> read(byte[] file, TabularOptions options) {
        List<Row> rows = new ArrayList<>();
        TabularReader.read(file, 0, options, false, Duration.ofSeconds(5), (n, cells) -> rows.add(new Row(n, cells)));
        return rows;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsQuotedSeparatorsQuotesAndLineEndsInsideCells() {
        List<Row> rows = read(utf8("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n"), STRICT);
        assertThat(rows)
                .containsExactly(
                        new Row(1, List.of("a", "b", "c")),
                        new Row(2, List.of("x, y", "say \"hi\"", "two\nlines")),
                        new Row(3, List.of("last", "", "")));
    }

    @Test
    void skipsTheByteOrderMarkAndFindsSemicolonsOrTabs() {
        assertThat(read(utf8("\uFEFFHọ tên;Ngày sinh\nAn;\"1;2\"\n"), STRICT))
                .containsExactly(new Row(1, List.of("Họ tên", "Ngày sinh")), new Row(2, List.of("An", "1;2")));
        assertThat(read("\uFEFFa\tb\r\nc\td\r\n".getBytes(StandardCharsets.UTF_16LE), STRICT))
                .extracting(Row::cells)
                .containsExactly(List.of("a", "b"), List.of("c", "d"));
    }

    @Test
    void findsTheSeparatorOnTheBusiestLineBelowTitleRows() {
        String csv = "NGÂN HÀNG A, CHI NHÁNH B\nNgày;Số tiền;Nội dung;Số dư\n01/01/2024;1.000;x, y;2.000\n";
        assertThat(read(utf8(csv), STRICT).get(2).cells()).containsExactly("01/01/2024", "1.000", "x, y", "2.000");
    }

    @Test
    void keepsBlankRowsSoThatNumbersMatchTheSpreadsheet() {
        assertThat(read(utf8("a\n\n\nb\n"), STRICT))
                .containsExactly(
                        new Row(1, List.of("a")),
                        new Row(2, List.of("")),
                        new Row(3, List.of("")),
                        new Row(4, List.of("b")));
    }

    @Test
    void readsWindows1258OnlyWhereTheImporterAllowsIt() {
        String text = "Họ và tên,Ghi chú\r\nNguyễn Thị Hạnh,Đường Lê Lợi\r\n";
        byte[] bytes = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replace("e\u0302", "ê")
                .replace("u\u031B", "ư")
                .replace("o\u031B", "ơ")
                .replace("o\u0302", "ô")
                .replace("a\u0302", "â")
                .replace("Đ", "Đ")
                .getBytes(Charset.forName("windows-1258"));
        assertThat(new String(bytes, Charset.forName("windows-1258"))).doesNotContain("?");

        List<Row> rows = read(bytes, LENIENT);
        assertThat(Normalizer.normalize(rows.get(1).cells().get(0), Normalizer.Form.NFC))
                .isEqualTo("Nguyễn Thị Hạnh");
        assertThatThrownBy(() -> read(bytes, STRICT))
                .isInstanceOf(SpreadsheetRefusedException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void cutsOrRefusesALongCellAsTheImporterChooses() {
        byte[] csv = utf8("a,b\n" + "x".repeat(5_000) + ",\"" + "y".repeat(5_000) + "\"\nc,d\n");
        List<Row> rows = read(csv, LENIENT);
        assertThat(rows.get(1).cells()).extracting(String::length).containsExactly(101, 101);
        assertThat(rows.get(2).cells()).containsExactly("c", "d");
        assertThatThrownBy(() -> read(csv, STRICT)).hasMessageContaining("abnormally long cell");
    }

    @Test
    void readsAWorkbookPaddingItsBlankRowsWithNumbersAsWritten() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Sheet1");
        sheet.value(0, 0, "Mã");
        sheet.value(0, 1, "Tên");
        sheet.value(3, 0, 79);
        sheet.value(3, 1, "Hồ Chí Minh");
        sheet.value(4, 0, 931771213.0);
        workbook.finish();

        List<Row> rows = read(out.toByteArray(), STRICT);

        assertThat(rows)
                .containsExactly(
                        new Row(1, List.of("Mã", "Tên")),
                        new Row(2, List.of()),
                        new Row(3, List.of()),
                        new Row(4, List.of("79", "Hồ Chí Minh")),
                        new Row(5, List.of("931771213")));
    }

    @Test
    void refusesFilesOverTheSizeAndRowsPastTheLast() {
        byte[] big = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThatThrownBy(() -> read(big, STRICT))
                .isInstanceOf(SpreadsheetRefusedException.class)
                .hasMessageContaining("larger than 1 MB")
                .satisfies(e -> assertThat(((SpreadsheetRefusedException) e).messageVi())
                        .contains("lớn hơn 1 MB"));
        int[] seen = {0};
        assertThatThrownBy(() -> TabularReader.read(
                        utf8("a\n".repeat(1_001)), 0, STRICT, false, Duration.ofSeconds(5), (n, c) -> seen[0]++))
                .hasMessage("too many rows");
        assertThat(seen[0]).isEqualTo(1_000);
    }

    @Test
    void refusesEmptyOldExcelAndBinaryFiles() {
        assertThatThrownBy(() -> TabularReader.check(new byte[0], STRICT)).hasMessageContaining("empty");
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0};
        assertThatThrownBy(() -> TabularReader.check(ole2, STRICT)).hasMessageContaining(".xls");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
        assertThatThrownBy(() -> TabularReader.check(png, STRICT)).hasMessageContaining("neither an Excel workbook");
    }

    @Test
    void countsTheNonBlankRowsOfACsvFile() {
        byte[] csv = utf8("a,b\n,\nc,d\n");
        assertThat(TabularReader.check(csv, STRICT)).isEqualTo(TabularReader.Format.CSV);
        assertThat(TabularReader.sheets(csv, STRICT, Duration.ofSeconds(5)))
                .containsExactly(new TabularReader.SheetInfo(0, "CSV", 2));
    }
}
