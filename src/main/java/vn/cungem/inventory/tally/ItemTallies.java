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
import vn.cungem.shared.jdbc.CounterRows;
import vn.cungem.shared.jdbc.PostgresCopy;

/**
 * The kept counts of items ({@code inventory_tally}, V257): per campaign, unit, type and status, with every unit above
 * an item's unit counted too, so that the items of a unit's whole subtree are one row per type and status; with them the
 * sums of those items' repair logs (V310), so what repairs cost per ready device is a few rows too. Every write that
 * changes an item's status, type, unit or repair sums goes through {@link #around} in the same transaction (new items
 * through {@link #added}); {@link #differences} recomputes the counts from the rows for the check and the tests.
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

    /** What one counter holds: items, and the minutes and parts' cost of their repair logs. */
    public record Counts(long items, long repairMinutes, long repairPartsVnd) {

        static final Counts ZERO = new Counts(0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(items + o.items, repairMinutes + o.repairMinutes, repairPartsVnd + o.repairPartsVnd);
        }

        Counts negated() {
            return new Counts(-items, -repairMinutes, -repairPartsVnd);
        }

        boolean isZero() {
            return equals(ZERO);
        }
    }

    private static final String GROUPS = """
            select i.campaign_id, i.unit_id, i.item_type, i.status, count(*), sum(i.repair_minutes),
                   sum(i.repair_parts_vnd)
              from inventory_item i
            where %s group by i.campaign_id, i.unit_id, i.item_type, i.status""";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final CounterRows rows;
    private final vn.cungem.organisation.TreeLock tree;
    private volatile Boolean postgres;

    ItemTallies(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource, vn.cungem.organisation.TreeLock tree) {
        this.tree = tree;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.rows = new CounterRows(
                template,
                "inventory_tally",
                List.of("campaign_id", "unit_id", "item_type", "status"),
                List.of("bigint", "bigint", "varchar(32)", "varchar(24)"),
                List.of("items", "repair_minutes", "repair_parts_vnd"));
    }

    /**
     * Runs {@code change} on the items {@code where} selects (alias {@code i}; the same items before and after, so by
     * id or by a column the change does not write) and moves their counts from where they were to where they are.
     */
    public <T> T around(String where, List<Object> params, Supplier<T> change) {
        tree.forCounting();
        TreeMap<Key, Counts> before = counts(where, params);
        T result = change.get();
        TreeMap<Key, Counts> delta = new TreeMap<>(counts(where, params));
        before.forEach((k, n) -> delta.merge(k, n.negated(), Counts::plus));
        delta.values().removeIf(Counts::isZero);
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
    public void moved(long itemId, long campaignId, long unitId, String type, String from, String to) {
        tree.forCounting();
        if (from.equals(to)) {
            return;
        }
        // the item's repair sums move with it: read them rather than carry them through every caller
        Counts one = jdbc.sql("select repair_minutes, repair_parts_vnd from inventory_item where id = ?")
                .param(itemId)
                .query((rs, n) -> new Counts(1, rs.getLong(1), rs.getLong(2)))
                .single();
        TreeMap<Key, Counts> delta = new TreeMap<>();
        for (long unit : ancestors(List.of(unitId)).getOrDefault(unitId, List.of(unitId))) {
            delta.put(new Key(campaignId, unit, type, from), one.negated());
            delta.put(new Key(campaignId, unit, type, to), one);
        }
        apply(delta);
    }

    /**
     * The unit {@code moved} and everything below it have moved under a new parent (organisation's event, in the move's
     * transaction): their items' counts leave the old parent and every unit above it and join the new parent's.
     */
    @org.springframework.context.event.EventListener
    public void subtreeMoved(vn.cungem.organisation.UnitMoved moved) {
        List<Long> before = moved.oldParentId() == null
                ? List.of()
                : ancestors(List.of(moved.oldParentId())).getOrDefault(moved.oldParentId(), List.of());
        List<Long> after = ancestors(List.of(moved.newParentId())).getOrDefault(moved.newParentId(), List.of());
        TreeMap<Key, Counts> delta = new TreeMap<>();
        jdbc.sql(GROUPS.formatted("i.unit_id in (select descendant_id from org_unit_tree where ancestor_id = ?)"))
                .param(moved.unitId())
                .query((rs, n) -> {
                    Counts counts = new Counts(rs.getLong(5), rs.getLong(6), rs.getLong(7));
                    for (long unit : before) {
                        delta.merge(
                                new Key(rs.getLong(1), unit, rs.getString(3), rs.getString(4)),
                                counts.negated(),
                                Counts::plus);
                    }
                    for (long unit : after) {
                        delta.merge(
                                new Key(rs.getLong(1), unit, rs.getString(3), rs.getString(4)), counts, Counts::plus);
                    }
                    return null;
                })
                .list();
        delta.values().removeIf(Counts::isZero);
        if (!delta.isEmpty()) {
            apply(delta);
        }
    }

    /** Counts items just written (and counted nowhere yet) that {@code where} selects. */
    public void added(String where, List<Object> params) {
        tree.forCounting();
        apply(counts(where, params));
    }

    TreeMap<Key, Counts> counts(String where, List<Object> params) {
        record Group(long campaignId, long unitId, String type, String status, Counts counts) {}
        List<Group> groups = jdbc.sql(GROUPS.formatted(where))
                .params(params)
                .query((rs, n) -> new Group(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        new Counts(rs.getLong(5), rs.getLong(6), rs.getLong(7))))
                .list();
        TreeMap<Key, Counts> counts = new TreeMap<>();
        if (groups.isEmpty()) {
            return counts;
        }
        Map<Long, List<Long>> above =
                ancestors(groups.stream().map(Group::unitId).distinct().toList());
        for (Group g : groups) {
            for (long unit : above.getOrDefault(g.unitId(), List.of(g.unitId()))) {
                counts.merge(new Key(g.campaignId(), unit, g.type(), g.status()), g.counts(), Counts::plus);
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
    void apply(TreeMap<Key, Counts> delta) {
        List<CounterRows.Delta> deltas = new ArrayList<>(delta.size());
        delta.forEach((k, n) -> deltas.add(new CounterRows.Delta(
                List.of(k.campaignId(), k.unitId(), k.type(), k.status()),
                new long[] {n.items(), n.repairMinutes(), n.repairPartsVnd()})));
        rows.add(deltas, isPostgres());
    }

    /** The stored counts of a campaign, zero rows left out. */
    TreeMap<Key, Counts> stored(long campaignId) {
        TreeMap<Key, Counts> stored = new TreeMap<>();
        jdbc.sql("""
                        select campaign_id, unit_id, item_type, status, items, repair_minutes, repair_parts_vnd
                          from inventory_tally
                        where campaign_id = ? and (items <> 0 or repair_minutes <> 0 or repair_parts_vnd <> 0)""")
                .param(campaignId)
                .query((rs, n) -> stored.put(
                        new Key(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                        new Counts(rs.getLong(5), rs.getLong(6), rs.getLong(7))))
                .list();
        return stored;
    }

    /**
     * Where the kept counts of a campaign differ from the ones its rows give now (stored minus recomputed): empty when
     * they agree. Reads the whole campaign: for the integrity check and the tests, never for a page.
     */
    public Map<Key, Counts> differences(long campaignId) {
        TreeMap<Key, Counts> diff = stored(campaignId);
        counts("i.campaign_id = ?", List.of(campaignId)).forEach((k, n) -> diff.merge(k, n.negated(), Counts::plus));
        diff.values().removeIf(Counts::isZero);
        return diff;
    }

    /**
     * Items of a campaign whose kept repair sums differ from their repair log (the other half of the check): their ids,
     * empty when they agree. Reads the campaign's repairs, never for a page.
     */
    public List<Long> repairSumDifferences(long campaignId) {
        return jdbc.sql("""
                        select i.id from inventory_item i
                          left join (select r.item_id, sum(r.minutes) as minutes from inventory_repair r
                                      where r.campaign_id = ? group by r.item_id) m on m.item_id = i.id
                          left join (select r.item_id, sum(p.cost_vnd) as cost from inventory_repair_part p
                                       join inventory_repair r on r.id = p.repair_id
                                      where r.campaign_id = ? group by r.item_id) c on c.item_id = i.id
                         where i.campaign_id = ?
                           and (i.repair_minutes <> coalesce(m.minutes, 0) or i.repair_parts_vnd <> coalesce(c.cost, 0))
                         order by i.id""")
                .params(campaignId, campaignId, campaignId)
                .query(Long.class)
                .list();
    }

    /** What repairs of the items in one unit's subtree (or, with a null unit, the whole campaign) cost, kept. */
    public Counts repairs(long campaignId, Long unitId) {
        return jdbc.sql(
                        "select coalesce(sum(repair_minutes), 0), coalesce(sum(repair_parts_vnd), 0) from inventory_tally"
                                + " where campaign_id = ? and " + units(unitId))
                .param(campaignId)
                .query((rs, n) -> new Counts(0, rs.getLong(1), rs.getLong(2)))
                .single();
    }

    private static String units(Long unitId) {
        return unitId == null
                ? "unit_id in (select id from org_unit where parent_id is null)"
                : "unit_id = " + unitId.longValue();
    }

    /** Counts a campaign again from its rows (after a bulk load, or to mend counts {@link #differences} found). */
    public void recount(long campaignId) {
        tree.forCounting();
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
        Map<Key, Long> out = new TreeMap<>();
        jdbc.sql("select item_type, status, sum(items) from inventory_tally where campaign_id = ? and " + units(unitId)
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
