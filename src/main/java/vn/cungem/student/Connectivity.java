package vn.cungem.student;

import java.util.Optional;

/** How the student's home connects to the internet; a student with none needs a SIM or Wi-Fi device with the device. */
public enum Connectivity implements ScoredChoice {
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

    private final Wording wording;

    @Override
    public Wording wording() {
        return wording;
    }

    Connectivity(String labelVi, String labelEn, int points, String... synonyms) {
        this.wording = new Wording(labelVi, labelEn, points, synonyms);
    }

    public static Optional<Connectivity> parse(String raw) {
        return ScoredChoice.parse(Connectivity.class, raw);
    }
}
