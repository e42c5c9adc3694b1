package vn.cungem.inventory.web;

/** A tag put back into a redirect: only the letters and digits a device tag is made of, so nothing else is echoed. */
final class ItemSheetTags {

    private ItemSheetTags() {}

    static String safe(String tag) {
        return tag == null ? "" : tag.replaceAll("[^A-Za-z0-9-]", "");
    }
}
