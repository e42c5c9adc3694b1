package vn.cungem.student.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cungem.shared.jdbc.PostgresCopy;
import vn.cungem.student.internal.Tallies.Group;
import vn.cungem.student.internal.Tallies.Key;

/**
 * The kept counts ({@code student_tally}, see V240): every write to a student's status, school or categories goes
 * through {@link #around} (or {@link #added} for new rows) in the same transaction, so the roll-up and the list's counts
 * read a few hundred rows instead of counting the campaign. {@link #differences} recomputes them from the rows.
 */
@Repository
public class StudentTallies {

    // the schools' levels are looked up after, by id: joined here, PostgreSQL hashed all 40,000 schools for a decision
    // of 1,000 students (175 ms of each of the two reads around it, at load average 22)
    private static final String GROUPS = """
            select s.campaign_id, s.school_id, s.unit_id, s.status, s.categories, count(*)
            from student s
            where %s
            group by s.campaign_id, s.school_id, s.unit_id, s.status, s.categories""";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StudentTallies.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;
    private final ProposingSchools proposing;
    private final UpkeepTimer upkeep;
    private final vn.cungem.organisation.TreeLock tree;
    private volatile Boolean postgres;

    StudentTallies(
            JdbcClient jdbc,
            JdbcTemplate template,
            DataSource dataSource,
            ProposingSchools proposing,
            io.micrometer.core.instrument.MeterRegistry meters,
            vn.cungem.organisation.TreeLock tree) {
        this.tree = tree;
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
        this.proposing = proposing;
        this.upkeep = new UpkeepTimer(meters);
    }

    /**
     * Runs {@code change} on the students {@code where} selects (the same students before and after: by id, never by a
     * column the change writes) and moves their counts from where they were to where they are now.
     */
    public <T> T around(String where, List<Object> params, Supplier<T> change) {
        tree.forCounting();
        TreeMap<Key, Long> before = upkeep.time(() -> counts(where, params));
        T result = change.get();
        upkeep.run(() -> apply(Tallies.difference(before, counts(where, params))));
        return result;
    }

    /** See {@link #around}: for a list of student ids. */
    public <T> T aroundIds(List<Long> ids, Supplier<T> change) {
        tree.forCounting();
        TreeMap<Key, Long> before = upkeep.time(() -> countsOfIds(ids));
        T result = change.get();
        upkeep.run(() -> apply(Tallies.difference(before, countsOfIds(ids))));
        return result;
    }

    /** Counts students just inserted, by id. */
    public void addedIds(List<Long> ids) {
        tree.forCounting();
        upkeep.run(() -> apply(countsOfIds(ids)));
    }

