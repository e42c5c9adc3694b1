package vn.cungem.student;

import java.util.Optional;

/** Giới tính as the school records it. */
public enum Gender {
    FEMALE("Nữ", "Female", "nu", "f", "female", "gai", "con gai", "woman"),
    MALE("Nam", "Male", "nam", "m", "male", "trai", "con trai", "man");

    private final String labelVi;
    private final String labelEn;
    private final String[] synonyms;

    Gender(String labelVi, String labelEn, String... synonyms) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
        this.synonyms = synonyms;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }

    /** {@code Nam}, {@code Nữ}, {@code NỮ}, {@code M}, {@code F}, {@code male}, {@code FEMALE}. */
    public static Optional<Gender> parse(String raw) {
        return Labels.match(Gender.class, raw, g -> concat(g.labelVi, g.labelEn, g.synonyms));
    }

    static String[] concat(String a, String b, String... rest) {
        String[] all = new String[rest.length + 2];
        all[0] = a;
        all[1] = b;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }
}
