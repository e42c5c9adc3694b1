package vn.cungem.student.internal;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.cungem.student.internal.Tallies.Key;

/** How {@link StudentTallies} moves counter rows on PostgreSQL. */
final class PostgresTallyRows {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PostgresTallyRows.class);

    private PostgresTallyRows() {}

    /**
     * One statement over arrays for every counter a change moves, up and down, in key order ({@code collate "C"} is the
     * order of {@link Key}): {@code insert … on conflict} locks each row as it reaches it, so two changes touching the
     * same counters take them in the same order and never wait on each other in a circle. PostgreSQL checks a new row's
     * constraints before it looks for the conflict, so the candidate row carries what cannot fail {@code students >= 0}
     * (the delta, or 0 when it goes down) and the delta itself travels in {@code last_change}, which the update adds.
     * Before V392 a decision of 1,000 students ran two statements for what went down (lock, then update) and one for
     * what went up; see docs/benchmarks.md, registry run 8.
     */
    static void apply(JdbcTemplate template, TreeMap<Key, Long> delta) {
        Integer missing = template.execute((java.sql.Connection c) -> {
            try (var ps = c.prepareStatement(KEYED_ROWS.formatted("""
                    , moved as (
                      insert into student_tally (campaign_id, place_kind, place_id, status, school_level, category,
                                                 students, last_change)
                      select campaign_id, place_kind, place_id, status, school_level, category, greatest(n, 0), n
                      from v
                      order by campaign_id, place_kind collate "C", place_id, status collate "C",
                               school_level collate "C", category collate "C"
                      on conflict (campaign_id, place_kind, place_id, status, school_level, category)
                      do update set students = student_tally.students + excluded.last_change,
                                    last_change = excluded.last_change
                      returning xmax = 0 as inserted, last_change)
                    select count(*) from moved where inserted and last_change < 0"""))) {
                bind(c, ps, delta);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
        if (missing != null && missing > 0) {
            // counts that had drifted already (a row to take from was not there, now 0): the check (differences) names
            // them, recount mends them
            log.warn(
                    "{} kept student counts of campaign {} were missing",
                    missing,
                    delta.firstKey().campaignId());
        }
    }

    /** The delta as seven arrays, one a column, named {@code v} for the statement that follows. */
    private static final String KEYED_ROWS = """
            with v (campaign_id, place_kind, place_id, status, school_level, category, n) as (
              select * from unnest(cast(? as bigint[]), cast(? as varchar[]), cast(? as bigint[]), cast(? as varchar[]),
                                   cast(? as varchar[]), cast(? as varchar[]), cast(? as bigint[])))
            %s""";

    private static void bind(java.sql.Connection c, java.sql.PreparedStatement ps, TreeMap<Key, Long> delta)
            throws java.sql.SQLException {
        int size = delta.size();
        Object[] campaigns = new Object[size];
        Object[] kinds = new Object[size];
        Object[] places = new Object[size];
        Object[] statuses = new Object[size];
        Object[] levels = new Object[size];
        Object[] categories = new Object[size];
        Object[] counts = new Object[size];
        int i = 0;
        for (Map.Entry<Key, Long> e : delta.entrySet()) {
            Key k = e.getKey();
            campaigns[i] = k.campaignId();
            kinds[i] = k.placeKind();
            places[i] = k.placeId();
            statuses[i] = k.status();
            levels[i] = k.schoolLevel();
            categories[i] = k.category();
            counts[i] = e.getValue();
            i++;
        }
        ps.setArray(1, c.createArrayOf("bigint", campaigns));
        ps.setArray(2, c.createArrayOf("varchar", kinds));
        ps.setArray(3, c.createArrayOf("bigint", places));
        ps.setArray(4, c.createArrayOf("varchar", statuses));
        ps.setArray(5, c.createArrayOf("varchar", levels));
        ps.setArray(6, c.createArrayOf("varchar", categories));
        ps.setArray(7, c.createArrayOf("bigint", counts));
    }
}
