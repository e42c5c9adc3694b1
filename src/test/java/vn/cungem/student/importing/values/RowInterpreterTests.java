package vn.cungem.student.importing.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.student.Connectivity;
import vn.cungem.student.SchoolRef;
import vn.cungem.student.StudentInput;
import vn.cungem.student.Validated;
import vn.cungem.student.ValidationContext;
import vn.cungem.student.importing.values.FreeText.Source;

class RowInterpreterTests {

    static final SchoolRef SCHOOL = new SchoolRef(7, 70, "79000701", "THCS Nguyễn Du", SchoolLevel.LOWER_SECONDARY);
    static final ValidationContext CONTEXT = ValidationContext.forSchool(
            CampaignDefaults.PRIORITY_CATEGORIES, SCHOOL, raw -> Optional.empty(), LocalDate.of(2026, 12, 6));

    private final RowInterpreter interpreter =
            new RowInterpreter(CampaignDefaults.PRIORITY_CATEGORIES, ValueMappings.none());

    static StudentInput row(
            String name,
            String grade,
            String klass,
            String phone,
            String household,
            String device,
            String connectivity,
            String needs) {
        return new StudentInput(
                name,
                "05/09/2013",
                "Nam",
                "",
                "",
                "",
                grade,
                klass,
                "",
                "",
                "Đỗ Văn Hùng",
                phone,
                household,
                device,
                connectivity,
                needs,
                "");
    }

    static StudentInput household(String text) {
        return row("Đỗ Tuấn Huy", "6", "6A6", "0912345678", text, "Không có", "4G", "Máy tính bảng");
    }

    @Test
    void aSchoolsOwnRowIsReadWithEveryRepairNamed() {
        Interpreted r = interpreter.interpret(row(
                "ĐỖ TUẤN HUY",
                "",
                "6A6",
                "912345678",
                "Mồ côi cha do Covid",
                "Điện thoại hư",
                "",
                "Laptop + USB Wifi"));
        assertThat(r.input().fullName()).isEqualTo("Đỗ Tuấn Huy");
        assertThat(r.input().grade()).isEqualTo("6");
        assertThat(r.input().guardianPhone()).isEqualTo("0912345678");
        assertThat(r.input().categories()).isEqualTo("ORPHAN_ONE_PARENT");
        assertThat(r.input().deviceSituation()).isEqualTo("BROKEN");
        assertThat(r.input().needs()).isEqualTo("DEVICE,WIFI");
        assertThat(r.warnings())
                .extracting(Interpreted.Warning::vi)
                .containsExactly("Số điện thoại \"912345678\" mất số 0 ở đầu (Excel tự bỏ); đã sửa thành 0912345678.");
        assertThat(r.warnings())
                .extracting(Interpreted.Warning::en)
                .contains("Phone number \"912345678\" lost its leading 0 (Excel drops it); repaired to 0912345678.");
        Validated v = r.input().validate(CONTEXT);
        assertThat(v.problems()).isEmpty();
        assertThat(v.details().categories()).containsExactly("ORPHAN_ONE_PARENT");
    }

    @Test
    void aGradeFromAClassTheSchoolDoesNotTeachIsAWarning() {
        Interpreted r =
                interpreter.interpret(row("Lê Văn Tám", "", "10A1", "0912345678", "Hộ nghèo", "Không có", "4G", ""));
        Validated v = r.input().validate(CONTEXT);
        assertThat(v.isValid()).isTrue();
        assertThat(v.problems())
                .extracting(p -> p.messageVi())
                .containsExactly("Trường THCS Nguyễn Du không dạy lớp 10; hãy kiểm tra lại khối lớp.");
    }

    @Test
    void aGradeThatDisagreesWithTheClassIsAWarning() {
        Interpreted r = interpreter.interpret(row("Lê Văn Tám", "7", "6A2", "0912345678", "", "Không có", "", ""));
        assertThat(r.warnings())
                .extracting(Interpreted.Warning::vi)
                .containsExactly("Khối 7 không khớp với lớp \"6A2\"; hãy kiểm tra lại.");
    }

