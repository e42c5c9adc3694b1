package vn.cungem.student;

import java.util.Optional;

/**
 * What device the student has to learn on now. The order is the tie rule's order after the score: a student with no
 * device is served before one whose device is broken, and that one before one who shares a device with siblings
 * (003: "most difficult first"). Names: {@code label.DeviceSituation.*} in the student bundle.
 */
public enum DeviceSituation implements ScoredChoice {
    // points, then other ways people write it: vocabulary for reading forms and spreadsheets, not text shown to anyone
    NONE(20, "khong co", "chua co", "khong", "none", "no device", "chua co thiet bi"),
    BROKEN(
            15,
            "hong",
            "broken",
            "may hong",
            "thiet bi hong",
            // "hư" is how the south says it
            "hu",
            "hu hong",
            "bi hu",
            "may hu",
            "thiet bi hu"),
    SHARED(10, "dung chung", "shared", "chung", "dung chung voi anh chi em");

    private final Wording wording;

    @Override
    public Wording wording() {
        return wording;
    }

    DeviceSituation(int points, String... synonyms) {
        this.wording = new Wording(points, synonyms);
    }

    public static Optional<DeviceSituation> parse(String raw) {
        return ScoredChoice.parse(DeviceSituation.class, raw);
    }
}
