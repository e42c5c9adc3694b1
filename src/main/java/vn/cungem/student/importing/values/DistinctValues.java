package vn.cungem.student.importing.values;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct free texts of a file, each once with how many rows have it: what the value-mapping step shows, so the
 * person answers once per text, not once per row. The texts to confirm come first, then the most frequent.
 */
public final class DistinctValues {

    /** One distinct text: its meaning ({@link FreeText} of its first row) and its number of rows. */
    public record Counted(FreeText text, int rows) {}

    private final Map<String, FreeText> first = new LinkedHashMap<>();
    private final Map<String, Integer> rows = new LinkedHashMap<>();

    public void add(List<FreeText> texts) {
        for (FreeText t : texts) {
            String key = t.field().name() + '\u0000' + t.folded();
            first.putIfAbsent(key, t);
            rows.merge(key, 1, Integer::sum);
        }
    }

    /** A text met in {@code count} rows at once (the texts a preview kept). */
    public void add(FreeText t, int count) {
        String key = t.field().name() + '\u0000' + t.folded();
        first.putIfAbsent(key, t);
        rows.merge(key, count, Integer::sum);
    }

    public List<Counted> list() {
        List<Counted> out = new ArrayList<>();
        first.forEach((key, text) -> out.add(new Counted(text, rows.get(key))));
        out.sort(Comparator.comparing((Counted c) -> !c.text().unsure())
                .thenComparing(c -> c.text().field())
                .thenComparing(Comparator.comparingInt(Counted::rows).reversed()));
        return out;
    }
}
