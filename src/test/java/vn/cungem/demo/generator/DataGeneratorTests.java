package vn.cungem.demo.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.cungem.shared.PhoneNumber;
import vn.cungem.shared.text.VietnameseText;

class DataGeneratorTests {

    private static List<StudentRecord> students(DataGenerator generator, SyntheticNation nation) {
        List<StudentRecord> out = new ArrayList<>();
        generator.students(nation, out::add);
        return out;
    }

    private static List<ItemRecord> items(DataGenerator generator) {
        List<ItemRecord> out = new ArrayList<>();
        generator.items(out::add);
        return out;
    }

    @Test
    void sameSeedGivesTheSameData() {
        DataGenerator first = new DataGenerator(7, Scale.CITY, "");
        DataGenerator second = new DataGenerator(7, Scale.CITY, "");
        SyntheticNation nation = first.nation();
        assertThat(second.nation()).isEqualTo(nation);
        assertThat(students(second, second.nation())).isEqualTo(students(first, nation));
        assertThat(items(second)).isEqualTo(items(first));
    }

    @Test
    void anotherSeedGivesOtherData() {
        DataGenerator first = new DataGenerator(7, Scale.TINY, "");
        DataGenerator other = new DataGenerator(8, Scale.TINY, "");
        assertThat(students(other, other.nation())).isNotEqualTo(students(first, first.nation()));
    }

    @ParameterizedTest
    @EnumSource(
            value = Scale.class,
            names = {"TINY", "CITY", "PROVINCE"})
    void producesTheCountsOfItsScale(Scale scale) {
        DataGenerator generator = new DataGenerator(2021, scale, "");
        SyntheticNation nation = generator.nation();
        assertThat(nation.units()).hasSize(1 + scale.provinces + scale.communes);
        assertThat(nation.communes()).hasSize(scale.communes);
        assertThat(nation.schools()).hasSize(scale.schools);
        assertThat(students(generator, nation)).hasSize(scale.students);
        assertThat(items(generator)).hasSize(scale.items);
    }

    @Test
    void nationalScaleCoversAllThirtyFourProvincesWithUniqueCodes() {
        SyntheticNation nation = new DataGenerator(2021, Scale.NATIONAL, "").nation();
        List<UnitRow> provinces = nation.units().stream()
                .filter(u -> u.levelCode().equals("province"))
                .toList();
        assertThat(provinces).hasSize(34);
        assertThat(provinces.stream().map(UnitRow::code))
                .contains("01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31", "33", "37")
                .contains("38", "40", "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82")
                .contains("86", "91", "92", "96");
        assertThat(nation.communes()).hasSize(3_321);
        assertThat(nation.schools()).hasSize(40_000);
        assertThat(nation.units().stream().map(UnitRow::code).collect(Collectors.toSet()))
                .hasSize(nation.units().size());
        assertThat(nation.schools().stream().map(SchoolRow::moetCode).collect(Collectors.toSet()))
                .hasSize(40_000);
        Map<String, Long> perProvince = nation.units().stream()
                .filter(u -> u.levelCode().equals("commune"))
                .collect(Collectors.groupingBy(UnitRow::parentCode, Collectors.counting()));
        assertThat(perProvince)
                .hasSize(34)
                .allSatisfy((code, count) -> assertThat(count).isGreaterThan(20));
    }

    @Test
    void parentsComeBeforeTheirChildren() {
        SyntheticNation nation = new DataGenerator(1, Scale.PROVINCE, "G").nation();
        Set<String> seen = new HashSet<>();
        for (UnitRow unit : nation.units()) {
            if (unit.parentCode() != null) {
                assertThat(seen).contains(unit.parentCode());
            }
            seen.add(unit.code());
        }
        assertThat(nation.units().get(0).code()).isEqualTo("GVN");
        assertThat(nation.schools()).allSatisfy(s -> assertThat(s.moetCode()).startsWith("G79"));
    }

    @Test
    void namesAreNfcAndVietnamese() {
        DataGenerator generator = new DataGenerator(2021, Scale.CITY, "");
        List<StudentRecord> students = students(generator, generator.nation());
        for (StudentRecord student : students) {
            for (String name : List.of(student.fullName(), student.guardianName(), student.address())) {
                assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue();
                assertThat(VietnameseText.tidy(name)).isEqualTo(name);
            }
            assertThat(student.fullName().split(" ")).hasSize(3);
        }
        long withDiacritics = students.stream()
                .filter(s ->
                        !VietnameseText.fold(s.fullName()).equals(s.fullName().toLowerCase()))
                .count();
        assertThat(withDiacritics).isGreaterThan(students.size() * 9L / 10);
        assertThat(students).anyMatch(s -> s.fullName().startsWith("Nguyễn "));
        assertThat(students)
                .anyMatch(s -> s.fullName().contains("Đ") || s.fullName().contains("đ"));
        assertThat(generator.nation().schools())
                .allSatisfy(s -> assertThat(Normalizer.isNormalized(s.name(), Normalizer.Form.NFC))
                        .isTrue());
    }

