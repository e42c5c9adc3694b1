package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.PhoneNumber;

class StudentInputTests {

    static final LocalDate TODAY = LocalDate.of(2021, 9, 1);
    static final SchoolRef SCHOOL =
            new SchoolRef(7, 70, "79760101", "Trường THCS Nguyễn Du", SchoolLevel.LOWER_SECONDARY);
    static final SchoolRef OTHER = new SchoolRef(8, 80, "79760102", "Trường Tiểu học Lê Lợi", SchoolLevel.PRIMARY);
    static final List<PriorityCategory> CATEGORIES = List.of(
            new PriorityCategory("ORPHAN_BOTH", "Mồ côi cả cha lẫn mẹ do COVID-19", "Orphaned by COVID-19", 100),
            new PriorityCategory("POOR", "Hộ nghèo", "Poor household", 40));
    static final Map<String, Long> COMMUNES = Map.of("26734", 501L, "phuong linh trung", 501L);

    static final ValidationContext ANY_SCHOOL = new ValidationContext(
            CATEGORIES,
            code -> Optional.ofNullable(
                    Map.of(SCHOOL.moetCode(), SCHOOL, OTHER.moetCode(), OTHER).get(code)),
            raw -> Optional.ofNullable(COMMUNES.get(Labels.fold(raw))),
            null,
            TODAY);

    static StudentInput good() {
        return new StudentInput(
                "Nguyễn Thị Lan",
                "05/09/2009",
                "Nữ",
                "079309123456",
                "hs 0001",
                "79760101",
                "7",
                "7A2",
                "Phường Linh Trung",
                "12 đường số 5",
                "Nguyễn Văn Hùng",
                "0931.771.213",
                "Hộ nghèo; ORPHAN_BOTH",
                "Chưa có thiết bị",
                "Không có kết nối",
                "máy tính, sim",
                "");
    }

    @Test
    void normalisesEveryFieldOfAGoodRow() {
        Validated v = good().validate(ANY_SCHOOL);
        assertThat(v.problems()).isEmpty();
        StudentDetails s = v.details();
        assertThat(s.fullName()).isEqualTo("Nguyễn Thị Lan");
        assertThat(s.nameFolded()).isEqualTo("nguyen thi lan");
        assertThat(s.birthDate()).isEqualTo(LocalDate.of(2009, 9, 5));
        assertThat(s.gender()).isEqualTo(Gender.FEMALE);
        assertThat(s.personalId().digits()).isEqualTo("079309123456");
        assertThat(s.moetCode()).isEqualTo("HS0001");
        assertThat(s.schoolId()).isEqualTo(7);
        assertThat(s.unitId()).isEqualTo(70);
        assertThat(s.grade()).isEqualTo(7);
        assertThat(s.className()).isEqualTo("7A2");
        assertThat(s.homeUnitId()).isEqualTo(501L);
        assertThat(s.guardianPhone()).isEqualTo(new PhoneNumber("0931771213"));
        assertThat(s.categoriesColumn()).isEqualTo("ORPHAN_BOTH,POOR");
        assertThat(s.needs()).isEqualTo(new Needs(true, true, false, false));
        assertThat(s.notes()).isNull();
        assertThat(v.priority().score()).isEqualTo(100 + 40 + 20 + 10);
    }

    @Test
    void tidiesNamesTypedInCapitalsOrDecomposedWithStraySpaces() {
        StudentInput shouting = withName(good(), "  NGUYỄN   THỊ  LAN ");
        assertThat(shouting.validate(ANY_SCHOOL).details().fullName()).isEqualTo("Nguyễn Thị Lan");
        StudentInput nfd = withName(good(), Normalizer.normalize("Đỗ Ánh Dương", Normalizer.Form.NFD));
        assertThat(nfd.validate(ANY_SCHOOL).details().fullName()).isEqualTo("Đỗ Ánh Dương");
        StudentInput mixed = withName(good(), "Lê thị mAi");
        assertThat(mixed.validate(ANY_SCHOOL).details().fullName()).isEqualTo("Lê thị mAi");
    }

    private static StudentInput named(String name) {
        StudentInput g = good();
        return new StudentInput(
                name,
                g.birthDate(),
                g.gender(),
                g.personalId(),
                g.moetCode(),
                g.school(),
                g.grade(),
                g.className(),
                g.homeUnit(),
                g.address(),
                g.guardianName(),
                g.guardianPhone(),
                g.categories(),
                g.deviceSituation(),
                g.connectivity(),
                g.needs(),
                g.notes());
    }

    @Test
    void namesTypedInAnOldTcvn3FontAreRefusedWithTheCauseEvenWhenEveryCharacterIsALetter() {
        for (String mojibake : List.of("Ph¹m V¨n An", "Lª ThÞ Hµ")) {
            Validated v = named(mojibake).validate(ANY_SCHOOL);
            assertThat(v.isValid()).isFalse();
            assertThat(v.problems()).anySatisfy(p -> {
                assertThat(p.field()).isEqualTo("fullName");
                assertThat(p.messageVi()).contains("TCVN3");
                assertThat(p.messageEn()).contains("Unicode");
            });
        }
        // Real names, with every Vietnamese letter, stay valid.
        assertThat(named("Đặng Thị Ngọc Ánh Ưng Ơn Ỷ").validate(ANY_SCHOOL).problems())
                .isEmpty();
    }

