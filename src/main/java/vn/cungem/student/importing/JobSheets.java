package vn.cungem.student.importing;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one way an import's file is read once its sheets are planned: every sheet read, in order, each with the mapping
 * decided for its layout, rows that are not students handed aside. The check, the value-mapping step and the corpus
 * test all read through it, so what the person maps is what the check reads.
 */
final class JobSheets {

    /** What the sheets' headers said: cells no field is read from, and the template's columns no sheet has. */
    record Headers(List<String> ignored, List<StudentColumn> missing) {}

    private JobSheets() {}

    /** Reads the job's sheets (a stored import's or a planned file's) into {@code rows} and {@code skips}. */
    static Headers read(
            JobData job, Consumer<StudentSheet.SourceRow> rows, Consumer<StudentSheet.Skipped> skips, Duration wait) {
        List<Integer> sheets = job.sheetsRead.isEmpty() ? List.of(job.sheetIndex) : job.sheetsRead;
        return read(job.content, job.format, sheets, layout -> known(job, layout), rows, skips, wait);
    }

    static Headers read(
            byte[] content,
            SpreadsheetReader.Format format,
            List<Integer> sheets,
            StudentSheet.Columns columns,
            Consumer<StudentSheet.SourceRow> rows,
            Consumer<StudentSheet.Skipped> skips,
            Duration wait) {
        Set<String> ignored = new LinkedHashSet<>();
        Set<StudentColumn> missing = EnumSet.allOf(StudentColumn.class);
        for (int i = 0; i < sheets.size(); i++) {
            // the n-th of several sheets numbers its rows from n * SHEET_STRIDE, so no two rows share a number
            int offset = sheets.size() == 1 ? 0 : (i + 1) * StudentSheet.SHEET_STRIDE;
            StudentSheet sheet = new StudentSheet(rows, skips, columns, offset);
            SpreadsheetReader.read(content, sheets.get(i), sheet, format, wait);
            sheet.requireHeader();
            ignored.addAll(sheet.ignoredHeaders());
            missing.retainAll(sheet.missingColumns());
        }
        return new Headers(
                List.copyOf(ignored),
                StudentColumn.inTemplateOrder().stream()
                        .filter(missing::contains)
                        .toList());
    }

    /**
     * The mapping decided for a layout in this import; an import stored before layouts were planned reads the
     * header's own words.
     */
    static ColumnMapping known(JobData job, SheetLayout layout) {
        if (job.sheetsRead.isEmpty()) {
            return layout.proposed();
        }
        String text = job.mappings.get(layout.key());
        return text == null ? null : ColumnMapping.parse(text, layout.indexes());
    }
}
