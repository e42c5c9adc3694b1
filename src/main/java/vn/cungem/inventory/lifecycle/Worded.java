package vn.cungem.inventory.lifecycle;

import java.util.Arrays;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.text.Labelled;

/** Errors of the workshop whose placeholders may be choices (a state, a move), each named in the reader's language. */
public final class Worded {

    private Worded() {}

    public static ConflictException conflict(String code, String key, Object... args) {
        return new ConflictException(code, Bundles.vi(key, vi(args)), Bundles.en(key, en(args)));
    }

    public static InvalidValueException invalid(String code, String key, Object... args) {
        return new InvalidValueException(code, Bundles.vi(key, vi(args)), Bundles.en(key, en(args)));
    }

    static Object[] vi(Object... args) {
        return Arrays.stream(args)
                .map(a -> a instanceof Labelled l ? l.nameVi() : a)
                .toArray();
    }

    static Object[] en(Object... args) {
        return Arrays.stream(args)
                .map(a -> a instanceof Labelled l ? l.nameEn() : a)
                .toArray();
    }
}