    @Test
    void reportsEveryMistakeOfARowAtOnceInVietnameseAndEnglish() {
        StudentInput bad = new StudentInput(
                "",
                "31/02/2010",
                "X",
                "12345",
                "",
                "00000000",
                "13",
                "",
                "",
                "",
                "",
                "0131",
                "Khuyết tật",
                "mới",
                "",
                "xe đạp",
                "");
        Validated v = bad.validate(ANY_SCHOOL);
        assertThat(v.isValid()).isFalse();
        assertThat(v.errors())
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "fullName",
                        "birthDate",
                        "gender",
                        "personalId",
                        "school",
                        "grade",
                        "guardianPhone",
                        "categories",
                        "deviceSituation",
                        "connectivity",
                        "needs");
        assertThat(v.errors()).allSatisfy(p -> {
            assertThat(p.messageVi()).isNotBlank();
            assertThat(p.messageEn()).isNotBlank();
        });
        assertThat(v.errors().stream()
                        .filter(p -> p.field().equals("categories"))
                        .findFirst()
                        .orElseThrow()
                        .messageVi())
                .contains("Khuyết tật")
                .contains("Hộ nghèo");
    }

    @Test
    void warnsButKeepsTheStudentWhenSomethingLooksOdd() {
        StudentInput odd = new StudentInput(
                "Trần Văn Bình",
                "1/1/10",
                "Nam",
                "079210000001",
                "",
                "79760101",
                "3",
                "",
                "Xã Không Có",
                "",
                "",
                "",
                "",
                "dùng chung",
                "4G",
                "",
                "");
        Validated v = odd.validate(ANY_SCHOOL);
        assertThat(v.isValid()).isTrue();
        assertThat(v.warnings()).extracting(FieldProblem::field).containsExactlyInAnyOrder("grade", "homeUnit");
        assertThat(v.details().homeUnitId()).isNull();
        assertThat(v.details().needs()).isEqualTo(Needs.DEVICE_ONLY);

        StudentInput wrongYear = new StudentInput(
                "Trần Văn Bình",
                "1/1/2010",
                "Nam",
                "079211000001",
                "",
                "79760101",
                "6",
                "",
                "",
                "",
                "",
                "",
                "",
                "NONE",
                "NONE",
                "",
                "");
        assertThat(wrongYear.validate(ANY_SCHOOL).warnings())
                .extracting(FieldProblem::field)
                .containsExactly("personalId");
    }

    @Test
    void aSchoolOfficerRegistersOnlyForTheirOwnSchool() {
        ValidationContext mine = ValidationContext.forSchool(CATEGORIES, SCHOOL, raw -> Optional.empty(), TODAY);
        StudentInput noSchool = withSchool(good(), "");
        assertThat(noSchool.validate(mine).details().schoolId()).isEqualTo(SCHOOL.id());
        assertThat(noSchool.validate(ANY_SCHOOL).errors())
                .extracting(FieldProblem::field)
                .containsExactly("school");
        ValidationContext strictMine = new ValidationContext(CATEGORIES, ANY_SCHOOL::schoolByCode, null, SCHOOL, TODAY);
        assertThat(withSchool(good(), OTHER.moetCode()).validate(strictMine).errors())
                .extracting(FieldProblem::field)
                .containsExactly("school");
    }

    @Test
    void readsGradeAndClassFromOneCell() {
        StudentInput gradeAndClass = new StudentInput(
                "Lê Minh",
                "2/3/2009",
                "nam",
                "",
                "",
                "79760101",
                "Lớp 7a3",
                "",
                "",
                "",
                "",
                "",
                "",
                "hỏng",
                "wifi",
                "",
                "");
        StudentDetails s = gradeAndClass.validate(ANY_SCHOOL).details();
        assertThat(s.grade()).isEqualTo(7);
        assertThat(s.className()).isEqualTo("LỚP 7A3");
    }

    @Test
    void neverThrowsWhateverTheCellsHold() {
        Random random = new Random(42L);
        String[] pieces = {
            "",
            " ",
            "Nguyễn",
            "05/09/2012",
            "0",
            "-1",
            "1e9",
            "Nữ",
            "\u0000",
            "☃",
            "=1+1",
            "'",
            "\"",
            "\n",
            "079312123456",
            "lớp",
            "x".repeat(5000),
            "9999999999999999999999",
            "%",
            "NONE",
            "MOBILE_DATA",
            ",,,",
            ";"
        };
        for (int i = 0; i < 3_000; i++) {
            String[] cells = new String[17];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = random.nextInt(10) == 0
                        ? null
                        : pieces[random.nextInt(pieces.length)] + pieces[random.nextInt(pieces.length)];
            }
            StudentInput input = new StudentInput(
                    cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7], cells[8], cells[9],
                    cells[10], cells[11], cells[12], cells[13], cells[14], cells[15], cells[16]);
            Validated v = input.validate(ANY_SCHOOL);
            assertThat(v.isValid()).isEqualTo(v.errors().isEmpty());
            v.problems().forEach(p -> assertThat(p.messageVi().length()).isLessThan(600));
        }
    }

    private static StudentInput withName(StudentInput i, String name) {
        return new StudentInput(
                name,
                i.birthDate(),
                i.gender(),
                i.personalId(),
                i.moetCode(),
                i.school(),
                i.grade(),
                i.className(),
                i.homeUnit(),
                i.address(),
                i.guardianName(),
                i.guardianPhone(),
                i.categories(),
                i.deviceSituation(),
                i.connectivity(),
                i.needs(),
                i.notes());
    }

    private static StudentInput withSchool(StudentInput i, String school) {
        return new StudentInput(
                i.fullName(),
                i.birthDate(),
                i.gender(),
                i.personalId(),
                i.moetCode(),
                school,
                i.grade(),
                i.className(),
                i.homeUnit(),
                i.address(),
                i.guardianName(),
                i.guardianPhone(),
                i.categories(),
                i.deviceSituation(),
                i.connectivity(),
                i.needs(),
                i.notes());
    }
}
