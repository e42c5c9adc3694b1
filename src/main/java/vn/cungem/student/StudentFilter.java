package vn.cungem.student;

/**
 * What a student list is narrowed to and how it is read. All but the campaign are optional: a unit's subtree, one school,
 * a status, a grade, a priority category code, and free text: words matched without diacritics anywhere in the name
 * (every word must appear), or exactly a MOET student code or a guardian's phone (any common way of writing it).
 *
 * <p>Paging: {@code cursor} (from a {@link StudentPage}'s {@code nextCursor} / {@code previousCursor}) continues after or
 * before a row in {@code sort} order, as fast on the thousandth page as on the first. {@code page} (an offset in pages)
 * is kept for clients written before cursors and is only read when there is no cursor.
 */
public record StudentFilter(
        long campaignId,
        Long unitId,
        Long schoolId,
        StudentStatus status,
        Integer grade,
        String category,
        String text,
        int page,
        int size,
        StudentSort sort,
        String cursor) {

    public static final int DEFAULT_SIZE = 50;

    public StudentFilter {
        page = Math.max(0, page);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, 200);
        sort = sort == null ? StudentSort.PRIORITY : sort;
        cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
    }

    /** A filter in priority order, paged by offset, as before cursors. */
    public StudentFilter(
            long campaignId,
            Long unitId,
            Long schoolId,
            StudentStatus status,
            Integer grade,
            String category,
            String text,
            int page,
            int size) {
        this(campaignId, unitId, schoolId, status, grade, category, text, page, size, StudentSort.PRIORITY, null);
    }

    public static StudentFilter campaign(long campaignId) {
        return new StudentFilter(campaignId, null, null, null, null, null, null, 0, DEFAULT_SIZE);
    }
}
