package vn.cungem.inventory.connectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cungem.inventory.connectivity.ConnectionHeaders.Column;
import vn.cungem.shared.InvalidValueException;

/** Files of SIMs as operators and managers make them: the header is found by meaning, wherever and however written. */
class ConnectionSheetTests {

    private static List<ConnectionSheet.SheetRow> read(String csv) {
        return ConnectionSheet.read(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aHeaderUnderTitleRowsWithItsEnglishOnTheNextLineIsOneHeader() {
        var rows = read("""
                TỔNG CÔNG TY DỊCH VỤ VIỄN THÔNG VNPT-VINAPHONE
                Danh sách thuê bao
                STT,Số thuê bao,Số serial SIM,Gói cước,Dung lượng,Ngày kích hoạt,Hạn sử dụng,Trạng thái
                No.,Subscriber,ICCID,Package,Data allowance,Activation date,Expiry date,Status
                1,912345678,8984020000012345678,D60G,2GB/ngày,01/09/2026,31/08/2027,Đã kích hoạt
                """);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(5);
            assertThat(r.get(Column.PHONE)).isEqualTo("912345678");
            assertThat(r.get(Column.SERIAL)).isEqualTo("8984020000012345678");
            assertThat(r.get(Column.PACKAGE)).isEqualTo("D60G");
            assertThat(r.get(Column.ALLOWANCE)).isEqualTo("2GB/ngày");
            assertThat(r.get(Column.ACTIVATED)).isEqualTo("01/09/2026");
            assertThat(r.get(Column.EXPIRES)).isEqualTo("31/08/2027");
            assertThat(r.get(Column.STATUS)).isEqualTo("Đã kích hoạt");
        });
    }

    @Test
    void bilingualCellsAndOtherNamesAreRecognised() {
        var rows = read("""
                Số điện thoại / Phone number;Nhà mạng / Operator;Hạn dùng / Valid until;Ghi chú
                0912345678;Vinaphone;31/08/2027;Lớp 7A
                """);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get(Column.PHONE)).isEqualTo("0912345678");
            assertThat(r.get(Column.OPERATOR)).isEqualTo("Vinaphone");
            assertThat(r.get(Column.EXPIRES)).isEqualTo("31/08/2027");
            assertThat(r.get(Column.NOTE)).isEqualTo("Lớp 7A");
        });
    }

    @Test
    void aFileWithoutANumberOrSerialColumnIsRefusedInBothLanguages() {
        assertThatThrownBy(() -> read("Họ và tên,Lớp\nNguyễn Văn An,7A\n"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(
                        e -> assertThat(((InvalidValueException) e).messageEn()).contains("ICCID"));
        assertThatThrownBy(() -> read("Số thuê bao,ICCID\n"))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("connectivity.file.empty");
    }

    @Test
    void somethingThatIsNotASpreadsheetIsRefusedAsTheSharedReaderDoes() {
        byte[] binary = {0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0};
        assertThatThrownBy(() -> ConnectionSheet.read(binary)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ConnectionSheet.read(new byte[0])).isInstanceOf(InvalidValueException.class);
    }
}
