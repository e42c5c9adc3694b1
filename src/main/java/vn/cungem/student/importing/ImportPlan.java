package vn.cungem.student.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.spreadsheet.HeaderVocabulary.Row;
import vn.cungem.shared.spreadsheet.SpreadsheetParsing;
import vn.cungem.student.importing.SpreadsheetReader.SheetInfo;

/**
 * What an import does with each sheet of a file, decided from its first rows: read it with the mapping known for its
 * layout (confirmed in this import, remembered for the school, or the header's own words when they are sure), stop to
 * ask the person about its columns, or skip it (no header: a notes sheet, a cover page).
 */
final class ImportPlan {

    /** Rows below the header read for the values the mapping step shows. */
    static final int SAMPLE_ROWS = 20;

    /** One sheet: {@code layout} null when it has no header; {@code mapping} null when the person must confirm. */
    record SheetPlan(SheetInfo sheet, SheetLayout layout, ColumnMapping mapping) {

        boolean read() {
            return layout != null;
        }

        boolean toConfirm() {
            return layout != null && mapping == null;
        }
    }

    private final List<SheetPlan> sheets;

    private ImportPlan(List<SheetPlan> sheets) {
        this.sheets = List.copyOf(sheets);
    }

    /**
     * Plans the sheets with rows among {@code sheets}; {@code known} gives the mapping already decided for a layout
     * (null when none); {@code schoolFixed}: the uploader is a school's officer, so no school column is needed.
     */
    static ImportPlan of(
            byte[] content,
            SpreadsheetReader.Format format,
            List<SheetInfo> sheets,
            Function<SheetLayout, ColumnMapping> known,
            boolean schoolFixed) {
        List<SheetPlan> out = new ArrayList<>();
        for (SheetInfo sheet : sheets) {
            if (sheet.rows() == 0) {
                continue;
            }
            SheetLayout layout = layout(content, format, sheet.index());
            ColumnMapping mapping = null;
            if (layout != null) {
                mapping = known.apply(layout);
                if (mapping == null && !layout.needsConfirming(schoolFixed)) {
                    mapping = layout.proposed();
                }
            }
            out.add(new SheetPlan(sheet, layout, mapping));
        }
        return new ImportPlan(out);
    }

    List<SheetPlan> sheets() {
        return sheets;
    }

    /** Whether any sheet has a header at all; a file without one is refused. */
    boolean anyHeader() {
        return sheets.stream().anyMatch(SheetPlan::read);
    }

    /** The first sheet whose columns the person must confirm, or null. */
    SheetPlan toConfirm() {
        return sheets.stream().filter(SheetPlan::toConfirm).findFirst().orElse(null);
    }

    List<Integer> sheetsRead() {
        return sheets.stream()
                .filter(SheetPlan::read)
                .map(p -> p.sheet().index())
                .toList();
    }

    /** The rows of the sheets read, their headers aside, for the progress bar until the check counts them. */
    int rows() {
        return sheets.stream()
                .filter(SheetPlan::read)
                .mapToInt(p -> ImportJobStore.studentsIn(p.sheet()))
                .sum();
    }

    /** The mappings decided so far, by layout key, added to {@code before}. */
    Map<String, String> mappings(Map<String, String> before) {
        Map<String, String> out = new LinkedHashMap<>(before);
        for (SheetPlan p : sheets) {
            if (p.mapping() != null) {
                out.put(p.layout().key(), p.mapping().text(p.layout().indexes()));
            }
        }
        return out;
    }

    /** The (last) row of a sheet's header, 0 when it has none: where the annotated copy writes its own titles. */
    static int headerRow(byte[] content, int sheetIndex) {
        SheetLayout layout = layout(content, SpreadsheetReader.check(content), sheetIndex);
        return layout == null ? 0 : layout.lastRow();
    }

    /** The header of one sheet with a few values of each column; null when the sheet has none. */
    static SheetLayout layout(byte[] content, SpreadsheetReader.Format format, int sheetIndex) {
        List<Row> rows = new ArrayList<>();
        int last = StudentSheet.HEADER_SEARCH_ROWS + SAMPLE_ROWS;
        try {
            SpreadsheetReader.read(
                    content,
                    sheetIndex,
                    (number, cells) -> {
                        rows.add(new Row(number, new ArrayList<>(cells)));
                        if (number >= last) {
                            throw new Enough();
                        }
                    },
                    format,
                    SpreadsheetParsing.REQUEST_WAIT);
        } catch (Enough enough) {
            // the first rows are all the plan needs
        }
        var header = StudentHeaders.find(rows);
        if (header.isEmpty()) {
            return null;
        }
        SheetLayout layout = SheetLayout.of(header.get());
        ColumnMapping proposed = layout.proposed();
        List<String> headerCells = rows.stream()
                .filter(r -> r.number() == layout.lastRow())
                .findFirst()
                .map(Row::cells)
                .orElse(List.of());
        NotStudentRows notStudents = new NotStudentRows(
                headerCells,
                layout.column(StudentColumn.FULL_NAME, proposed),
                layout.column(StudentColumn.BIRTH_DATE, proposed));
        List<List<String>> students = new ArrayList<>();
        for (Row r : rows) {
            if (r.number() > layout.lastRow() && notStudents.classify(r.cells()) == null) {
                students.add(r.cells());
            }
        }
        return layout.withSamples(students);
    }

    /**
     * Stops the reading once the first rows are in: the reader lets the importer's own refusals through as they are,
     * and this is one of those, never shown to anybody.
     */
    private static final class Enough extends InvalidValueException {
        Enough() {
            super("student-import.enough", "", "");
        }
    }
}