    private TreeMap<Key, Long> countsOfIds(List<Long> ids) {
        TreeMap<Key, Long> counts = new TreeMap<>();
        // a thousand ids a statement: an import may update tens of thousands of students
        for (int from = 0; from < ids.size(); from += 1_000) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 1_000));
            counts("s.id in (" + part.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")", List.of())
                    .forEach((k, n) -> counts.merge(k, n, Long::sum));
        }
        return counts;
    }

    /** Counts students just inserted (and counted nowhere yet) that {@code where} selects. */
    public void added(String where, List<Object> params) {
        tree.forCounting();
        upkeep.run(() -> apply(counts(where, params)));
    }

    /** Runs {@code work} on the counts, timed as their upkeep. */
    void timed(Runnable work) {
        upkeep.run(work);
    }

    /** The counts the rows give now, for the students {@code where} selects. */
    TreeMap<Key, Long> counts(String where, List<Object> params) {
        List<Group> groups = groups(where, params);
        return groups.isEmpty() ? new TreeMap<>() : count(groups);
    }

    /** The students {@code where} selects, grouped as the counters distinguish them. */
    List<Group> groups(String where, List<Object> params) {
        List<Object[]> read = jdbc.sql(GROUPS.formatted(where))
                .params(params)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getLong(6)
                })
                .list();
        if (read.isEmpty()) {
            return List.of();
        }
        Map<Long, String> levels =
                levels(read.stream().map(r -> (Long) r[1]).distinct().toList());
        List<Group> groups = new ArrayList<>(read.size());
        for (Object[] r : read) {
            String level = levels.get((Long) r[1]);
            if (level != null) {
                groups.add(new Group(
                        (Long) r[0], (Long) r[1], (Long) r[2], level, (String) r[3], (String) r[4], (Long) r[5]));
            }
        }
        return groups;
    }

    private TreeMap<Key, Long> count(List<Group> groups) {
        Set<Long> communes = new HashSet<>();
        Map<Long, List<Long>> ancestors =
                ancestors(groups.stream().map(Group::unitId).distinct().toList(), communes);
        return Tallies.count(groups, ancestors, communes);
    }

    /** A student as a change read them: what a status move needs to know to move their counts. */
    public record Placed(
            long campaignId, long schoolId, String schoolLevel, long unitId, String status, String categories) {}

    /**
     * Runs {@code change}, which moves each of {@code students} from the status given to {@code target} and writes
     * nothing else of theirs, failing unless each row is still as given (campaign, school, unit and categories): then
     * the counts move without reading the students again, before or after.
     */
    public <T> T moving(List<Placed> students, String target, Supplier<T> change) {
        tree.forCounting();
        T result = change.get();
        upkeep.run(() -> {
            List<Group> before = new ArrayList<>(students.size());
            for (Placed p : students) {
                before.add(new Group(
                        p.campaignId(), p.schoolId(), p.unitId(), p.schoolLevel(), p.status(), p.categories(), 1));
            }
            Set<Long> communes = new HashSet<>();
            Map<Long, List<Long>> ancestors =
                    ancestors(before.stream().map(Group::unitId).distinct().toList(), communes);
            apply(Tallies.moved(before, target, ancestors, communes));
        });
        return result;
    }

    private Map<Long, String> levels(List<Long> schools) {
        Map<Long, String> levels = new HashMap<>();
        for (int from = 0; from < schools.size(); from += 1_000) {
            jdbc.sql("select id, school_level from org_school where "
                            + idsIn("id", schools.subList(from, Math.min(schools.size(), from + 1_000))))
                    .query((rs, n) -> levels.put(rs.getLong(1), rs.getString(2)))
                    .list();
        }
        return levels;
    }

    /** Each unit's units at and above it; the communes among them, which keep no rows, go into {@code onRequest}. */
    Map<Long, List<Long>> ancestors(List<Long> units, Set<Long> onRequest) {
        Map<Long, List<Long>> ancestors = new HashMap<>();
        jdbc.sql("select t.descendant_id, t.ancestor_id, u.level_code from org_unit_tree t"
                        + " join org_unit u on u.id = t.ancestor_id where " + idsIn("t.descendant_id", units))
                .query((rs, n) -> {
                    if (!Tallies.kept(rs.getString(3))) {
                        onRequest.add(rs.getLong(2));
                    }
                    return ancestors
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getLong(2));
                })
                .list();
        return ancestors;
    }

    /**
     * Whether the kept counts hold a place's students per category (always per status): not a school's nor a
     * commune's, which the list counts from their rows when filtered by category ({@link Tallies}).
     */
    public boolean keepsCategories(String placeKind, Long placeId) {
        if (!placeKind.equals("UNIT")) {
            return false;
        }
        if (placeId == null) {
            // the tree's top units: never a commune
            return true;
        }
        return unitKept(placeId);
    }

    private boolean unitKept(long unitId) {
        return jdbc.sql("select level_code from org_unit where id = ?")
                .param(unitId)
                .query(String.class)
                .optional()
                .map(Tallies::kept)
                .orElse(false);
    }

    /** Adds the deltas in key order (two transactions touching the same rows lock them in the same order). */
    void apply(TreeMap<Key, Long> delta) {
        if (delta.isEmpty()) {
            return;
        }
        // reads the schools' sent counts as they are before this delta, so it goes first
        proposing.beforeApplying(delta, isPostgres());
        if (isPostgres()) {
            PostgresTallyRows.apply(template, delta);
            return;
        }
        template.batchUpdate("""
                merge into student_tally t
                using (values (cast(? as bigint), cast(? as varchar(6)), cast(? as bigint), cast(? as varchar(16)),
                               cast(? as varchar(32)), cast(? as varchar(64)), cast(? as bigint)))
                      v (campaign_id, place_kind, place_id, status, school_level, category, students)
                on t.campaign_id = v.campaign_id and t.place_kind = v.place_kind and t.place_id = v.place_id
                   and t.status = v.status and t.school_level = v.school_level and t.category = v.category
                when matched then update set students = t.students + v.students
                when not matched then insert (campaign_id, place_kind, place_id, status, school_level, category,
                                              students)
                     values (v.campaign_id, v.place_kind, v.place_id, v.status, v.school_level, v.category,
                             v.students)""", rows(delta));
    }

    private static List<Object[]> rows(Map<Key, Long> delta) {
        List<Object[]> rows = new ArrayList<>(delta.size());
        delta.forEach((k, n) -> rows.add(
                new Object[] {k.campaignId(), k.placeKind(), k.placeId(), k.status(), k.schoolLevel(), k.category(), n
                }));
        return rows;
    }

    /** The stored counts of a campaign, zero rows left out. */
    TreeMap<Key, Long> stored(long campaignId) {
        TreeMap<Key, Long> stored = new TreeMap<>();
        jdbc.sql("""
                        select campaign_id, place_kind, place_id, status, school_level, category, students
                        from student_tally where campaign_id = ? and students <> 0""")
                .param(campaignId)
                .query((rs, n) -> stored.put(
                        new Key(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6)),
                        rs.getLong(7)))
                .list();
        return stored;
    }

    /**
     * Where the kept counts of a campaign differ from the ones its rows give now: empty when they agree. Reads the
     * whole campaign; for the integrity check and tests, never for a page.
     */
    public Map<Key, Long> differences(long campaignId) {
        TreeMap<Key, Long> differences =
                Tallies.difference(stored(campaignId), counts("s.campaign_id = ?", List.of(campaignId)));
        differences.putAll(proposing.differences(campaignId));
        return differences;
    }

    /** Counts a campaign again from its rows: for rows written before the counts were kept (V240). */
    public void recount(long campaignId) {
        tree.forCounting();
        jdbc.sql("delete from student_tally where campaign_id = ?")
                .param(campaignId)
                .update();
        proposing.forget(campaignId);
        apply(counts("s.campaign_id = ?", List.of(campaignId)));
    }

    /**
     * Students per status at one place from the kept counts: a unit (its whole subtree), a school, or with a null
     * {@code placeId} every top unit of the tree (the whole campaign). {@code category} null counts every student.
     */
    public Map<vn.cungem.student.StudentStatus, Long> perStatus(
            long campaignId, String placeKind, Long placeId, String category) {
        Map<vn.cungem.student.StudentStatus, Long> counts =
                new java.util.EnumMap<>(vn.cungem.student.StudentStatus.class);
        String place = placeId == null
                ? "place_id in (select id from org_unit where parent_id is null)"
                : "place_id = " + placeId.longValue();
        if (placeId != null && placeKind.equals("UNIT") && !unitKept(placeId)) {
            // a commune: its schools' rows (its counts per category are not kept: the caller counts those)
            placeKind = "SCHOOL";
            place = "place_id in (select id from org_school where unit_id = " + placeId.longValue() + ")";
        }
        jdbc.sql("select status, sum(students) from student_tally where campaign_id = ? and place_kind = ? and " + place
                        + " and category = ? group by status")
                .params(campaignId, placeKind, category == null ? Tallies.ALL : category)
                .query((rs, n) -> counts.merge(
                        vn.cungem.student.StudentStatus.valueOf(rs.getString(1)), rs.getLong(2), Long::sum))
                .list();
        counts.values().removeIf(n -> n == 0);
        return counts;
    }

    /** Campaigns with students and no kept counts yet. */
    public List<Long> campaignsNotCounted() {
        return jdbc.sql("""
                        select c.campaign_id from (select distinct campaign_id from student) c
                        where not exists (select 1 from student_tally t where t.campaign_id = c.campaign_id)""").query(Long.class).list();
    }

    boolean isPostgres() {
        if (postgres == null) {
            postgres = PostgresCopy.isPostgres(dataSource);
        }
        return postgres;
    }

    private static String idsIn(String column, List<Long> ids) {
        if (ids.isEmpty()) {
            return "1=0";
        }
        // numbers only: the ids come from the server's own reads
        return column + " in (" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
    }
}
