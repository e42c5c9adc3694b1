package vn.cungem.student.importing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.cungem.shared.text.VietnameseText;

/**
 * Turns the raw rows of a sheet into rows of named columns: finds the header row among the first rows (schools put a
 * title, the school's name or a blank line above it), maps each header to a {@link StudentColumn} by its synonyms in
 * any order, then hands on every non-empty row below it. The template's example row is skipped.
 */
public final class StudentSheet implements SpreadsheetReader.RowSink {

    public static final int HEADER_SEARCH_ROWS = 10;

    /** One data row: the cell of each recognised column (null when the column is absent), by column. */
    public record SourceRow(int number, Map<StudentColumn, String> cells, boolean cellTooLong) {

        public String get(StudentColumn column) {
            String value = cells.get(column);
            return value == null ? "" : value;
        }
    }

    private final Consumer<SourceRow> sink;
    private int[] columnIndex;
    private Map<StudentColumn, Integer> found;
    private int headerRow;
    private int dataRows;
    private List<String> ignoredHeaders = List.of();

    public StudentSheet(Consumer<SourceRow> sink) {
        this.sink = sink;
    }

    @Override
    public void row(int number, List<String> cells) {
        if (found == null) {
            if (number <= HEADER_SEARCH_ROWS) {
                Map<StudentColumn, Integer> header = header(cells);
                if (header != null) {
                    found = header;
                    headerRow = number;
                    ignoredHeaders = ignored(cells, header);
                    columnIndex = new int[StudentColumn.values().length];
                    java.util.Arrays.fill(columnIndex, -1);
                    header.forEach((column, index) -> columnIndex[column.ordinal()] = index);
                }
            }
            return;
        }
        if (SpreadsheetReader.blank(cells)) {
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
        if (isExample(values.get(StudentColumn.NOTES))) {
            return;
        }
        dataRows++;
        sink.accept(new SourceRow(number, values, tooLong));
    }

    /** The header row when this row is one: full name and date of birth plus at least one more known column. */
    static Map<StudentColumn, Integer> header(List<String> cells) {
        Map<StudentColumn, Integer> found = new EnumMap<>(StudentColumn.class);
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (cell == null || cell.length() > 100) {
                continue;
            }
            StudentColumn column = StudentColumn.ofHeader(cell);
            if (column != null) {
                found.putIfAbsent(column, c);
            }
        }
        boolean enough = found.containsKey(StudentColumn.FULL_NAME)
                && found.containsKey(StudentColumn.BIRTH_DATE)
                && found.size() >= 3;
        return enough ? found : null;
    }

    /** The header cells with text that no column was taken from (an unknown name, or a column given twice). */
    private static List<String> ignored(List<String> cells, Map<StudentColumn, Integer> header) {
        java.util.Set<Integer> used = new java.util.HashSet<>(header.values());
        List<String> out = new java.util.ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            String text = VietnameseText.tidy(cells.get(c));
            if (text != null && !used.contains(c)) {
                out.add(text.length() > 60 ? text.substring(0, 60) + "…" : text);
            }
        }
        return List.copyOf(out);
    }

    /** Header cells of the file that were not read, so the preview can say so instead of losing a column silently. */
    public List<String> ignoredHeaders() {
        return ignoredHeaders;
    }

    /** The template's columns the file does not have, in template order. */
    public List<StudentColumn> missingColumns() {
        if (found == null) {
            return List.of();
        }
        return StudentColumn.inTemplateOrder().stream()
                .filter(c -> !found.containsKey(c))
                .toList();
    }

    static boolean isExample(String notes) {
        return notes != null && VietnameseText.fold(notes).startsWith(StudentTemplate.EXAMPLE_MARK_FOLDED);
    }

    /** Throws when no header was found: nothing can be read without knowing which column is which. */
    public void requireHeader() {
        if (found == null) {
            throw new ImportRejectedException(
                    "Không tìm thấy dòng tiêu đề trong " + HEADER_SEARCH_ROWS
                            + " dòng đầu (cần ít nhất các cột \"Họ và tên\", \"Ngày sinh\"). Hãy dùng mẫu tải về từ"
                            + " trang này hoặc đặt tên cột như trong mẫu.",
                    "No header row in the first " + HEADER_SEARCH_ROWS
                            + " rows (at least \"Họ và tên\" / full name and \"Ngày sinh\" / date of birth). Use the"
                            + " template from this page or name the columns as it does.");
        }
    }

    public boolean hasColumn(StudentColumn column) {
        return found != null && found.containsKey(column);
    }

    public int headerRow() {
        return headerRow;
    }

    public int dataRows() {
        return dataRows;
    }
}
