package vn.cungem.student.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.cungem.student.StudentSort;
import vn.cungem.student.internal.Tallies.Group;
import vn.cungem.student.internal.Tallies.Key;

class TalliesTests {

    private static final Map<Long, List<Long>> TREE = Map.of(30L, List.of(30L, 20L, 10L));

    /** Unit 30 is a commune: it keeps no rows (its schools' are summed when read). */
    private static final java.util.Set<Long> COMMUNES = java.util.Set.of(30L);

    @Test
    void aGroupCountsInItsSchoolForAllAndInEveryUnitAboveTheCommuneForAllAndPerCategory() {
        TreeMap<Key, Long> counts = Tallies.count(
                List.of(new Group(1, 500, 30, "PRIMARY", "PROPOSED", "POOR,ORPHAN,POOR", 3)), TREE, COMMUNES);
        // the school: all only; the commune: nothing; the two units above: all + 2 distinct categories
        assertThat(counts).hasSize(1 + 2 * 3);
        assertThat(counts.get(new Key(1, "UNIT", 10, "PROPOSED", "PRIMARY", Tallies.ALL)))
                .isEqualTo(3);
        assertThat(counts.get(new Key(1, "UNIT", 20, "PROPOSED", "PRIMARY", "ORPHAN")))
                .isEqualTo(3);
        assertThat(counts.get(new Key(1, "SCHOOL", 500, "PROPOSED", "PRIMARY", Tallies.ALL)))
                .isEqualTo(3);
        assertThat(counts).doesNotContainKey(new Key(1, "SCHOOL", 500, "PROPOSED", "PRIMARY", "ORPHAN"));
        assertThat(counts).doesNotContainKey(new Key(1, "UNIT", 30, "PROPOSED", "PRIMARY", "ORPHAN"));
        assertThat(counts).doesNotContainKey(new Key(1, "UNIT", 30, "PROPOSED", "PRIMARY", Tallies.ALL));
        // without communes, the commune's own categories are kept too
        assertThat(Tallies.count(
                        List.of(new Group(1, 500, 30, "PRIMARY", "PROPOSED", "POOR,ORPHAN,POOR", 3)),
                        TREE,
                        java.util.Set.of()))
                .hasSize(1 + 3 * 3);
        assertThat(Tallies.keepsCategories("SCHOOL", null)).isFalse();
        assertThat(Tallies.keepsCategories("UNIT", "commune")).isFalse();
        assertThat(Tallies.kept("commune")).isFalse();
        assertThat(Tallies.kept("district")).isTrue();
        assertThat(Tallies.keepsCategories("UNIT", "province")).isTrue();
    }

    @Test
    void aStatusChangeMovesTheCountAndLeavesTheRestAlone() {
        TreeMap<Key, Long> before =
                Tallies.count(List.of(new Group(1, 500, 30, "PRIMARY", "PROPOSED", "POOR", 2)), TREE, COMMUNES);
        TreeMap<Key, Long> after = Tallies.count(
                List.of(
                        new Group(1, 500, 30, "PRIMARY", "PROPOSED", "POOR", 1),
                        new Group(1, 500, 30, "PRIMARY", "APPROVED", "POOR", 1)),
                TREE,
                COMMUNES);
        TreeMap<Key, Long> delta = Tallies.difference(before, after);
        // two statuses x (school: all; two units above the commune: all and POOR)
        assertThat(delta).hasSize(2 * (1 + 2 * 2));
        assertThat(delta.values()).containsOnly(-1L, 1L);
        assertThat(delta.get(new Key(1, "UNIT", 20, "APPROVED", "PRIMARY", "POOR")))
                .isEqualTo(1);
        assertThat(Tallies.difference(after, after)).isEmpty();
    }

