package vn.cungem.student.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import vn.cungem.shared.spreadsheet.HeaderVocabulary.Column;
import vn.cungem.shared.spreadsheet.HeaderVocabulary.Header;
import vn.cungem.shared.text.VietnameseText;

/**
 * A sheet's header as found: where it is, each of its columns with the field it was taken for (and whether surely),
 * a few of its values to show the person, and its key, the folded header texts, under which a confirmed mapping is
 * remembered. Plain Java.
 */
record SheetLayout(int firstRow, int lastRow, String key, List<ImportJob.Column> columns) {

    /** How many values of each column the mapping step shows. */
    static final int SAMPLES = 3;

    /** Headers that number the rows and never hold a field ("STT", "TT", "Số thứ tự"): nothing to ask about. */
    private static final Set<String> ROW_NUMBERS = Set.of("stt", "tt", "so thu tu", "so tt", "no", "#");

    /** Whether a header only numbers the rows. */
    static boolean rowNumbers(String header) {
        String folded = VietnameseText.fold(header);
        return folded != null
                && ROW_NUMBERS.contains(folded.replaceAll("[^a-z0-9#]+", " ").strip());
    }

    static SheetLayout of(Header<StudentColumn> header) {
        List<ImportJob.Column> columns = new ArrayList<>();
        for (Column<StudentColumn> c : header.columns()) {
            columns.add(new ImportJob.Column(c.index(), c.header(), List.of(), c.field(), c.sure()));
        }
        return new SheetLayout(header.firstRow(), header.lastRow(), key(columns), List.copyOf(columns));
    }

    /** The same with the first values of each column among {@code rows} (the sheet's rows that are students). */
    SheetLayout withSamples(List<List<String>> rows) {
        List<ImportJob.Column> out = new ArrayList<>();
        for (ImportJob.Column c : columns) {
            List<String> samples = new ArrayList<>();
            for (List<String> row : rows) {
                String v = c.index() < row.size() ? VietnameseText.tidy(row.get(c.index())) : null;
                if (v != null && !v.isEmpty() && samples.size() < SAMPLES) {
                    samples.add(v.length() > 60 ? v.substring(0, 60) + "…" : v);
                }
            }
            out.add(new ImportJob.Column(c.index(), c.header(), List.copyOf(samples), c.field(), c.sure()));
        }
        return new SheetLayout(firstRow, lastRow, key, List.copyOf(out));
    }

    /** What the words of the header say, unconfirmed. */
    ColumnMapping proposed() {
        java.util.Map<Integer, StudentColumn> fields = new java.util.LinkedHashMap<>();
        columns.stream().filter(c -> c.field() != null).forEach(c -> fields.put(c.index(), c.field()));
        return new ColumnMapping(fields);
    }

    /**
     * The same columns taken as {@code mapping} reads them, surely (the person decided): the mapping step opened again
     * after a preview shows the choices the preview was made with, and a column left alone keeps its choice.
     */
    SheetLayout withMapping(ColumnMapping mapping) {
        List<ImportJob.Column> out = new ArrayList<>();
        for (ImportJob.Column c : columns) {
            out.add(new ImportJob.Column(
                    c.index(), c.header(), c.samples(), mapping.fields().get(c.index()), true));
        }
        return new SheetLayout(firstRow, lastRow, key, List.copyOf(out));
    }

    /**
     * Whether the person should confirm the columns before the rows are read: a column taken unsurely, a column with
     * a name nobody recognised (it may hold what the template calls otherwise), or a field the rows cannot do without.
     */
    boolean needsConfirming(boolean schoolFixed) {
        boolean doubtful = columns.stream().anyMatch(c -> !rowNumbers(c.header()) && (c.field() == null || !c.sure()));
        return doubtful || !proposed().missing(schoolFixed).isEmpty();
    }

    /** The column indexes of the header, in order: a remembered mapping is stored by position among them. */
    List<Integer> indexes() {
        return columns.stream().map(ImportJob.Column::index).toList();
    }

    int column(StudentColumn field, ColumnMapping mapping) {
        return mapping.fields().entrySet().stream()
                .filter(e -> e.getValue() == field)
                .mapToInt(java.util.Map.Entry::getKey)
                .findFirst()
                .orElse(-1);
    }

    /** The folded header texts, hashed: the same layout next month, whatever the case or accents typed. */
    static String key(List<ImportJob.Column> columns) {
        StringBuilder text = new StringBuilder();
        for (ImportJob.Column c : columns) {
            String folded = VietnameseText.fold(c.header());
            text.append(c.index()).append('=').append(folded == null ? "" : folded.replaceAll("\\s+", " "));
            text.append('\u001f');
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
