package vn.cungem.student.importing.values;

/**
 * One free-text cell and what it was taken to mean: the value ({@link ValueField} says how it is written) and where
 * that came from. Rows of a file with the same folded text share one {@code FreeText}, so the person answers once.
 */
public record FreeText(ValueField field, String shown, String folded, String value, Source source) {

    public enum Source {
        /** The text is one of the registry's own names or codes. */
        AS_TYPED,
        /** Someone of this campaign mapped this text before. */
        REMEMBERED,
        /** The keyword dictionary found it with confidence. */
        DICTIONARY,
        /** The dictionary's best guess, or none: the person confirms it. */
        UNSURE,
        /** The cell (or the column) is empty and the registry needs a value: a neutral one is used, shown to confirm. */
        BLANK
    }

    /** Whether the person should confirm it. */
    public boolean unsure() {
        return source == Source.UNSURE || source == Source.BLANK;
    }
}
