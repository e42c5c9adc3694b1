package vn.cungem.student.web;

import vn.cungem.student.StudentInput;

/**
 * A student as the API and the form send it: text as typed, checked by {@link StudentInput#validate}. {@code school} is
 * the school's MOET code (leave it out when {@code schoolId} is given or the caller is the school's officer).
 */
record StudentBody(
        String fullName,
        String birthDate,
        String gender,
        String personalId,
        String moetCode,
        String school,
        String grade,
        String className,
        String homeUnit,
        String address,
        String guardianName,
        String guardianPhone,
        String categories,
        String deviceSituation,
        String connectivity,
        String needs,
        String notes) {

    StudentInput toInput() {
        return new StudentInput(
                fullName,
                birthDate,
                gender,
                personalId,
                moetCode,
                school,
                grade,
                className,
                homeUnit,
                address,
                guardianName,
                guardianPhone,
                categories,
                deviceSituation,
                connectivity,
                needs,
                notes);
    }
}
