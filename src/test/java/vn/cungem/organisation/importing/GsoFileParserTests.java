package vn.cungem.organisation.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cungem.organisation.UnitRow;
import vn.cungem.shared.InvalidValueException;

class GsoFileParserTests {

    static final String OFFICIAL = """
            Mã TP,Tỉnh / Thành Phố,Mã QH,Quận Huyện,Mã PX,Phường Xã,Cấp
            79,Thành phố Hồ Chí Minh,769,Thành phố Thủ Đức,26734,Phường Linh Trung,Phường
            79,Thành phố Hồ Chí Minh,769,Thành phố Thủ Đức,26737,Phường Linh Chiểu,Phường
            74,Tỉnh Bình Dương,724,Huyện Phú Giáo,25846,Thị trấn Phước Vĩnh,Thị trấn
            """;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheOfficialLayoutIntoProvinceDistrictAndCommuneRows() {
        GsoFileParser.Parsed parsed = GsoFileParser.parse(utf8(OFFICIAL), "dvhc.csv");

        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.hasDistricts()).isTrue();
        assertThat(parsed.rows())
                .contains(
                        new UnitRow(2, "79", "Thành phố Hồ Chí Minh", "province", null),
                        new UnitRow(2, "769", "Thành phố Thủ Đức", "district", "79"),
                        new UnitRow(2, "26734", "Phường Linh Trung", "commune", "769"),
                        new UnitRow(4, "25846", "Thị trấn Phước Vĩnh", "commune", "724"));
    }

    @Test
    void acceptsByteOrderMarkAndSemicolons() {
        String semicolons = OFFICIAL.replace(',', ';');
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] content = new byte[bom.length + utf8(semicolons).length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(utf8(semicolons), 0, content, 3, utf8(semicolons).length);

        GsoFileParser.Parsed parsed = GsoFileParser.parse(content, "dvhc.csv");

        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.rows()).hasSize(9);
        assertThat(parsed.rows().get(0).code()).isEqualTo("79");
    }

    @Test
    void acceptsHeaderSynonymsQuotedFieldsAndATitleLine() {
        String text = """
                Danh mục đơn vị hành chính
                "Mã tỉnh","Tên tỉnh","Mã huyện","Tên huyện","Mã xã","Tên xã","Cấp hành chính"
                "01","Thành phố Hà Nội","001","Quận Ba Đình","00001","Phường Phúc Xá, quận Ba Đình","Phường"
                """;

        GsoFileParser.Parsed parsed = GsoFileParser.parse(utf8(text), "x.csv");

        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.rows()).contains(new UnitRow(3, "00001", "Phường Phúc Xá, quận Ba Đình", "commune", "001"));
    }

    @Test
    void putsCommunesDirectlyUnderTheProvinceWhenTheFileHasNoDistrictColumns() {
        String text = """
                Mã TP;Tỉnh / Thành Phố;Mã PX;Phường Xã;Cấp
                79;Thành phố Hồ Chí Minh;26734;Phường Linh Xuân;Phường
                """;

        GsoFileParser.Parsed parsed = GsoFileParser.parse(utf8(text), "2025.csv");

        assertThat(parsed.hasDistricts()).isFalse();
        assertThat(parsed.rows())
                .containsExactly(
                        new UnitRow(2, "79", "Thành phố Hồ Chí Minh", "province", null),
                        new UnitRow(2, "26734", "Phường Linh Xuân", "commune", "79"));
    }

    @Test
    void restoresLeadingZerosThatSpreadsheetsDrop() {
        String text =
                "Mã TP,Tỉnh / Thành Phố,Mã QH,Quận Huyện,Mã PX,Phường Xã,Cấp\n1,Hà Nội,1.0,Ba Đình,1,Phúc Xá,Phường\n";

        GsoFileParser.Parsed parsed = GsoFileParser.parse(utf8(text), "x.csv");

        assertThat(parsed.rows()).extracting(UnitRow::code).containsExactly("01", "001", "00001");
    }

    @Test
    void rejectsBadRowsWithRowNumberAndReasonInBothLanguagesButKeepsTheGoodOnes() {
        String text = """
                Mã TP,Tỉnh / Thành Phố,Mã QH,Quận Huyện,Mã PX,Phường Xã,Cấp
                79,Hồ Chí Minh,769,Thủ Đức,,Phường Linh Trung,Phường
                79,Hồ Chí Minh,769,Thủ Đức,2673X,Phường Linh Chiểu,Phường
                79,Hồ Chí Minh,769,Thủ Đức,26740,Phường Bình Thọ,Khu phố
                79,Hồ Chí Minh,769,Thủ Đức,26743,Phường Trường Thọ,Phường
                ,Hồ Chí Minh,769,Thủ Đức,26746,Phường X,Phường
                """;

        GsoFileParser.Parsed parsed = GsoFileParser.parse(utf8(text), "x.csv");

        assertThat(parsed.rejected()).extracting(r -> r.row()).containsExactly(2, 3, 4, 6);
        assertThat(parsed.rejected().get(0).reasonVi()).contains("Thiếu mã");
        assertThat(parsed.rejected().get(0).reasonEn()).contains("missing");
        assertThat(parsed.rejected().get(1).reasonEn()).contains("wrong shape");
        assertThat(parsed.rejected().get(2).reasonEn()).contains("Unknown level");
        assertThat(parsed.rows()).extracting(UnitRow::code).contains("26743");
    }

    @Test
    void refusesAFileWithoutARecognisableHeader() {
        assertThatThrownBy(() -> GsoFileParser.parse(utf8("a,b,c\n1,2,3\n"), "x.csv"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("header");
    }

    @Test
    void refusesAFileThatIsNotUtf8WithAHint() {
        byte[] latin1 = "Mã TP,Tỉnh\n".getBytes(StandardCharsets.ISO_8859_1);
        latin1[1] = (byte) 0xE3;
        assertThatThrownBy(() -> GsoFileParser.parse(latin1, "x.csv"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void refusesOldExcelFiles() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0};
        assertThatThrownBy(() -> GsoFileParser.parse(xls, "x.xls")).hasMessageContaining(".xls");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mã TP", "MÃ TP", "ma tp", "Mã Tỉnh/TP", "Province code"})
    void recognisesProvinceCodeHeaderSpellings(String header) {
        assertThat(List.of("matp", "matinhtp", "provincecode")).contains(GsoFileParser.headerKey(header));
    }

    @Test
    void readsXlsxWorkbooks() throws IOException {
        GsoFileParser.Parsed parsed = GsoFileParser.parse(xlsx(), "dvhc.xlsx");

        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.rows()).contains(new UnitRow(2, "26734", "Phường Linh Trung", "commune", "769"));
        assertThat(parsed.rows()).contains(new UnitRow(4, "00004", "Phường Trúc Bạch", "commune", "001"));
    }

    static byte[] xlsx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Sheet1");
        String[] header = {"Mã TP", "Tỉnh / Thành Phố", "Mã QH", "Quận Huyện", "Mã PX", "Phường Xã", "Cấp"};
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        Object[][] rows = {
            {"79", "Thành phố Hồ Chí Minh", "769", "Thành phố Thủ Đức", "26734", "Phường Linh Trung", "Phường"},
            {},
            {1, "Thành phố Hà Nội", 1, "Quận Ba Đình", 4, "Phường Trúc Bạch", "Phường"}
        };
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof Number n) {
                    ws.value(r + 1, c, n);
                } else {
                    ws.value(r + 1, c, (String) v);
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }
}
