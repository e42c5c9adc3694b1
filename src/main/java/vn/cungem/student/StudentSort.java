package vn.cungem.student;

/**
 * The orders a student list is read in. Each pages by its own key, the student's id last, so a page follows on from the
 * last row shown whatever the campaign's size. {@code DATE} is the newest registration first.
 */
public enum StudentSort {
    PRIORITY,
    NAME,
    SCHOOL,
    STATUS,
    DATE;

    /** The sort a parameter names, case and spaces aside; the priority order when it names none. */
    public static StudentSort parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return PRIORITY;
        }
        for (StudentSort s : values()) {
            if (s.name().equalsIgnoreCase(raw.strip())) {
                return s;
            }
        }
        throw StudentTexts.invalid("student.sort-unknown");
    }
}
