package vn.cungem.shared.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Adds deltas to a table of kept counts (a row per key, one or more counter columns that must not go below zero), the
 * way each module's tally keeps its counts in the same transaction as the change they count. Rows are written in the
 * order given, so callers pass them sorted: two transactions touching the same counters then lock them in the same
 * order.
 *
 * <p>PostgreSQL checks a new row's constraints before it looks for a conflict, so a row whose delta goes down cannot go
 * through {@code on conflict} (the inserted -1 fails the {@code >= 0} check first): what goes down is an update of a row
 * that must exist, what goes up an insert or an addition. H2 takes both through one {@code merge}.
 */
public final class CounterRows {

    /** One row's key values (in the key columns' order) and the deltas of its counters (in the counters' order). */
    public record Delta(List<Object> key, long[] counts) {

        boolean goesDown() {
            for (long n : counts) {
                if (n < 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(CounterRows.class);

    private final JdbcTemplate template;
    private final String table;
    private final List<String> keys;
    private final List<String> keyTypes;
    private final List<String> counters;

    /**
     * {@code keyTypes}: the SQL type of each key column (H2's {@code merge} needs its values cast), e.g. {@code
     * bigint}, {@code varchar(32)}.
     */
    public CounterRows(
            JdbcTemplate template, String table, List<String> keys, List<String> keyTypes, List<String> counters) {
        if (keys.size() != keyTypes.size()) {
            throw new IllegalArgumentException("a type for each key column");
        }
        this.template = template;
        this.table = table;
        this.keys = List.copyOf(keys);
        this.keyTypes = List.copyOf(keyTypes);
        this.counters = List.copyOf(counters);
    }

    public void add(List<Delta> deltas, boolean postgres) {
        if (deltas.isEmpty()) {
            return;
        }
        if (!postgres) {
            template.batchUpdate(merge(), rows(deltas, false));
            return;
        }
        List<Delta> down = deltas.stream().filter(Delta::goesDown).toList();
        List<Delta> up = deltas.stream().filter(d -> !d.goesDown()).toList();
        if (!down.isEmpty()) {
            int[] done = template.batchUpdate(update(), rows(down, true));
            for (int n : done) {
                if (n == 0) {
                    // a count that had drifted already: the owner's check names it, its recount mends it
                    log.warn("A kept count of {} was missing", table);
                }
            }
        }
        if (!up.isEmpty()) {
            template.batchUpdate(upsert(), rows(up, false));
        }
    }

    private String merge() {
        List<String> casts = new ArrayList<>();
        for (String type : keyTypes) {
            casts.add("cast(? as " + type + ")");
        }
        counters.forEach(c -> casts.add("cast(? as bigint)"));
        List<String> all = Stream.concat(keys.stream(), counters.stream()).toList();
        return "merge into " + table + " t using (values (" + String.join(", ", casts) + ")) v ("
                + String.join(", ", all) + ") on "
                + keys.stream().map(k -> "t." + k + " = v." + k).collect(Collectors.joining(" and "))
                + " when matched then update set "
                + counters.stream().map(c -> c + " = t." + c + " + v." + c).collect(Collectors.joining(", "))
                + " when not matched then insert (" + String.join(", ", all) + ") values ("
                + all.stream().map(c -> "v." + c).collect(Collectors.joining(", ")) + ")";
    }

    private String update() {
        return "update " + table + " set "
                + counters.stream().map(c -> c + " = " + c + " + ?").collect(Collectors.joining(", ")) + " where "
                + keys.stream().map(k -> k + " = ?").collect(Collectors.joining(" and "));
    }

    private String upsert() {
        List<String> all = Stream.concat(keys.stream(), counters.stream()).toList();
        return "insert into " + table + " (" + String.join(", ", all) + ") values ("
                + all.stream().map(c -> "?").collect(Collectors.joining(", ")) + ") on conflict ("
                + String.join(", ", keys) + ") do update set "
                + counters.stream()
                        .map(c -> c + " = " + table + "." + c + " + excluded." + c)
                        .collect(Collectors.joining(", "));
    }

    private static List<Object[]> rows(List<Delta> deltas, boolean countsFirst) {
        List<Object[]> rows = new ArrayList<>(deltas.size());
        for (Delta d : deltas) {
            List<Object> row = new ArrayList<>();
            List<Object> counts = new ArrayList<>();
            for (long n : d.counts()) {
                counts.add(n);
            }
            if (countsFirst) {
                row.addAll(counts);
                row.addAll(d.key());
            } else {
                row.addAll(d.key());
                row.addAll(counts);
            }
            rows.add(row.toArray());
        }
        return rows;
    }
}
