package vn.cungem.inventory.tally;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cungem.shared.jdbc.PostgresCopy;

/**
 * The kept counts of items ({@code inventory_tally}, V257): per campaign, unit, type and status, with every unit above
 * an item's unit counted too, so that the items of a unit's whole subtree are one row per type and status. Every write
 * that changes an item's status, type or unit goes through {@link #around} in the same transaction (new items through
 * {@link #added}); {@link #differences} recomputes the counts from the rows for the check and the tests.
 */
@Repository
public class ItemTallies {

    /** One counter: {@code unitId} is the item's unit or any unit above it. */
    public record Key(long campaignId, long unitId, String type, String status) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(campaignId, o.campaignId);
            c = c != 0 ? c : Long.compare(unitId, o.unitId);
            c = c != 0 ? c : type.compareTo(o.type);
            return c != 0 ? c : status.compareTo(o.status);
        }
    }

    private static final String GROUPS = """
            select i.campaign_id, i.unit_id, i.item_type, i.status, count(*) from inventory_item i
            where %s group by i.campaign_id, i.unit_id, i.item_type, i.status""";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ItemTallies.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;
    private volatile Boolean postgres;

    ItemTallies(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code change} on the items {@code where} selects (alias {@code i}; the same items before and after, so by
     * id or by a column the change does not write) and moves their counts from where they were to where they are.
     */
    public <T> T around(String where, List<Object> params, Supplier<T> change) {
        TreeMap<Key, Long> before = counts(where, params);
        T result = change.get();
        TreeMap<Key, Long> delta = new TreeMap<>(counts(where, params));
        before.forEach((k, n) -> delta.merge(k, -n, Long::sum));
        delta.values().removeIf(n -> n == 0);
        apply(delta);
        return result;
    }

    /** See {@link #around}: one item by id. */
    public <T> T aroundItem(long itemId, Supplier<T> change) {
        return around("i.id = ?", List.of(itemId), change);
    }

    /**
     * One item moved from one status to another by an update that checked the status it left (so the move is known
     * without reading the counts again).
     */
    public void moved(long campaignId, long unitId, String type, String from, String to) {
        if (from.equals(to)) {
            return;
        }
        TreeMap<Key, Long> delta = new TreeMap<>();
        for (long unit : ancestors(List.of(unitId)).getOrDefault(unitId, List.of(unitId))) {
            delta.put(new Key(campaignId, unit, type, from), -1L);
            delta.put(new Key(campaignId, unit, type, to), 1L);
        }
        apply(delta);
    }

    /** Counts items just written (and counted nowhere yet) that {@code where} selects. */
    public void added(String where, List<Object> params) {
        apply(counts(where, params));
    }

    TreeMap<Key, Long> counts(String where, List<Object> params) {
        record Group(long campaignId, long unitId, String type, String status, long items) {}
        List<Group> groups = jdbc.sql(GROUPS.formatted(where))
                .params(params)
                .query((rs, n) ->
                        new Group(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .list();
        TreeMap<Key, Long> counts = new TreeMap<>();
        if (groups.isEmpty()) {
            return counts;
        }
        Map<Long, List<Long>> above =
                ancestors(groups.stream().map(Group::unitId).distinct().toList());
        for (Group g : groups) {
            for (long unit : above.getOrDefault(g.unitId(), List.of(g.unitId()))) {
                counts.merge(new Key(g.campaignId(), unit, g.type(), g.status()), g.items(), Long::sum);
            }
        }
        return counts;
    }

    /** Each unit with itself and every unit above it (the published tree holds the unit itself too). */
    private Map<Long, List<Long>> ancestors(List<Long> units) {
        Map<Long, List<Long>> ancestors = new HashMap<>();
        for (int from = 0; from < units.size(); from += 1_000) {
            String ids = units.subList(from, Math.min(units.size(), from + 1_000)).stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining(","));
            jdbc.sql("select descendant_id, ancestor_id from org_unit_tree where descendant_id in (" + ids + ")")
                    .query((rs, n) -> ancestors
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getLong(2)))
                    .list();
        }
        ancestors.forEach((unit, list) -> {
            if (!list.contains(unit)) {
                list.add(unit);
            }
        });
        return ancestors;
    }

    /** Adds the deltas in key order, so two transactions touching the same counters lock them in the same order. */
    void apply(TreeMap<Key, Long> delta) {
        if (delta.isEmpty()) {
            return;
        }
        if (isPostgres()) {
            applyOnPostgres(delta);
            return;
        }
        template.batchUpdate("""
                merge into inventory_tally t
                using (values (cast(? as bigint), cast(? as bigint), cast(? as varchar(32)), cast(? as varchar(24)),
                               cast(? as bigint))) v (campaign_id, unit_id, item_type, status, items)
                on t.campaign_id = v.campaign_id and t.unit_id = v.unit_id and t.item_type = v.item_type
                   and t.status = v.status
                when matched then update set items = t.items + v.items
                when not matched then insert (campaign_id, unit_id, item_type, status, items)
                     values (v.campaign_id, v.unit_id, v.item_type, v.status, v.items)""", rows(delta, false));
    }

    /**
     * PostgreSQL checks a new row's constraints before it looks for a conflict, so a negative delta cannot go through
     * {@code on conflict} ({@code items >= 0} fails first): a count going down updates a row that must exist.
     */
    private void applyOnPostgres(TreeMap<Key, Long> delta) {
        TreeMap<Key, Long> down = new TreeMap<>();
        TreeMap<Key, Long> up = new TreeMap<>();
        delta.forEach((k, n) -> (n < 0 ? down : up).put(k, n));
        if (!down.isEmpty()) {
            int[] done = template.batchUpdate("""
                    update inventory_tally set items = items + ?
                    where campaign_id = ? and unit_id = ? and item_type = ? and status = ?""", rows(down, true));
            for (int n : done) {
                if (n == 0) {
                    // a count that had drifted already: differences() names it, recount() mends it
                    log.warn(
                            "A kept item count of campaign {} was missing",
                            down.firstKey().campaignId());
                }
            }
        }
        if (!up.isEmpty()) {
            template.batchUpdate("""
                    insert into inventory_tally (campaign_id, unit_id, item_type, status, items)
                    values (?, ?, ?, ?, ?)
                    on conflict (campaign_id, unit_id, item_type, status)
                    do update set items = inventory_tally.items + excluded.items""", rows(up, false));
        }
    }

    private static List<Object[]> rows(Map<Key, Long> delta, boolean countFirst) {
        List<Object[]> rows = new ArrayList<>(delta.size());
        delta.forEach((k, n) -> rows.add(
                countFirst
                        ? new Object[] {n, k.campaignId(), k.unitId(), k.type(), k.status()}
                        : new Object[] {k.campaignId(), k.unitId(), k.type(), k.status(), n}));
        return rows;
    }

    /** The stored counts of a campaign, zero rows left out. */
    TreeMap<Key, Long> stored(long campaignId) {
        TreeMap<Key, Long> stored = new TreeMap<>();
        jdbc.sql("""
                        select campaign_id, unit_id, item_type, status, items from inventory_tally
                        where campaign_id = ? and items <> 0""")
                .param(campaignId)
                .query((rs, n) -> stored.put(
                        new Key(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)), rs.getLong(5)))
                .list();
        return stored;
    }

    /**
     * Where the kept counts of a campaign differ from the ones its rows give now (stored minus recomputed): empty when
     * they agree. Reads the whole campaign: for the integrity check and the tests, never for a page.
     */
    public Map<Key, Long> differences(long campaignId) {
        TreeMap<Key, Long> diff = stored(campaignId);
        counts("i.campaign_id = ?", List.of(campaignId)).forEach((k, n) -> diff.merge(k, -n, Long::sum));
        diff.values().removeIf(n -> n == 0);
        return diff;
    }

    /** Counts a campaign again from its rows (after a bulk load, or to mend counts {@link #differences} found). */
    public void recount(long campaignId) {
        jdbc.sql("delete from inventory_tally where campaign_id = ?")
                .param(campaignId)
                .update();
        apply(counts("i.campaign_id = ?", List.of(campaignId)));
    }

    /**
     * Items per type and status from the kept counts: in one unit's subtree, or with a null {@code unitId} in the
     * whole campaign (the sum over the top units of the tree).
     */
    public Map<Key, Long> of(long campaignId, Long unitId) {
        String units = unitId == null
                ? "unit_id in (select id from org_unit where parent_id is null)"
                : "unit_id = " + unitId.longValue();
        Map<Key, Long> out = new TreeMap<>();
        jdbc.sql("select item_type, status, sum(items) from inventory_tally where campaign_id = ? and " + units
                        + " group by item_type, status")
                .param(campaignId)
                .query((rs, n) -> out.put(
                        new Key(campaignId, unitId == null ? 0 : unitId, rs.getString(1), rs.getString(2)),
                        rs.getLong(3)))
                .list();
        out.values().removeIf(n -> n == 0);
        return out;
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = PostgresCopy.isPostgres(dataSource);
        }
        return postgres;
    }
}
