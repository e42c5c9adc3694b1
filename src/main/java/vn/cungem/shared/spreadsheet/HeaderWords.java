package vn.cungem.shared.spreadsheet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import vn.cungem.shared.text.VietnameseText;

/** The words of header cells, as {@link HeaderVocabulary} compares them. */
final class HeaderWords {

    /** A header cell (or two stacked cells) with the parts it is read in. */
    record Cell(int index, String text, List<List<String>> parts) {}

    /**
     * Abbreviations headers use, spelled out so that "HS" counts as "học sinh" and "SĐT" as "số điện thoại". Data:
     * the spellings people type, not wording of ours.
     */
    private static final Map<String, List<String>> ABBREVIATIONS = Map.ofEntries(
            Map.entry("hs", List.of("hoc", "sinh")),
            Map.entry("gd", List.of("giao", "dich")),
            Map.entry("sdt", List.of("so", "dien", "thoai")),
            Map.entry("dt", List.of("dien", "thoai")),
            Map.entry("dthoai", List.of("dien", "thoai")),
            Map.entry("tk", List.of("tai", "khoan")),
            Map.entry("ps", List.of("phat", "sinh")),
            Map.entry("stt", List.of("so", "thu", "tu")),
            Map.entry("ct", List.of("chung", "tu")),
            Map.entry("ns", List.of("ngay", "sinh")),
            Map.entry("gvcn", List.of("giao", "vien", "chu", "nhiem")),
            Map.entry("ph", List.of("phu", "huynh")),
            Map.entry("cmnd", List.of("chung", "minh", "nhan", "dan")),
            Map.entry("cccd", List.of("can", "cuoc", "cong", "dan")),
            Map.entry("txn", List.of("transaction")));

    /** Words that join others and never name anything. */
    private static final List<String> FILLERS = List.of("va", "cua", "the", "of", "and", "hoac", "or");

    private HeaderWords() {}

    /** Folded words of a text, abbreviations spelled out, fillers dropped. */
    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String folded = VietnameseText.fold(text);
        if (folded == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String w : folded.split("[^a-z0-9]+")) {
            if (w.isEmpty() || FILLERS.contains(w)) {
                continue;
            }
            out.addAll(ABBREVIATIONS.getOrDefault(w, List.of(w)));
        }
        return out;
    }

    /**
     * The ways one cell is read: all of it, each line, each side of a "/" or "|" (two languages), and the text in
     * brackets and outside them ("Ngày sinh (dd/mm/yyyy)", "Credit (VND)").
     */
    static List<List<String>> parts(String text) {
        List<List<String>> parts = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return parts;
        }
        add(parts, text);
        String outside = text.replaceAll("\\(.*?\\)|\\[.*?]", " ");
        add(parts, outside);
        for (String piece : outside.split("[\\n\\r/|]+")) {
            add(parts, piece);
        }
        for (String piece : text.split("[\\n\\r]+")) {
            add(parts, piece);
        }
        var brackets = java.util.regex.Pattern.compile("\\((.*?)\\)").matcher(text);
        while (brackets.find()) {
            add(parts, brackets.group(1));
        }
        return parts;
    }

    private static void add(List<List<String>> parts, String text) {
        List<String> w = words(text);
        if (!w.isEmpty() && !parts.contains(w)) {
            parts.add(w);
        }
    }

    /**
     * The cells of a header row, or of two stacked rows read together: a cell left empty under a merged title takes
     * the title from the nearest cell on its left ("Số tiền" above "Ghi nợ" and "Ghi có").
     */
    static List<Cell> columns(List<String> top, List<String> bottom) {
        List<Cell> cells = new ArrayList<>();
        int width = Math.max(top.size(), bottom == null ? 0 : bottom.size());
        String carried = null;
        for (int c = 0; c < width; c++) {
            String upper = text(top, c);
            if (bottom == null) {
                if (upper != null) {
                    cells.add(new Cell(c, VietnameseText.tidy(upper), parts(upper)));
                }
                continue;
            }
            String lower = text(bottom, c);
            if (upper != null) {
                carried = upper;
            } else if (lower == null) {
                carried = null;
            }
            String title = upper != null ? upper : carried;
            if (title == null && lower == null) {
                continue;
            }
            List<List<String>> parts = new ArrayList<>();
            if (lower != null) {
                parts.addAll(parts(lower));
            }
            if (upper != null || lower == null) {
                parts.addAll(parts(title));
            }
            String joined = title == null ? lower : lower == null ? title : title + " " + lower;
            if (title != null && lower != null) {
                add(parts, joined);
            }
            cells.add(new Cell(c, VietnameseText.tidy(joined), parts));
        }
        return cells;
    }

    private static String text(List<String> row, int c) {
        if (c >= row.size() || row.get(c) == null) {
            return null;
        }
        // lines kept: a cell "Ngày GD\nTransaction date" is read line by line
        String t = java.text.Normalizer.normalize(row.get(c), java.text.Normalizer.Form.NFC)
                .strip();
        return t.isEmpty() || t.length() > 200 ? null : t;
    }

    /** The part without the neutral phrases in it, unless nothing would be left. */
    static List<String> withoutNeutral(List<String> part, List<List<String>> neutral) {
        List<String> out = new ArrayList<>(part);
        for (List<String> n : neutral) {
            int at;
            while ((at = Collections.indexOfSubList(out, n)) >= 0 && out.size() > n.size()) {
                out.subList(at, at + n.size()).clear();
            }
        }
        return out;
    }

    /** The share of {@code words} that {@code phrase} covers when it appears in them as a run; 0 otherwise. */
    static double coverage(List<String> phrase, List<String> words) {
        if (words.isEmpty()) {
            return 0;
        }
        if (Collections.indexOfSubList(words, phrase) >= 0) {
            return (double) phrase.size() / words.size();
        }
        // "HOVATEN", "Sodienthoai": the words typed without spaces (joined only when the letters add up: this runs
        // for every phrase on every cell of the rows searched, and joining each time was most of a header search)
        return length(words) == length(phrase) && String.join("", words).equals(String.join("", phrase)) ? 1.0 : 0;
    }

    private static int length(List<String> words) {
        int n = 0;
        for (String w : words) {
            n += w.length();
        }
        return n;
    }
}
