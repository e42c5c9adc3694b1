package vn.cungem.inventory.places;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.cungem.donation.GoodsPurchased;
import vn.cungem.donation.GoodsReceived;

/**
 * New items stand at the collection point where they arrived. Runs just before the receipt's (or purchase's)
 * transaction commits, after the inventory has made the items in it, and fails the whole transaction if it fails: an
 * item never exists without its place.
 */
@Component
class ItemPlacing {

    private final JdbcClient jdbc;
    private final Places places;

    ItemPlacing(JdbcClient jdbc, Places places) {
        this.jdbc = jdbc;
        this.places = places;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(GoodsReceived e) {
        place(e.collectionPointId(), "receipt_id", e.receiptId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(GoodsPurchased e) {
        if (e.collectionPointId() != null) {
            place(e.collectionPointId(), "purchase_id", e.purchaseId());
        }
    }

    private void place(long pointId, String source, long sourceId) {
        long placeId = places.forPoint(pointId);
        jdbc.sql("update inventory_item set place_id = ? where " + source + " = ? and place_id is null")
                .params(placeId, sourceId)
                .update();
    }
}
