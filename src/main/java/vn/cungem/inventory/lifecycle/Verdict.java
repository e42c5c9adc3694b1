package vn.cungem.inventory.lifecycle;

import java.util.List;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.text.Labelled;

/**
 * The lifecycle's answer: the move, or why not as an error code and a bundle key whose placeholders are the move (or
 * target state) and the current state, each named in the reader's language.
 */
public record Verdict(ItemMove move, String code, String key, List<Labelled> args) {

    static Verdict allowed(ItemMove move) {
        return new Verdict(move, null, null, List.of());
    }

    static Verdict refused(String code, String key, Labelled... args) {
        return new Verdict(null, code, key, List.of(args));
    }

    public boolean isAllowed() {
        return move != null;
    }

    public String messageVi() {
        return key == null
                ? null
                : Bundles.vi(key, args.stream().map(Labelled::nameVi).toArray());
    }

    public String messageEn() {
        return key == null
                ? null
                : Bundles.en(key, args.stream().map(Labelled::nameEn).toArray());
    }

    /** The move when allowed; otherwise a 409 worded in both languages. */
    public ItemMove orThrow() {
        if (!isAllowed()) {
            throw Worded.conflict(code, key, args.toArray());
        }
        return move;
    }
}
