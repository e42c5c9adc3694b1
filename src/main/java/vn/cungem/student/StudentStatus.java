package vn.cungem.student;

import java.util.EnumSet;
import java.util.Set;
import vn.cungem.shared.text.Labelled;

/**
 * Where a student stands on the way to allocation (002: schools propose lists, the district approves). The one place
 * that knows the legal moves. Only APPROVED students are eligible for allocation. Names: {@code label.StudentStatus.*}
 * in the student bundle.
 */
public enum StudentStatus implements Labelled {
    REGISTERED,
    PROPOSED,
    APPROVED,
    RETURNED,
    REJECTED,
    MERGED;

    /** The student module calls its choices' names labels. */
    public String labelVi() {
        return nameVi();
    }

    public String labelEn() {
        return nameEn();
    }

    public Set<StudentStatus> next() {
        return switch (this) {
            case REGISTERED -> EnumSet.of(PROPOSED, MERGED);
            case PROPOSED -> EnumSet.of(APPROVED, RETURNED, REJECTED, MERGED);
            case RETURNED -> EnumSet.of(PROPOSED, MERGED);
            // an approved student can still be sent back while nothing has been allocated, or found to be a duplicate
            case APPROVED -> EnumSet.of(RETURNED, MERGED);
            case REJECTED -> EnumSet.of(MERGED);
            case MERGED -> EnumSet.noneOf(StudentStatus.class);
        };
    }

    public boolean canMoveTo(StudentStatus target) {
        return next().contains(target);
    }

    /** The school may change the student's details only before the list is proposed, or after it came back. */
    public boolean editableBySchool() {
        return this == REGISTERED || this == RETURNED;
    }

    /** Moves that need a reason written down: returning, rejecting and merging. */
    public static boolean needsReason(StudentStatus target) {
        return target == RETURNED || target == REJECTED;
    }
}
