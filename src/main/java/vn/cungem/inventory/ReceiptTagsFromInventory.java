package vn.cungem.inventory;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.Receipts;
import vn.cungem.donation.ReceivedItemTags;

/** The inventory answers donation's question about a receipt's tags from its own table. */
@Component
class ReceiptTagsFromInventory implements ReceivedItemTags {

    private final JdbcClient jdbc;

    ReceiptTagsFromInventory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Receipts.Tag> tagsOf(long receiptId) {
        return jdbc.sql(
                        "select tag, item_type, serial_number, status from inventory_item where receipt_id = ? order by id")
                .param(receiptId)
                .query((rs, n) -> new Receipts.Tag(
                        rs.getString(1), ItemType.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)))
                .list();
    }
}
