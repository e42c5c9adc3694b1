package vn.cungem.student.internal;

import java.util.List;
import vn.cungem.student.StudentSort;

/**
 * Each sort order as one key of SQL expressions on {@code s} (student) and {@code sc} (its school), compared as a row
 * so that "the page after this student" is a range, not an offset. All ascending but {@code DATE}, which is newest
 * first; numbers that sort descending are negated so the key needs one direction. PostgreSQL has an index on the
 * priority key (V241) and on the name and date keys (V240).
 */
public enum ListOrder {
    PRIORITY(false, "-s.priority_score", ListOrder.DEVICE_RANK, "s.grade", "s.id"),
    NAME(false, "s.name_sort", "s.id"),
    SCHOOL(false, "sc.name_sort", "s.school_id", "s.name_sort", "s.id"),
    STATUS(
            false,
            "case s.status when 'REGISTERED' then 0 when 'RETURNED' then 1 when 'PROPOSED' then 2"
                    + " when 'APPROVED' then 3 when 'REJECTED' then 4 else 5 end",
            "-s.priority_score",
            ListOrder.DEVICE_RANK,
            "s.grade",
            "s.id"),
    DATE(true, "s.created_at", "s.id");

    /** 003's "most difficult first": no device, then a broken one, then a shared one. */
    static final String DEVICE_RANK = "case s.device_situation when 'NONE' then 0 when 'BROKEN' then 1 else 2 end";

    private final boolean descending;
    private final List<String> keys;

    ListOrder(boolean descending, String... keys) {
        this.descending = descending;
        this.keys = List.of(keys);
    }

    public static ListOrder of(StudentSort sort) {
        return valueOf(sort.name());
    }

    public List<String> keys() {
        return keys;
    }

    /** The key as a row: {@code (k1, k2, ...)}. */
    String row() {
        return "(" + String.join(", ", keys) + ")";
    }

    /** The condition for rows after ({@code forward}) or before the boundary, with one mark per key. */
    String beyond(boolean forward) {
        String marks = String.join(", ", keys.stream().map(k -> "?").toList());
        return row() + (forward != descending ? " > " : " < ") + "(" + marks + ")";
    }

    /** ORDER BY for reading forward, or backward (then the page is reversed). */
    String orderBy(boolean forward) {
        String direction = forward != descending ? " asc" : " desc";
        return String.join(", ", keys.stream().map(k -> k + direction).toList());
    }
}
