package vn.cungem.student;

import java.time.OffsetDateTime;

/**
 * One step in a student's status history. {@code studentId} differs from the student being shown when the step belongs
 * to a duplicate that was merged into it: a merge keeps the history of both.
 */
public record StatusChange(
        long studentId,
        StudentStatus from,
        StudentStatus to,
        String reason,
        String accountName,
        OffsetDateTime changedAt) {}
