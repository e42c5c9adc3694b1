package vn.cungem.inventory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.ItemCondition;
import vn.cungem.inventory.tally.ItemTallies;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;

/**
 * Devices and stock. Each unit of a tagged type that arrives or is bought becomes one item with a {@code TB} tag and a
 * first event "received"; other goods are counted as stock movements. Listens in the transaction that records the
 * goods, so goods never exist without their items.
 */
@Service
public class Inventory {

    public static final String ENTITY = "inventory_item";
    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final UnitScopes scopes;
    private final UnitDirectory units;
    private final CollectionPoints points;

    private final ItemTallies tallies;

    Inventory(JdbcClient jdbc, UnitScopes scopes, UnitDirectory units, CollectionPoints points, ItemTallies tallies) {
        this.tallies = tallies;
        this.units = units;
        this.points = points;
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    public record Item(
            long id,
            String tag,
            long campaignId,
            ItemType type,
            ItemCondition condition,
            String description,
            String accessories,
            String serialNumber,
            String status,
            String sourceKind,
            Long receiptId,
            Long purchaseId,
            Long pledgeId,
            long unitId,
            String unitName,
            String pointName) {}

    public record Event(LocalDate occurredOn, String status, String note, Long unitId, String unitName) {}

    public record StockTotal(ItemType type, long quantity) {}

    /** {@code older}: the cursor of the next (older) page, null on the last; {@code newer}: of the page before. */
    public record ItemPage(List<Item> items, long total, Long older, Long newer) {}

    private static final String SELECT = """
            select i.id, i.tag, i.campaign_id, i.item_type, i.item_condition, i.description, i.accessories,
                   i.serial_number, i.status, i.source_kind, i.receipt_id, i.purchase_id, i.pledge_id, i.unit_id,
                   i.collection_point_id
              from inventory_item i
            """;

    /**
     * The unit's and collection point's names come from the organisation and donation modules' APIs, once per
     * distinct id of the page, not from their tables.
     */
    private List<Item> items(String where, Object... params) {
        List<Long> pointIds = new java.util.ArrayList<>();
        List<Item> found = jdbc.sql(SELECT + where)
                .params(List.of(params))
                .query((rs, n) -> {
                    pointIds.add(rs.getObject(15, Long.class));
                    return new Item(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getLong(3),
                            ItemType.valueOf(rs.getString(4)),
                            ItemCondition.valueOf(rs.getString(5)),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getObject(11, Long.class),
                            rs.getObject(12, Long.class),
                            rs.getObject(13, Long.class),
                            rs.getLong(14),
                            null,
                            null);
                })
                .list();
        java.util.Map<Long, String> unitNames =
                units.names(found.stream().map(Item::unitId).toList());
        java.util.Map<Long, String> pointNames = points.names(pointIds);
        List<Item> named = new java.util.ArrayList<>(found.size());
        for (int k = 0; k < found.size(); k++) {
            Item i = found.get(k);
            Long pointId = pointIds.get(k);
            String pointName = pointId == null ? null : pointNames.get(pointId);
            named.add(new Item(
                    i.id(),
                    i.tag(),
                    i.campaignId(),
                    i.type(),
                    i.condition(),
                    i.description(),
                    i.accessories(),
                    i.serialNumber(),
                    i.status(),
                    i.sourceKind(),
                    i.receiptId(),
                    i.purchaseId(),
                    i.pledgeId(),
                    i.unitId(),
                    unitNames.getOrDefault(i.unitId(), ""),
                    pointName));
        }
        return named;
    }

    /** Items that came with a receipt, in the order they were tagged. The caller checked the receipt's scope. */
    public List<Item> itemsOfReceipt(long receiptId) {
        return items("where i.receipt_id = ? order by i.id", receiptId);
    }

    public List<Item> itemsOfPledge(long pledgeId) {
        return items("where i.pledge_id = ? order by i.id", pledgeId);
    }

    public List<Item> itemsOfPurchase(long purchaseId) {
        return items("where i.purchase_id = ? order by i.id", purchaseId);
    }

    /** The item by its tag, without a scope check (the public tracking page shows its journey, never who holds it). */
    public Optional<Item> byTag(String tag) {
        return items("where i.tag = ?", tag).stream().findFirst();
    }

    /** The item when it belongs to a unit the caller covers; otherwise the same 404 as a missing tag. */
    public Item byTag(String tag, Caller caller) {
        Item item = byTag(tag).orElseThrow(() -> new NotFoundException(ENTITY, tag));
        scopes.requireCovers(caller, item.unitId(), ENTITY, tag);
        return item;
    }

    public List<Event> events(long itemId) {
        List<Event> events = jdbc.sql("""
                        select e.occurred_on, e.status, e.note, e.unit_id
                          from inventory_item_event e
                         where e.item_id = ? order by e.occurred_on, e.id""")
                .param(itemId)
                .query((rs, n) -> new Event(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, Long.class),
                        null))
                .list();
        java.util.Map<Long, String> names = units.names(events.stream()
                .map(Event::unitId)
                .filter(java.util.Objects::nonNull)
                .toList());
        return events.stream()
                .map(e -> new Event(
                        e.occurredOn(),
                        e.status(),
                        e.note(),
                        e.unitId(),
                        e.unitId() == null ? null : names.get(e.unitId())))
                .toList();
    }

