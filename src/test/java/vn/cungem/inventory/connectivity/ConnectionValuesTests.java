package vn.cungem.inventory.connectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.cungem.shared.InvalidValueException;

/** How SIM numbers, ICCIDs, allowances, dates, statuses and operators are read from what people and exports write. */
class ConnectionValuesTests {

    @Test
    void aSubscriberNumberLosesItsSeparatorsAndGetsBackTheZeroExcelDropped() {
        assertThat(ConnectionValues.phone("0912.345.678").orElseThrow())
                .isEqualTo(new ConnectionValues.Phone("0912345678", false));
        assertThat(ConnectionValues.phone("+84 912 345 678").orElseThrow().national())
                .isEqualTo("0912345678");
        ConnectionValues.Phone repaired = ConnectionValues.phone("912345678").orElseThrow();
        assertThat(repaired.national()).isEqualTo("0912345678");
        assertThat(repaired.repaired()).isTrue();
        assertThat(ConnectionValues.phone("9.12345678E8").orElseThrow().national())
                .isEqualTo("0912345678");
        assertThat(ConnectionValues.phone("  ")).isEmpty();
    }

    @Test
    void aLandlineOrAShortNumberIsNotASim() {
        assertThatThrownBy(() -> ConnectionValues.phone("02838123456"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("02838123456");
        assertThatThrownBy(() -> ConnectionValues.phone("12345")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anIccidHasNineteenOrTwentyDigitsFromEightyNine() {
        assertThat(ConnectionValues.serial("8984 0480 0001 2345 678", ConnectionKind.SIM))
                .contains("8984048000012345678");
        assertThat(ConnectionValues.serial("89840480000123456789F", ConnectionKind.SIM))
                .contains("89840480000123456789");
        assertThatThrownBy(() -> ConnectionValues.serial("1234567890123456789", ConnectionKind.SIM))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ConnectionValues.serial("898404800001234", ConnectionKind.SIM))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anIccidExcelTurnedIntoANumberIsRefusedBecauseItsDigitsAreLost() {
        InvalidValueException e = (InvalidValueException) org.assertj.core.api.Assertions.catchThrowable(
                () -> ConnectionValues.serial("8.98405E+18", ConnectionKind.SIM));
        assertThat(e.code()).isEqualTo("connectivity.serial.excel");
        assertThat(e.messageEn()).contains("Excel");
    }

    @Test
    void aWifiDeviceSerialOrImeiIsUpperCasedWithoutSpaces() {
        assertThat(ConnectionValues.serial("zte mf920 ab12", ConnectionKind.WIFI_DEVICE))
                .contains("ZTEMF920AB12");
        assertThat(ConnectionValues.serial("356938035643809", ConnectionKind.WIFI_DEVICE))
                .contains("356938035643809");
        assertThatThrownBy(() -> ConnectionValues.serial("a#b", ConnectionKind.WIFI_DEVICE))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anAllowanceIsGigabytesAMonth() {
        assertThat(ConnectionValues.allowance("4GB")).contains(new BigDecimal("4.00"));
        assertThat(ConnectionValues.allowance("4,5 GB/tháng")).contains(new BigDecimal("4.50"));
        assertThat(ConnectionValues.allowance("512 MB")).contains(new BigDecimal("0.50"));
        assertThat(ConnectionValues.allowance("2GB/ngày")).contains(new BigDecimal("60.00"));
        assertThat(ConnectionValues.allowance("6")).contains(new BigDecimal("6.00"));
        assertThatThrownBy(() -> ConnectionValues.allowance("nhiều")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ConnectionValues.allowance("0")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void datesAreReadDayFirstAsIsoOrAsExcelDayNumbers() {
        assertThat(ConnectionValues.date("15/08/2026")).contains(LocalDate.of(2026, 8, 15));
        assertThat(ConnectionValues.date("5-9-2026")).contains(LocalDate.of(2026, 9, 5));
        assertThat(ConnectionValues.date("2026-08-15")).contains(LocalDate.of(2026, 8, 15));
        assertThat(ConnectionValues.date("46249")).contains(LocalDate.of(2026, 8, 15));
        assertThatThrownBy(() -> ConnectionValues.date("31/02/2026")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ConnectionValues.date("tháng 8")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void statusesAreReadAsOperatorsWriteThem() {
        assertThat(ConnectionValues.status("Đã kích hoạt")).contains(ConnectionStatus.ACTIVATED);
        assertThat(ConnectionValues.status("Active")).contains(ConnectionStatus.ACTIVATED);
        assertThat(ConnectionValues.status("Chưa kích hoạt")).contains(ConnectionStatus.NOT_ACTIVATED);
        assertThat(ConnectionValues.status("Lỗi")).contains(ConnectionStatus.PROBLEM);
        assertThat(ConnectionValues.status("SIM bị khoá")).contains(ConnectionStatus.PROBLEM);
        assertThat(ConnectionValues.status("Hết hạn")).contains(ConnectionStatus.EXPIRED);
        assertThat(ConnectionValues.status("EXPIRED")).contains(ConnectionStatus.EXPIRED);
        assertThatThrownBy(() -> ConnectionValues.status("đang xem xét")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void kindsAndOperatorsAreRecognisedByTheirNames() {
        assertThat(ConnectionValues.kind("Bộ phát Wi-Fi 4G")).contains(ConnectionKind.WIFI_DEVICE);
        assertThat(ConnectionValues.kind("Gói cước")).contains(ConnectionKind.DATA_PACKAGE);
        assertThat(ConnectionValues.kind("SIM 4G")).contains(ConnectionKind.SIM);
        assertThat(Operator.recognise("VNPT - Vinaphone")).contains(Operator.VINAPHONE);
        assertThat(Operator.recognise("Viettel Telecom")).contains(Operator.VIETTEL);
        assertThat(Operator.recognise("Mobifone")).contains(Operator.MOBIFONE);
        assertThat(Operator.recognise("Vietnamobile")).contains(Operator.VIETNAMOBILE);
        assertThat(Operator.recognise("Hãng X")).isEmpty();
        assertThat(Operator.ofNumber("0912345678")).contains(Operator.VINAPHONE);
        assertThat(Operator.ofNumber("0386123456")).contains(Operator.VIETTEL);
    }

    @Test
    void aDraftGathersEveryProblemOfARow() {
        Draft.Read read = Draft.read(
                new Draft.Typed(
                        ConnectionKind.SIM,
                        "Hãng X",
                        "12",
                        "123",
                        null,
                        "nhiều",
                        "32/13/2026",
                        null,
                        "Lỗi",
                        null,
                        null),
                null);
        assertThat(read.draft()).isNull();
        assertThat(read.problems())
                .extracting(InvalidValueException::code)
                .contains(
                        "connectivity.phone.invalid",
                        "connectivity.iccid.invalid",
                        "connectivity.allowance.invalid",
                        "connectivity.date.invalid",
                        "connectivity.operator.invalid",
                        "connectivity.reason.missing");
    }

    @Test
    void aDraftTakesTheOperatorFromTheNumberWhenNothingElseSaysIt() {
        Draft d = Draft.read(
                        new Draft.Typed(
                                null,
                                null,
                                "968123456",
                                null,
                                "ST90",
                                "30GB",
                                "01/09/2026",
                                "31/08/2027",
                                null,
                                null,
                                null),
                        null)
                .draft();
        assertThat(d.operator()).isEqualTo(Operator.VIETTEL);
        assertThat(d.phoneNumber()).isEqualTo("0968123456");
        assertThat(d.phoneRepaired()).isTrue();
        assertThat(d.status()).isEqualTo(ConnectionStatus.ACTIVATED);
        assertThat(d.kind()).isEqualTo(ConnectionKind.SIM);
    }

    @Test
    void anExpiryBeforeTheActivationIsRefused() {
        Draft.Read read = Draft.read(
                new Draft.Typed(
                        null, "Viettel", "0968123456", null, null, null, "01/09/2026", "01/08/2026", null, null, null),
                null);
        assertThat(read.problems()).extracting(InvalidValueException::code).containsExactly("connectivity.dates.order");
    }
}
