package vn.cungem.student;

import java.util.Optional;

/** How the student's home connects to the internet; a student with none needs a SIM or Wi-Fi device with the device. */
public enum Connectivity {
    HOME_INTERNET(
            "Có internet tại nhà",
            "Home internet",
            0,
            "internet",
            "wifi",
            "co internet",
            "internet tai nha",
            "cap quang",
            "home internet"),
    MOBILE_DATA(
            "Dùng dữ liệu di động",
            "Mobile data",
            5,
            "3g",
            "4g",
            "du lieu di dong",
            "mobile",
            "mobile data",
            "data",
            "dung 3g 4g"),
    NONE(
            "Không có kết nối",
            "No connection",
            10,
            "khong",
            "khong co",
            "none",
            "khong co ket noi",
            "no connection",
            "chua co");

    private final String labelVi;
    private final String labelEn;
    private final int points;
    private final String[] synonyms;

    Connectivity(String labelVi, String labelEn, int points, String... synonyms) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
        this.points = points;
        this.synonyms = synonyms;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Points this situation adds to the priority score. */
    public int points() {
        return points;
    }

    public static Optional<Connectivity> parse(String raw) {
        return Labels.match(Connectivity.class, raw, c -> Gender.concat(c.labelVi, c.labelEn, c.synonyms));
    }
}
