package vn.cungem.student;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes two registrations the same child. Exact: the same personal id (compared by blind index) or the same MOET
 * student code — refused, in any school and any campaign. Likely: the same folded name and birth date at the same school,
 * or with the same guardian phone (a child who moved school) — shown to a person to merge or keep apart.
 */
public record DuplicateKeys(
        String personalIdHash,
        String moetCode,
        String nameFolded,
        LocalDate birthDate,
        long schoolId,
        String guardianPhone) {

    public static DuplicateKeys of(StudentDetails student, StudentIdCipher cipher) {
        return new DuplicateKeys(
                student.personalId() == null ? null : cipher.blindIndex(student.personalId()),
                student.moetCode(),
                student.nameFolded(),
                student.birthDate(),
                student.schoolId(),
                student.guardianPhone() == null ? null : student.guardianPhone().national());
    }

    public boolean exactMatch(DuplicateKeys other) {
        return (personalIdHash != null && personalIdHash.equals(other.personalIdHash))
                || (moetCode != null && moetCode.equals(other.moetCode));
    }

    public boolean likelyMatch(DuplicateKeys other) {
        return nameFolded.equals(other.nameFolded)
                && birthDate.equals(other.birthDate)
                && (schoolId == other.schoolId || (guardianPhone != null && guardianPhone.equals(other.guardianPhone)));
    }

    /** Keys for a hash map of students seen so far: two students share one of these exactly when they match exactly. */
    public List<String> exactKeys() {
        List<String> keys = new ArrayList<>(2);
        if (personalIdHash != null) {
            keys.add("id:" + personalIdHash);
        }
        if (moetCode != null) {
            keys.add("moet:" + moetCode);
        }
        return keys;
    }

    /** Keys for a hash map: two students share one of these exactly when they likely match. */
    public List<String> likelyKeys() {
        List<String> keys = new ArrayList<>(2);
        keys.add("school:" + nameFolded + "|" + birthDate + "|" + schoolId);
        if (guardianPhone != null) {
            keys.add("phone:" + nameFolded + "|" + birthDate + "|" + guardianPhone);
        }
        return keys;
    }
}