    @Test
    void householdTextsMapToTheCampaignsCategories() {
        assertMeaning("Mồ côi cả cha lẫn mẹ do Covid-19", "ORPHAN_BOTH_PARENTS", Source.DICTIONARY);
        assertMeaning("Mồ côi cha do dịch Covid", "ORPHAN_ONE_PARENT", Source.DICTIONARY);
        assertMeaning("Mẹ mất vì Covid-19 năm 2021", "ORPHAN_ONE_PARENT", Source.DICTIONARY);
        assertMeaning("Hộ cận nghèo", "NEAR_POOR_HOUSEHOLD", Source.AS_TYPED);
        assertMeaning("Gia đình thuộc diện cận nghèo", "NEAR_POOR_HOUSEHOLD", Source.DICTIONARY);
        assertMeaning("HỘ NGHÈO", "POOR_HOUSEHOLD", Source.AS_TYPED);
        assertMeaning("Bố mẹ là công nhân KCN Tân Tạo bị mất việc", "INDUSTRIAL_WORKER_JOBLESS", Source.DICTIONARY);
        assertMeaning("Lao động tự do, mất việc do dịch", "FREELANCE_WORKER_JOBLESS", Source.DICTIONARY);
        assertMeaning("Dân tộc Khmer, hộ nghèo", "POOR_HOUSEHOLD,ETHNIC_MINORITY_HARDSHIP", Source.DICTIONARY);
        assertMeaning("Con bác sĩ tuyến đầu chống dịch", "FRONTLINE_WORKER_HARDSHIP", Source.DICTIONARY);
        assertMeaning("Sổ hộ nghèo năm 2021", "POOR_HOUSEHOLD", Source.DICTIONARY);
        assertMeaning("Không", "", Source.DICTIONARY);
        assertMeaning("Ho ngheo", "POOR_HOUSEHOLD", Source.AS_TYPED);
    }

    @Test
    void anUnsureHouseholdTextIsAWarningToConfirmNeverAnError() {
        assertMeaning("Mồ côi cha", "ORPHAN_ONE_PARENT", Source.UNSURE);
        assertMeaning("Bố mẹ làm công nhân", "INDUSTRIAL_WORKER_JOBLESS", Source.UNSURE);
        assertMeaning("Gia đình khó khăn", "", Source.UNSURE);
        Interpreted r = interpreter.interpret(household("Gia đình khó khăn"));
        assertThat(r.warnings())
                .extracting(Interpreted.Warning::vi)
                .containsExactly(
                        "Hoàn cảnh \"Gia đình khó khăn\" chưa rõ thuộc diện ưu tiên nào; tạm hiểu là: (không thuộc diện ưu"
                                + " tiên nào). Hãy xác nhận ở bước đối chiếu giá trị.");
        assertThat(r.input().validate(CONTEXT).isValid()).isTrue();
    }

    @Test
    void theCategoriesNamedAsTheCampaignNamesThemAreTakenAsTyped() {
        assertMeaning("Hộ nghèo; Hộ cận nghèo", "POOR_HOUSEHOLD,NEAR_POOR_HOUSEHOLD", Source.AS_TYPED);
        assertMeaning("POOR_HOUSEHOLD", "POOR_HOUSEHOLD", Source.AS_TYPED);
    }

