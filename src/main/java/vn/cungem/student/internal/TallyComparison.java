package vn.cungem.student.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.student.internal.Tallies.Key;

/**
 * The daily check's comparison of a campaign's kept counts with its rows, one top unit's part (a province) at a time: a
 * national campaign has about a million counter rows, and holding them twice (kept and recounted) took hundreds of
 * megabytes. Each part's places are complete within the part; the counters of the tree's roots, which every part adds
 * to, are summed across the parts and compared last. A student sits in its school's unit (every writer sets both), which
 * is what lets a school's counters be compared within its unit's part.
 */
@Component
public class TallyComparison {

    private static final String STORED = """
            select campaign_id, place_kind, place_id, status, school_level, category, students
            from student_tally where campaign_id = ? and students <> 0 and """;

    private final JdbcClient jdbc;
    private final StudentTallies tallies;
    private final ProposingSchools proposing;

    TallyComparison(JdbcClient jdbc, StudentTallies tallies, ProposingSchools proposing) {
        this.jdbc = jdbc;
        this.tallies = tallies;
        this.proposing = proposing;
    }

    /** Hands each counter that differs to {@code found} with its kept and recounted numbers; nothing when they agree. */
    public void compare(long campaignId, BiConsumer<Key, long[]> reported) {
        List<Map.Entry<Key, long[]>> differ = new java.util.ArrayList<>();
        BiConsumer<Key, long[]> found = (k, n) -> differ.add(Map.entry(k, n));
        List<Long> parts = jdbc.sql("""
                        select distinct a.ancestor_id
                        from (select distinct unit_id from student where campaign_id = ?) su
                        join org_unit_tree a on a.descendant_id = su.unit_id
                        join org_unit au on au.id = a.ancestor_id
                        join org_unit r on r.id = au.parent_id
                        where r.parent_id is null
                        order by 1""").param(campaignId).query(Long.class).list();
        TreeMap<Key, Long> roots = new TreeMap<>();
        long compared = 0;
        for (long part : parts) {
            Set<Long> units = new HashSet<>(jdbc.sql("select descendant_id from org_unit_tree where ancestor_id = ?")
                    .param(part)
                    .query(Long.class)
                    .list());
            TreeMap<Key, Long> counted = tallies.counts(
                    "s.campaign_id = ? and s.unit_id in (select descendant_id from org_unit_tree where ancestor_id = ?)",
                    List.of(campaignId, part));
            TreeMap<Key, Long> inside = new TreeMap<>();
            counted.forEach((k, n) -> {
                if (k.placeKind().equals("SCHOOL") || units.contains(k.placeId())) {
                    inside.put(k, n);
                } else {
                    roots.merge(k, n, Long::sum);
                }
            });
            TreeMap<Key, Long> stored = stored(
                    "((place_kind = 'UNIT' and place_id in (select descendant_id from org_unit_tree where ancestor_id = ?))"
                            + " or (place_kind = 'SCHOOL' and place_id in (select id from org_school where unit_id in"
                            + " (select descendant_id from org_unit_tree where ancestor_id = ?))))",
                    campaignId,
                    part);
            compared += stored.size();
            report(stored, inside, found);
        }
        counts("s.campaign_id = ? and s.unit_id in (select id from org_unit where parent_id is null)", campaignId)
                .forEach((k, n) -> roots.merge(k, n, Long::sum));
        TreeMap<Key, Long> storedRoots = stored(
                "((place_kind = 'UNIT' and place_id in (select id from org_unit where parent_id is null))"
                        + " or (place_kind = 'SCHOOL' and place_id in (select id from org_school where unit_id in"
                        + " (select id from org_unit where parent_id is null))))",
                campaignId);
        compared += storedRoots.size();
        report(storedRoots, roots, found);
        long all = jdbc.sql("select count(*) from student_tally where campaign_id = ? and students <> 0")
                .param(campaignId)
                .query(Long.class)
                .single();
        if (all != compared) {
            // counters of places no student of the campaign sits under any more: the whole comparison, in memory
            differ.clear();
            TreeMap<Key, Long> stored = tallies.stored(campaignId);
            Tallies.difference(stored, tallies.counts("s.campaign_id = ?", List.of(campaignId)))
                    .forEach((k, d) -> {
                        long kept = stored.getOrDefault(k, 0L);
                        found.accept(k, new long[] {kept, kept + d});
                    });
        }
        proposing.differences(campaignId).forEach((k, d) -> {
            long kept = proposing.stored(campaignId, k.placeId(), k.schoolLevel());
            found.accept(k, new long[] {kept, kept + d});
        });
        differ.forEach(e -> reported.accept(e.getKey(), e.getValue()));
    }

    private static void report(Map<Key, Long> stored, Map<Key, Long> counted, BiConsumer<Key, long[]> found) {
        Tallies.difference(stored, counted).forEach((k, d) -> {
            long kept = stored.getOrDefault(k, 0L);
            found.accept(k, new long[] {kept, kept + d});
        });
    }

    private TreeMap<Key, Long> counts(String where, long campaignId) {
        return tallies.counts(where, List.of(campaignId));
    }

    private TreeMap<Key, Long> stored(String where, long campaignId, long... parts) {
        TreeMap<Key, Long> stored = new TreeMap<>();
        List<Object> params = new java.util.ArrayList<>();
        params.add(campaignId);
        for (long part : parts) {
            params.add(part);
            params.add(part);
        }
        jdbc.sql(STORED + where)
                .params(params)
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
}