    /** What the campaign's item list is narrowed to; null fields do not narrow it. */
    public record ItemFilter(String status, ItemType type, Long placeId) {
        public static final ItemFilter NONE = new ItemFilter(null, null, null);
    }

    /**
     * A campaign's items in the caller's units, newest first, {@link #PAGE_SIZE} at a time: after an item (older ones)
     * or before one (newer ones), never by an offset, so a page deep in 300,000 items costs what the first one does.
     * The total comes from the kept counts ({@code inventory_tally}), or is counted when a place narrows the list (a
     * place holds thousands at most).
     */
    public ItemPage items(long campaignId, ItemFilter filter, Long after, Long before, Caller caller) {
        ItemFilter f = filter == null ? ItemFilter.NONE : filter;
        List<Object> params = new ArrayList<>(List.of(campaignId));
        StringBuilder where =
                new StringBuilder("where i.campaign_id = ? and " + scopes.unitFilter(caller, "i.unit_id"));
        if (f.status() != null) {
            where.append(" and i.status = ?");
            params.add(f.status());
        }
        if (f.type() != null) {
            where.append(" and i.item_type = ?");
            params.add(f.type().name());
        }
        if (f.placeId() != null) {
            where.append(" and i.place_id = ?");
            params.add(f.placeId());
        }
        long total = f.placeId() == null ? kept(campaignId, f, caller) : counted(where.toString(), params);
        boolean backwards = after == null && before != null;
        List<Object> paged = new ArrayList<>(params);
        String edge = "";
        if (after != null) {
            edge = " and i.id < ?";
            paged.add(after);
        } else if (before != null) {
            edge = " and i.id > ?";
            paged.add(before);
        }
        paged.add(PAGE_SIZE + 1);
        List<Item> found = new ArrayList<>(items(
                where + edge + " order by i.id " + (backwards ? "asc" : "desc") + " fetch first ? rows only",
                paged.toArray()));
        boolean more = found.size() > PAGE_SIZE;
        if (more) {
            found.remove(PAGE_SIZE);
        }
        if (backwards) {
            java.util.Collections.reverse(found);
        }
        Long older = (backwards || more) && !found.isEmpty()
                ? found.get(found.size() - 1).id()
                : null;
        Long newer = (after != null || (backwards && more)) && !found.isEmpty()
                ? found.get(0).id()
                : null;
        return new ItemPage(found, total, older, newer);
    }

    /** The first page of the campaign's items in the caller's units, unfiltered. */
    public ItemPage items(long campaignId, Caller caller) {
        return items(campaignId, ItemFilter.NONE, null, null, caller);
    }

    private long kept(long campaignId, ItemFilter f, Caller caller) {
        return counts(campaignId, caller).entrySet().stream()
                .filter(e -> f.status() == null || f.status().equals(e.getKey().status()))
                .filter(e ->
                        f.type() == null || f.type().name().equals(e.getKey().type()))
                .mapToLong(java.util.Map.Entry::getValue)
                .sum();
    }

    private long counted(String where, List<Object> params) {
        return jdbc.sql("select count(*) from inventory_item i " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** The kept counts of the caller's units by type and status; none for a caller without a unit scope. */
    private java.util.Map<ItemTallies.Key, Long> counts(long campaignId, Caller caller) {
        return switch (caller.scope().kind()) {
            case EVERYTHING -> tallies.of(campaignId, null);
            case UNIT -> tallies.of(campaignId, caller.scope().unitId());
            default -> java.util.Map.of();
        };
    }

    /** Items per status in the caller's units, from the kept counts, for the list's filter. */
    public java.util.Map<String, Long> perStatus(long campaignId, Caller caller) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        counts(campaignId, caller).forEach((k, n) -> out.merge(k.status(), n, Long::sum));
        return out;
    }

    /** Stock on hand by type in the caller's units: tagged items from the kept counts, other goods by movements. */
    public List<StockTotal> stock(long campaignId, Caller caller) {
        List<StockTotal> out = new ArrayList<>();
        java.util.Map<String, Long> byType = new java.util.TreeMap<>();
        counts(campaignId, caller).forEach((k, n) -> byType.merge(k.type(), n, Long::sum));
        byType.forEach((type, n) -> out.add(new StockTotal(ItemType.valueOf(type), n)));
        jdbc.sql("select s.item_type, sum(s.quantity) from stock_movement s where s.campaign_id = ? and "
                        + scopes.unitFilter(caller, "s.unit_id") + " group by s.item_type order by s.item_type")
                .param(campaignId)
                .query((rs, n) -> out.add(new StockTotal(ItemType.valueOf(rs.getString(1)), rs.getLong(2))))
                .list();
        return out;
    }
}
