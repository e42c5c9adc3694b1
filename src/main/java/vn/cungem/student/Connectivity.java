package vn.cungem.student;

import java.util.Optional;

/**
 * How the student's home connects to the internet; a student with none needs a SIM or Wi-Fi device with the device.
 * Names: {@code label.Connectivity.*} in the student bundle.
 */
public enum Connectivity implements ScoredChoice {
    // points, then other ways people write it: vocabulary for reading forms and spreadsheets, not text shown to anyone
    HOME_INTERNET(0, "internet", "wifi", "co internet", "internet tai nha", "cap quang", "home internet"),
    MOBILE_DATA(5, "3g", "4g", "du lieu di dong", "mobile", "mobile data", "data", "dung 3g 4g"),
    NONE(10, "khong", "khong co", "none", "khong co ket noi", "no connection", "chua co"),
    // A list without the column, or a school that does not know: no points, and never read as having internet.
    UNKNOWN(0, "khong ro", "chua ro", "unknown");

    private final Wording wording;

    @Override
    public Wording wording() {
        return wording;
    }

    Connectivity(int points, String... synonyms) {
        this.wording = new Wording(points, synonyms);
    }

    public static Optional<Connectivity> parse(String raw) {
        return ScoredChoice.parse(Connectivity.class, raw);
    }
}
