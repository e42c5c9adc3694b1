package vn.cungem.student.importing.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.shared.text.Bundles;
import vn.cungem.student.Connectivity;
import vn.cungem.student.DeviceSituation;
import vn.cungem.student.Needs;

/**
 * A mapped value in words, for the warnings and the mapping page: category names, a device situation's or a
 * connection's label, the needs listed; and the check that a value chosen by a person is one the registry reads.
 */
public final class ValueWords {

    private final Map<String, PriorityCategory> categories;

    public ValueWords(List<PriorityCategory> categories) {
        this.categories = categories.stream().collect(Collectors.toMap(PriorityCategory::code, c -> c, (a, b) -> a));
    }

    public String vi(ValueField field, String value) {
        return words(field, value, Bundles.VIETNAMESE);
    }

    public String en(ValueField field, String value) {
        return words(field, value, Locale.ENGLISH);
    }

    private String words(ValueField field, String value, Locale locale) {
        boolean vi = !Locale.ENGLISH.equals(locale);
        return switch (field) {
            case CATEGORIES -> {
                List<String> names = new ArrayList<>();
                for (String code : codes(value)) {
                    PriorityCategory c = categories.get(code);
                    names.add(c == null ? code : vi ? c.nameVi() : c.nameEn());
                }
                yield names.isEmpty() ? Bundles.text("values.noCategory", locale) : String.join("; ", names);
            }
            case DEVICE_SITUATION -> label(value, DeviceSituation::valueOf, vi);
            case CONNECTIVITY -> label(value, Connectivity::valueOf, vi);
            case NEEDS ->
                Needs.parse(value).map(n -> vi ? n.labelsVi() : n.labelsEn()).orElse(value);
        };
    }

    private static <E extends vn.cungem.student.ScoredChoice> String label(
            String value, Function<String, E> of, boolean vi) {
        try {
            E e = of.apply(value);
            return vi ? e.labelVi() : e.labelEn();
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** The value as stored when a person's choice is one the registry reads; empty when it is not. */
    public java.util.Optional<String> normalised(ValueField field, String value) {
        String v = value == null ? "" : value.strip();
        return switch (field) {
            case CATEGORIES -> {
                List<String> codes = codes(v);
                yield categories.keySet().containsAll(codes)
                        ? java.util.Optional.of(String.join(",", codes))
                        : java.util.Optional.empty();
            }
            case DEVICE_SITUATION -> constant(DeviceSituation.class, v);
            case CONNECTIVITY -> constant(Connectivity.class, v);
            case NEEDS ->
                v.isEmpty() || !v.matches("[A-Za-z, ]+")
                        ? java.util.Optional.empty()
                        : Needs.parse(v).filter(n -> allNeedCodes(v)).map(Needs::codes);
        };
    }

    private static boolean allNeedCodes(String v) {
        for (String part : v.split(",")) {
            if (!List.of("DEVICE", "SIM", "DATA", "WIFI").contains(part.strip().toUpperCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static <E extends Enum<E>> java.util.Optional<String> constant(Class<E> type, String v) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return java.util.Optional.of(e.name());
            }
        }
        return java.util.Optional.empty();
    }

    static List<String> codes(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
