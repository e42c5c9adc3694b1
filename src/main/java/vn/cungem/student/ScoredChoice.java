package vn.cungem.student;

import java.util.List;
import java.util.Optional;

/**
 * A situation a school records about a student (the device they learn on, how home connects): its name in each
 * language, the points it adds to the priority score, and the other ways people write it in a form or a spreadsheet.
 */
public interface ScoredChoice {

    /** The words and points of one value. */
    record Wording(String labelVi, String labelEn, int points, List<String> synonyms) {

        public Wording(String labelVi, String labelEn, int points, String... synonyms) {
            this(labelVi, labelEn, points, List.of(synonyms));
        }

        /** Every text that names the value: both labels, then the synonyms. */
        String[] texts() {
            return Gender.concat(labelVi, labelEn, synonyms.toArray(String[]::new));
        }
    }

    Wording wording();

    default String labelVi() {
        return wording().labelVi();
    }

    default String labelEn() {
        return wording().labelEn();
    }

    /** Points this situation adds to the priority score. */
    default int points() {
        return wording().points();
    }

    /** The value named by {@code raw}: its code, a label or a synonym, compared folded ({@link Labels}). */
    static <E extends Enum<E> & ScoredChoice> Optional<E> parse(Class<E> type, String raw) {
        return Labels.match(type, raw, e -> e.wording().texts());
    }
}
