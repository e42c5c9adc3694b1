package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.cungem.shared.PhoneNumber;

class DuplicateKeysTests {

    private final StudentIdCipher cipher =
            new StudentIdCipher(Base64.getEncoder().encodeToString(new byte[32]));

    private static StudentDetails student(String name, String id, String moet, long school, String phone) {
        return new StudentDetails(
                name,
                LocalDate.of(2012, 9, 5),
                Gender.FEMALE,
                id == null ? null : PersonalIdNumber.parse(id),
                moet,
                school,
                1L,
                4,
                null,
                null,
                null,
                null,
                phone == null ? null : PhoneNumber.parse(phone),
                Set.of(),
                DeviceSituation.NONE,
                Connectivity.NONE,
                Needs.DEVICE_ONLY,
                null);
    }

    private DuplicateKeys keys(StudentDetails s) {
        return DuplicateKeys.of(s, cipher);
    }

    @Test
    void samePersonalIdOrMoetCodeIsAnExactMatchAcrossSchools() {
        DuplicateKeys a = keys(student("Nguyễn Thị Lan", "079312123456", null, 1, null));
        DuplicateKeys b = keys(student("Trần Văn Bình", "079312123456", null, 2, null));
        DuplicateKeys c = keys(student("Lê Minh", null, "HS001", 1, null));
        DuplicateKeys d = keys(student("Lê Minh Tâm", null, "HS001", 3, null));
        assertThat(a.exactMatch(b)).isTrue();
        assertThat(c.exactMatch(d)).isTrue();
        assertThat(a.exactMatch(c)).isFalse();
        assertThat(a.exactKeys()).containsAnyElementsOf(b.exactKeys());
        assertThat(a.exactKeys()).doesNotContainAnyElementsOf(c.exactKeys());
    }

    @Test
    void sameNameAndBirthAtTheSameSchoolOrWithTheSamePhoneIsLikely() {
        DuplicateKeys here = keys(student("Nguyễn Thị Lan", null, null, 1, "0931771213"));
        DuplicateKeys sameSchoolNoDiacritics = keys(student("NGUYEN THI LAN", null, null, 1, null));
        DuplicateKeys movedSchoolSamePhone = keys(student("Nguyễn Thị Lan", null, null, 2, "+84 931 771 213"));
        DuplicateKeys otherSchoolOtherPhone = keys(student("Nguyễn Thị Lan", null, null, 2, "0912345678"));
        assertThat(here.likelyMatch(sameSchoolNoDiacritics)).isTrue();
        assertThat(here.likelyMatch(movedSchoolSamePhone)).isTrue();
        assertThat(here.likelyMatch(otherSchoolOtherPhone)).isFalse();
        assertThat(here.likelyKeys()).containsAnyElementsOf(movedSchoolSamePhone.likelyKeys());
        assertThat(here.likelyKeys()).doesNotContainAnyElementsOf(otherSchoolOtherPhone.likelyKeys());
        assertThat(here.exactMatch(sameSchoolNoDiacritics)).isFalse();
    }
}
