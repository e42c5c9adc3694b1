package vn.cungem.donation;

import java.util.List;

/**
 * The device tags given to the units of a receipt, as the receipt page and its labels show them. Implemented by the
 * inventory module, which keeps the tags and depends on this one: donation asks through this port instead of reading
 * the inventory's table.
 */
public interface ReceivedItemTags {

    /** The tags of the receipt's devices, in the order they were made. */
    List<Receipts.Tag> tagsOf(long receiptId);
}
