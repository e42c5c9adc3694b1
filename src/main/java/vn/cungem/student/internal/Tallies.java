package vn.cungem.student.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic of the kept counts, plain Java: which counter rows a group of students adds to. A group of students
 * sharing school, status and categories counts in its school under category {@code *}, and in each unit above the
 * commune (district, province, the country) under {@code *} and under each of its category codes. A commune keeps no
 * rows of its own: its counts are its schools' rows summed when read (a dozen schools, about sixty rows), and its or a
 * school's students of one category are counted from the students' rows when a list asks (a few hundred rows). Kept,
 * the schools' and communes' rows per category were three quarters of the counter rows, and the communes' rows a third
 * of what a decision across the country still wrote (docs/benchmarks.md, registry run 8).
 */
public final class Tallies {

    public static final String ALL = "*";

    private Tallies() {}

    /** One counter row's key. */
    public record Key(
            long campaignId, String placeKind, long placeId, String status, String schoolLevel, String category)
            implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = Long.compare(campaignId, o.campaignId);
            if (c == 0) c = placeKind.compareTo(o.placeKind);
            if (c == 0) c = Long.compare(placeId, o.placeId);
            if (c == 0) c = status.compareTo(o.status);
            if (c == 0) c = schoolLevel.compareTo(o.schoolLevel);
            if (c == 0) c = category.compareTo(o.category);
            return c;
        }
    }

    /** Students sharing everything a counter distinguishes. */
    public record Group(
            long campaignId,
            long schoolId,
            long unitId,
            String schoolLevel,
            String status,
            String categories,
            long students) {

        Group at(String newStatus) {
            return new Group(campaignId, schoolId, unitId, schoolLevel, newStatus, categories, students);
        }

        Group withCount(long n) {
            return new Group(campaignId, schoolId, unitId, schoolLevel, status, categories, n);
        }
    }

    /**
     * The counts the groups add up to, in key order (the order the rows are written in, so two transactions touching the
     * same rows take their locks in the same order). {@code ancestors} gives each unit's units at and above it.
     */
    public static TreeMap<Key, Long> count(
            List<Group> groups, Map<Long, List<Long>> ancestors, java.util.Set<Long> communes) {
        TreeMap<Key, Long> counts = new TreeMap<>();
        for (Group g : groups) {
            List<String> categories = categories(g.categories());
            add(counts, g, "SCHOOL", g.schoolId(), List.of());
            for (long unit : ancestors.getOrDefault(g.unitId(), List.of(g.unitId()))) {
                if (!communes.contains(unit)) {
                    add(counts, g, "UNIT", unit, categories);
                }
            }
        }
        return counts;
    }

    /**
     * What moving {@code groups} from their status to {@code target} changes, nothing else of theirs moving: the same as
     * {@code difference(count(groups), count(groups at target))}, in one pass (a decision of 1,000 students built three
     * maps of thousands of keys for it).
     */
    public static TreeMap<Key, Long> moved(
            List<Group> groups, String target, Map<Long, List<Long>> ancestors, java.util.Set<Long> communes) {
        TreeMap<Key, Long> delta = new TreeMap<>();
        for (Group g : groups) {
            if (g.status().equals(target)) {
                continue;
            }
            List<String> categories = categories(g.categories());
            for (Group side : List.of(g.withCount(-g.students()), g.at(target))) {
                add(delta, side, "SCHOOL", g.schoolId(), List.of());
                for (long unit : ancestors.getOrDefault(g.unitId(), List.of(g.unitId()))) {
                    if (!communes.contains(unit)) {
                        add(delta, side, "UNIT", unit, categories);
                    }
                }
            }
        }
        delta.values().removeIf(n -> n == 0);
        return delta;
    }

    /** The unit level whose counts are not kept but summed from its schools' when read: see the class comment. */
    public static final String SUMMED_FROM_SCHOOLS_LEVEL = "commune";

    /** Whether a unit of this level has counter rows of its own. */
    public static boolean kept(String levelCode) {
        return !SUMMED_FROM_SCHOOLS_LEVEL.equals(levelCode);
    }

    /** Whether a place's counts per category are kept ({@code levelCode} null for a school). */
    public static boolean keepsCategories(String placeKind, String levelCode) {
        return placeKind.equals("UNIT") && kept(levelCode);
    }

    private static void add(TreeMap<Key, Long> counts, Group g, String kind, long place, List<String> categories) {
        counts.merge(new Key(g.campaignId(), kind, place, g.status(), g.schoolLevel(), ALL), g.students(), Long::sum);
        for (String c : categories) {
            counts.merge(new Key(g.campaignId(), kind, place, g.status(), g.schoolLevel(), c), g.students(), Long::sum);
        }
    }

    /** The distinct codes of a stored comma-separated list; a code is counted once even if written twice. */
    static List<String> categories(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(stored.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                // the counter's column holds a campaign's longest code (64); anything longer is cut the same way always
                .map(s -> s.length() > 64 ? s.substring(0, 64) : s)
                .distinct()
                .toList();
    }

    /** How many of a school's students a change moves into (or, negative, out of) the statuses of a sent list. */
    public record SchoolChange(String schoolLevel, long students) {}

    private static final java.util.Set<String> SENT = java.util.Set.of("PROPOSED", "APPROVED", "RETURNED", "REJECTED");

    /**
     * Per campaign and school, the net number of students a delta moves into a sent status (proposed, approved, returned
     * or rejected: the school has sent its list); schools whose number does not move are left out.
     */
    public static Map<Long, TreeMap<Long, SchoolChange>> sentPerSchool(Map<Key, Long> delta) {
        Map<Long, TreeMap<Long, SchoolChange>> changes = new TreeMap<>();
        delta.forEach((k, n) -> {
            if (k.placeKind().equals("SCHOOL") && k.category().equals(ALL) && SENT.contains(k.status())) {
                changes.computeIfAbsent(k.campaignId(), c -> new TreeMap<>())
                        .merge(
                                k.placeId(),
                                new SchoolChange(k.schoolLevel(), n),
                                (a, b) -> new SchoolChange(a.schoolLevel(), a.students() + b.students()));
            }
        });
        changes.values().forEach(schools -> schools.values().removeIf(c -> c.students() == 0));
        changes.values().removeIf(Map::isEmpty);
        return changes;
    }

    /** +1 when a school with {@code sentBefore} sent students starts counting as sent, -1 when it stops, else 0. */
    public static int flip(long sentBefore, long moved) {
        boolean before = sentBefore > 0;
        boolean after = sentBefore + moved > 0;
        return before == after ? 0 : after ? 1 : -1;
    }

    /** What changes from {@code before} to {@code after}, zero differences left out, in key order. */
    public static TreeMap<Key, Long> difference(Map<Key, Long> before, Map<Key, Long> after) {
        TreeMap<Key, Long> delta = new TreeMap<>(after);
        before.forEach((k, n) -> delta.merge(k, -n, Long::sum));
        delta.values().removeIf(n -> n == 0);
        return delta;
    }
}
