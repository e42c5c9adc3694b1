package vn.cungem.donation.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cungem.shared.Money;

class StatementParserTests {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void skipsTitleRowsAndReadsVietnameseHeaders() {
        String csv = """
                NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM
                Sao kê tài khoản: 0071000123456;;;;;
                Từ ngày 01/09/2021 đến ngày 30/09/2021
                Ngày giao dịch;Số bút toán;Số tiền ghi nợ;Số tiền ghi có;Số dư;Nội dung
                15/09/2021;FT21258001;;1.250.000;1.250.000;CE7K3M9Q2X ung ho
                16-09-2021;FT21259002;11.000 VND;;1.239.000;Phí SMS banking
                Tổng cộng;;11.000;1.250.000;;
                """;
        List<StatementLine> lines = StatementParser.parse(utf8(csv));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).bookedOn()).isEqualTo(LocalDate.of(2021, 9, 15));
        assertThat(lines.get(0).reference()).isEqualTo("FT21258001");
        assertThat(lines.get(0).credit()).isEqualTo(Money.vnd(1_250_000));
        assertThat(lines.get(0).debit()).isEqualTo(Money.ZERO);
        assertThat(lines.get(0).balance()).isEqualTo(Money.vnd(1_250_000));
        assertThat(lines.get(0).row()).isEqualTo(5);
        assertThat(lines.get(1).debit()).isEqualTo(Money.vnd(11_000));
        assertThat(lines.get(1).description()).isEqualTo("Phí SMS banking");
    }

    @Test
    void readsEnglishHeadersWithUnitsInBracketsAndQuotedCommas() {
        String csv = """
                Transaction Date,Reference No,Debit (VND),Credit (VND),Balance (VND),Transaction Details
                2021-09-15,TT1,,"1,250,000","2,000,000","Nguyen Van A, ung ho hoc sinh"
                """;
        List<StatementLine> lines = StatementParser.parse(utf8(csv));
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.credit()).isEqualTo(Money.vnd(1_250_000));
            assertThat(l.balance()).isEqualTo(Money.vnd(2_000_000));
            assertThat(l.description()).isEqualTo("Nguyen Van A, ung ho hoc sinh");
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1.250.000|1250000",
                "1,250,000|1250000",
                "1250000|1250000",
                "1.250.000 VND|1250000",
                "500.000đ|500000",
                "500.000 ₫|500000",
                "1,250,000.00|1250000",
                "1.250.000,00|1250000",
                "+500,000|500000",
                "-22.000|22000",
                "(150,000)|150000",
                "1500000.00|1500000",
                "1,500,000 VND|1500000",
                "''|0",
                "-|0"
            })
    void readsAmountsAsBanksPrintThem(String text, long expected) {
        assertThat(StatementParser.amount(text)).isEqualTo(Money.vnd(expected));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"abc", "1.25", "12.50.000", "1,250,000.50", "--500", "(500"})
    void refusesAmountsThatAreNotWholeDong(String text) {
        assertThatThrownBy(() -> StatementParser.amount(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "15/09/2021|2021-09-15",
                "5/9/2021|2021-09-05",
                "15-09-2021|2021-09-15",
                "2021-09-15|2021-09-15",
                "15/09/2021 10:31:02|2021-09-15",
                "2021-09-15T10:31:02|2021-09-15",
                "44454|2021-09-15"
            })
    void readsDatesInEveryUsualForm(String text, LocalDate expected) {
        assertThat(StatementParser.date(text)).isEqualTo(expected);
    }

    @Test
    void foldsNfdDescriptionsToTheSameFingerprintAsNfc() {
        String nfc = "Nguyễn Thị Đào ủng hộ";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        String header = "Ngày,Số bút toán,Ghi nợ,Ghi có,Số dư,Diễn giải\n";
        StatementLine a = StatementParser.parse(utf8(header + "15/09/2021,R1,,100000,,\"" + nfc + "\"\n"))
                .get(0);
        StatementLine b = StatementParser.parse(utf8(Normalizer.normalize(header, Normalizer.Form.NFD)
                        + "15/09/2021,R1,,100.000,,\"" + nfd + "\"\n"))
                .get(0);
        assertThat(a.description()).isEqualTo(nfc);
        assertThat(b.description()).isEqualTo(nfc);
        assertThat(a.fingerprint(0)).isEqualTo(b.fingerprint(0)).isNotEqualTo(a.fingerprint(1));
    }

    @Test
    void rejectsTheWholeFileWithLineNumbersAndBothLanguages() {
        String csv = """
                Ngày,Số bút toán,Ghi nợ,Ghi có,Số dư,Nội dung
                15/09/2021,R1,,100000,,ok
                32/09/2021,R2,,100000,,bad date
                16/09/2021,R3,,một trăm,,bad amount
                16/09/2021,R4,5000,100000,,both sides
                """;
        assertThatThrownBy(() -> StatementParser.parse(utf8(csv)))
                .isInstanceOfSatisfying(StatementRejectedException.class, e -> {
                    assertThat(e.problems())
                            .extracting(StatementRejectedException.LineProblem::line)
                            .containsExactly(3, 4, 5);
                    assertThat(e.messageVi()).contains("dòng 3", "32/09/2021");
                    assertThat(e.messageEn()).contains("line 4", "một trăm");
                });
    }

    @Test
    void rejectsAFileWithoutAHeaderRow() {
        assertThatThrownBy(() -> StatementParser.parse(utf8("a,b,c\n1,2,3\n")))
                .isInstanceOf(StatementRejectedException.class)
                .hasMessageContaining("header");
    }

    @Test
    void readsXlsxWithTitleRowsAndExcelDates() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("Sao ke");
            ws.value(0, 0, "NGÂN HÀNG TMCP CÔNG THƯƠNG");
            ws.value(1, 0, "Số tài khoản 1234567890");
            String[] header = {"Ngày GD", "Mã giao dịch", "Ghi nợ", "Ghi có", "Số dư", "Diễn giải"};
            for (int c = 0; c < header.length; c++) {
                ws.value(3, c, header[c]);
            }
            ws.value(4, 0, LocalDate.of(2021, 9, 15));
            ws.value(4, 1, "VT1");
            ws.value(4, 3, 2_000_000);
            ws.value(4, 4, 2_000_000);
            ws.value(4, 5, "ung ho CE7K3M9Q2X");
            ws.value(5, 0, "16/09/2021");
            ws.value(5, 1, "VT2");
            ws.value(5, 2, "22.000");
            ws.value(5, 5, "Phi chuyen tien");
        }
        List<StatementLine> lines = StatementParser.parse(out.toByteArray());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).bookedOn()).isEqualTo(LocalDate.of(2021, 9, 15));
        assertThat(lines.get(0).credit()).isEqualTo(Money.vnd(2_000_000));
        assertThat(lines.get(0).row()).isEqualTo(5);
        assertThat(lines.get(1).debit()).isEqualTo(Money.vnd(22_000));
    }

    @Test
    void neverFailsOtherwiseOnGarbage() {
        Random random = new Random(20210915L);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            if (i % 3 == 0 && bytes.length > 4) {
                bytes[0] = 'P';
                bytes[1] = 'K';
                bytes[2] = 3;
                bytes[3] = 4;
            }
            assertThatThrownBy(() -> StatementParser.parse(bytes)).isInstanceOf(StatementRejectedException.class);
        }
        assertThatThrownBy(() -> StatementParser.parse(new byte[0])).isInstanceOf(StatementRejectedException.class);
    }

    @Test
    void refusesPasswordProtectedExcel() {
        byte[] ole = new byte[512];
        ole[0] = (byte) 0xD0;
        ole[1] = (byte) 0xCF;
        ole[2] = 0x11;
        ole[3] = (byte) 0xE0;
        assertThatThrownBy(() -> StatementParser.parse(ole))
                .isInstanceOf(StatementRejectedException.class)
                .hasMessageContaining("password");
    }

    @Test
    void refusesAZipThatUnpacksToFarTooMuch() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written <= StatementParser.MAX_UNZIPPED_BYTES; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(2 * 1024 * 1024);
        assertThatThrownBy(() -> StatementParser.parse(out.toByteArray()))
                .isInstanceOf(StatementRejectedException.class)
                .hasMessageContaining("unpacks");
    }
}
