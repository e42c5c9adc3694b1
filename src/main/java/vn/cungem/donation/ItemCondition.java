package vn.cungem.donation;

import vn.cungem.shared.text.Labelled;

/**
 * 001: used devices in working order, and partly broken ones that can be repaired cheaply, are accepted too. Named in
 * the bundles as {@code label.ItemCondition.<CONSTANT>}.
 */
public enum ItemCondition implements Labelled {
    NEW,
    USED_WORKING,
    USED_NEEDS_REPAIR
}
