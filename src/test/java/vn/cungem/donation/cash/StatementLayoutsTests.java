package vn.cungem.donation.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.cungem.donation.cash.StatementColumns.Column;
import vn.cungem.donation.cash.StatementColumnsToConfirm.Proposal;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.Money;

/**
 * Issue 11: statements as the banks lay them out, read by what their headers mean; the bank recognised from the
 * title block; balance and total rows never read as transactions; an unsure header stopped for a person to confirm.
 */
class StatementLayoutsTests {

    private static StatementParser.Parsed read(String csv) {
        return StatementParser.read(csv.getBytes(StandardCharsets.UTF_8), StatementParser.Remembered.NONE);
    }

    @Test
    void readsBilingualHeadersWrittenOnTwoLinesOfOneCell() {
        StatementParser.Parsed parsed = read("""
                NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM
                Số tài khoản / Account number: 1023456789
                "Ngày GD
                Transaction date","Số tham chiếu
                Reference No.","Số tiền ghi nợ
                Debit amount","Số tiền ghi có
                Credit amount","Nội dung chi tiết
                Transaction details"
                01/11/2026 08:15:32,5001.1,,"1,500,000",CE7K3M9Q2X ung ho
                """);
        assertThat(parsed.identity()).isEqualTo(new StatementBanks.Identity("VCB", "1023456789"));
        assertThat(parsed.lines()).singleElement().satisfies(l -> {
            assertThat(l.bookedOn()).isEqualTo(LocalDate.of(2026, 11, 1));
            assertThat(l.reference()).isEqualTo("5001.1");
            assertThat(l.credit()).isEqualTo(Money.vnd(1_500_000));
            assertThat(l.description()).isEqualTo("CE7K3M9Q2X ung ho");
        });
    }

    @Test
    void readsAHeaderOverTwoRowsWithTheAmountTitleMergedAbove() {
        StatementParser.Parsed parsed = read("""
                BIDV - SAO KÊ TÀI KHOẢN
                STT,Ngày hiệu lực,Số tiền,,Số dư,Nội dung giao dịch
                ,,Ghi nợ,Ghi có,,
                ,01/11/2026,,,"7,700,000",Số dư đầu kỳ
                1,02/11/2026,,"500,000","8,200,000",ung ho CE7K3M9Q2X
                2,03/11/2026,"11,000",,"8,189,000",Phi SMS
                Tổng cộng,,"11,000","500,000",,
                """);
        assertThat(parsed.identity().bank()).isEqualTo("BIDV");
        assertThat(parsed.lines()).extracting(StatementLine::row).containsExactly(5, 6);
        assertThat(parsed.lines().get(0).credit()).isEqualTo(Money.vnd(500_000));
        assertThat(parsed.lines().get(1).debit()).isEqualTo(Money.vnd(11_000));
        assertThat(parsed.lines().get(1).balance()).isEqualTo(Money.vnd(8_189_000));
        assertThat(parsed.skipped()).containsExactly(4, 7);
    }

    @Test
    void readsOneAmountColumnBySignBySideLettersAndByAPlusMinusColumn() {
        StatementParser.Parsed signed = read("""
                Ngày giao dịch,Số tiền,Nội dung
                01/11/2026,"+500,000",ung ho
                02/11/2026,"-22,000",phi
                03/11/2026,"(150,000)",mua sach
                """);
        assertThat(signed.lines())
                .extracting(StatementLine::credit)
                .containsExactly(Money.vnd(500_000), Money.ZERO, Money.ZERO);
        assertThat(signed.lines())
                .extracting(StatementLine::debit)
                .containsExactly(Money.ZERO, Money.vnd(22_000), Money.vnd(150_000));

        StatementParser.Parsed sides = read("""
                TPBank
                Ngày giao dịch,Mô tả,Số tiền,Loại giao dịch (C/D),Số dư
                01/11/2026,ung ho,500000,C,1500000
                02/11/2026,phi,11000,D,1489000
                """);
        assertThat(sides.identity().bank()).isEqualTo("TPBANK");
        assertThat(sides.lines()).extracting(StatementLine::credit).containsExactly(Money.vnd(500_000), Money.ZERO);
        assertThat(sides.lines()).extracting(StatementLine::debit).containsExactly(Money.ZERO, Money.vnd(11_000));

        StatementParser.Parsed plusMinus = read("""
                Ngày giao dịch,Nội dung,+/-,Số tiền
                01/11/2026,ung ho,+,"500,000"
                02/11/2026,phi,-,"11,000"
                """);
        assertThat(plusMinus.lines()).extracting(StatementLine::debit).containsExactly(Money.ZERO, Money.vnd(11_000));

        assertThatThrownBy(() -> read("""
                        Ngày giao dịch,Mô tả,Số tiền,Loại giao dịch
                        01/11/2026,ung ho,500000,X
                        """))
                .isInstanceOfSatisfying(
                        StatementRejectedException.class,
                        e -> assertThat(e.messageVi()).contains("dòng 2", "loại giao dịch \"X\""));
    }

