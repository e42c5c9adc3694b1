package vn.cungem.student.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.cungem.shared.text.Bundles;

/**
 * The campaign's XLSX template: the list sheet with Vietnamese headers, dropdowns for the coded columns (lists kept on a
 * third sheet, as Excel limits inline lists to 255 characters), one example row that the reader skips, and a sheet of
 * instructions. A school officer's template limits the school column to their school's code; left blank, it means
 * their school.
 */
public final class StudentTemplate {

    public static final String EXAMPLE_MARK = "Dòng ví dụ - xóa hoặc ghi đè dòng này";
    static final String EXAMPLE_MARK_FOLDED = "dong vi du";
    public static final String LIST_SHEET = "Danh sách";
    static final int PREFILLED_ROWS = 1_000;
    /** The numbered instructions of the help sheet, studentImport.template.help1 … in the bundles. */
    private static final int HELP_LINES = 9;

    /** What varies per campaign and per person: the choices of each dropdown and the schools the person may use. */
    public record Spec(
            String campaignName,
            List<String> genders,
            List<String> categories,
            List<String> deviceSituations,
            List<String> connectivities,
            List<String> needs,
            List<School> schools,
            School ownSchool) {}

    public record School(String moetCode, String name) {}

    private StudentTemplate() {}

    public static void write(Spec spec, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "CungEm", "1.0");
        Worksheet list = workbook.newWorksheet(LIST_SHEET);
        Worksheet help = workbook.newWorksheet(Bundles.vi("studentImport.template.helpSheet"));
        Worksheet choices = workbook.newWorksheet(Bundles.vi("studentImport.template.choicesSheet"));

        List<StudentColumn> columns = StudentColumn.inTemplateOrder();
        for (int c = 0; c < columns.size(); c++) {
            StudentColumn column = columns.get(c);
            list.value(0, c, column.headerVi() + (column.required() ? " (*)" : ""));
            list.style(0, c).bold().fillColor("D9E2F3").wrapText(true).set();
            list.width(c, width(column));
            // Text format keeps leading zeros of ID numbers, codes and phones typed by hand.
            if (column != StudentColumn.BIRTH_DATE && column != StudentColumn.GRADE) {
                list.range(1, c, PREFILLED_ROWS, c).style().format("@").set();
            }
        }
        list.rowHeight(0, 32);
        list.freezePane(1, 1);

        School example = spec.ownSchool() != null
                ? spec.ownSchool()
                : spec.schools().isEmpty()
                        ? new School("79000001", "")
                        : spec.schools().get(0);
        String[] sample = {
            "Nguyễn Văn An",
            "05/09/2012",
            first(spec.genders(), "Nam"),
            "079212001234",
            "",
            example.moetCode(),
            "4",
            "4A1",
            "",
            "Số 12, Khu phố 3",
            "Nguyễn Thị Bình",
            "0931 771 213",
            first(spec.categories(), ""),
            first(spec.deviceSituations(), ""),
            first(spec.connectivities(), ""),
            first(spec.needs(), ""),
            EXAMPLE_MARK
        };
        for (int c = 0; c < sample.length; c++) {
            list.value(1, c, sample[c]);
            list.style(1, c).italic().fontColor("7F7F7F").format("@").set();
        }

        int column = 0;
        column = dropdown(list, choices, column, spec.genders(), StudentColumn.GENDER, true);
        column = dropdown(list, choices, column, spec.categories(), StudentColumn.CATEGORIES, false);
        column = dropdown(list, choices, column, spec.deviceSituations(), StudentColumn.DEVICE_SITUATION, true);
        column = dropdown(list, choices, column, spec.connectivities(), StudentColumn.CONNECTIVITY, true);
        column = dropdown(list, choices, column, spec.needs(), StudentColumn.NEEDS, false);
        List<String> schoolCodes = spec.ownSchool() != null
                ? List.of(spec.ownSchool().moetCode())
                : spec.schools().stream().map(School::moetCode).toList();
        if (!schoolCodes.isEmpty() && schoolCodes.size() <= 5_000) {
            dropdown(list, choices, column, schoolCodes, StudentColumn.SCHOOL_CODE, spec.ownSchool() != null);
            choices.value(0, column + 1, Bundles.vi("studentImport.template.schoolName"));
            List<School> names = spec.ownSchool() != null ? List.of(spec.ownSchool()) : spec.schools();
            for (int r = 0; r < names.size() && r < 5_000; r++) {
                choices.value(r + 1, column + 1, names.get(r).name());
            }
        }

        help(help, spec);
        list.finish();
        help.finish();
        choices.finish();
        workbook.finish();
    }

    /** Writes the choices in a column of the lists sheet and points the list column's validation at them. */
    private static int dropdown(
            Worksheet list, Worksheet choices, int at, List<String> values, StudentColumn target, boolean strict) {
        if (values.isEmpty()) {
            return at;
        }
        choices.value(0, at, target.headerVi());
        choices.style(0, at).bold().set();
        choices.width(at, 36);
        for (int r = 0; r < values.size(); r++) {
            choices.value(r + 1, at, values.get(r));
        }
        int c = target.ordinal();
        var validation = list.range(1, c, PREFILLED_ROWS, c)
                .validateWithList(choices.range(1, at, values.size(), at))
                .allowBlank(true)
                .showErrorMessage(true)
                .errorTitle(Bundles.vi("studentImport.template.notInList"));
        if (strict) {
            validation.errorStyle(DataValidationErrorStyle.STOP).error(Bundles.vi("studentImport.template.chooseOne"));
        } else {
            // Several categories or needs go in one cell ("Hộ nghèo; Khuyết tật"): a list would refuse them.
            validation
                    .errorStyle(DataValidationErrorStyle.INFORMATION)
                    .error(Bundles.vi("studentImport.template.several"));
        }
        return at + 1;
    }

    private static void help(Worksheet help, Spec spec) {
        // The instructions in Vietnamese, then in English, from the bundles.
        List<String> lines = new java.util.ArrayList<>();
        lines.add(Bundles.vi("studentImport.template.helpTitle", spec.campaignName()));
        lines.add("");
        for (int i = 1; i <= HELP_LINES; i++) {
            lines.add(Bundles.vi("studentImport.template.help" + i, LIST_SHEET));
        }
        lines.add("");
        lines.add(Bundles.en("studentImport.template.helpTitle", spec.campaignName()));
        for (int i = 1; i <= HELP_LINES; i++) {
            lines.add(Bundles.en("studentImport.template.help" + i, LIST_SHEET));
        }
        for (int r = 0; r < lines.size(); r++) {
            help.value(r, 0, lines.get(r));
        }
        help.style(0, 0).bold().fontSize(13).set();
        help.width(0, 120);
    }

    private static double width(StudentColumn column) {
        return switch (column) {
            case FULL_NAME, GUARDIAN_NAME, ADDRESS, NOTES -> 28;
            case CATEGORIES, DEVICE_SITUATION, CONNECTIVITY, NEEDS, HOME_COMMUNE -> 24;
            case PERSONAL_ID, GUARDIAN_PHONE, MOET_CODE, SCHOOL_CODE -> 16;
            default -> 11;
        };
    }

    private static String first(List<String> values, String fallback) {
        return values.isEmpty() ? fallback : values.get(0);
    }
}
