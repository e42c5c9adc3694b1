package vn.cungem.demo.generator;

import java.util.Locale;
import vn.cungem.shared.InvalidValueException;

/** How much to generate: from a handful of schools to the national programme of the product brief. */
public enum Scale {
    TINY(2, 6, 12, 300, 100),
    /** About one city of the sources: Thủ Đức had 34 wards and 3,200 students in need (004). */
    CITY(1, 34, 120, 3_200, 1_000),
    PROVINCE(1, 120, 1_200, 30_000, 9_000),
    /** About 23 million pupils in 40,000 schools; a million in need; a few hundred thousand items. */
    NATIONAL(34, 3_321, 40_000, 1_000_000, 300_000);

    public final int provinces;
    public final int communes;
    public final int schools;
    public final int students;
    public final int items;

    Scale(int provinces, int communes, int schools, int students, int items) {
        this.provinces = provinces;
        this.communes = communes;
        this.schools = schools;
        this.students = students;
        this.items = items;
    }

    public static Scale parse(String text) {
        for (Scale scale : values()) {
            if (scale.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return scale;
            }
        }
        throw new InvalidValueException(
                "generator.scale.unknown",
                "Quy mô không hợp lệ: " + text + " (chọn tiny, city, province hoặc national).",
                "Unknown scale: " + text + " (use tiny, city, province or national).");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
