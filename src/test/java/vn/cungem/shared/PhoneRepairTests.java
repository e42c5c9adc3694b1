package vn.cungem.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.cungem.shared.PhoneRepair.Kind;

class PhoneRepairTests {

    @Test
    void putsBackTheLeadingZeroExcelDropped() {
        PhoneRepair.Result r = PhoneRepair.repair("912345678");
        assertThat(r.text()).isEqualTo("0912345678");
        assertThat(r.kinds()).containsExactly(Kind.LEADING_ZERO);
        assertThat(PhoneNumber.parse(r.text()).national()).isEqualTo("0912345678");
    }

    @Test
    void readsTheNumberExcelShowedInScientificNotation() {
        PhoneRepair.Result r = PhoneRepair.repair("9.12345678E8");
        assertThat(r.text()).isEqualTo("0912345678");
        assertThat(r.kinds()).contains(Kind.EXCEL_NUMBER, Kind.LEADING_ZERO);
        assertThat(PhoneRepair.repair("912345678.0").text()).isEqualTo("0912345678");
    }

    @Test
    void leavesFormatsPhoneNumberReadsAsTheyAre() {
        for (String typed : new String[] {"+84 912 345 678", "84912345678", "0912.345.678", "0912 345 678"}) {
            PhoneRepair.Result r = PhoneRepair.repair(typed);
            assertThat(r.repaired()).as(typed).isFalse();
            assertThat(PhoneNumber.parse(r.text()).national()).as(typed).isEqualTo("0912345678");
        }
    }

    @Test
    void keepsTheFirstOfSeveralNumbers() {
        PhoneRepair.Result r = PhoneRepair.repair("0912345678 - 0987654321");
        assertThat(r.text()).isEqualTo("0912345678");
        assertThat(r.kinds()).contains(Kind.SEVERAL);
        assertThat(r.others()).containsExactly("0987654321");
        assertThat(PhoneRepair.repair("0912345678; 0987654321").text()).isEqualTo("0912345678");
        assertThat(PhoneRepair.repair("0912345678 0987654321").text()).isEqualTo("0912345678");
        assertThat(PhoneRepair.repair("Bố: 0912345678, mẹ: 0987654321").text()).isEqualTo("0912345678");
    }

    @Test
    void leavesOutTheNoteBesideANumber() {
        PhoneRepair.Result r = PhoneRepair.repair("0912.345.678 (bố)");
        assertThat(PhoneNumber.parse(r.text()).national()).isEqualTo("0912345678");
        assertThat(r.kinds()).containsExactly(Kind.NOTE);
    }

    @Test
    void doesNotMakeAPhoneOfWhatIsNotOne() {
        assertThat(PhoneRepair.repair("12345").repaired()).isFalse();
        assertThat(PhoneRepair.repair("112345678").repaired()).isFalse(); // 1x is no mobile prefix
        assertThat(PhoneRepair.repair("không có").repaired()).isFalse();
        assertThat(PhoneRepair.repair("").repaired()).isFalse();
    }

    /**
     * Any valid mobile, written the ways spreadsheets and people write it, comes back as the same number: the zero
     * dropped, scientific notation, a note, a second number after it.
     */
    @Test
    void everyWayOfWritingAMobileComesBackAsTheSameNumber() {
        long seed = 20261206L;
        Random random = new Random(seed);
        for (int i = 0; i < 5_000; i++) {
            String national =
                    "0" + "35789".charAt(random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
            String nine = national.substring(1);
            String typed = switch (random.nextInt(6)) {
                case 0 -> nine;
                case 1 ->
                    new java.math.BigDecimal(nine)
                                    .stripTrailingZeros()
                                    .toString()
                                    .contains("E")
                            ? new java.math.BigDecimal(nine)
                                    .stripTrailingZeros()
                                    .toString()
                            : String.format("%s.%sE8", nine.charAt(0), nine.substring(1));
                case 2 -> nine + ".0";
                case 3 ->
                    national.substring(0, 4) + "." + national.substring(4, 7) + "." + national.substring(7) + " (mẹ)";
                case 4 -> national + " - 0987654321";
                default -> "+84 " + nine;
            };
            String repaired = PhoneRepair.repair(typed).text();
            assertThat(PhoneNumber.parse(repaired).national())
                    .as("seed %d, typed %s", seed, typed)
                    .isEqualTo(national);
        }
    }

    @Test
    void aRepairIsAlwaysNamed() {
        Random random = new Random(7L);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder s = new StringBuilder();
            int n = 1 + random.nextInt(14);
            for (int j = 0; j < n; j++) {
                s.append("0123456789 .-+()E".charAt(random.nextInt(17)));
            }
            PhoneRepair.Result r = PhoneRepair.repair(s.toString());
            if (!r.text().equals(s.toString())) {
                assertThat(r.kinds()).as("seed 7, typed %s", s).isNotEqualTo(Set.of());
            }
        }
    }
}
