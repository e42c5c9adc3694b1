package vn.cungem.donation;

import java.util.Map;
import vn.cungem.campaign.ItemType;
import vn.cungem.shared.Money;

/** A point with what donors pledged to bring there against what its receipts recorded, by item type. */
public record PointProgress(
        CollectionPoint point,
        Map<ItemType, Long> pledged,
        Map<ItemType, Long> received,
        Money cashPledgedVnd,
        long openPledges) {}
