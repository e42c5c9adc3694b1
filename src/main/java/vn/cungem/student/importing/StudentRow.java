package vn.cungem.student.importing;

import java.time.LocalDate;

/**
 * A student as the importer writes it: every column of {@code student} already computed (tidied name, folded name,
 * sort key, encrypted ID and its blind index, priority score). {@code id} is set when the row updates a student.
 */
record StudentRow(
        Long id,
        long campaignId,
        long schoolId,
        long unitId,
        String fullName,
        String nameFolded,
        String nameSort,
        LocalDate birthDate,
        String gender,
        String personalIdCipher,
        String personalIdHash,
        String moetCode,
        int grade,
        String className,
        Long homeUnitId,
        String address,
        String guardianName,
        String guardianPhone,
        String categories,
        String deviceSituation,
        String connectivity,
        boolean needsDevice,
        boolean needsSim,
        boolean needsData,
        boolean needsWifi,
        String notes,
        int priorityScore,
        long sourceImportId,
        int sourceRow) {}
