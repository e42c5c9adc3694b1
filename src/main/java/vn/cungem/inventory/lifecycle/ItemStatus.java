package vn.cungem.inventory.lifecycle;

import vn.cungem.shared.text.Labelled;

/**
 * Where a tagged device stands in its refurbishment (issue 13, after 001's "IT áo xanh" work: receive, check, repair,
 * wipe, install software, hand over). Named in the bundles as {@code inventory.status.<CONSTANT>}, the key the
 * inventory's pages already use for the status column.
 */
public enum ItemStatus implements Labelled {
    RECEIVED,
    IN_INSPECTION,
    NEEDS_REPAIR,
    IN_REPAIR,
    WIPED,
    SOFTWARE_INSTALLED,
    READY,
    RESERVED,
    HANDED_OVER,
    RETURNED,
    RECYCLED,
    LOST;

    @Override
    public String labelKey() {
        return "inventory.status." + name();
    }

    /** Nothing more happens to a recycled or lost device. */
    public boolean isFinal() {
        return this == RECYCLED || this == LOST;
    }
}
