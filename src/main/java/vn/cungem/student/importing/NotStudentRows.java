package vn.cungem.student.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.cungem.shared.text.VietnameseText;

/**
 * Tells the rows of a school's list that are not students from those that are: what schools put between and below the
 * children (a totals row, the signature block, the place-and-date line, a sub-heading per class, the header repeated
 * on every printed page, rows numbered in advance and left empty). A row with a birth date is always a student's row,
 * whatever it says; anything not recognised here is checked as a student's row, so a row with a name and no birth
 * date is an error to fix, never silently dropped. Plain Java, one instance per sheet (it remembers the signature
 * block).
 */
final class NotStudentRows {

    /** Why a row is not a student; the preview says so with the row's number. */
    enum Reason {
        BLANK,
        NUMBER_ONLY,
        TOTALS,
        SIGNATURE,
        DATE_LINE,
        CLASS_HEADING,
        REPEATED_HEADER,
        EXAMPLE,
        FOOTER
    }

    // Data: the words of the footers of Vietnamese school lists, folded.
    private static final Pattern TOTALS = Pattern.compile("^(tong cong|tong so)\\b.*|^(cong|tong)\\s*([:=].*|\\d.*)?$");
    private static final List<String> SIGNATURE = List.of(
            "nguoi lap bieu",
            "nguoi lap danh sach",
            "nguoi lap",
            "hieu truong",
            "ban giam hieu",
            "giao vien chu nhiem",
            "ky ghi ro ho ten",
            "ky va ghi ro ho ten",
            "ky ten",
            "ky ten dong dau",
            "xac nhan cua",
            "thu truong don vi",
            "ke toan");
    private static final Pattern DATE_LINE = Pattern.compile(".*\\bngay( \\d+)? thang( \\d+)? nam\\b.*");
    private static final Pattern HEADING = Pattern.compile("^(lop|khoi|danh sach)\\b.*");
    private static final Pattern NOT_WORDS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern NUMBER = Pattern.compile("^[\\d.,\\s]+$");

    /** Distinct cells kept folded, at most this many: see {@link #folded}. */
    private static final int FOLDED_KEPT = 4_096;

    private final List<String> header;
    private final int name;
    private final int birth;
    private final Map<String, String> folded = new HashMap<>();
    private boolean footer;

    /** {@code headerCells}: the header row as read; {@code name}, {@code birth}: their columns, -1 when absent. */
    NotStudentRows(List<String> headerCells, int name, int birth) {
        this.header = headerCells.stream().map(NotStudentRows::fold).toList();
        this.name = name;
        this.birth = birth;
    }

    /** Why this row is not a student's, or null when it is one (or may be one, and is to be checked). */
    Reason classify(List<String> cells) {
        // Each cell folded once: this runs on every row of a file (100,000 in the benchmark), and folding every cell
        // three or four times was a seventh of the preview's reading and checking.
        String[] folded = new String[cells.size()];
        int[] filled = new int[cells.size()];
        int filledCount = 0;
        for (int c = 0; c < cells.size(); c++) {
            String f = folded(cells.get(c));
            folded[c] = f;
            if (!f.isEmpty()) {
                filled[filledCount++] = c;
            }
        }
        if (filledCount == 0) {
            return Reason.BLANK;
        }
        filled = java.util.Arrays.copyOf(filled, filledCount);
        for (int c : filled) {
            if (folded[c].startsWith(StudentTemplate.EXAMPLE_MARK_FOLDED)) {
                return Reason.EXAMPLE;
            }
        }
        if (repeatsHeader(folded, filled)) {
            return Reason.REPEATED_HEADER;
        }
        if (birth >= 0 && birth < folded.length && !folded[birth].isEmpty()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (int c : filled) {
            String text = folded[c];
            if (!NUMBER.matcher(text).matches()) {
                texts.add(text);
            }
        }
        if (texts.isEmpty()) {
            return Reason.NUMBER_ONLY;
        }
        String first = texts.get(0);
        if (TOTALS.matcher(first).matches()) {
            footer = true;
            return Reason.TOTALS;
        }
        for (String text : texts) {
            String words = NOT_WORDS.matcher(text).replaceAll(" ").strip();
            if (DATE_LINE.matcher(words).matches()) {
                footer = true;
                return Reason.DATE_LINE;
            }
            for (String s : SIGNATURE) {
                if ((" " + words + " ").contains(" " + s + " ")) {
                    footer = true;
                    return Reason.SIGNATURE;
                }
            }
        }
        if (texts.size() == 1 && HEADING.matcher(first).matches()) {
            return Reason.CLASS_HEADING;
        }
        // Below the signature block: the signer's name, a stamp's words; a row without a birth date is not a child.
        if (footer && texts.size() <= 2) {
            return Reason.FOOTER;
        }
        return null;
    }

    private boolean repeatsHeader(String[] folded, int[] filled) {
        int same = 0;
        for (int c : filled) {
            if (c < header.size() && !header.get(c).isEmpty() && header.get(c).equals(folded[c])) {
                same++;
            }
        }
        return same >= 2 && same * 2 >= filled.length;
    }

    /**
     * A cell folded, from the cells folded before when it was one of them: most columns of a list repeat a few values
     * (sex, class, commune, the household, device and connectivity texts), and folding a Vietnamese text (NFD, marks
     * dropped) was most of this class's cost on every row. Names and addresses do not repeat; once the map is full,
     * new cells are folded without being kept.
     */
    private String folded(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String f = folded.get(text);
        if (f == null) {
            f = fold(text);
            if (folded.size() < FOLDED_KEPT) {
                folded.put(text, f);
            }
        }
        return f;
    }

    private static String fold(String text) {
        if (text == null) {
            return "";
        }
        String folded = VietnameseText.fold(text);
        return folded == null ? "" : folded.strip();
    }
}
