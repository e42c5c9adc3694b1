package vn.cungem.student.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import vn.cungem.student.importing.SpreadsheetReader.SheetInfo;
import vn.cungem.student.importing.StudentSheet.SourceRow;

class SpreadsheetReaderTests {

    private static List<SourceRow> rows(byte[] file, int sheet) {
        List<SourceRow> out = new ArrayList<>();
        StudentSheet reader = new StudentSheet(out::add);
        SpreadsheetReader.read(file, sheet, reader);
        reader.requireHeader();
        return out;
    }

    @Test
    void findsTheHeaderBelowTitleRowsWithSynonymsInAnyOrder() {
        byte[] file = Workbooks.xlsx(
                List.of(
                        List.of("TRƯỜNG TIỂU HỌC AN PHÚ"),
                        List.of("DANH SÁCH HỌC SINH CÓ HOÀN CẢNH KHÓ KHĂN"),
                        List.of(),
                        List.of("STT", "Ngày tháng năm sinh", "HỌ VÀ TÊN", "Phái", "SĐT", "Mã trường", "Khối lớp"),
                        List.of("#n1", "#n43466", "  NGUYỄN   VĂN AN ", "Nam", "#n931771213", "79000101", "#n3"),
                        List.of(),
                        List.of("#n2", "5/3/2014", "Trần Thị Bình", "Nữ", "0912 345 678", "79000101", "#n2"),
                        List.of(),
                        List.of()),
                "Danh sách");
        List<SourceRow> rows = rows(file, 0);
        assertThat(rows).hasSize(2);
        SourceRow first = rows.get(0);
        assertThat(first.number()).isEqualTo(5);
        assertThat(first.get(StudentColumn.FULL_NAME)).isEqualTo("  NGUYỄN   VĂN AN ");
        assertThat(first.get(StudentColumn.BIRTH_DATE)).isEqualTo("43466");
        assertThat(first.get(StudentColumn.GENDER)).isEqualTo("Nam");
        assertThat(first.get(StudentColumn.GUARDIAN_PHONE)).isEqualTo("931771213");
        assertThat(first.get(StudentColumn.GRADE)).isEqualTo("3");
        assertThat(rows.get(1).number()).isEqualTo(7);
        assertThat(rows.get(1).get(StudentColumn.BIRTH_DATE)).isEqualTo("5/3/2014");
    }

