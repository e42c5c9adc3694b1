package vn.cungem.inventory.lifecycle;

import vn.cungem.shared.text.Labelled;

/** How a device's data was removed. Named as {@code label.WipeMethod.<CONSTANT>}. */
public enum WipeMethod implements Labelled {
    FACTORY_RESET,
    OVERWRITE,
    CRYPTO_ERASE,
    DRIVE_DESTROYED
}
