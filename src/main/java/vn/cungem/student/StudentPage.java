package vn.cungem.student;

import java.util.List;
import java.util.Map;

/**
 * A page of a student list in priority order, with the number of students per status for the same filter (status
 * itself aside) so the page can show "48 đề xuất · 12 đã duyệt" above the rows.
 */
public record StudentPage(
        List<StudentRow> rows, int page, int size, boolean hasNext, Map<StudentStatus, Long> countsByStatus) {

    public long count(StudentStatus status) {
        return countsByStatus.getOrDefault(status, 0L);
    }

    public long total() {
        return countsByStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