    /** {@code moved} is the difference of two counts, in one pass: on generated groups (seed printed on failure). */
    @Test
    void movingGroupsGivesTheDifferenceOfTheirCountsBeforeAndAfter() {
        long seed = 20261206L;
        java.util.Random random = new java.util.Random(seed);
        Map<Long, List<Long>> tree =
                Map.of(30L, List.of(30L, 20L, 10L), 31L, List.of(31L, 20L, 10L), 40L, List.of(40L, 10L));
        String[] statuses = {"REGISTERED", "PROPOSED", "APPROVED", "RETURNED"};
        String[] categories = {null, "", "POOR", "POOR,ORPHAN", "ORPHAN,POOR,ORPHAN", "KHMER"};
        for (int round = 0; round < 200; round++) {
            List<Group> groups = new java.util.ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
                long unit = List.of(30L, 31L, 40L).get(random.nextInt(3));
                groups.add(new Group(
                        1,
                        500 + random.nextInt(4),
                        unit,
                        random.nextBoolean() ? "PRIMARY" : "LOWER_SECONDARY",
                        statuses[random.nextInt(statuses.length)],
                        categories[random.nextInt(categories.length)],
                        1 + random.nextInt(3)));
            }
            String target = statuses[random.nextInt(statuses.length)];
            java.util.Set<Long> communes = random.nextBoolean() ? COMMUNES : java.util.Set.of(30L, 31L);
            List<Group> after = groups.stream().map(g -> g.at(target)).toList();
            assertThat(Tallies.moved(groups, target, tree, communes))
                    .as("seed %d, round %d", seed, round)
                    .isEqualTo(Tallies.difference(
                            Tallies.count(groups, tree, communes), Tallies.count(after, tree, communes)));
        }
    }

    @Test
    void aCursorReadsBackAsWrittenAndRefusesAnythingElse() {
        ListCursor cursor = new ListCursor(StudentSort.SCHOOL, false, 4_200_117L);
        assertThat(ListCursor.decode(cursor.encode())).contains(cursor);
        assertThat(ListCursor.decode("eyJpZCI6MX0")).isEmpty();
        assertThat(ListCursor.decode("%%%")).isEmpty();
        assertThat(ListCursor.decode(null)).isEmpty();
        String altered = cursor.encode().substring(0, cursor.encode().length() - 2);
        assertThat(ListCursor.decode(altered)).isNotEqualTo(java.util.Optional.of(cursor));
    }

    @Test
    void aSchoolFlipsOnlyWhenItsSentStudentsGoFromNoneToSomeOrBack() {
        assertThat(Tallies.flip(0, 3)).isEqualTo(1);
        assertThat(Tallies.flip(3, -3)).isEqualTo(-1);
        assertThat(Tallies.flip(3, -2)).isZero();
        assertThat(Tallies.flip(2, 5)).isZero();
        assertThat(Tallies.flip(0, 0)).isZero();
    }

    @Test
    void aDecisionBetweenSentStatusesMovesNoSchoolButAProposalDoes() {
        TreeMap<Key, Long> approval = new TreeMap<>(Map.of(
                new Key(1, "SCHOOL", 7, "PROPOSED", "PRIMARY", Tallies.ALL), -2L,
                new Key(1, "SCHOOL", 7, "APPROVED", "PRIMARY", Tallies.ALL), 2L,
                new Key(1, "UNIT", 9, "APPROVED", "PRIMARY", Tallies.ALL), 2L));
        assertThat(Tallies.sentPerSchool(approval)).isEmpty();

        TreeMap<Key, Long> proposal = new TreeMap<>(Map.of(
                new Key(1, "SCHOOL", 7, "REGISTERED", "PRIMARY", Tallies.ALL), -2L,
                new Key(1, "SCHOOL", 7, "PROPOSED", "PRIMARY", Tallies.ALL), 2L,
                new Key(1, "SCHOOL", 7, "PROPOSED", "PRIMARY", "HO_NGHEO"), 1L));
        assertThat(Tallies.sentPerSchool(proposal))
                .containsExactly(Map.entry(1L, new TreeMap<>(Map.of(7L, new Tallies.SchoolChange("PRIMARY", 2)))));
    }
}
