package vn.cungem.donation;

import java.util.List;
import vn.cungem.campaign.ItemType;

/**
 * One line of goods that arrived or were bought: for devices (laptop, desktop set, tablet, smartphone, SIM, connection
 * device) each unit becomes one tagged inventory item, with its serial number when known; books and supplies are
 * counted as stock; data packages are counted too.
 */
public record GoodsLine(
        ItemType type,
        int quantity,
        ItemCondition condition,
        String accessories,
        String description,
        List<String> serialNumbers) {

    public GoodsLine {
        serialNumbers = serialNumbers == null ? List.of() : List.copyOf(serialNumbers);
    }

    /** Whether each unit of this type is tracked as its own item (with a QR label) rather than counted as stock. */
    public static boolean isTagged(ItemType type) {
        return switch (type) {
            case LAPTOP, DESKTOP_SET, TABLET, SMARTPHONE, SIM_4G, WIFI_DEVICE -> true;
            case DATA_PACKAGE, BOOKS_AND_SUPPLIES, CASH -> false;
        };
    }
}
