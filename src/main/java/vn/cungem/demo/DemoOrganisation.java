package vn.cungem.demo;

import java.util.ArrayList;
import java.util.List;
import vn.cungem.demo.generator.SchoolRow;
import vn.cungem.demo.generator.UnitRow;

/**
 * The units and schools of the 2021 source programmes. Province and district codes are the official 2021 ones (79, 769,
 * 786, 74, 726, 91); ward, commune and school codes are synthetic ({@code 769-01} …, {@code 79769011} …) because the
 * demo needs stable, readable codes rather than the General Statistics Office's five-digit ones.
 */
final class DemoOrganisation {

    // 004: "34 phường" of Thủ Đức city, in the order of the city's list.
    static final List<String> THU_DUC_WARDS = List.of(
            "Linh Xuân",
            "Bình Chiểu",
            "Linh Trung",
            "Tam Bình",
            "Tam Phú",
            "Hiệp Bình Phước",
            "Hiệp Bình Chánh",
            "Linh Chiểu",
            "Linh Tây",
            "Linh Đông",
            "Bình Thọ",
            "Trường Thọ",
            "Long Bình",
            "Long Thạnh Mỹ",
            "Tân Phú",
            "Hiệp Phú",
            "Tăng Nhơn Phú A",
            "Tăng Nhơn Phú B",
            "Phước Long B",
            "Phước Long A",
            "Trường Thạnh",
            "Long Phước",
            "Long Trường",
            "Phước Bình",
            "Phú Hữu",
            "Thảo Điền",
            "An Phú",
            "An Khánh",
            "Bình Trưng Đông",
            "Bình Trưng Tây",
            "Cát Lái",
            "Thạnh Mỹ Lợi",
            "An Lợi Đông",
            "Thủ Thiêm");

    static final List<String> NHA_BE_COMMUNES = List.of(
            "Thị trấn Nhà Bè",
            "Xã Phước Kiển",
            "Xã Phước Lộc",
            "Xã Nhơn Đức",
            "Xã Phú Xuân",
            "Xã Long Thới",
            "Xã Hiệp Phước");

    static final List<String> PHU_GIAO_COMMUNES = List.of(
            "Thị trấn Phước Vĩnh",
            "Xã An Bình",
            "Xã An Linh",
            "Xã An Long",
            "Xã An Thái",
            "Xã Phước Hòa",
            "Xã Phước Sang",
            "Xã Tam Lập",
            "Xã Tân Hiệp",
            "Xã Tân Long",
            "Xã Vĩnh Hòa");

    static final List<String> KIEN_GIANG_DISTRICTS =
            List.of("Thành phố Rạch Giá", "Thành phố Hà Tiên", "Huyện Kiên Lương");

    private static final String[] PRIMARY = {"PRIMARY", "Trường Tiểu học"};
    private static final String[] LOWER_SECONDARY = {"LOWER_SECONDARY", "Trường THCS"};
    private static final String[] UPPER_SECONDARY = {"UPPER_SECONDARY", "Trường THPT"};

    private DemoOrganisation() {}

    static List<UnitRow> units() {
        List<UnitRow> units = new ArrayList<>();
        units.add(new UnitRow("VN", "Trung ương", "central", null));
        units.add(new UnitRow("79", "Thành phố Hồ Chí Minh", "province", "VN"));
        units.add(new UnitRow("769", "Thành phố Thủ Đức", "district", "79"));
        for (int i = 0; i < THU_DUC_WARDS.size(); i++) {
            units.add(new UnitRow(code("769", i), "Phường " + THU_DUC_WARDS.get(i), "commune", "769"));
        }
        units.add(new UnitRow("786", "Huyện Nhà Bè", "district", "79"));
        for (int i = 0; i < NHA_BE_COMMUNES.size(); i++) {
            units.add(new UnitRow(code("786", i), NHA_BE_COMMUNES.get(i), "commune", "786"));
        }
        units.add(new UnitRow("74", "Tỉnh Bình Dương", "province", "VN"));
        units.add(new UnitRow("726", "Huyện Phú Giáo", "district", "74"));
        for (int i = 0; i < PHU_GIAO_COMMUNES.size(); i++) {
            units.add(new UnitRow(code("726", i), PHU_GIAO_COMMUNES.get(i), "commune", "726"));
        }
        units.add(new UnitRow("91", "Tỉnh Kiên Giang", "province", "VN"));
        for (int i = 0; i < KIEN_GIANG_DISTRICTS.size(); i++) {
            units.add(new UnitRow(code("91", i), KIEN_GIANG_DISTRICTS.get(i), "district", "91"));
        }
        return units;
    }

    /**
     * {@code perCommune} schools in every commune and Kiên Giang district: a primary school first, then a lower-secondary
     * one (an upper-secondary one in every third place); every fifth place's primary school is private.
     */
    static List<SchoolRow> schools(int perCommune) {
        List<SchoolRow> schools = new ArrayList<>();
        int place = 0;
        for (UnitRow unit : units()) {
            boolean hasSchools = unit.levelCode().equals("commune")
                    || (unit.levelCode().equals("district") && unit.parentCode().equals("91"));
            if (!hasSchools) {
                continue;
            }
            String province = unit.code().startsWith("726") ? "74" : unit.code().startsWith("91") ? "91" : "79";
            for (int n = 0; n < perCommune; n++) {
                String[] level = n == 0
                        ? PRIMARY
                        : n == 1
                                ? (place % 3 == 2 ? UPPER_SECONDARY : LOWER_SECONDARY)
                                : new String[][] {UPPER_SECONDARY, LOWER_SECONDARY, PRIMARY}[(n - 2) % 3];
                boolean isPrivate = n == 0 && place % 5 == 4;
                String name = level[1]
                        + (isPrivate ? " tư thục " : " ")
                        + placeName(unit.name())
                        + (n >= 2 ? " số " + n : "");
                String moet = province + unit.code().replace("-", "") + (n + 1);
                schools.add(new SchoolRow(
                        moet,
                        name,
                        level[0],
                        isPrivate ? "PRIVATE" : "PUBLIC",
                        unit.code(),
                        unit.name() + ", " + parentName(unit)));
            }
            place++;
        }
        return schools;
    }

    private static String parentName(UnitRow unit) {
        return units().stream()
                .filter(u -> u.code().equals(unit.parentCode()))
                .findFirst()
                .map(UnitRow::name)
                .orElse("");
    }

    /** "Phường Linh Xuân" → "Linh Xuân", "Thành phố Rạch Giá" → "Rạch Giá": schools are named after the place. */
    static String placeName(String unitName) {
        for (String prefix : List.of("Phường ", "Thị trấn ", "Xã ", "Thành phố ", "Huyện ")) {
            if (unitName.startsWith(prefix)) {
                return unitName.substring(prefix.length());
            }
        }
        return unitName;
    }

    static String code(String parent, int index) {
        return parent + "-" + String.format("%02d", index + 1);
    }
}
