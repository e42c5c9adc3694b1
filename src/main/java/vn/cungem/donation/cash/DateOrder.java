package vn.cungem.donation.cash;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToLongFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.donation.ListCursor;
import vn.cungem.shared.InvalidValueException;

/**
 * Paging by key in booking order, oldest first, the order of the statement lines and of the ledger: a page is the rows
 * after (or before) one row's {@code (booked_on, id)}, an index range however deep, never an offset. Rows booked the
 * same day are told apart by their id, so none is lost or shown twice between pages.
 */
final class DateOrder {

    /** Where a page starts: the key of the row named by the cursor, and which way the page reads. */
    record Boundary(LocalDate bookedOn, long id, boolean forward) {}

    /** A page in booking order with the cursors that continue it (null at the list's ends). */
    record Page<T>(List<T> rows, String nextCursor, String previousCursor) {}

    private DateOrder() {}

    /**
     * The boundary {@code cursor} names in {@code table} (a row of the campaign); null for the first page. A cursor of
     * another list, or one naming a row the campaign has not, is refused.
     */
    static Boundary boundary(JdbcClient jdbc, String table, String list, long campaignId, String cursor) {
        ListCursor from = ListCursor.decode(list, cursor);
        if (from == null) {
            return null;
        }
        LocalDate bookedOn = jdbc.sql("select booked_on from " + table + " where campaign_id = ? and id = ?")
                .params(campaignId, from.id())
                .query(LocalDate.class)
                .optional()
                .orElseThrow(() -> InvalidValueException.of("cursor", "donation.error.cursor"));
        return new Boundary(bookedOn, from.id(), from.after());
    }

    /** The condition (with its two marks) for the rows beyond the boundary; empty for the first page. */
    static String beyond(String alias, Boundary boundary) {
        if (boundary == null) {
            return "";
        }
        return " and (" + alias + ".booked_on, " + alias + ".id) " + (boundary.forward() ? ">" : "<") + " (?, ?)";
    }

    static void addParams(List<Object> params, Boundary boundary) {
        if (boundary != null) {
            params.add(boundary.bookedOn());
            params.add(boundary.id());
        }
    }

    static String orderBy(String alias, Boundary boundary) {
        String direction = boundary == null || boundary.forward() ? " asc" : " desc";
        return " order by " + alias + ".booked_on" + direction + ", " + alias + ".id" + direction;
    }

    /** The page from {@code fetched} (read with a limit of {@code size + 1}), in booking order, and its cursors. */
    static <T> Page<T> page(List<T> fetched, int size, Boundary boundary, String list, ToLongFunction<T> id) {
        List<T> rows = new ArrayList<>(fetched);
        boolean more = rows.size() > size;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        boolean forward = boundary == null || boundary.forward();
        if (!forward) {
            Collections.reverse(rows);
        }
        boolean hasNext = forward ? more : true;
        boolean hasPrevious = forward ? boundary != null : more;
        String next = hasNext && !rows.isEmpty()
                ? ListCursor.after(list, id.applyAsLong(rows.get(rows.size() - 1)))
                        .encode()
                : null;
        String previous = hasPrevious && !rows.isEmpty()
                ? ListCursor.before(list, id.applyAsLong(rows.get(0))).encode()
                : null;
        return new Page<>(List.copyOf(rows), next, previous);
    }
}
