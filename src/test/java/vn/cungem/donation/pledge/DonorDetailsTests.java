package vn.cungem.donation.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cungem.donation.DonorDetails;
import vn.cungem.donation.DonorKind;
import vn.cungem.donation.FieldProblem;

class DonorDetailsTests {

    private static DonorDetails business(String taxCode) {
        return new DonorDetails(
                DonorKind.BUSINESS, "Công ty Ánh Dương", "0931771213", null, taxCode, null, true, false);
    }

    private static List<String> fields(DonorDetails d) {
        return d.problems("").stream().map(FieldProblem::field).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0312345678", "0312345678-001", "0312 345 678 001"})
    void acceptsTaxCodesOfTenOrThirteenDigits(String taxCode) {
        assertThat(fields(business(taxCode))).isEmpty();
        assertThat(business(taxCode).normalised().taxCode()).matches("\\d{10}|\\d{13}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "031234567", "03123456789", "03123456780012", "MST0312345678"})
    void rejectsABusinessTaxCodeThatIsNotTenOrThirteenDigits(String taxCode) {
        assertThat(fields(business(taxCode))).containsExactly("taxCode");
    }

    @Test
    void normalisesThePhoneToItsNationalForm() {
        DonorDetails d =
                new DonorDetails(null, "  Nguyễn   Văn A ", "+84 931 771 213", "A@Example.VN", null, null, null, null);
        DonorDetails n = d.normalised();
        assertThat(n.phone()).isEqualTo("0931771213");
        assertThat(n.name()).isEqualTo("Nguyễn Văn A");
        assertThat(n.email()).isEqualTo("a@example.vn");
        assertThat(n.kind()).isEqualTo(DonorKind.INDIVIDUAL);
    }

    @Test
    void anAnonymousDonorNeedsNoNameAndIsNeverNamedPublicly() {
        DonorDetails d = new DonorDetails(DonorKind.INDIVIDUAL, null, "0931771213", null, null, null, true, true);
        assertThat(fields(d)).isEmpty();
        assertThat(d.normalised().namedPublicly()).isFalse();
        assertThat(DonorDetails.publicName("Trần Văn Nam", true, true)).isEqualTo("Nhà hảo tâm");
        assertThat(DonorDetails.publicName("Trần Văn Nam", false, false)).isEqualTo("Nhà hảo tâm");
        assertThat(DonorDetails.publicName("Trần Văn Nam", true, false)).isEqualTo("Trần Văn Nam");
    }

    @Test
    void reportsAMissingPhoneAndABadEmail() {
        DonorDetails d =
                new DonorDetails(DonorKind.ORGANISATION, "Hội Phụ nữ", " ", "not-an-email", null, null, false, false);
        assertThat(fields(d)).containsExactly("phone", "email");
    }
}
