package vn.cungem.inventory.work;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.inventory.lifecycle.Lifecycle;
import vn.cungem.inventory.lifecycle.WipeMethod;
import vn.cungem.inventory.lifecycle.Worded;
import vn.cungem.shared.security.Caller;

/**
 * Data wiping, a step of its own (issue 13): method, by whom, when (the server's clock, so a certificate cannot be
 * back-dated) and result. A successful wipe moves the device on; a failed one is recorded and the device stays.
 */
@Service
public class Wipes {

    private final JdbcClient jdbc;
    private final ItemWork work;

    Wipes(JdbcClient jdbc, ItemWork work) {
        this.jdbc = jdbc;
        this.work = work;
    }

    public record NewWipe(WipeMethod method, Boolean succeeded, String note) {}

    public record Wipe(
            long id, WipeMethod method, boolean succeeded, String wipedBy, OffsetDateTime wipedAt, String note) {}

    public ItemWork.Outcome record(String tag, NewWipe form, Integer seenVersion, String key, Caller caller) {
        if (form.method() == null) {
            throw Worded.invalid("inventory.wipe-method", "inventory.work.wipe.method");
        }
        if (form.succeeded() == null) {
            throw Worded.invalid("inventory.wipe-result", "inventory.work.wipe.result");
        }
        String note = Texts.optional(form.note(), 300, "note");
        return work.perform(tag, seenVersion, key, caller, new Step() {
            @Override
            public String kind() {
                return "WIPE";
            }

            @Override
            public ItemStatus aim() {
                return form.succeeded() ? ItemStatus.WIPED : null;
            }

            @Override
            public ItemMove plan(WorkItem item, Caller who, boolean wiped) {
                ItemMove move = Lifecycle.decide(item.status(), ItemMove.WIPE, who.role(), wiped)
                        .orThrow();
                return form.succeeded() ? move : null;
            }

            @Override
            public String note() {
                return note;
            }

            @Override
            public void record(WorkItem item, long historyId, Caller who, OffsetDateTime at) {
                jdbc.sql("""
                                insert into inventory_wipe (item_id, history_id, method, result, wiped_by,
                                                            wiped_by_account_id, wiped_at, note)
                                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                item.id(),
                                historyId,
                                form.method().name(),
                                form.succeeded() ? "SUCCEEDED" : "FAILED",
                                who.displayName(),
                                who.accountId(),
                                at,
                                note)
                        .update();
            }
        });
    }

    public List<Wipe> of(long itemId) {
        return jdbc.sql("""
                        select id, method, result, wiped_by, wiped_at, note from inventory_wipe
                         where item_id = ? order by wiped_at, id""")
                .param(itemId)
                .query((rs, n) -> new Wipe(
                        rs.getLong(1),
                        WipeMethod.valueOf(rs.getString(2)),
                        "SUCCEEDED".equals(rs.getString(3)),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class),
                        rs.getString(6)))
                .list();
    }

    /** The latest successful wipe, the one a certificate vouches for. */
    public Optional<Wipe> latestSuccessful(long itemId) {
        return of(itemId).stream().filter(Wipe::succeeded).reduce((a, b) -> b);
    }
}
