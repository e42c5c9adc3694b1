package vn.cungem.allocation.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Who gains and who loses between two plans (a what-if against the current plan, or two rule settings): a student
 * gains when they have a device only in the second plan, loses when only in the first, and is moved when both plans
 * give them a device but not the same one. A sibling sharing a device counts as having it.
 */
public record PlanComparison(List<Change> gained, List<Change> lost, List<Change> moved) {

    /** One student's device in each plan; item 0 and kind null: none. */
    public record Change(long studentId, long itemBefore, ItemKind kindBefore, long itemAfter, ItemKind kindAfter) {}

    public PlanComparison {
        gained = List.copyOf(gained);
        lost = List.copyOf(lost);
        moved = List.copyOf(moved);
    }

    public static PlanComparison between(Plan before, Plan after) {
        Map<Long, Assignment> first = devices(before);
        Map<Long, Assignment> second = devices(after);
        TreeSet<Long> students = new TreeSet<>(first.keySet());
        students.addAll(second.keySet());
        List<Change> gained = new ArrayList<>();
        List<Change> lost = new ArrayList<>();
        List<Change> moved = new ArrayList<>();
        for (long student : students) {
            Assignment a = first.get(student);
            Assignment b = second.get(student);
            Change change = new Change(
                    student,
                    a == null ? 0 : a.itemId(),
                    a == null ? null : a.kind(),
                    b == null ? 0 : b.itemId(),
                    b == null ? null : b.kind());
            if (a == null) {
                gained.add(change);
            } else if (b == null) {
                lost.add(change);
            } else if (a.itemId() != b.itemId()) {
                moved.add(change);
            }
        }
        return new PlanComparison(gained, lost, moved);
    }

    private static Map<Long, Assignment> devices(Plan plan) {
        Map<Long, Assignment> byStudent = new HashMap<>();
        for (Assignment a : plan.assignments()) {
            if (a.kind().isDevice()) {
                byStudent.put(a.studentId(), a);
            }
        }
        for (StudentNote note : plan.notes()) {
            if (note.why().reason() == Reason.SHARES_WITH_SIBLING) {
                byStudent.put(note.studentId(), byStudent.get(note.why().relatedStudentId()));
            }
        }
        return byStudent;
    }
}
