package vn.cungem.inventory.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.GoodsLine;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.lifecycle.ItemStatus;

/**
 * The item list's filters as a link or a form sends them: a value that is not a status or a type the list knows (an
 * old bookmark, a hand-edited address) narrows nothing rather than failing the page.
 */
final class ItemFilters {

    static final List<ItemType> TAGGED_TYPES =
            Arrays.stream(ItemType.values()).filter(GoodsLine::isTagged).toList();

    private ItemFilters() {}

    static Inventory.ItemFilter of(String status, String type, Long place) {
        return new Inventory.ItemFilter(status(status), type(type), place);
    }

    private static String status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(ItemStatus.values())
                .map(Enum::name)
                .filter(n -> n.equals(text.strip().toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElse(null);
    }

    private static ItemType type(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return TAGGED_TYPES.stream()
                .filter(t -> t.name().equals(text.strip().toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElse(null);
    }
}
