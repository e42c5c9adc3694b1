package vn.cungem.allocation.engine;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * One district's items of one kind and class, found by how near they are to a student. Taken items are skipped; the
 * group's cap (shared with the shelf of the same group that differs in paired connectivity) limits how many are taken.
 */
final class Shelf {

    private final ReadyItem[] items;
    private final boolean[] taken;
    private final long districtId;
    private final int[] caps;
    private final int group;
    private final Map<Long, ArrayDeque<Integer>> bySchool = new HashMap<>();
    private final Map<Long, ArrayDeque<Integer>> byCommune = new HashMap<>();
    private final ArrayDeque<Integer> inDistrict = new ArrayDeque<>();
    private final ArrayDeque<Integer> anywhere = new ArrayDeque<>();

    Shelf(ReadyItem[] items, boolean[] taken, long districtId, int[] caps, int group) {
        this.items = items;
        this.taken = taken;
        this.districtId = districtId;
        this.caps = caps;
        this.group = group;
    }

    void add(int i) {
        ReadyItem item = items[i];
        if (item.districtId() == districtId) {
            if (item.schoolId() != 0) {
                bySchool.computeIfAbsent(item.schoolId(), k -> new ArrayDeque<>())
                        .add(i);
            }
            byCommune.computeIfAbsent(item.communeId(), k -> new ArrayDeque<>()).add(i);
            inDistrict.add(i);
        }
        anywhere.add(i);
    }

    /** Takes the first free item at exactly this distance from the student, or returns -1. */
    int take(Distance distance, Applicant student) {
        ArrayDeque<Integer> queue = switch (distance) {
            case SAME_SCHOOL -> student.schoolId() == 0 ? null : bySchool.get(student.schoolId());
            case SAME_COMMUNE -> byCommune.get(student.communeId());
            case SAME_DISTRICT -> inDistrict;
            case OTHER_DISTRICT -> anywhere;
        };
        if (queue == null || caps[group] == 0) {
            return -1;
        }
        while (!queue.isEmpty() && taken[queue.peekFirst()]) {
            queue.pollFirst();
        }
        if (queue.isEmpty()) {
            return -1;
        }
        int i = queue.pollFirst();
        taken[i] = true;
        caps[group]--;
        return i;
    }

    static Distance distance(ReadyItem item, Applicant student) {
        if (item.districtId() != student.districtId()) {
            return Distance.OTHER_DISTRICT;
        }
        if (item.schoolId() != 0 && item.schoolId() == student.schoolId()) {
            return Distance.SAME_SCHOOL;
        }
        return item.communeId() == student.communeId() ? Distance.SAME_COMMUNE : Distance.SAME_DISTRICT;
    }
}
