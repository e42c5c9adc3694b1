package vn.cungem.student.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cungem.shared.jdbc.KeyedLocks;
import vn.cungem.student.internal.Tallies.Key;

/**
 * The kept count of schools that have sent their list, per unit and school level ({@code
 * student_proposing_school_tally}, V300). {@link StudentTallies#apply} hands every change of the counts here first: a
 * school flips when its students proposed, approved, returned or rejected go from none to some or back, and each flip
 * moves the count of every unit at and above the school by one.
 */
@Repository
class ProposingSchools {

    private static final String SENT = "('PROPOSED', 'APPROVED', 'RETURNED', 'REJECTED')";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final KeyedLocks locks;

    ProposingSchools(JdbcClient jdbc, JdbcTemplate template, KeyedLocks locks) {
        this.jdbc = jdbc;
        this.template = template;
        this.locks = locks;
    }

    /**
     * Moves the counts for the schools {@code delta} flips; call before the delta is written. Only a change that moves a
     * school's number of sent students takes the campaign's lock (a decision between sent statuses does not), so two
     * such changes of one school read each other's result and never count it twice.
     */
    void beforeApplying(TreeMap<Key, Long> delta, boolean postgres) {
        Map<Long, TreeMap<Long, Tallies.SchoolChange>> perCampaign = Tallies.sentPerSchool(delta);
        TreeMap<Key, Long> moves = new TreeMap<>();
        perCampaign.forEach((campaignId, schools) -> {
            locks.lock("student_lock", campaignId, "proposing-schools");
            Map<Long, Long> sentNow = new HashMap<>();
            // a thousand schools a statement: a recount of a national campaign moves all 40,000
            for (List<Long> part : parts(schools.keySet())) {
                jdbc.sql("select place_id, sum(students) from student_tally where campaign_id = ?"
                                + " and place_kind = 'SCHOOL' and category = '*' and status in " + SENT
                                + " and place_id in (" + ids(part) + ") group by place_id")
                        .param(campaignId)
                        .query((rs, n) -> sentNow.put(rs.getLong(1), rs.getLong(2)))
                        .list();
            }
            Map<Long, Integer> flips = new TreeMap<>();
            schools.forEach((school, change) -> {
                int flip = Tallies.flip(sentNow.getOrDefault(school, 0L), change.students());
                if (flip != 0) {
                    flips.put(school, flip);
                }
            });
            if (flips.isEmpty()) {
                return;
            }
            for (List<Long> part : parts(flips.keySet())) {
                jdbc.sql("select sc.id, t.ancestor_id from org_school sc"
                                + " join org_unit_tree t on t.descendant_id = sc.unit_id where sc.id in (" + ids(part)
                                + ")")
                        .query((rs, n) -> {
                            long school = rs.getLong(1);
                            moves.merge(
                                    key(
                                            campaignId,
                                            rs.getLong(2),
                                            schools.get(school).schoolLevel()),
                                    (long) flips.get(school),
                                    Long::sum);
                            return null;
                        })
                        .list();
            }
        });
        moves.values().removeIf(n -> n == 0);
        write(moves, postgres);
    }

    /**
     * The schools of the subtree under {@code unitId} that have sent their list leave the units {@code before} (the old
     * parent and everything above it) and count in the units {@code after}, per campaign and school level.
     */
    void subtreeMoved(long unitId, List<Long> before, List<Long> after, boolean postgres) {
        TreeMap<Key, Long> moves = new TreeMap<>();
        jdbc.sql("select t.campaign_id, t.school_level, count(distinct t.place_id) from student_tally t"
                        + " where t.place_kind = 'SCHOOL' and t.category = '*' and t.students > 0 and t.status in "
                        + SENT + " and t.place_id in (select sc.id from org_school sc where sc.unit_id in"
                        + " (select descendant_id from org_unit_tree where ancestor_id = ?))"
                        + " group by t.campaign_id, t.school_level")
                .param(unitId)
                .query((rs, n) -> {
                    long campaignId = rs.getLong(1);
                    for (long unit : before) {
                        moves.merge(key(campaignId, unit, rs.getString(2)), -rs.getLong(3), Long::sum);
                    }
                    for (long unit : after) {
                        moves.merge(key(campaignId, unit, rs.getString(2)), rs.getLong(3), Long::sum);
                    }
                    return null;
                })
                .list();
        writeLocked(moves, postgres);
    }

    /**
     * A school that has sent its list leaves the units {@code before} under its old level and counts in {@code after}
     * under its new one, in every campaign where it has sent students.
     */
    void schoolChanged(
            vn.cungem.organisation.SchoolChanged changed, List<Long> before, List<Long> after, boolean postgres) {
        TreeMap<Key, Long> moves = new TreeMap<>();
        jdbc.sql("select campaign_id from student_tally where place_kind = 'SCHOOL' and category = '*' and place_id = ?"
                        + " and status in " + SENT + " group by campaign_id having sum(students) > 0")
                .param(changed.schoolId())
                .query(Long.class)
                .list()
                .forEach(campaignId -> {
                    for (long unit : before) {
                        moves.merge(key(campaignId, unit, changed.oldLevel()), -1L, Long::sum);
                    }
                    for (long unit : after) {
                        moves.merge(key(campaignId, unit, changed.newLevel()), 1L, Long::sum);
                    }
                });
        writeLocked(moves, postgres);
    }

