package vn.cungem.inventory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.donation.GoodsLine;
import vn.cungem.donation.GoodsPurchased;
import vn.cungem.donation.GoodsReceived;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.TrackingCode;
import vn.cungem.inventory.tally.ItemTallies;
import vn.cungem.shared.text.Bundles;

/**
 * Each unit of a tagged type that arrives or is bought becomes one item with a {@code TB} tag and a first event
 * "received", counted in the kept counts; other goods are counted as stock movements. Listens in the transaction that
 * records the goods, so goods never exist without their items.
 */
@Component
class ItemIntake {

    private final JdbcClient jdbc;
    private final ItemTallies tallies;

    ItemIntake(JdbcClient jdbc, ItemTallies tallies) {
        this.jdbc = jdbc;
        this.tallies = tallies;
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
        List<String> tags = new ArrayList<>();
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
                tags.add(tag);
            }
        }
        if (!tags.isEmpty()) {
            tallies.added(
                    "i.tag in (" + String.join(",", java.util.Collections.nCopies(tags.size(), "?")) + ")",
                    List.copyOf(tags));
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
}
