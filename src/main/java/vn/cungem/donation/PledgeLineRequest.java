package vn.cungem.donation;

import vn.cungem.campaign.ItemType;

/** One kind of thing a donor will bring: 004 asks that chargers and cables come with the devices. */
public record PledgeLineRequest(
        ItemType itemType, Integer quantity, ItemCondition condition, String accessories, String description) {

    public boolean isEmpty() {
        return itemType == null && (quantity == null || quantity == 0);
    }
}
