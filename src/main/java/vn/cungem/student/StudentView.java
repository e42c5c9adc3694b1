package vn.cungem.student;

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
        long campaignId,
        long schoolId,
        String schoolName,
        long unitId,
        String unitName,
        String fullName,
        boolean masked,
        LocalDate birthDate,
        Gender gender,
        String personalIdMasked,
        String personalId,
        String moetCode,
        int grade,
        String className,
        Long homeUnitId,
        String homeUnitName,
        String address,
        String guardianName,
        PhoneNumber guardianPhone,
        Set<String> categories,
        DeviceSituation deviceSituation,
        Connectivity connectivity,
        Needs needs,
        String notes,
        int priorityScore,
        PriorityScore priority,
        StudentStatus status,
        String statusReason,
        Long mergedIntoId,
        int version,
        OffsetDateTime createdAt) {}
