package vn.cungem.student.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.student.SchoolRef;
import vn.cungem.student.StudentIdCipher;
import vn.cungem.student.StudentIdKeyGuard;
import vn.cungem.student.ValidationContext;
import vn.cungem.student.importing.CheckedRow.Outcome;
import vn.cungem.student.importing.StudentSheet.SourceRow;

/**
 * Fixed-seed property checks without Spring: random valid students written under the template's headers read back and
 * pass the registry's rules with the values they were written with; random corruption of cells and of the file's
 * bytes never escapes as anything but a row error or a clear rejection.
 */
class StudentImportPropertyTests {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hữu", "Đức", "Quốc", "Thu", "Gia"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa"};
    private static final List<PriorityCategory> CATEGORIES = List.of(
            new PriorityCategory("MO_COI", "Mồ côi do COVID-19", "Orphaned by COVID-19", 100),
            new PriorityCategory("HO_NGHEO", "Hộ nghèo", "Poor household", 40),
            new PriorityCategory("CAN_NGHEO", "Hộ cận nghèo", "Near-poor household", 30));
    static final SchoolRef SCHOOL = new SchoolRef(7, 3, "79000101", "Trường Tiểu học An Phú", SchoolLevel.PRIMARY);
    private static final StudentIdCipher CIPHER = new StudentIdCipher(StudentIdKeyGuard.DEV_KEY);

    static ImportCheck check() {
        Map<String, SchoolRef> schools = Map.of(SCHOOL.moetCode(), SCHOOL);
        ValidationContext context = new ValidationContext(
                CATEGORIES,
                code -> Optional.ofNullable(schools.get(code.strip())),
                name -> Optional.empty(),
                null,
                LocalDate.of(2021, 9, 1));
        return new ImportCheck(context, CIPHER, id -> id == SCHOOL.id(), 1, 1);
    }

    private static Map<StudentColumn, String> randomStudent(Random random) {
        Map<StudentColumn, String> s = new HashMap<>();
        LocalDate born = LocalDate.of(2011 + random.nextInt(4), 1, 1).plusDays(random.nextInt(365));
        boolean girl = random.nextBoolean();
        String name = FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + GIVEN[random.nextInt(GIVEN.length)];
        // Names as schools type them: NFC or NFD, upper case, stray spaces.
        switch (random.nextInt(4)) {
            case 0 -> name = Normalizer.normalize(name, Normalizer.Form.NFD);
            case 1 -> name = name.toUpperCase(java.util.Locale.ROOT);
            case 2 -> name = "  " + name.replace(" ", "   ") + " ";
            default -> {}
        }
        s.put(StudentColumn.FULL_NAME, name);
        String[] dateForms = {"dd/MM/yyyy", "d/M/yy", "yyyy-MM-dd"};
        String form = dateForms[random.nextInt(dateForms.length + 1) % dateForms.length];
        s.put(
                StudentColumn.BIRTH_DATE,
                random.nextInt(5) == 0
                        ? Long.toString(
                                born.toEpochDay() - LocalDate.of(1899, 12, 30).toEpochDay())
                        : born.format(DateTimeFormatter.ofPattern(form)));
        s.put(StudentColumn.GENDER, girl ? (random.nextBoolean() ? "Nữ" : "nữ") : (random.nextBoolean() ? "Nam" : "M"));
        int century = girl ? 3 : 2;
        s.put(
                StudentColumn.PERSONAL_ID,
                random.nextBoolean()
                        ? "079" + century + String.format("%02d", born.getYear() % 100)
                                + String.format("%06d", random.nextInt(1_000_000))
                        : "");
        s.put(StudentColumn.SCHOOL_CODE, SCHOOL.moetCode());
        s.put(StudentColumn.GRADE, Integer.toString(1 + random.nextInt(5)));
        s.put(StudentColumn.GUARDIAN_PHONE, random.nextBoolean() ? "0931 771 213" : "+84 912 345 678");
        s.put(
                StudentColumn.CATEGORIES,
                CATEGORIES.get(random.nextInt(CATEGORIES.size())).nameVi());
        s.put(StudentColumn.DEVICE_SITUATION, random.nextBoolean() ? "Chưa có thiết bị" : "thiet bi hong");
        s.put(StudentColumn.CONNECTIVITY, random.nextBoolean() ? "Không có kết nối" : "4G");
        s.put(StudentColumn.NEEDS, random.nextBoolean() ? "" : "Thiết bị; SIM");
        return s;
    }

    private static byte[] xlsx(List<StudentColumn> order, List<Map<StudentColumn, String>> students) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(order.stream().map(StudentColumn::headerVi).toList());
        for (Map<StudentColumn, String> s : students) {
            rows.add(order.stream().map(c -> s.getOrDefault(c, "")).toList());
        }
        return Workbooks.xlsx(rows, "Danh sách");
    }

    private static List<CheckedRow> readAndCheck(byte[] file) {
        ImportCheck check = check();
        List<CheckedRow> out = new ArrayList<>();
        StudentSheet sheet = new StudentSheet(r -> out.add(check.check(r)));
        SpreadsheetReader.read(file, 0, sheet);
        sheet.requireHeader();
        return out;
    }

    @Test
    void randomValidStudentsRoundTripThroughTheTemplateHeadersInAnyColumnOrder() throws Exception {
        Random random = new Random(20210901L);
        for (int round = 0; round < 20; round++) {
            List<StudentColumn> order = new ArrayList<>(StudentColumn.inTemplateOrder());
            java.util.Collections.shuffle(order, random);
            List<Map<StudentColumn, String>> students = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                students.add(randomStudent(random));
            }
            List<CheckedRow> rows = readAndCheck(xlsx(order, students));
            assertThat(rows).hasSize(students.size());
            for (int i = 0; i < rows.size(); i++) {
                CheckedRow r = rows.get(i);
                assertThat(r.outcome).as("row %d: %s", r.number, r.reasonsEn()).isNotEqualTo(Outcome.ERROR);
                String typed = students.get(i).get(StudentColumn.FULL_NAME);
                String fullName = (String) r.row.value("full_name");
                assertThat(r.row.value("name_folded")).isEqualTo(vn.cungem.shared.text.VietnameseText.fold(typed));
                assertThat(r.row.value("school_id")).isEqualTo(SCHOOL.id());
                assertThat(fullName).isEqualTo(Normalizer.normalize(fullName, Normalizer.Form.NFC));
                assertThat(fullName).doesNotContain("  ");
            }
        }
    }

    @Test
    void theTemplateItselfReadsBackWithEveryColumn() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StudentTemplate.write(
                new StudentTemplate.Spec(
                        "Chương trình thử",
                        List.of("Nam", "Nữ"),
                        CATEGORIES.stream().map(PriorityCategory::nameVi).toList(),
                        List.of("Chưa có thiết bị"),
                        List.of("Không có kết nối"),
                        List.of("Thiết bị"),
                        List.of(new StudentTemplate.School(SCHOOL.moetCode(), SCHOOL.name())),
                        null),
                out);
        StudentSheet sheet = new StudentSheet(r -> {});
        SpreadsheetReader.read(out.toByteArray(), 0, sheet);
        sheet.requireHeader();
        for (StudentColumn c : StudentColumn.values()) {
            assertThat(sheet.hasColumn(c)).as(c.name()).isTrue();
        }
        assertThat(sheet.dataRows()).isZero();
    }

    @Test
    void randomCorruptionOfCellsOnlyEverGivesRowErrors() {
        Random random = new Random(20210902L);
        String[] junk = {
            "",
            " ",
            "=1+1",
            "+84",
            "-",
            "@SUM(A1)",
            "31/13/2013",
            "00/00/0000",
            "99999999",
            "1e308",
            "NaN",
            "\u0000",
            "\uFFFD",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "'; drop table student; --",
            "<script>",
            "A".repeat(2_500),
            "١٢٣",
            "Nam Nữ",
            "0",
            "-1",
            "13",
            "079",
            "0792130012345678"
        };
        ImportCheck check = check();
        for (int i = 0; i < 3_000; i++) {
            Map<StudentColumn, String> s = randomStudent(random);
            int corruptions = 1 + random.nextInt(4);
            for (int k = 0; k < corruptions; k++) {
                StudentColumn c = StudentColumn.values()[random.nextInt(StudentColumn.values().length)];
                s.put(c, junk[random.nextInt(junk.length)]);
            }
            boolean tooLong = s.values().stream().anyMatch(v -> v.length() > SpreadsheetReader.MAX_CELL_CHARS);
            CheckedRow row = check.check(new SourceRow(i + 2, s, tooLong));
            if (row.outcome == Outcome.ERROR) {
                assertThat(row.reasonsVi()).isNotBlank();
                assertThat(row.reasonsEn()).isNotBlank();
                assertThat(row.row).isNull();
            } else {
                assertThat(row.row).isNotNull();
            }
        }
    }

    @Test
    void randomCorruptionOfTheFileOnlyEverGivesAClearRejection() {
        Random random = new Random(20210903L);
        List<Map<StudentColumn, String>> students = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            students.add(randomStudent(random));
        }
        byte[] good = xlsx(StudentColumn.inTemplateOrder(), students);
        for (int i = 0; i < 200; i++) {
            byte[] bad = good.clone();
            int flips = 1 + random.nextInt(20);
            for (int k = 0; k < flips; k++) {
                bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(5) == 0) {
                bad = java.util.Arrays.copyOf(bad, random.nextInt(bad.length));
            }
            try {
                readAndCheck(bad);
            } catch (ImportRejectedException e) {
                assertThat(e.messageVi()).isNotBlank();
                assertThat(e.messageEn()).isNotBlank();
            }
        }
    }
}
