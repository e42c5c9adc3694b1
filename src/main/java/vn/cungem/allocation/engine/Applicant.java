package vn.cungem.allocation.engine;

import java.util.Objects;

/**
 * An approved student as the engine sees them: no name, only what decides the allocation. {@code householdKey} is
 * the same for siblings at one address (0: none known); {@code districtId} is the unit that receives quotas (the pool).
 */
public record Applicant(
        long id,
        int priority,
        long schoolId,
        long communeId,
        long districtId,
        SchoolLevel level,
        boolean needsDevice,
        boolean hasInternet,
        long householdKey) {

    /** Scores above this are not produced by the campaign's categories; the bound keeps sort keys exact. */
    public static final int MAX_PRIORITY = 1_000_000;

    public Applicant {
        Objects.requireNonNull(level, "level");
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority out of range: " + priority);
        }
    }
}