    @Test
    void aRememberedMappingWinsAndNeedsNoConfirmation() {
        RowInterpreter remembered = new RowInterpreter(
                CampaignDefaults.PRIORITY_CATEGORIES,
                ValueMappings.builder()
                        .put(ValueField.CATEGORIES, "GIA ĐÌNH KHÓ KHĂN", "POOR_HOUSEHOLD")
                        .build());
        Interpreted r = remembered.interpret(household("Gia đình  khó khăn"));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.input().categories()).isEqualTo("POOR_HOUSEHOLD");
        assertThat(r.texts()).anySatisfy(t -> assertThat(t.source()).isEqualTo(Source.REMEMBERED));
    }

    @Test
    void deviceSituationsAreReadByMeaning() {
        assertDevice("Không có", "NONE", Source.AS_TYPED);
        assertDevice("Điện thoại hư", "BROKEN", Source.DICTIONARY);
        assertDevice("Máy hỏng", "BROKEN", Source.AS_TYPED);
        assertDevice("Dùng chung điện thoại với anh chị", "SHARED", Source.DICTIONARY);
        assertDevice("Không có máy riêng, dùng chung với mẹ", "SHARED", Source.DICTIONARY);
        assertDevice("Có 1 điện thoại cũ", "SHARED", Source.UNSURE);
    }

    @Test
    void needsAreReadByMeaning() {
        assertThat(meaning(ValueField.NEEDS, "Laptop + USB Wifi")).isEqualTo("DEVICE,WIFI");
        assertThat(meaning(ValueField.NEEDS, "Máy tính bảng")).isEqualTo("DEVICE");
        assertThat(meaning(ValueField.NEEDS, "Điện thoại thông minh")).isEqualTo("DEVICE");
        assertThat(meaning(ValueField.NEEDS, "Ipad và sim 4G")).isEqualTo("DEVICE,SIM");
        assertThat(meaning(ValueField.NEEDS, "Máy tính, gói cước 4G")).isEqualTo("DEVICE,DATA");
    }

    @Test
    void aMissingConnectionIsUnknownNotAnError() {
        Interpreted r = interpreter.interpret(household("Hộ nghèo"));
        assertThat(interpreter
                        .interpret(row("Lê Văn Tám", "6", "6A", "0912345678", "", "Không có", "", ""))
                        .input()
                        .validate(CONTEXT)
                        .problems())
                .isEmpty();
        assertThat(r.texts()).noneSatisfy(t -> assertThat(t.source()).isEqualTo(Source.UNSURE));
        assertThat(meaning(ValueField.CONNECTIVITY, "Không có wifi")).isEqualTo("NONE");
        assertThat(meaning(ValueField.CONNECTIVITY, "Dùng 4G của bố")).isEqualTo("MOBILE_DATA");
    }

    @Test
    void aBlankOrUnknownConnectionIsReadAsUnknownNeverAsHomeInternet() {
        // Allocation must not take a child whose list says nothing about the internet for a connected one.
        assertThat(interpreter
                        .interpret(row("Lê Văn Tám", "6", "6A", "0912345678", "", "Không có", "", ""))
                        .input()
                        .validate(CONTEXT)
                        .details()
                        .connectivity())
                .isEqualTo(Connectivity.UNKNOWN);
        assertThat(meaning(ValueField.CONNECTIVITY, "")).isEqualTo("UNKNOWN");
        assertThat(meaning(ValueField.CONNECTIVITY, "Không rõ")).isEqualTo("UNKNOWN");
        assertThat(meaning(ValueField.CONNECTIVITY, "chưa rõ")).isEqualTo("UNKNOWN");
        assertThat(meaning(ValueField.CONNECTIVITY, "Unknown")).isEqualTo("UNKNOWN");
        assertThat(meaning(ValueField.CONNECTIVITY, "hỏi lại cô chủ nhiệm")).isEqualTo("UNKNOWN");
        assertThat(Connectivity.UNKNOWN.points()).isZero();
        assertThat(Connectivity.UNKNOWN.labelVi()).isEqualTo("Không rõ");
        assertThat(Connectivity.UNKNOWN.labelEn()).isEqualTo("Unknown");
    }

    @Test
    void severalPhonesKeepTheFirstWithAWarning() {
        Interpreted r =
                interpreter.interpret(row("Lê Văn Tám", "6", "6A", "0912345678 - 0987654321", "", "Không có", "", ""));
        assertThat(r.input().guardianPhone()).isEqualTo("0912345678");
        assertThat(r.warnings())
                .extracting(Interpreted.Warning::vi)
                .containsExactly("Ô số điện thoại có nhiều số; đã giữ số đầu 0912345678 (bỏ 0987654321).");
    }

    private void assertMeaning(String text, String codes, Source source) {
        FreeText t = interpreter.interpret(household(text)).texts().stream()
                .filter(x -> x.field() == ValueField.CATEGORIES)
                .findFirst()
                .orElseThrow();
        assertThat(List.of(t.value(), t.source())).as(text).containsExactly(codes, source);
    }

    private void assertDevice(String text, String value, Source source) {
        FreeText t = interpreter.interpret(row("A B", "6", "", "", "", text, "", "")).texts().stream()
                .filter(x -> x.field() == ValueField.DEVICE_SITUATION)
                .findFirst()
                .orElseThrow();
        assertThat(List.of(t.value(), t.source())).as(text).containsExactly(value, source);
    }

    private String meaning(ValueField field, String text) {
        StudentInput in = switch (field) {
            case NEEDS -> row("A B", "6", "", "", "", "Không có", "", text);
            case CONNECTIVITY -> row("A B", "6", "", "", "", "Không có", text, "");
            default -> throw new IllegalArgumentException();
        };
        return interpreter.interpret(in).texts().stream()
                .filter(x -> x.field() == field)
                .findFirst()
                .orElseThrow()
                .value();
    }
}