    @Test
    void neverReadsBalanceTotalOrSignatureRowsAsTransactionsButKeepsACompanyNamedTong() {
        StatementParser.Parsed parsed = read("""
                Ngày GD;Mã GD;Ghi nợ;Ghi có;Số dư;Nội dung
                01/11/2026;;;;12.000.000;Số dư đầu kỳ
                02/11/2026;A1;;2.000.000;14.000.000;Tổng công ty Điện lực ủng hộ CE7K3M9Q2X
                Cộng;;;2.000.000;;
                Số dư cuối kỳ;;;;14.000.000;
                Người lập biểu;;Kế toán trưởng;;Giám đốc;
                """);
        assertThat(parsed.lines()).singleElement().satisfies(l -> {
            assertThat(l.row()).isEqualTo(3);
            assertThat(l.description()).startsWith("Tổng công ty");
        });
        assertThat(parsed.skipped()).containsExactly(2, 4, 5, 6);
    }

    @Test
    void readsExcelDateTimeNumbersAndADateWithTheTransactionNumberBelowIt() {
        assertThat(StatementValues.date("46327.34402777778")).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(StatementValues.date("31/10/2026\nFT26304123456")).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(StatementValues.date("2026-11-01 08:15:32")).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void aStatementOfAnUnknownBankIsReadAllTheSame() {
        StatementParser.Parsed parsed = read("""
                Ngày giao dịch,Ghi có,Nội dung
                01/11/2026,"500,000",ung ho
                """);
        assertThat(parsed.identity()).isEqualTo(StatementBanks.Identity.UNKNOWN);
        assertThat(parsed.lines()).hasSize(1);
    }

    @Test
    void recognisesTheBankByNameSwiftOrBin() {
        assertThat(StatementBanks.bankIn("ngan hang tmcp ky thuong viet nam")).isEqualTo("TECHCOMBANK");
        assertThat(StatementBanks.bankIn("swift: icbvvnvx")).isEqualTo("VIETINBANK");
        assertThat(StatementBanks.bankIn("napas 970418")).isEqualTo("BIDV");
        assertThat(StatementBanks.bankIn("ngan hang tmcp sai gon thuong tin")).isEqualTo("SACOMBANK");
        assertThat(StatementBanks.bankIn("quy khuyen hoc phuong 3")).isNull();
    }

    private static final String UNSURE = """
            Số TK: 9988776655
            Ngày chuyển,Ghi có,Nội dung,Ghi chú nội bộ
            01/11/2026,"500,000",ung ho CE7K3M9Q2X,a
            02/11/2026,"300,000",ung ho CE7K3M9Q2Y,b
            Tổng,"800,000",,
            03/11/2026,"200,000",ung ho CE7K3M9Q2Z,c
            04/11/2026,"100,000",ung ho,d
            """;

    @Test
    void anUnsureHeaderStopsWithItsColumnsSamplesAndProposedFields() {
        assertThatThrownBy(() -> read(UNSURE)).isInstanceOfSatisfying(StatementColumnsToConfirm.class, e -> {
            assertThat(e.code()).isEqualTo(StatementColumnsToConfirm.CODE);
            Proposal p = e.proposal();
            assertThat(p.account()).isEqualTo("9988776655");
            assertThat(p.headerRow()).isEqualTo(2);
            assertThat(p.columns())
                    .extracting(StatementColumnsToConfirm.ProposedColumn::header)
                    .containsExactly("Ngày chuyển", "Ghi có", "Nội dung", "Ghi chú nội bộ");
            assertThat(p.columns().get(0).field()).isEqualTo("DATE");
            assertThat(p.columns().get(0).sure()).isFalse();
            assertThat(p.columns().get(1).field()).isEqualTo("CREDIT");
            // three sample rows, the total row left out
            assertThat(p.columns().get(1).samples()).containsExactly("500,000", "300,000", "200,000");
            assertThat(Proposal.parse(p.text())).isEqualTo(p);
        });
    }

    @Test
    void aConfirmedLayoutIsReadWithoutAskingAgain() {
        Proposal proposal = ((StatementColumnsToConfirm) catchRejection(UNSURE)).proposal();
        StatementMapping mapping = StatementMapping.confirmed(proposal, Map.of(3, "IGNORE"));
        assertThat(mapping.fields())
                .containsExactlyInAnyOrderEntriesOf(Map.of(Column.DATE, 0, Column.CREDIT, 1, Column.DESCRIPTION, 2));
        assertThat(StatementMapping.parse(mapping.text())).isEqualTo(mapping);
        StatementParser.Remembered remembered =
                (account, signature) -> account.equals(proposal.account()) && signature.equals(proposal.signature())
                        ? Optional.of(mapping)
                        : Optional.empty();
        StatementParser.Parsed parsed = StatementParser.read(UNSURE.getBytes(StandardCharsets.UTF_8), remembered);
        assertThat(parsed.lines())
                .extracting(StatementLine::credit)
                .containsExactly(Money.vnd(500_000), Money.vnd(300_000), Money.vnd(200_000), Money.vnd(100_000));
        // another account with the same columns is asked about
        assertThatThrownBy(() -> StatementParser.read(
                        UNSURE.replace("9988776655", "1122334455").getBytes(StandardCharsets.UTF_8), remembered))
                .isInstanceOf(StatementColumnsToConfirm.class);
    }

    @Test
    void aRememberedMappingThatReadsNoRowIsAskedAboutAgain() {
        Proposal proposal = ((StatementColumnsToConfirm) catchRejection(UNSURE)).proposal();
        // confirmed wrong: the description taken for the amount
        StatementMapping wrong = StatementMapping.confirmed(proposal, Map.of(1, "DESCRIPTION", 2, "CREDIT"));
        assertThatThrownBy(() -> StatementParser.read(
                        UNSURE.getBytes(StandardCharsets.UTF_8), (account, signature) -> Optional.of(wrong)))
                .isInstanceOfSatisfying(StatementColumnsToConfirm.class, e -> {
                    assertThat(e.proposal().columns().get(2).field()).isEqualTo("CREDIT");
                    assertThat(e.proposal().columns().get(2).samples()).hasSize(3);
                });
    }

    @Test
    void refusesAMappingThatCannotReadATransaction() {
        Proposal proposal = ((StatementColumnsToConfirm) catchRejection(UNSURE)).proposal();
        assertThatThrownBy(() -> StatementMapping.confirmed(proposal, Map.of(0, "NGAY")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("statement.columns.unknown-field");
                    assertThat(e.messageVi()).contains("Trường \"NGAY\" không có");
                    assertThat(e.messageEn()).contains("There is no field \"NGAY\"");
                });
        assertThatThrownBy(() -> StatementMapping.confirmed(proposal, Map.of(3, "DATE")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("statement.columns.twice"));
        assertThatThrownBy(() -> StatementMapping.confirmed(proposal, Map.of(2, "IGNORE")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("statement.columns.incomplete"));
        assertThatThrownBy(() -> StatementMapping.confirmed(proposal, Map.of(9, "DATE")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("statement.columns.unknown-column"));
    }

    @Test
    void aLongHeaderIsFoundAgainByItsWholeSignature() {
        String header = "Ngày chuyển khoản của nhà hảo tâm,Ghi có,Nội dung,"
                + "Ghi chú nội bộ của ban đại diện cha mẹ học sinh trường tiểu học Hòa Bình quận 1";
        String csv = header + "\n01/11/2026,\"500,000\",ung ho,x\n";
        Proposal p = ((StatementColumnsToConfirm) catchRejection(csv)).proposal();
        assertThat(p.signature()).hasSizeGreaterThan(100);
        assertThat(Proposal.parse(p.text()).signature()).isEqualTo(p.signature());
    }

    @Test
    void aLayoutWithNoKnownHeaderWordsAsksForEveryColumn() {
        assertThatThrownBy(() -> read("""
                        Thời điểm;Mã;Giá trị;Lời nhắn
                        02/11/2026;GD-1;1.500.000;ung ho
                        """))
                .isInstanceOfSatisfying(
                        StatementColumnsToConfirm.class,
                        e -> assertThat(e.proposal().columns())
                                .allSatisfy(c -> assertThat(c.field()).isNull())
                                .hasSize(4));
    }

    private static RuntimeException catchRejection(String csv) {
        try {
            read(csv);
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void everyFieldHasItsNameInBothLanguages() {
        for (Column c : Column.values()) {
            if (c != Column.NUMBER) {
                assertThat(vn.cungem.shared.text.Bundles.vi("banks.field." + c.name()))
                        .isNotBlank();
                assertThat(vn.cungem.shared.text.Bundles.en("banks.field." + c.name()))
                        .isNotEqualTo(vn.cungem.shared.text.Bundles.vi("banks.field." + c.name()));
            }
        }
        assertThat(vn.cungem.shared.text.Bundles.en("banks.field." + StatementMapping.IGNORE))
                .isEqualTo("Ignore this column");
    }
}
