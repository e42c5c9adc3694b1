package vn.cungem.inventory.work;

import vn.cungem.inventory.lifecycle.Worded;
import vn.cungem.shared.text.Labelled;

/** Free text typed into the workshop's forms: trimmed, empty as absent, refused when longer than its column. */
final class Texts {

    private Texts() {}

    /** A form field, named in the bundles as {@code inventory.work.field.<name>} for the messages. */
    record Field(String name) implements Labelled {
        @Override
        public String labelKey() {
            return "inventory.work.field." + name;
        }
    }

    static String optional(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw Worded.invalid("inventory.too-long", "inventory.work.too-long", new Field(field), max);
        }
        return v;
    }

    static String required(String value, int max, String field) {
        String v = optional(value, max, field);
        if (v == null) {
            throw Worded.invalid("inventory.required", "inventory.work.required", new Field(field));
        }
        return v;
    }
}
