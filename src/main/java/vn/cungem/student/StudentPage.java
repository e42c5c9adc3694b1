package vn.cungem.student;

import java.util.List;
import java.util.Map;

/**
 * A page of a student list, with the number of students per status for the same filter (status itself aside) so the
 * page can show "48 đề xuất · 12 đã duyệt" above the rows. The counts are exact ({@code countsExact}) when they come
 * from the kept counts (campaign, unit, school and category filters) or the filter finds few students; otherwise they
 * stop at {@link #COUNT_LIMIT} and mean "more than". {@code nextCursor} / {@code previousCursor} continue the list
 * (null at its ends); {@code page} is the offset page for clients that still page by number.
 */
public record StudentPage(
        List<StudentRow> rows,
        int page,
        int size,
        boolean hasNext,
        Map<StudentStatus, Long> countsByStatus,
        StudentSort sort,
        String nextCursor,
        String previousCursor,
        boolean countsExact) {

    /** How far a filter the kept counts do not cover is counted. */
    public static final int COUNT_LIMIT = 10_000;

    /** How many rows in a page by number ({@code page} × {@code size}, no cursor) may start; deeper pages need a cursor. */
    public static final int OFFSET_LIMIT = 10_000;

    public long count(StudentStatus status) {
        return countsByStatus.getOrDefault(status, 0L);
    }

    public long total() {
        return countsByStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean hasPrevious() {
        return previousCursor != null;
    }
}
