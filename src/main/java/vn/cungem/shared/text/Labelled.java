package vn.cungem.shared.text;

/**
 * A choice people see by name, in Vietnamese and English: the constants of an enum such as a school level or an item
 * type. The enum holds one {@link Label}; reading it is written once, here.
 */
public interface Labelled {

    /** The two names of a choice; English readers see the Vietnamese where there is no English. */
    record Label(String vi, String en) {

        /** A name that is the same in both languages (a bank's brand). */
        public static Label same(String name) {
            return new Label(name, name);
        }
    }

    Label label();

    default String nameVi() {
        return label().vi();
    }

    default String nameEn() {
        return label().en();
    }
}
