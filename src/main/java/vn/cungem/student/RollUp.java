package vn.cungem.student;

import java.time.LocalDate;
import java.util.List;

/**
 * How far the units and schools under one unit have got with a campaign's list, for its managers: counts per child
 * unit and per school directly under the unit, and the schools that have not proposed anyone yet. {@code deadline} is
 * the end of the campaign's first phase (the survey and proposal window in the source plans), null when it has none.
 */
public record RollUp(
        long unitId,
        String unitName,
        LocalDate deadline,
        boolean pastDeadline,
        List<Line> units,
        List<Line> schools,
        List<MissingSchool> notProposed,
        long notProposedTotal) {

    /** Counts for one child unit or one school. */
    public record Line(
            long id, String name, long registered, long proposed, long approved, long returned, long rejected) {

        public long total() {
            return registered + proposed + approved + returned + rejected;
        }
    }

    /** A school of the campaign's area and levels that has proposed nobody. */
    public record MissingSchool(long id, String moetCode, String name, String unitName, long registered) {}
}
