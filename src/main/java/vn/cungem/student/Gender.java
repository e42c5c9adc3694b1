package vn.cungem.student;

import java.util.List;
import java.util.Optional;
import vn.cungem.shared.text.Labelled;

/** Giới tính as the school records it; names: {@code label.Gender.*} in the student bundle. */
public enum Gender implements Labelled {
    // other ways people write it, for reading a form or a spreadsheet (data, not text shown to anyone)
    FEMALE("nu", "f", "female", "gai", "con gai", "woman"),
    MALE("nam", "m", "male", "trai", "con trai", "man");

    private final List<String> synonyms;

    Gender(String... synonyms) {
        this.synonyms = List.of(synonyms);
    }

    public String labelVi() {
        return nameVi();
    }

    public String labelEn() {
        return nameEn();
    }

    /** {@code Nam}, {@code Nữ}, {@code NỮ}, {@code M}, {@code F}, {@code male}, {@code FEMALE}. */
    public static Optional<Gender> parse(String raw) {
        return Labels.match(Gender.class, raw, g -> Labels.names(g, g.synonyms));
    }
}