    @Test
    void readsUtf8CsvWithByteOrderMarkSemicolonsQuotesAndDecomposedText() {
        String nfd = Normalizer.normalize("Lê Thị Hồng Nhung", Normalizer.Form.NFD);
        String csv = "\uFEFFHo va ten;Ngay sinh;Gioi tinh;Ghi chú\r\n" + nfd
                + ";2014-02-03;nữ;\"có; dấu \"\"chấm phẩy\"\"\"\r\n" + ";;;\r\n";
        List<SourceRow> rows = rows(csv.getBytes(StandardCharsets.UTF_8), 0);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(StudentColumn.FULL_NAME)).isEqualTo(nfd);
        assertThat(rows.get(0).get(StudentColumn.NOTES)).isEqualTo("có; dấu \"chấm phẩy\"");
        assertThat(rows.get(0).number()).isEqualTo(2);
    }

    @Test
    void listsSheetsWithRowCountsAndReadsTheChosenOne() {
        byte[] file = Workbooks.xlsx(List.of(
                new Workbooks.Sheet("Hướng dẫn", List.of(List.of("Điền từ dòng 2"))),
                new Workbooks.Sheet(
                        "Lớp 3A",
                        List.of(
                                List.of("Họ tên", "Ngày sinh", "Giới tính"),
                                List.of("Phạm Minh Châu", "01/02/2013", "Nữ"),
                                List.of("Võ Quốc Dũng", "02/02/2013", "Nam")))));
        List<SheetInfo> sheets = SpreadsheetReader.sheets(file);
        assertThat(sheets).extracting(SheetInfo::name).containsExactly("Hướng dẫn", "Lớp 3A");
        assertThat(sheets).extracting(SheetInfo::rows).containsExactly(1, 3);
        assertThat(rows(file, 1))
                .extracting(r -> r.get(StudentColumn.FULL_NAME))
                .containsExactly("Phạm Minh Châu", "Võ Quốc Dũng");
        assertThatThrownBy(() -> rows(file, 0))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("header");
    }

    @Test
    void takesTheCachedValueOfAFormulaAndNeverEvaluatesIt() {
        byte[] plain = Workbooks.xlsx(
                List.of(List.of("Họ và tên", "Ngày sinh", "Khối"), List.of("Đỗ Gia Huy", "x", "y")), "Sheet1");
        String sheetXml = Workbooks.entry(plain, "xl/worksheets/sheet1.xml");
        String crafted = sheetXml.replaceAll(
                "<row r=\"2\".*?</row>",
                "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Đỗ Gia Huy</t></is></c>"
                        + "<c r=\"B2\" t=\"str\"><f>TEXT(DATE(2014,1,2),\"dd/mm/yyyy\")</f><v>02/01/2014</v></c>"
                        + "<c r=\"C2\"><f>1+2</f><v>3</v></c></row>");
        byte[] file = Workbooks.rewrite(plain, "xl/worksheets/sheet1.xml", s -> crafted);
        List<SourceRow> rows = rows(file, 0);
        assertThat(rows.get(0).get(StudentColumn.BIRTH_DATE)).isEqualTo("02/01/2014");
        assertThat(rows.get(0).get(StudentColumn.GRADE)).isEqualTo("3");
    }

    @Test
    void skipsTheTemplatesExampleRow() {
        byte[] file = Workbooks.xlsx(
                List.of(
                        List.of("Họ và tên", "Ngày sinh", "Giới tính", "Ghi chú"),
                        List.of("Nguyễn Văn Mẫu", "01/01/2014", "Nam", StudentTemplate.EXAMPLE_MARK),
                        List.of("Hà Thu Trang", "01/01/2014", "Nữ", "")),
                "Danh sách");
        assertThat(rows(file, 0))
                .extracting(r -> r.get(StudentColumn.FULL_NAME))
                .containsExactly("Hà Thu Trang");
    }

    @Test
    void flagsACellOfMegabytesOnItsRowWithoutHoldingIt() {
        String huge = "A".repeat(3_000_000);
        String csv = "Họ và tên,Ngày sinh,Giới tính\n" + huge + ",01/01/2014,Nam\nAn,01/01/2014,Nam\n";
        List<SourceRow> rows = rows(csv.getBytes(StandardCharsets.UTF_8), 0);
        assertThat(rows.get(0).cellTooLong()).isTrue();
        assertThat(rows.get(0).get(StudentColumn.FULL_NAME)).hasSize(SpreadsheetReader.MAX_CELL_CHARS);
        assertThat(rows.get(1).cellTooLong()).isFalse();
    }

    @Test
    void rejectsFilesThatAreNotSpreadsheets() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
        for (byte[] file : List.of(exe, pdf, png)) {
            assertThatThrownBy(() -> SpreadsheetReader.check(file))
                    .isInstanceOf(ImportRejectedException.class)
                    .hasMessageContaining("neither an Excel workbook");
        }
        assertThatThrownBy(() -> SpreadsheetReader.check(new byte[0])).hasMessageContaining("empty");
    }

    @Test
    void rejectsAZipThatIsNotAWorkbook() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> SpreadsheetReader.check(bytes.toByteArray()))
                .hasMessageContaining("neither an Excel workbook");
    }

    @Test
    void rejectsPasswordProtectedAndOldBinaryExcel() {
        byte[] ole2 = new byte[1024];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);
        assertThatThrownBy(() -> SpreadsheetReader.check(ole2))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("password-protected or in the old .xls format")
                .satisfies(e ->
                        assertThat(((ImportRejectedException) e).messageVi()).contains("mật khẩu"));
    }

    @Test
    void rejectsEntityExpansionAndExternalEntities() {
        byte[] plain = Workbooks.xlsx(List.of(List.of("Họ và tên", "Ngày sinh", "Giới tính")), "Sheet1");
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>";
        String external = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
        for (String doctype : List.of(laughs, external)) {
            byte[] file = Workbooks.rewrite(
                    plain,
                    "xl/worksheets/sheet1.xml",
                    s -> doctype + s.substring(s.indexOf("?>") + 2).replace("Họ và tên", "&lol2;&xxe;"));
            assertThatThrownBy(() -> SpreadsheetReader.read(file, 0, (n, c) -> {}))
                    .isInstanceOf(ImportRejectedException.class)
                    .hasMessageContaining("DOCTYPE");
        }
    }

    @Test
    void rejectsAZipBombBeforeReadingIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 80; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(200_000);
        assertThatThrownBy(() -> SpreadsheetReader.check(bytes.toByteArray()))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("zip bomb");
    }

    @Test
    void stopsEarlyAtASheetWithAMillionRows() {
        byte[] plain = Workbooks.xlsx(
                List.of(List.of("Họ và tên", "Ngày sinh", "Giới tính"), List.of("An", "01/01/2014", "Nam")), "S");
        byte[] file = Workbooks.rewrite(
                plain,
                "xl/worksheets/sheet1.xml",
                s -> s.replace(
                        "</sheetData>",
                        "<row r=\"1048576\"><c r=\"A1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>"));
        int[] seen = {0};
        assertThatThrownBy(() -> SpreadsheetReader.read(file, 0, (n, c) -> seen[0]++))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("more than 200000 rows");
        assertThat(seen[0]).isEqualTo(2);
    }

    @Test
    void stopsEarlyAtACsvWithTooManyRows() {
        StringBuilder csv = new StringBuilder("Họ và tên,Ngày sinh,Giới tính\n");
        csv.append("An,01/01/2014,Nam\n".repeat(SpreadsheetReader.MAX_ROWS + 50));
        assertThatThrownBy(
                        () -> SpreadsheetReader.read(csv.toString().getBytes(StandardCharsets.UTF_8), 0, (n, c) -> {}))
                .hasMessageContaining("more than 200000 rows");
    }

    /**
     * Text as Windows-1258 holds it: the vowels â ê ô ơ ư ă and đ precomposed, tone marks as separate combining
     * characters after them (the code page has no "ễ", only "ê" and a combining tilde).
     */
    static String windows1258Form(String text) {
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < nfd.length()) {
            StringBuilder base = new StringBuilder().append(nfd.charAt(i++));
            StringBuilder tones = new StringBuilder();
            while (i < nfd.length() && Character.getType(nfd.charAt(i)) == Character.NON_SPACING_MARK) {
                char mark = nfd.charAt(i++);
                (mark == '\u0302' || mark == '\u0306' || mark == '\u031B' ? base : tones).append(mark);
            }
            out.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tones);
        }
        return out.toString();
    }

    @Test
    void readsCsvThatExcelSavedOnAVietnameseWindowsInWindows1258() {
        String csv =
                "Họ và tên,Ngày sinh,Giới tính,Ghi chú\r\nNguyễn Thị Hạnh,05/09/2013,Nữ,Đường Lê Lợi, ấp Bình Thạnh\r\n"
                        .replace("Đường Lê Lợi, ấp Bình Thạnh", "\"Đường Lê Lợi, ấp Bình Thạnh\"");
        byte[] bytes = windows1258Form(csv).getBytes(Charset.forName("windows-1258"));
        assertThat(new String(bytes, Charset.forName("windows-1258")))
                .as("the test's own bytes hold every letter")
                .isEqualTo(windows1258Form(csv));

        assertThat(SpreadsheetReader.check(bytes)).isEqualTo(SpreadsheetReader.Format.CSV);
        List<SourceRow> rows = rows(bytes, 0);

        assertThat(rows).hasSize(1);
        assertThat(Normalizer.normalize(rows.get(0).get(StudentColumn.FULL_NAME), Normalizer.Form.NFC))
                .isEqualTo("Nguyễn Thị Hạnh");
        assertThat(Normalizer.normalize(rows.get(0).get(StudentColumn.NOTES), Normalizer.Form.NFC))
                .isEqualTo("Đường Lê Lợi, ấp Bình Thạnh");
        assertThat(rows.get(0).get(StudentColumn.GENDER)).isEqualTo(windows1258Form("Nữ"));
    }

    @Test
    void readsExcelsUnicodeTextUtf16WithTabs() {
        String text = "\uFEFFHọ và tên\tNgày sinh\tGiới tính\r\nTrần Văn Hùng\t01/02/2013\tNam\r\n";
        for (Charset utf16 : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            List<SourceRow> rows = rows(text.getBytes(utf16), 0);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get(StudentColumn.FULL_NAME)).isEqualTo("Trần Văn Hùng");
            assertThat(rows.get(0).get(StudentColumn.BIRTH_DATE)).isEqualTo("01/02/2013");
        }
    }

    @Test
    void refusesCsvWhoseBytesAreNeitherUtf8NorWindows1258() {
        byte[] head = "Ho va ten,Ngay sinh\nAn,01/01/2014,".getBytes(StandardCharsets.US_ASCII);
        // 0x81 is not a character in Windows-1258, and a lone continuation byte is not UTF-8.
        byte[] bytes = Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0x81;
        bytes[head.length + 1] = (byte) '\n';
        assertThatThrownBy(() -> SpreadsheetReader.check(bytes))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("CSV UTF-8")
                .satisfies(e ->
                        assertThat(((ImportRejectedException) e).messageVi()).contains("bảng mã"));
    }

    @Test
    void rejectsAFileOverTheUploadLimit() {
        byte[] big = new byte[SpreadsheetReader.MAX_FILE_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        assertThatThrownBy(() -> SpreadsheetReader.check(big)).hasMessageContaining("50 MB");
    }
}
