package vn.cungem.shared.spreadsheet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the header of a table people made themselves by what its words mean, not by exact spelling: the fields
 * an importer reads, each with the phrases that name it ("họ và tên", "tên học sinh", "full name"). A header cell is
 * folded (no diacritics, lower case), cut into words, common abbreviations are spelled out ("HS", "GD", "SĐT"), and
 * each phrase is looked for as a run of those words; the share of the cell's words the best phrase covers is the
 * confidence. A cell in two languages or on two lines ("Ngày GD / Transaction date") is read part by part, and a
 * header spread over two rows with merged cells above is read as one. The header row is the row among the first
 * {@link #SEARCH_ROWS} that names the most fields with the most confidence, wherever it is.
 *
 * @param <F> the importer's fields
 */
public final class HeaderVocabulary<F extends Enum<F>> {

    /** How far down a file the header is looked for: title blocks, school names, account details come first. */
    public static final int SEARCH_ROWS = 30;

    /** Below this a column is not taken for a field at all. */
    public static final double TAKEN = 0.5;

    /** From this a column is taken without asking; between {@link #TAKEN} and this the person confirms it. */
    public static final double SURE = 0.75;

    /** A row of the file as read: its spreadsheet row number and its cells. */
    public record Row(int number, List<String> cells) {}

    /**
     * What one column of the header was taken for: {@code field} is null when nothing was recognised; {@code sure}
     * is false when the person should confirm it (a weak match, or another field almost as likely).
     */
    public record Column<F>(int index, String header, F field, double confidence, boolean sure) {}

    /**
     * The header found: the rows it spans ({@code firstRow} to {@code lastRow}, spreadsheet numbers), every non-empty
     * header cell, and the column of each field recognised.
     */
    public record Header<F extends Enum<F>>(
            int firstRow, int lastRow, List<Column<F>> columns, Map<F, Integer> fields) {

        /** Whether anything should be confirmed by the person before the file is read. */
        public boolean unsure() {
            return columns.stream().anyMatch(c -> c.field() != null && !c.sure());
        }

        /** The header cells no field was taken from. */
        public List<Column<F>> unrecognised() {
            return columns.stream().filter(c -> c.field() == null).toList();
        }
    }

    private final Class<F> type;
    private final Map<F, List<List<String>>> phrases;
    private final List<List<String>> neutral;
    private final Set<F> required;

    private HeaderVocabulary(
            Class<F> type, Map<F, List<List<String>>> phrases, List<List<String>> neutral, Set<F> required) {
        this.type = type;
        this.phrases = phrases;
        this.neutral = neutral;
        this.required = required;
    }

    public static <F extends Enum<F>> Builder<F> of(Class<F> type) {
        return new Builder<>(type);
    }

    /** The field a single header cell names, with the confidence of the best phrase; empty when none reaches TAKEN. */
    public Optional<Column<F>> recognise(String header) {
        Column<F> column = column(0, HeaderWords.parts(header), header);
        return column.field() == null ? Optional.empty() : Optional.of(column);
    }

    /**
     * The header among {@code rows} (the first rows of a sheet, in order, blank rows included or not): the single row,
     * or two adjacent rows read together, that recognises every required field with the highest total confidence.
     * Empty when no row names all the required fields.
     */
    public Optional<Header<F>> find(List<Row> rows) {
        Header<F> best = null;
        double bestScore = 0;
        int limit = Math.min(rows.size(), SEARCH_ROWS);
        for (int r = 0; r < limit; r++) {
            Row row = rows.get(r);
            Header<F> single = header(row.number(), row.number(), HeaderWords.columns(row.cells(), null));
            double score = score(single);
            if (score > bestScore) {
                best = single;
                bestScore = score;
            }
            if (r + 1 < rows.size() && rows.get(r + 1).number() == row.number() + 1) {
                Row below = rows.get(r + 1);
                Header<F> pair = header(row.number(), below.number(), HeaderWords.columns(row.cells(), below.cells()));
                double pairScore = score(pair);
                // two rows only when together they say more than either row alone (the lower one is scored next)
                double belowAlone =
                        score(header(below.number(), below.number(), HeaderWords.columns(below.cells(), null)));
                if (pairScore > bestScore && pairScore > belowAlone) {
                    best = pair;
                    bestScore = pairScore;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private double score(Header<F> header) {
        if (!header.fields().keySet().containsAll(required)) {
            return 0;
        }
        double total = 0;
        for (Column<F> c : header.columns()) {
            if (c.field() != null) {
                total += c.confidence();
            }
        }
        return total;
    }

    /** Columns take their best fields, surest first, so one field is never taken from two columns. */
    private Header<F> header(int first, int last, List<HeaderWords.Cell> cells) {
        List<Candidate<F>> candidates = new ArrayList<>();
        for (HeaderWords.Cell cell : cells) {
            for (F field : type.getEnumConstants()) {
                Match match = match(field, cell.parts());
                if (match.coverage() >= TAKEN) {
                    candidates.add(new Candidate<>(cell, field, match.coverage(), match.words()));
                }
            }
        }
        // surest first; at equal confidence the longer phrase ("họ và tên" before "tên"), then the leftmost column
        candidates.sort((a, b) -> a.confidence() != b.confidence()
                ? Double.compare(b.confidence(), a.confidence())
                : a.words() != b.words()
                        ? Integer.compare(b.words(), a.words())
                        : Integer.compare(a.cell().index(), b.cell().index()));
        Map<F, Integer> fields = new EnumMap<>(type);
        Map<Integer, Column<F>> taken = new LinkedHashMap<>();
        for (Candidate<F> c : candidates) {
            if (fields.containsKey(c.field()) || taken.containsKey(c.cell().index())) {
                continue;
            }
            double runnerUp = candidates.stream()
                    .filter(o -> o.cell().index() == c.cell().index() && o.field() != c.field())
                    .mapToDouble(Candidate::confidence)
                    .max()
                    .orElse(0);
            boolean sure = c.confidence() >= SURE && c.confidence() - runnerUp >= 0.1;
            fields.put(c.field(), c.cell().index());
            taken.put(
                    c.cell().index(), new Column<>(c.cell().index(), c.cell().text(), c.field(), c.confidence(), sure));
        }
        List<Column<F>> columns = new ArrayList<>();
        for (HeaderWords.Cell cell : cells) {
            columns.add(taken.getOrDefault(cell.index(), new Column<>(cell.index(), cell.text(), null, 0, false)));
        }
        return new Header<>(first, last, List.copyOf(columns), fields);
    }

    private Column<F> column(int index, List<List<String>> parts, String text) {
        F best = null;
        double bestConfidence = 0;
        double runnerUp = 0;
        for (F field : type.getEnumConstants()) {
            double confidence = confidence(field, parts);
            if (confidence > bestConfidence) {
                runnerUp = bestConfidence;
                best = field;
                bestConfidence = confidence;
            } else if (confidence > runnerUp) {
                runnerUp = confidence;
            }
        }
        if (bestConfidence < TAKEN) {
            return new Column<>(index, text, null, 0, false);
        }
        return new Column<>(
                index, text, best, bestConfidence, bestConfidence >= SURE && bestConfidence - runnerUp >= 0.1);
    }

    /** The best share of a part's words that one of the field's phrases covers, neutral words aside. */
    double confidence(F field, List<List<String>> parts) {
        return match(field, parts).coverage();
    }

    private Match match(F field, List<List<String>> parts) {
        Match best = new Match(0, 0);
        for (List<String> part : parts) {
            List<String> words = HeaderWords.withoutNeutral(part, neutral);
            for (List<String> phrase : phrases.getOrDefault(field, List.of())) {
                best = best.better(new Match(HeaderWords.coverage(phrase, part), phrase.size()));
                best = best.better(new Match(HeaderWords.coverage(phrase, words), phrase.size()));
            }
        }
        return best;
    }

    private record Candidate<F>(HeaderWords.Cell cell, F field, double confidence, int words) {}

    /** How much of a header a phrase covered, and how long that phrase is. */
    private record Match(double coverage, int words) {

        Match better(Match other) {
            return other.coverage > coverage || (other.coverage == coverage && other.words > words) ? other : this;
        }
    }

    /** The fields with their phrases, written as people write them; folded once here. */
    public static final class Builder<F extends Enum<F>> {

        private final Class<F> type;
        private final Map<F, List<List<String>>> phrases;
        private final List<List<String>> neutral = new ArrayList<>();
        private Set<F> required = Set.of();

        private Builder(Class<F> type) {
            this.type = type;
            this.phrases = new EnumMap<>(type);
        }

        /** Phrases that name {@code field}, e.g. "họ và tên", "tên học sinh", "full name". */
        public Builder<F> field(F field, String... names) {
            List<List<String>> list = phrases.computeIfAbsent(field, f -> new ArrayList<>());
            for (String name : names) {
                List<String> words = HeaderWords.words(name);
                if (!words.isEmpty()) {
                    list.add(words);
                }
            }
            return this;
        }

        /**
         * Words that qualify a header without naming a field ("của học sinh", "(VND)"): a header is also read without
         * them, so "Họ và tên học sinh" is as sure as "Họ và tên".
         */
        public Builder<F> neutral(String... words) {
            for (String w : words) {
                List<String> folded = HeaderWords.words(w);
                if (!folded.isEmpty()) {
                    neutral.add(folded);
                }
            }
            return this;
        }

        /** The fields without which a row is not this table's header. */
        @SafeVarargs
        public final Builder<F> required(F... fields) {
            this.required = Set.of(fields);
            return this;
        }

        public HeaderVocabulary<F> build() {
            Map<F, List<List<String>>> copy = new EnumMap<>(type);
            phrases.forEach((f, list) -> copy.put(f, List.copyOf(list)));
            return new HeaderVocabulary<>(type, copy, List.copyOf(neutral), required);
        }
    }
}
