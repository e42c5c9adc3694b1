package vn.cungem.student;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import vn.cungem.shared.PhoneNumber;

/**
 * One student as a page or the API shows it. When {@code masked} is true the reader's scope does not cover the student:
 * the name is {@link MaskedName masked} and every identifier (birth date, personal id, MOET code, address, guardian,
 * phone, notes) is null. {@code personalIdMasked} is {@code 0790******12}; {@code personalId} (all 12 digits) is filled
 * only on the student's own page for readers who cover the student.
 */
public record StudentView(
        long id,
        @JsonUnwrapped StudentPlace place,
        String fullName,
        boolean masked,
        LocalDate birthDate,
        Gender gender,
        String personalIdMasked,
        String personalId,
        String moetCode,
        int grade,
        String className,
        @JsonUnwrapped StudentHome home,
        @JsonUnwrapped Circumstances circumstances,
        String notes,
        int priorityScore,
        PriorityScore priority,
        StudentStatus status,
        String statusReason,
        Long mergedIntoId,
        int version,
        OffsetDateTime createdAt) {

    // The parts read as the student's own fields, as the pages and the API (flat JSON) have always shown them.

    public long campaignId() {
        return place.campaignId();
    }

    public long schoolId() {
        return place.schoolId();
    }

    public String schoolName() {
        return place.schoolName();
    }

    public long unitId() {
        return place.unitId();
    }

    public String unitName() {
        return place.unitName();
    }

    public Long homeUnitId() {
        return home.homeUnitId();
    }

    public String homeUnitName() {
        return home.homeUnitName();
    }

    public String address() {
        return home.address();
    }

    public String guardianName() {
        return home.guardianName();
    }

    public PhoneNumber guardianPhone() {
        return home.guardianPhone();
    }

    public Set<String> categories() {
        return circumstances.categories();
    }

    public DeviceSituation deviceSituation() {
        return circumstances.deviceSituation();
    }

    public Connectivity connectivity() {
        return circumstances.connectivity();
    }

    public Needs needs() {
        return circumstances.needs();
    }
}
