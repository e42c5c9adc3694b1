package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.text.Labelled;

/**
 * The registry's words come from the student bundle: each message in both languages, a status or a field's name in the
 * reader's language, numbers as typed (no 1.000 or 2,012), apostrophes kept.
 */
class StudentTextsTests {

    @Test
    void wordsAFieldProblemInEachLanguageWithTheFieldsNameInThatLanguage() {
        FieldProblem p = only(with("notes", "n".repeat(1001)));
        assertThat(p.field()).isEqualTo("notes");
        assertThat(p.messageVi()).isEqualTo("Ghi chú dài quá 1000 ký tự.");
        assertThat(p.messageEn()).isEqualTo("Notes is longer than 1000 characters.");

        FieldProblem name = only(with("fullName", ""));
        assertThat(name.messageVi()).isEqualTo("Họ và tên học sinh: chưa nhập.");
        assertThat(name.messageEn()).isEqualTo("Student's full name is missing.");
    }

    @Test
    void givesEachLanguageItsOwnFormOfAnArgument() {
        FieldProblem date = only(with("birthDate", "05/09/2020"));
        assertThat(date.messageVi())
                .isEqualTo("Ngày sinh 05/09/2020 không hợp lý cho một học sinh (từ 3 đến 25 tuổi).");
        assertThat(date.messageEn())
                .isEqualTo("The date of birth 2020-09-05 is not plausible for a student (3 to 25 years old).");

        FieldProblem category = only(with("categories", "Mồ côi"));
        assertThat(category.messageVi())
                .isEqualTo("Đối tượng ưu tiên \"Mồ côi\" không có trong chương trình này. Các đối tượng: "
                        + "Mồ côi cả cha lẫn mẹ do COVID-19; Hộ nghèo.");
        // the apostrophe of a message with placeholders survives MessageFormat
        assertThat(category.messageEn())
                .isEqualTo("Priority category \"Mồ côi\" is not one of this campaign's: ORPHAN_BOTH, POOR.");

        PersonalIdNumber girl = PersonalIdNumber.parse("079312123456");
        FieldProblem sex = girl.disagreement(null, Gender.MALE).orElseThrow();
        assertThat(sex.messageVi()).contains("(Nữ)");
        assertThat(sex.messageEn()).contains("(Female)");
        FieldProblem year = girl.disagreement(LocalDate.of(2011, 5, 1), null).orElseThrow();
        assertThat(year.messageVi())
                .isEqualTo("Năm sinh trong số định danh (2012) khác ngày sinh đã nhập (2011); hãy kiểm tra lại.");
    }

    @Test
    void listsTheChoicesByTheirVietnameseNamesAndLowerCasesAMissingOnesName() {
        FieldProblem unknown = only(with("deviceSituation", "máy mới"));
        assertThat(unknown.messageVi())
                .isEqualTo("Tình trạng thiết bị \"máy mới\" không rõ; hãy chọn: "
                        + "Chưa có thiết bị / Thiết bị hỏng / Dùng chung với anh chị em.");
        assertThat(unknown.messageEn()).isEqualTo("Device situation \"máy mới\" is not one of the choices.");

        FieldProblem missing = only(with("connectivity", " "));
        assertThat(missing.messageVi()).isEqualTo("Chưa nhập kết nối internet.");
        assertThat(missing.messageEn()).isEqualTo("Connectivity is missing.");
    }

    @Test
    void wordsErrorsByTheirCode() {
        assertThatThrownBy(() -> EvidenceFiles.check(new byte[] {1, 2, 3}))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("student.evidence.type");
                    assertThat(e.messageVi()).isEqualTo("Tệp minh chứng phải là PDF, ảnh JPEG hoặc PNG.");
                    assertThat(e.messageEn()).isEqualTo("The evidence file must be a PDF, JPEG or PNG.");
                });
        var conflict = StudentTexts.conflict(
                "student.status", "Lan", StudentStatus.APPROVED.label(), StudentStatus.PROPOSED.label());
        assertThat(conflict.messageVi()).isEqualTo("Lan: đang \"Đã duyệt\", không thể chuyển sang \"Đã đề xuất\".");
        assertThat(conflict.messageEn()).isEqualTo("Lan is Approved and cannot become Proposed.");
    }

    @Test
    void namesEveryChoiceInBothLanguages() {
        List<Labelled> all = new java.util.ArrayList<>();
        all.addAll(Arrays.asList(StudentStatus.values()));
        all.addAll(Arrays.asList(Gender.values()));
        all.addAll(Arrays.asList(DeviceSituation.values()));
        all.addAll(Arrays.asList(Connectivity.values()));
        for (Labelled choice : all) {
            assertThat(choice.nameVi()).as(choice.labelKey()).isNotBlank().isNotEqualTo(choice.nameEn());
            assertThat(choice.nameEn()).as(choice.labelKey()).isNotBlank();
        }
        assertThat(StudentStatus.RETURNED.labelVi()).isEqualTo("Trả lại để sửa");
        assertThat(Gender.FEMALE.labelEn()).isEqualTo("Female");
        assertThat(DeviceSituation.NONE.labelVi()).isEqualTo("Chưa có thiết bị");
        Needs all4 = new Needs(true, true, true, true);
        assertThat(all4.labelsVi()).isEqualTo("thiết bị, SIM, gói cước, thiết bị Wi-Fi");
        assertThat(all4.labelsEn()).isEqualTo("device, SIM, data package, Wi-Fi device");
    }

    @Test
    void readsBackEveryNameItShows() {
        for (Gender g : Gender.values()) {
            assertThat(Gender.parse(g.labelVi())).contains(g);
            assertThat(Gender.parse(g.labelEn())).contains(g);
        }
        // names that are in no synonym list: only the bundle's name reads them
        assertThat(Connectivity.parse("Dùng dữ liệu di động")).contains(Connectivity.MOBILE_DATA);
        assertThat(DeviceSituation.parse("Shared with siblings")).contains(DeviceSituation.SHARED);
    }

    /** The one problem of a good row with {@code field} typed as {@code value}. */
    private static FieldProblem only(StudentInput input) {
        List<FieldProblem> problems =
                input.validate(StudentInputTests.ANY_SCHOOL).problems();
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static StudentInput with(String field, String value) {
        StudentInput good = StudentInputTests.good();
        RecordComponent[] components = StudentInput.class.getRecordComponents();
        try {
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getName().equals(field)
                        ? value
                        : components[i].getAccessor().invoke(good);
            }
            Class<?>[] types =
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return StudentInput.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
