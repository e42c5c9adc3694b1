package vn.cungem.student.importing.values;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What people of one campaign said a free text means, remembered from earlier files: per field, the folded text and
 * the value chosen ({@link ValueField} says how a value is written). A snapshot, read once per run.
 */
public final class ValueMappings {

    private static final ValueMappings NONE = new ValueMappings(Map.of());

    private final Map<String, String> byKey;

    private ValueMappings(Map<String, String> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    public static ValueMappings none() {
        return NONE;
    }

    /** Builds the snapshot; {@code put} takes the text as typed or already folded. */
    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> get(ValueField field, String raw) {
        return Optional.ofNullable(byKey.get(key(field, Folded.of(raw))));
    }

    public int size() {
        return byKey.size();
    }

    /** The form a text is remembered under: folded, letters and digits only. */
    public static String fold(String raw) {
        return Folded.of(raw);
    }

    private static String key(ValueField field, String folded) {
        return field.name() + '\u0000' + folded;
    }

    public static final class Builder {
        private final Map<String, String> byKey = new HashMap<>();

        public Builder put(ValueField field, String text, String value) {
            byKey.put(key(field, Folded.of(text)), value);
            return this;
        }

        public ValueMappings build() {
            return new ValueMappings(byKey);
        }
    }
}
