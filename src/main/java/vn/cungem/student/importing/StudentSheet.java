package vn.cungem.student.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.cungem.shared.spreadsheet.HeaderVocabulary;
import vn.cungem.shared.spreadsheet.HeaderVocabulary.Row;
import vn.cungem.shared.text.VietnameseText;

/**
 * Turns the raw rows of a sheet into rows of named columns: finds the header by what its words mean anywhere in the
 * first {@link HeaderVocabulary#SEARCH_ROWS} rows (schools put a title block, the school's name, merged cells above
 * it), reads each column into the field the {@link Columns} say (the header's own words, or what the person
 * confirmed), then hands on every student's row below it and, with the reason, every row that is not a student's
 * ({@link NotStudentRows}): blank rows between students, totals, the signature block, class sub-headings, the
 * template's example.
 */
public final class StudentSheet implements SpreadsheetReader.RowSink {

    /** Rows held back until the header is known: the search rows and the one below (a header on two rows). */
    static final int HEADER_SEARCH_ROWS = HeaderVocabulary.SEARCH_ROWS + 1;

    /**
     * Rows of a workbook read sheet by sheet are numbered sheet by sheet: the n-th sheet read (from 1) adds n times
     * this to its row numbers, so that every row of an import has a number of its own.
     */
    public static final int SHEET_STRIDE = 1_000_000;

    /** One data row: the cell of each recognised column (null when the column is absent), by column. */
    public record SourceRow(int number, Map<StudentColumn, String> cells, boolean cellTooLong) {

        public String get(StudentColumn column) {
            String value = cells.get(column);
            return value == null ? "" : value;
        }
    }

    /** A row that is not a student's: its number, its first text (to recognise it) and why. */
    record Skipped(int number, String text, NotStudentRows.Reason reason) {}

    /** Which field each column is read into, once the header is known; null when the person has not said yet. */
    @FunctionalInterface
    interface Columns {
        ColumnMapping of(SheetLayout layout);
    }

    private final Consumer<SourceRow> sink;
    private final Consumer<Skipped> skips;
    private final Columns columns;
    private final int offset;
    private final List<Row> held = new ArrayList<>();
    private final List<Integer> blanks = new ArrayList<>();
    private boolean decided;
    private SheetLayout layout;
    private ColumnMapping mapping;
    private int[] columnIndex;
    private NotStudentRows notStudents;
    private int dataRows;
    private int skipped;

    /** Reads the columns as the header's words say, with nobody to ask; rows that are not students are dropped. */
    public StudentSheet(Consumer<SourceRow> sink) {
        this(sink, s -> {}, SheetLayout::proposed, 0);
    }

    StudentSheet(Consumer<SourceRow> sink, Consumer<Skipped> skips, Columns columns, int offset) {
        this.sink = sink;
        this.skips = skips;
        this.columns = columns;
        this.offset = offset;
    }

    @Override
    public void row(int number, List<String> cells) {
        if (!decided) {
            held.add(new Row(number, new ArrayList<>(cells)));
            if (number >= HEADER_SEARCH_ROWS) {
                decide();
            }
            return;
        }
        if (layout != null && number > layout.lastRow()) {
            data(number, cells);
        }
    }

    /** Ends the sheet: a sheet shorter than the search rows is read now. Blank rows at the end are not counted. */
    public void finish() {
        if (!decided) {
            decide();
        }
        blanks.clear();
    }

