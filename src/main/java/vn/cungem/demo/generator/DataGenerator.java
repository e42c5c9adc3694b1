package vn.cungem.demo.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Deterministic synthetic data in the 2025 two-level structure (province → commune): the same seed and scale always
 * give the same units, schools, students and items, so benchmarks and imports can be repeated and compared. Plain Java:
 * students and items are streamed to a consumer, never held in memory.
 */
public final class DataGenerator {

    // 002: "học sinh mồ côi do COVID-19" first; 003/004: poor and near-poor households, families hit by the epidemic.
    static final List<String> CATEGORIES = List.of(
            "Mồ côi do COVID-19",
            "Hộ nghèo",
            "Hộ cận nghèo",
            "Gia đình khó khăn do dịch COVID-19",
            "Khuyết tật",
            "Dân tộc thiểu số",
            "Con thương binh, liệt sĩ");
    /** The campaign the national data set's students are loaded into (001's programme), and their history's note. */
    static final String CAMPAIGN_NAME = "Cùng em học trực tuyến (dữ liệu tổng hợp)";

    static final String LOADED_NOTE = "Dữ liệu tổng hợp / synthetic data";

    /** The household categories the generated students carry, in Vietnamese, as a campaign would name them. */
    public static List<String> categoryNames() {
        return CATEGORIES;
    }

    private static final int[] CATEGORY_WEIGHT = {5, 30, 25, 30, 3, 5, 2};

    static final String[] ITEM_TYPES = {
        "DESKTOP", "LAPTOP", "TABLET", "SMARTPHONE", "SIM_4G", "USB_WIFI", "DATA_PACKAGE", "BOOKS", "NOTEBOOKS"
    };
    private static final int[] ITEM_WEIGHT = {12, 18, 15, 20, 12, 5, 8, 5, 5};

    private static final String[] BUSINESS_PREFIX = {
        "Công ty TNHH", "Công ty Cổ phần", "Doanh nghiệp tư nhân", "Cửa hàng", "Hợp tác xã"
    };
    private static final String[] BUSINESS_TRADE = {
        "Thương mại", "Công nghệ", "Xây dựng", "Dược phẩm", "Vận tải", "Thực phẩm", "Điện máy", "Du lịch"
    };

    private final long seed;
    private final Scale scale;
    private final String codePrefix;

    public DataGenerator(long seed, Scale scale, String codePrefix) {
        this.seed = seed;
        this.scale = scale;
        this.codePrefix = codePrefix == null ? "" : codePrefix;
    }

    public String rootCode() {
        return codePrefix + "VN";
    }

    public SyntheticNation nation() {
        Random random = new Random(seed);
        List<Province> provinces = Provinces.ALL.subList(0, scale.provinces);
        int[] communesPer = spread(
                scale.communes, provinces.stream().mapToInt(Province::weight).toArray());

        List<UnitRow> units = new ArrayList<>();
        units.add(new UnitRow(rootCode(), "Trung ương", "central", null));
        Map<String, SyntheticNation.Commune> communes = new LinkedHashMap<>();
        for (int p = 0; p < provinces.size(); p++) {
            Province province = provinces.get(p);
            String provinceCode = codePrefix + province.code();
            units.add(new UnitRow(provinceCode, province.name(), "province", rootCode()));
            Set<String> used = new HashSet<>();
            for (int c = 0; c < communesPer[p]; c++) {
                String place;
                do {
                    place = VietnameseNames.place(random);
                } while (!used.add(place));
                boolean ward = random.nextInt(100) < 15;
                String code = provinceCode + "-" + String.format("%04d", c + 1);
                String name = (ward ? "Phường " : "Xã ") + place;
                units.add(new UnitRow(code, name, "commune", provinceCode));
                communes.put(code, new SyntheticNation.Commune(code, name, ward, province));
            }
        }

        List<String> communeCodes = new ArrayList<>(communes.keySet());
        int[] schoolsPer =
                spread(scale.schools, communeCodes.stream().mapToInt(c -> 1).toArray());
        Map<String, Integer> perProvince = new LinkedHashMap<>();
        List<SchoolRow> schools = new ArrayList<>(scale.schools);
        for (int i = 0; i < communeCodes.size(); i++) {
            SyntheticNation.Commune commune = communes.get(communeCodes.get(i));
            Set<String> names = new HashSet<>();
            for (int s = 0; s < schoolsPer[i]; s++) {
                int roll = random.nextInt(100);
                String[] level = roll < 52
                        ? new String[] {"PRIMARY", "Trường Tiểu học"}
                        : roll < 90
                                ? new String[] {"LOWER_SECONDARY", "Trường THCS"}
                                : new String[] {"UPPER_SECONDARY", "Trường THPT"};
                String ownership = random.nextInt(100) < 92 ? "PUBLIC" : "PRIVATE";
                String namesake = names.contains(level[1] + " " + placeOf(commune))
                        ? VietnameseNames.NAMESAKES.get(random.nextInt(VietnameseNames.NAMESAKES.size()))
                        : placeOf(commune);
                String name = level[1] + " " + namesake;
                int n = 2;
                while (!names.add(name)) {
                    name = level[1] + " " + namesake + " số " + n++;
                }
                int sequence = perProvince.merge(commune.province().code(), 1, Integer::sum);
                String moet = codePrefix + commune.province().code() + String.format("%06d", sequence);
                schools.add(new SchoolRow(
                        moet,
                        name,
                        level[0],
                        ownership,
                        commune.code(),
                        commune.name() + ", " + commune.province().name()));
            }
        }
        return new SyntheticNation(units, schools, communes);
    }

