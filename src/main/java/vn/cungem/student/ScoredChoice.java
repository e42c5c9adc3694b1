package vn.cungem.student;

import java.util.List;
import java.util.Optional;
import vn.cungem.shared.text.Labelled;

/**
 * A situation a school records about a student (the device they learn on, how home connects): its name in each
 * language (the student bundle's {@code label.<Enum>.<CONSTANT>}), the points it adds to the priority score, and the
 * other ways people write it in a form or a spreadsheet.
 */
public interface ScoredChoice extends Labelled {

    /**
     * The points of one value and the other ways people write it. The synonyms are vocabulary for reading what was
     * typed (folded, as {@link Labels} compares), not text shown to anyone, so they stay beside the value.
     */
    record Wording(int points, List<String> synonyms) {

        public Wording(int points, String... synonyms) {
            this(points, List.of(synonyms));
        }
    }

    Wording wording();

    @Override
    default Label label() {
        return Labels.named(this);
    }

    default String labelVi() {
        return nameVi();
    }

    default String labelEn() {
        return nameEn();
    }

    /** Points this situation adds to the priority score. */
    default int points() {
        return wording().points();
    }

    /** The value named by {@code raw}: its code, a name or a synonym, compared folded ({@link Labels}). */
    static <E extends Enum<E> & ScoredChoice> Optional<E> parse(Class<E> type, String raw) {
        return Labels.match(type, raw, e -> Labels.names(e, e.wording().synonyms()));
    }
}
