package vn.cungem.inventory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.CollectionPoint;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.GoodsLine;
import vn.cungem.donation.GoodsPurchased;
import vn.cungem.donation.GoodsReceived;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.TrackingCode;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.Bundles;

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

    Inventory(JdbcClient jdbc, UnitScopes scopes, UnitDirectory units, CollectionPoints points) {
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

    public record ItemPage(List<Item> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(GoodsReceived e) {
        add(
                e.campaignId(),
                e.collectionPointId(),
                e.unitId(),
                "RECEIPT",
                e.receiptId(),
                null,
                e.pledgeId(),
                e.receivedOn(),
                e.lines());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(GoodsPurchased e) {
        add(
                e.campaignId(),
                e.collectionPointId(),
                e.unitId(),
                "PURCHASE",
                null,
                e.purchaseId(),
                null,
                e.purchasedOn(),
                e.lines());
    }

    private void add(
            long campaignId,
            Long pointId,
            long unitId,
            String sourceKind,
            Long receiptId,
            Long purchaseId,
            Long pledgeId,
            LocalDate on,
            List<GoodsLine> lines) {
        OffsetDateTime now = OffsetDateTime.now();
        for (GoodsLine line : lines) {
            if (!GoodsLine.isTagged(line.type())) {
                jdbc.sql("""
                                insert into stock_movement (campaign_id, collection_point_id, unit_id, item_type,
                                                            description, quantity, receipt_id, purchase_id, created_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                campaignId,
                                pointId,
                                unitId,
                                line.type().name(),
                                line.description(),
                                line.quantity(),
                                receiptId,
                                purchaseId,
                                now)
                        .update();
                continue;
            }
            for (int i = 0; i < line.quantity(); i++) {
                String serial =
                        i < line.serialNumbers().size() ? line.serialNumbers().get(i) : null;
                String tag = newTag();
                jdbc.sql("""
                                insert into inventory_item (tag, campaign_id, item_type, item_condition, description,
                                                            accessories, serial_number, status, source_kind,
                                                            receipt_id, purchase_id, pledge_id, collection_point_id,
                                                            unit_id, created_at, updated_at)
                                values (?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                tag,
                                campaignId,
                                line.type().name(),
                                (line.condition() == null ? ItemCondition.USED_WORKING : line.condition()).name(),
                                line.description(),
                                line.accessories(),
                                serial,
                                sourceKind,
                                receiptId,
                                purchaseId,
                                pledgeId,
                                pointId,
                                unitId,
                                now,
                                now)
                        .update();
                jdbc.sql("""
                                insert into inventory_item_event (item_id, occurred_on, status, note, unit_id,
                                                                  created_at)
                                select id, ?, 'RECEIVED', ?, ?, ? from inventory_item where tag = ?""")
                        .params(on, receivedNote(sourceKind), unitId, now, tag)
                        .update();
            }
        }
    }

    /** The first line of a device's history, stored in Vietnamese like the notes people write there. */
    private static String receivedNote(String sourceKind) {
        return Bundles.vi("inventory.history.received." + ("RECEIPT".equals(sourceKind) ? "RECEIPT" : "PURCHASE"));
    }

    private String newTag() {
        for (int attempt = 0; attempt < 10; attempt++) {
            String tag = TrackingCode.generate(TrackingCode.DEVICE).value();
            if (jdbc.sql("select count(*) from inventory_item where tag = ?")
                            .param(tag)
                            .query(Long.class)
                            .single()
                    == 0) {
                return tag;
            }
        }
        throw new IllegalStateException("no free device tag after 10 attempts");
    }

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
        java.util.Map<Long, String> pointNames = new java.util.HashMap<>();
        List<Item> named = new java.util.ArrayList<>(found.size());
        for (int k = 0; k < found.size(); k++) {
            Item i = found.get(k);
            Long pointId = pointIds.get(k);
            String pointName = pointId == null
                    ? null
                    : pointNames.computeIfAbsent(
                            pointId,
                            id -> points.find(id).map(CollectionPoint::name).orElse(null));
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

    /** A campaign's items in the caller's units, newest first. */
    public ItemPage items(long campaignId, Caller caller, int page) {
        int p = Math.max(0, page);
        String where = "where i.campaign_id = ? and " + scopes.unitFilter(caller, "i.unit_id");
        long total = jdbc.sql("select count(*) from inventory_item i " + where)
                .param(campaignId)
                .query(Long.class)
                .single();
        List<Item> list = items(
                where + " order by i.id desc offset ? rows fetch next ? rows only",
                campaignId,
                p * PAGE_SIZE,
                PAGE_SIZE);
        return new ItemPage(list, total, p, PAGE_SIZE);
    }

    /** Stock on hand by type in the caller's units: tagged items counted one by one, other goods by movements. */
    public List<StockTotal> stock(long campaignId, Caller caller) {
        List<StockTotal> out = new ArrayList<>();
        jdbc.sql("select i.item_type, count(*) from inventory_item i where i.campaign_id = ? and "
                        + scopes.unitFilter(caller, "i.unit_id") + " group by i.item_type order by i.item_type")
                .param(campaignId)
                .query((rs, n) -> out.add(new StockTotal(ItemType.valueOf(rs.getString(1)), rs.getLong(2))))
                .list();
        jdbc.sql("select s.item_type, sum(s.quantity) from stock_movement s where s.campaign_id = ? and "
                        + scopes.unitFilter(caller, "s.unit_id") + " group by s.item_type order by s.item_type")
                .param(campaignId)
                .query((rs, n) -> out.add(new StockTotal(ItemType.valueOf(rs.getString(1)), rs.getLong(2))))
                .list();
        return out;
    }
}
