package vn.cungem.student;

/**
 * What a student list is narrowed to. All but the campaign are optional: a unit's subtree, one school, a status, a
 * grade, a priority category code, and free text matched without diacritics against the name (or exactly against the
 * MOET student code).
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
        int size) {

    public static final int DEFAULT_SIZE = 50;

    public StudentFilter {
        page = Math.max(0, page);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, 200);
    }

    public static StudentFilter campaign(long campaignId) {
        return new StudentFilter(campaignId, null, null, null, null, null, null, 0, DEFAULT_SIZE);
    }
}
