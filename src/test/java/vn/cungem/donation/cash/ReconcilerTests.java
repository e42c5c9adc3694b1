package vn.cungem.donation.cash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cungem.donation.TrackingCode;
import vn.cungem.donation.cash.Reconciler.Match;
import vn.cungem.donation.cash.Reconciler.Method;
import vn.cungem.donation.cash.Reconciler.OpenPledge;
import vn.cungem.shared.Money;
import vn.cungem.shared.text.VietnameseText;

class ReconcilerTests {

    private static final String CODE_A =
            TrackingCode.generate(TrackingCode.PLEDGE).value();
    private static final String CODE_B =
            TrackingCode.generate(TrackingCode.PLEDGE).value();

    private static java.util.Optional<Match> match(Reconciler r, long amount, String description) {
        return r.match(Money.vnd(amount), description, VietnameseText.fold(description));
    }

    @Test
    void matchesByCodeEvenWhenSplitAndLowerCaseAndAmountDiffers() {
        Reconciler r = new Reconciler(List.of(new OpenPledge(1, CODE_A, "nguyen van an", Money.vnd(1_000_000))));
        String split =
                CODE_A.substring(0, 5).toLowerCase() + " " + CODE_A.substring(5).toLowerCase();
        assertThat(match(r, 300_000, "MBVCB.123 " + split + " ung ho")).contains(new Match(1, Method.CODE));
    }

    @Test
    void matchesByAmountAndNameOnlyWhenExactlyOnePledgeFits() {
        Reconciler r = new Reconciler(List.of(
                new OpenPledge(1, CODE_A, "tran thi binh", Money.vnd(500_000)),
                new OpenPledge(2, CODE_B, "le van cuong", Money.vnd(500_000))));
        assertThat(match(r, 500_000, "TRẦN THỊ BÌNH chuyen tien ung ho"))
                .contains(new Match(1, Method.AMOUNT_AND_NAME));
        assertThat(match(r, 400_000, "LE VAN CUONG chuyen tien")).isEmpty();
        assertThat(match(r, 500_000, "chuyen tien ung ho")).isEmpty();
    }

    @Test
    void leavesAmbiguousNamesForAPerson() {
        Reconciler r = new Reconciler(List.of(
                new OpenPledge(1, CODE_A, "nguyen van an", Money.vnd(200_000)),
                new OpenPledge(2, CODE_B, "nguyen van an", Money.vnd(200_000))));
        assertThat(match(r, 200_000, "NGUYEN VAN AN ung ho")).isEmpty();
    }

    @Test
    void doesNotMatchTheSamePledgeTwiceByAmount() {
        Reconciler r = new Reconciler(List.of(new OpenPledge(1, CODE_A, "pham minh duc", Money.vnd(300_000))));
        assertThat(match(r, 300_000, "PHAM MINH DUC ung ho")).isPresent();
        assertThat(match(r, 300_000, "PHAM MINH DUC ung ho")).isEmpty();
    }

    @Test
    void aNameMustBeWholeWordsNotPartOfAnother() {
        Reconciler r = new Reconciler(List.of(new OpenPledge(1, CODE_A, "ha an", Money.vnd(300_000))));
        assertThat(match(r, 300_000, "THANH AN ung ho")).isEmpty();
        assertThat(match(r, 300_000, "CHA ANH ung ho")).isEmpty();
    }

    @Test
    void unknownCodeFallsBackToAmountAndName() {
        Reconciler r = new Reconciler(List.of(new OpenPledge(1, CODE_A, "vo thi hoa", Money.vnd(100_000))));
        assertThat(match(r, 100_000, "VO THI HOA " + CODE_B)).contains(new Match(1, Method.AMOUNT_AND_NAME));
    }

    @Test
    void recognisesBankFeesOnDebitsOnly() {
        assertThat(Reconciler.isBankFee(Money.vnd(11_000), VietnameseText.fold("Phí SMS banking T9")))
                .isTrue();
        assertThat(Reconciler.isBankFee(Money.vnd(5_500), "transaction fee")).isTrue();
        assertThat(Reconciler.isBankFee(Money.vnd(5_500), "chuyen tien mua may tinh phieu 12"))
                .isFalse();
        assertThat(Reconciler.isBankFee(Money.vnd(0), "phi sms")).isFalse();
    }

    @Test
    void splitsIntoWordsAsTheRegexDid() {
        java.util.Random random = new java.util.Random(7L);
        String alphabet = "abcxyz0189 .,-_/\t😀ñ";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                text.appendCodePoint(alphabet.codePointAt(
                        alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String folded = text.toString();
            assertThat(Reconciler.words(folded)).isEqualTo(folded.replaceAll("[^a-z0-9]+", " "));
        }
    }
}
