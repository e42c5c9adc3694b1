package vn.cungem.student;

import java.util.Optional;
import vn.cungem.shared.text.VietnameseText;

/** Reads a coded value as people write it: the code, or any of its Vietnamese or English labels, folded. */
final class Labels {

    private Labels() {}

    static <E extends Enum<E>> Optional<E> match(
            Class<E> type, String raw, java.util.function.Function<E, String[]> labels) {
        String folded = fold(raw);
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        for (E value : type.getEnumConstants()) {
            if (fold(value.name()).equals(folded)) {
                return Optional.of(value);
            }
            for (String label : labels.apply(value)) {
                if (fold(label).equals(folded)) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    /** Folded, with punctuation and underscores read as spaces, so {@code "Không có / chưa có"} and codes compare. */
    static String fold(String raw) {
        return VietnameseText.fold(raw)
                .replaceAll("[_\\-/.,;:()]+", " ")
                .replaceAll("\\s+", " ")
                .trim();
    }
}
