package vn.cungem.demo.generator;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Vietnamese personal names with correct diacritics (NFC), family names drawn with roughly their real frequencies so
 * that duplicate detection is tested against the many Nguyễn Thị … that real lists hold.
 */
public final class VietnameseNames {

    private static final String[] FAMILY = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
        "Lý", "Đinh", "Trịnh", "Mai", "Lâm", "Tạ", "Châu", "Lương", "Thái", "Cao", "Tô", "Kim", "Quách", "Triệu"
    };
    // percent-like weights: Nguyễn ~38 %, Trần ~11 %, Lê ~9.5 % …
    private static final int[] FAMILY_WEIGHT = {
        380, 110, 95, 70, 25, 25, 45, 20, 19, 21, 20, 14, 13, 13, 10, 5, 6, 5, 5, 4, 3, 3, 3, 3, 3, 2, 2, 1, 1
    };

    private static final String[] MALE_MIDDLE = {
        "Văn", "Hữu", "Minh", "Đức", "Quốc", "Gia", "Thanh", "Hoàng", "Công", "Tuấn"
    };
    private static final String[] FEMALE_MIDDLE = {
        "Thị", "Ngọc", "Thanh", "Thu", "Minh", "Bảo", "Khánh", "Mỹ", "Phương", "Hồng"
    };

    private static final String[] MALE_GIVEN = {
        "An", "Anh", "Bảo", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Hải", "Hiếu", "Hoàng", "Huy", "Hùng",
        "Khang", "Khánh", "Khoa", "Kiên", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Nhân", "Phát", "Phong", "Phúc",
        "Quân", "Quang", "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thiện", "Thịnh", "Toàn", "Trí", "Trung", "Tuấn",
        "Việt", "Vinh", "Vũ"
    };
    private static final String[] FEMALE_GIVEN = {
        "An", "Anh", "Ánh", "Chi", "Diệp", "Dung", "Giang", "Hà", "Hạnh", "Hiền", "Hoa", "Hương", "Huyền", "Khánh",
        "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhi", "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh",
        "Tâm", "Thảo", "Thơ", "Thu", "Thùy", "Thư", "Trang", "Trâm", "Uyên", "Vân", "Vy", "Xuân", "Yến"
    };

    private static final int FAMILY_TOTAL =
            java.util.Arrays.stream(FAMILY_WEIGHT).sum();

    /** Famous people schools are named after. */
    public static final List<String> NAMESAKES = List.of(
            "Nguyễn Du",
            "Lê Quý Đôn",
            "Trần Hưng Đạo",
            "Nguyễn Trãi",
            "Chu Văn An",
            "Lê Lợi",
            "Quang Trung",
            "Võ Thị Sáu",
            "Kim Đồng",
            "Lý Thường Kiệt",
            "Nguyễn Bỉnh Khiêm",
            "Phan Bội Châu",
            "Hai Bà Trưng",
            "Ngô Quyền",
            "Trần Quốc Toản",
            "Nguyễn Văn Trỗi",
            "Lê Văn Tám",
            "Nguyễn Thị Minh Khai",
            "Trần Phú",
            "Đinh Tiên Hoàng",
            "Lương Thế Vinh",
            "Nguyễn Đình Chiểu");

    /** Place-name syllables for synthetic communes ("Tân Hòa", "Phước Long" …). */
    static final String[] PLACE = {
        "An", "Bình", "Tân", "Phước", "Hòa", "Long", "Thạnh", "Phú", "Vĩnh", "Mỹ", "Hưng", "Thuận", "Đông", "Tây",
        "Nam", "Bắc", "Trung", "Quang", "Minh", "Thành", "Hiệp", "Lộc", "Thọ", "Xuân", "Sơn", "Hải", "Kim", "Đức",
        "Nghĩa", "Thái", "Hội", "Lợi", "Cát", "Khánh", "Hương", "Thủy", "Lạc", "Yên", "Định", "Phong"
    };

    private VietnameseNames() {}

    public static String family(RandomGenerator random) {
        int pick = random.nextInt(FAMILY_TOTAL);
        for (int i = 0; i < FAMILY.length; i++) {
            pick -= FAMILY_WEIGHT[i];
            if (pick < 0) {
                return FAMILY[i];
            }
        }
        return FAMILY[0];
    }

    public static String fullName(RandomGenerator random, boolean female) {
        return fullName(random, family(random), female);
    }

    public static String fullName(RandomGenerator random, String family, boolean female) {
        String[] middle = female ? FEMALE_MIDDLE : MALE_MIDDLE;
        String[] given = female ? FEMALE_GIVEN : MALE_GIVEN;
        return family + " " + middle[random.nextInt(middle.length)] + " " + given[random.nextInt(given.length)];
    }

    public static String place(RandomGenerator random) {
        String first = PLACE[random.nextInt(PLACE.length)];
        String second;
        do {
            second = PLACE[random.nextInt(PLACE.length)];
        } while (second.equals(first));
        return first + " " + second;
    }
}
