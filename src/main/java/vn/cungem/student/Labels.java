package vn.cungem.student;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.text.Labelled;
import vn.cungem.shared.text.VietnameseText;

/** Reads a coded value as people write it: the code, or any of its Vietnamese or English labels, folded. */
final class Labels {

    private Labels() {}

    /** Per enum: each folded code and label, mapped to its value; built once, since imports read it per cell. */
    private static final Map<Class<?>, Map<String, Enum<?>>> INDEX = new ConcurrentHashMap<>();

    static <E extends Enum<E>> Optional<E> match(
            Class<E> type, String raw, java.util.function.Function<E, String[]> labels) {
        String folded = fold(raw);
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Enum<?>> index = INDEX.computeIfAbsent(type, t -> {
            // The first value that claims a folded text wins, in declaration order, codes before labels.
            Map<String, Enum<?>> byText = new HashMap<>();
            for (E value : type.getEnumConstants()) {
                byText.putIfAbsent(fold(value.name()), value);
                for (String label : labels.apply(value)) {
                    byText.putIfAbsent(fold(label), value);
                }
            }
            return Map.copyOf(byText);
        });
        return Optional.ofNullable(index.get(folded)).map(type::cast);
    }

    private static final Map<Labelled, Labelled.Label> NAMES = new ConcurrentHashMap<>();

    /**
     * A value's names, read from the bundles once: the priority score names the device situation and connectivity of
     * every row of an import, and a bundle look-up costs about a microsecond.
     */
    static Labelled.Label named(Labelled value) {
        return NAMES.computeIfAbsent(
                value, v -> new Labelled.Label(Bundles.vi(v.labelKey()), Bundles.en(v.labelKey())));
    }

    /**
     * Every text that names a value when people type it: its names in both languages (the ones forms and the import
     * template show, so whatever they show reads back), then its synonyms.
     */
    static String[] names(Labelled value, List<String> synonyms) {
        String[] all = new String[synonyms.size() + 2];
        all[0] = value.nameVi();
        all[1] = value.nameEn();
        for (int i = 0; i < synonyms.size(); i++) {
            all[i + 2] = synonyms.get(i);
        }
        return all;
    }

    /** Folded, with punctuation and underscores read as spaces, so {@code "Không có / chưa có"} and codes compare. */
    static String fold(String raw) {
        String folded = VietnameseText.fold(raw);
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == ' ' || (c >= '\t' && c <= '\r') || "_-/.,;:()".indexOf(c) >= 0) {
                space = true;
            } else {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString().trim();
    }
}