    /** Streams {@code scale.students} students of the nation's schools to {@code sink}, in a deterministic order. */
    public void students(SyntheticNation nation, Consumer<StudentRecord> sink) {
        students(nation, scale.students, sink);
    }

    /** Streams {@code count} students (any number, e.g. a 100,000-row import file for a province's schools). */
    public void students(SyntheticNation nation, int count, Consumer<StudentRecord> sink) {
        Random random = new Random(seed * 31 + 1);
        List<SchoolRow> schools = nation.schools();
        for (int i = 0; i < count; i++) {
            SchoolRow school = schools.get(random.nextInt(schools.size()));
            SyntheticNation.Commune commune = nation.communes().get(school.unitCode());
            boolean female = random.nextBoolean();
            String family = VietnameseNames.family(random);
            int grade = switch (school.schoolLevel()) {
                case "PRIMARY" -> 1 + random.nextInt(5);
                case "LOWER_SECONDARY" -> 6 + random.nextInt(4);
                default -> 10 + random.nextInt(3);
            };
            // School year 2021–2022 of the sources: grade 1 pupils were born in 2015.
            LocalDate born = LocalDate.of(2021 - 5 - grade, 1, 1).plusDays(random.nextInt(365));
            Province birthProvince = random.nextInt(100) < 90
                    ? commune.province()
                    : Provinces.ALL.get(random.nextInt(Provinces.ALL.size()));
            boolean guardianFemale = random.nextInt(100) < 55;
            String guardian = guardianFemale
                    ? VietnameseNames.fullName(random, true)
                    : VietnameseNames.fullName(random, family, false);
            sink.accept(new StudentRecord(
                    VietnameseNames.fullName(random, family, female),
                    born,
                    female,
                    personalId(random, birthProvince, born.getYear(), female),
                    school.moetCode(),
                    grade,
                    grade + "A" + (1 + random.nextInt(6)),
                    commune.code(),
                    address(random, commune),
                    guardian,
                    "09" + String.format("%08d", random.nextInt(100_000_000)),
                    categories(random)));
        }
    }

    /** Streams {@code scale.items} donated items to {@code sink}. */
    public void items(Consumer<ItemRecord> sink) {
        Random random = new Random(seed * 31 + 2);
        List<Province> provinces = Provinces.ALL.subList(0, scale.provinces);
        for (int i = 0; i < scale.items; i++) {
            String type = ITEM_TYPES[weighted(random, ITEM_WEIGHT)];
            String condition = switch (type) {
                case "SIM_4G", "DATA_PACKAGE", "NOTEBOOKS" -> "NEW";
                default -> {
                    int roll = random.nextInt(100);
                    yield roll < 35 ? "NEW" : roll < 75 ? "USED_WORKING" : "USED_NEEDS_REPAIR";
                }
            };
            String donor = random.nextInt(100) < 70
                    ? VietnameseNames.fullName(random, random.nextBoolean())
                    : BUSINESS_PREFIX[random.nextInt(BUSINESS_PREFIX.length)] + " "
                            + BUSINESS_TRADE[random.nextInt(BUSINESS_TRADE.length)] + " "
                            + VietnameseNames.place(random);
            sink.accept(new ItemRecord(
                    String.format("HV%07d", i + 1),
                    type,
                    condition,
                    donor,
                    provinces.get(random.nextInt(provinces.size())).code()));
        }
    }

    /**
     * A plausible 12-digit citizen id: 3-digit province of birth, a digit for sex and century (2 = male, 3 = female,
     * born 2000–2099), two digits of the year of birth, six random digits.
     */
    static String personalId(Random random, Province province, int year, boolean female) {
        int centuryAndSex = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
        return "0" + province.code() + centuryAndSex + String.format("%02d", year % 100)
                + String.format("%06d", random.nextInt(1_000_000));
    }

    private static String address(Random random, SyntheticNation.Commune commune) {
        String place = commune.ward() ? "Khu phố " + (1 + random.nextInt(9)) : "Ấp " + VietnameseNames.place(random);
        return "Số " + (1 + random.nextInt(300)) + ", " + place + ", " + commune.name() + ", "
                + commune.province().name();
    }

    private static List<String> categories(Random random) {
        int first = weighted(random, CATEGORY_WEIGHT);
        if (random.nextInt(100) < 20) {
            int second = weighted(random, CATEGORY_WEIGHT);
            if (second != first) {
                return List.of(CATEGORIES.get(Math.min(first, second)), CATEGORIES.get(Math.max(first, second)));
            }
        }
        return List.of(CATEGORIES.get(first));
    }

    private static String placeOf(SyntheticNation.Commune commune) {
        return commune.name().substring(commune.name().indexOf(' ') + 1);
    }

    private static int weighted(Random random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Splits {@code total} into parts proportional to {@code weights} (largest remainders), each at least one. */
    static int[] spread(int total, int[] weights) {
        int parts = weights.length;
        int[] out = new int[parts];
        long sum = 0;
        for (int w : weights) {
            sum += w;
        }
        int given = 0;
        double[] remainders = new double[parts];
        for (int i = 0; i < parts; i++) {
            double exact = (double) (total - parts) * weights[i] / sum;
            out[i] = 1 + (int) Math.floor(exact);
            remainders[i] = exact - Math.floor(exact);
            given += out[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < parts; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            out[best]++;
            remainders[best] = -1;
            given++;
        }
        return out;
    }
}
