package vn.cungem.shared.text;

/**
 * A choice people see by name, in Vietnamese and English: the constants of an enum such as a school level or an item
 * type. The names live in the message bundles under {@code label.<EnumSimpleName>.<CONSTANT>} (for example
 * {@code label.SchoolLevel.PRIMARY}); a choice whose name is not a word to translate (a bank's brand) overrides
 * {@link #label()}.
 */
public interface Labelled {

    /** The two names of a choice; English readers see the Vietnamese where there is no English. */
    record Label(String vi, String en) {

        /** A name that is the same in both languages (a bank's brand). */
        public static Label same(String name) {
            return new Label(name, name);
        }
    }

    /** The enum constant's name; every enum has it. */
    String name();

    /** The bundle key of this choice's name. */
    default String labelKey() {
        Class<?> type = getClass().isAnonymousClass() ? getClass().getSuperclass() : getClass();
        return "label." + type.getSimpleName() + "." + name();
    }

    default Label label() {
        return new Label(Bundles.vi(labelKey()), Bundles.en(labelKey()));
    }

    default String nameVi() {
        return label().vi();
    }

    default String nameEn() {
        return label().en();
    }
}