    @Test
    void personalIdsAreTwelveDigitsThatAgreeWithBirthAndSex() {
        DataGenerator generator = new DataGenerator(2021, Scale.CITY, "");
        Set<String> provinceCodes =
                Provinces.ALL.stream().map(p -> "0" + p.code()).collect(Collectors.toSet());
        for (StudentRecord student : students(generator, generator.nation())) {
            String id = student.personalId();
            assertThat(id).matches("\\d{12}");
            assertThat(provinceCodes).contains(id.substring(0, 3));
            assertThat(id.charAt(3)).isEqualTo(student.female() ? '3' : '2');
            assertThat(id.substring(4, 6))
                    .isEqualTo(String.format("%02d", student.dateOfBirth().getYear() % 100));
        }
    }

    @Test
    void guardianPhonesAreVietnameseMobiles() {
        DataGenerator generator = new DataGenerator(2021, Scale.CITY, "");
        for (StudentRecord student : students(generator, generator.nation())) {
            assertThat(student.guardianPhone()).matches("09\\d{8}");
            assertThat(PhoneNumber.parse(student.guardianPhone()).national()).isEqualTo(student.guardianPhone());
        }
    }

    @Test
    void studentsSitInAGradeOfTheirSchoolAndAreOfSchoolAge() {
        DataGenerator generator = new DataGenerator(3, Scale.CITY, "");
        SyntheticNation nation = generator.nation();
        Map<String, SchoolRow> schools =
                nation.schools().stream().collect(Collectors.toMap(SchoolRow::moetCode, s -> s));
        for (StudentRecord student : students(generator, nation)) {
            SchoolRow school = schools.get(student.schoolCode());
            assertThat(school).isNotNull();
            assertThat(student.communeCode()).isEqualTo(school.unitCode());
            switch (school.schoolLevel()) {
                case "PRIMARY" -> assertThat(student.grade()).isBetween(1, 5);
                case "LOWER_SECONDARY" -> assertThat(student.grade()).isBetween(6, 9);
                default -> assertThat(student.grade()).isBetween(10, 12);
            }
            assertThat(student.className()).startsWith(student.grade() + "A");
            assertThat(student.dateOfBirth()).isBetween(LocalDate.of(2003, 1, 1), LocalDate.of(2015, 12, 31));
            assertThat(student.categories())
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(DataGenerator.CATEGORIES).contains(c));
        }
    }

    @Test
    void csvLinesQuoteFieldsWithCommas() {
        DataGenerator generator = new DataGenerator(5, Scale.TINY, "");
        List<StudentRecord> students = students(generator, generator.nation());
        String line = students.get(0).csv();
        assertThat(line).startsWith(students.get(0).fullName() + ",");
        assertThat(line).contains("\"" + students.get(0).address() + "\"");
        assertThat(StudentRecord.HEADER.split(",")).hasSize(12);
        assertThat(Csv.line("a\"b", "c")).isEqualTo("\"a\"\"b\",c");
    }

    @Test
    void spreadsTotalsProportionallyAndGivesEveryPartOne() {
        java.util.Random random = new java.util.Random(11);
        for (int round = 0; round < 200; round++) {
            int parts = 1 + random.nextInt(40);
            int[] weights = new int[parts];
            for (int i = 0; i < parts; i++) {
                weights[i] = 1 + random.nextInt(200);
            }
            int total = parts + random.nextInt(5_000);
            int[] spread = DataGenerator.spread(total, weights);
            assertThat(java.util.Arrays.stream(spread).sum()).isEqualTo(total);
            assertThat(java.util.Arrays.stream(spread).min().getAsInt()).isPositive();
        }
    }

    @Test
    void readsScaleNamesAndExplainsUnknownOnesInVietnamese() {
        assertThat(Scale.parse(" National ")).isEqualTo(Scale.NATIONAL);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scale.parse("galaxy"))
                .isInstanceOfSatisfying(
                        vn.cungem.shared.InvalidValueException.class,
                        e -> assertThat(e.messageVi()).contains("Quy mô không hợp lệ"));
    }
}