    private void decide() {
        decided = true;
        var header = StudentHeaders.find(held);
        if (header.isEmpty()) {
            held.clear();
            return;
        }
        SheetLayout found = SheetLayout.of(header.get());
        mapping = columns.of(found);
        if (mapping == null) {
            throw ImportRejectedException.of("studentImport.rejected.columnsUnconfirmed");
        }
        layout = found;
        columnIndex = new int[StudentColumn.values().length];
        java.util.Arrays.fill(columnIndex, -1);
        mapping.fields().forEach((index, field) -> columnIndex[field.ordinal()] = index);
        List<String> headerCells = held.stream()
                .filter(r -> r.number() == layout.lastRow())
                .findFirst()
                .map(Row::cells)
                .orElse(List.of());
        notStudents = new NotStudentRows(
                headerCells,
                columnIndex[StudentColumn.FULL_NAME.ordinal()],
                columnIndex[StudentColumn.BIRTH_DATE.ordinal()]);
        List<Row> rows = List.copyOf(held);
        held.clear();
        for (Row r : rows) {
            if (r.number() > layout.lastRow()) {
                data(r.number(), r.cells());
            }
        }
    }

    private void data(int number, List<String> cells) {
        NotStudentRows.Reason reason = notStudents.classify(cells);
        if (reason == NotStudentRows.Reason.BLANK) {
            blanks.add(number);
            return;
        }
        for (int blank : blanks) {
            skip(blank, "", NotStudentRows.Reason.BLANK);
        }
        blanks.clear();
        if (reason != null) {
            skip(number, firstText(cells), reason);
            return;
        }
        Map<StudentColumn, String> values = new EnumMap<>(StudentColumn.class);
        boolean tooLong = false;
        for (StudentColumn column : StudentColumn.values()) {
            int index = columnIndex[column.ordinal()];
            if (index >= 0) {
                String value = index < cells.size() ? cells.get(index) : "";
                if (value != null && value.length() > SpreadsheetReader.MAX_CELL_CHARS) {
                    tooLong = true;
                    value = value.substring(0, SpreadsheetReader.MAX_CELL_CHARS);
                }
                values.put(column, value == null ? "" : value);
            }
        }
        dataRows++;
        sink.accept(new SourceRow(offset + number, values, tooLong));
    }

    private void skip(int number, String text, NotStudentRows.Reason reason) {
        skipped++;
        skips.accept(new Skipped(offset + number, text, reason));
    }

    private static String firstText(List<String> cells) {
        for (String c : cells) {
            String t = VietnameseText.tidy(c);
            if (t != null && !t.isEmpty()) {
                return t.length() > 60 ? t.substring(0, 60) + "…" : t;
            }
        }
        return "";
    }

    /** The header cells no field is read from (an unknown name, a column given twice), the row numbers aside. */
    public List<String> ignoredHeaders() {
        if (layout == null) {
            return List.of();
        }
        return layout.columns().stream()
                .filter(c -> !mapping.fields().containsKey(c.index()) && !SheetLayout.rowNumbers(c.header()))
                .map(c -> c.header().length() > 60 ? c.header().substring(0, 60) + "…" : c.header())
                .toList();
    }

    /** The template's columns the file does not have, in template order. */
    public List<StudentColumn> missingColumns() {
        if (layout == null) {
            return List.of();
        }
        return StudentColumn.inTemplateOrder().stream()
                .filter(c -> columnIndex[c.ordinal()] < 0)
                .toList();
    }

    static boolean isExample(String notes) {
        return notes != null && VietnameseText.fold(notes).startsWith(StudentTemplate.EXAMPLE_MARK_FOLDED);
    }

    /** Ends the sheet and throws when no header was found: nothing can be read without knowing which column is which. */
    public void requireHeader() {
        finish();
        if (layout == null) {
            throw ImportRejectedException.of("studentImport.rejected.noHeader", HeaderVocabulary.SEARCH_ROWS);
        }
    }

    public boolean hasColumn(StudentColumn column) {
        return layout != null && columnIndex[column.ordinal()] >= 0;
    }

    /** The header as found, null before the sheet is ended or when it has none. */
    SheetLayout layout() {
        return layout;
    }

    /** The (last) row of the header; 0 when none was found. */
    public int headerRow() {
        return layout == null ? 0 : layout.lastRow();
    }

    public int dataRows() {
        return dataRows;
    }

    public int skippedRows() {
        return skipped;
    }
}
