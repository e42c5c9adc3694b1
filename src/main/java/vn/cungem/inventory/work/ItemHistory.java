package vn.cungem.inventory.work;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.shared.security.Caller;

/** An item's full history of work, oldest first, for whoever may see the item (the history follows the record). */
@Service
public class ItemHistory {

    private final JdbcClient jdbc;
    private final ItemWork work;

    ItemHistory(JdbcClient jdbc, ItemWork work) {
        this.jdbc = jdbc;
        this.work = work;
    }

    /** One attempt: what it did (or, when refused because someone else changed the item first, what it meant to). */
    public record Line(
            long id,
            String step,
            ItemStatus from,
            ItemStatus to,
            boolean applied,
            int seenVersion,
            String actor,
            String note,
            OffsetDateTime at) {}

    public List<Line> of(String tag, Caller caller) {
        return of(work.item(tag, caller).id());
    }

    /** The caller has already been allowed to see the item. */
    public List<Line> of(long itemId) {
        return jdbc.sql("""
                        select id, step, from_status, to_status, outcome, seen_version, actor_name, note, created_at
                          from inventory_item_history where item_id = ? order by id""")
                .param(itemId)
                .query((rs, n) -> new Line(
                        rs.getLong(1),
                        rs.getString(2),
                        ItemStatus.valueOf(rs.getString(3)),
                        ItemStatus.valueOf(rs.getString(4)),
                        "APPLIED".equals(rs.getString(5)),
                        rs.getInt(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class)))
                .list();
    }
}
