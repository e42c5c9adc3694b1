package vn.cungem.inventory.work;

import java.time.OffsetDateTime;
import vn.cungem.campaign.ItemType;
import vn.cungem.inventory.lifecycle.ItemStatus;

/** What the workshop needs of an item to decide and record a step: its state and the version it was seen at. */
public record WorkItem(
        long id,
        String tag,
        long campaignId,
        ItemType type,
        ItemStatus status,
        int version,
        long unitId,
        OffsetDateTime ownerSince,
        Long softwareProfileId) {

    /** The same item as it stood in another state (what a caller holding an older version saw). */
    WorkItem in(ItemStatus other) {
        return new WorkItem(id, tag, campaignId, type, other, version, unitId, ownerSince, softwareProfileId);
    }
}