    /** Writes moves of the tree's changes under each campaign's lock, as {@link #beforeApplying} does. */
    private void writeLocked(TreeMap<Key, Long> moves, boolean postgres) {
        moves.values().removeIf(n -> n == 0);
        moves.keySet().stream()
                .map(Key::campaignId)
                .distinct()
                .forEach(campaignId -> locks.lock("student_lock", campaignId, "proposing-schools"));
        write(moves, postgres);
    }

    /** Same split as {@code student_tally}: PostgreSQL checks {@code schools >= 0} before it sees the conflict. */
    private void write(TreeMap<Key, Long> moves, boolean postgres) {
        if (moves.isEmpty()) {
            return;
        }
        List<Object[]> down = new ArrayList<>();
        List<Object[]> up = new ArrayList<>();
        moves.forEach((k, n) ->
                (n < 0 && postgres ? down : up).add(new Object[] {k.campaignId(), k.placeId(), k.schoolLevel(), n}));
        if (!down.isEmpty()) {
            template.batchUpdate(
                    """
                    update student_proposing_school_tally set schools = schools + ?
                    where campaign_id = ? and unit_id = ? and school_level = ?""",
                    down.stream()
                            .map(r -> new Object[] {r[3], r[0], r[1], r[2]})
                            .toList());
        }
        if (up.isEmpty()) {
            return;
        }
        template.batchUpdate(postgres ? """
                        insert into student_proposing_school_tally (campaign_id, unit_id, school_level, schools)
                        values (?, ?, ?, ?)
                        on conflict (campaign_id, unit_id, school_level)
                        do update set schools = student_proposing_school_tally.schools + excluded.schools""" : """
                        merge into student_proposing_school_tally t
                        using (values (cast(? as bigint), cast(? as bigint), cast(? as varchar(32)), cast(? as bigint)))
                              v (campaign_id, unit_id, school_level, schools)
                        on t.campaign_id = v.campaign_id and t.unit_id = v.unit_id and t.school_level = v.school_level
                        when matched then update set schools = t.schools + v.schools
                        when not matched then insert (campaign_id, unit_id, school_level, schools)
                             values (v.campaign_id, v.unit_id, v.school_level, v.schools)""", up);
    }

    /**
     * Where the kept counts differ from the rows, as keys of place kind {@code PROPOSING} (a unit) and status {@code
     * SENT}: a few thousand rows at most, counted by the database from the campaign's distinct sending schools.
     */
    Map<Key, Long> differences(long campaignId) {
        TreeMap<Key, Long> stored = new TreeMap<>();
        jdbc.sql("select unit_id, school_level, schools from student_proposing_school_tally where campaign_id = ?"
                        + " and schools <> 0")
                .param(campaignId)
                .query((rs, n) -> stored.put(key(campaignId, rs.getLong(1), rs.getString(2)), rs.getLong(3)))
                .list();
        TreeMap<Key, Long> counted = new TreeMap<>();
        jdbc.sql("""
                        select t.ancestor_id, sc.school_level, count(*)
                        from (select distinct school_id from student where campaign_id = ? and status in %s) p
                        join org_school sc on sc.id = p.school_id
                        join org_unit_tree t on t.descendant_id = sc.unit_id
                        group by t.ancestor_id, sc.school_level""".formatted(SENT))
                .param(campaignId)
                .query((rs, n) -> counted.put(key(campaignId, rs.getLong(1), rs.getString(2)), rs.getLong(3)))
                .list();
        return Tallies.difference(stored, counted);
    }

    /** The kept count of one campaign's stored rows, for {@link TallyIntegrityCheck}'s findings. */
    long stored(long campaignId, long unitId, String schoolLevel) {
        return jdbc.sql("select coalesce(sum(schools), 0) from student_proposing_school_tally where campaign_id = ?"
                        + " and unit_id = ? and school_level = ?")
                .params(campaignId, unitId, schoolLevel)
                .query(Long.class)
                .single();
    }

    void forget(long campaignId) {
        jdbc.sql("delete from student_proposing_school_tally where campaign_id = ?")
                .param(campaignId)
                .update();
    }

    private static Key key(long campaignId, long unitId, String level) {
        return new Key(campaignId, "PROPOSING", unitId, "SENT", level, Tallies.ALL);
    }

    private static List<List<Long>> parts(java.util.Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 1_000) {
            parts.add(all.subList(from, Math.min(all.size(), from + 1_000)));
        }
        return parts;
    }

    private static String ids(java.util.Collection<Long> ids) {
        // numbers only: the ids come from the server's own reads
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
