package vn.cungem.inventory.work;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.inventory.lifecycle.Lifecycle;
import vn.cungem.inventory.lifecycle.Worded;
import vn.cungem.inventory.tally.ItemTallies;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;

/**
 * Makes every change to an item the same way, so two volunteers scanning one device at the same moment leave one
 * consistent result: the item is read with its version, the step decides from that reading, and the update only
 * succeeds while the version (or, for a step that does not move the item, the state) is still the one read. The loser
 * rolls back, then a history line of its own says what it tried and that someone else changed the item first, and it
 * gets a 409 naming the state the item is in now. A retried request with the same {@code Idempotency-Key} finds its
 * history line and answers what it did the first time, writing nothing.
 */
@Service
public class ItemWork {

    public static final int KEY_MAX = 100;

    private final JdbcClient jdbc;
    private final UnitScopes scopes;
    private final TransactionTemplate tx;

    private final ItemTallies tallies;

    ItemWork(JdbcClient jdbc, UnitScopes scopes, PlatformTransactionManager transactions, ItemTallies tallies) {
        this.tallies = tallies;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What a step did: the item as it is after it, the step's history line, and whether this was a retry. */
    public record Outcome(WorkItem item, long historyId, boolean repeated) {}

    /** The other side of a lost race, thrown inside the transaction so that it rolls back. */
    private static final class StaleItem extends RuntimeException {
        final WorkItem seen;
        final int seenVersion;
        final ItemStatus aim;

        StaleItem(WorkItem seen, int seenVersion, ItemStatus aim) {
            super(null, null, false, false);
            this.seen = seen;
            this.seenVersion = seenVersion;
            this.aim = aim;
        }
    }

    /** The item when its unit is in the caller's scope; otherwise the same 404 as a tag that does not exist. */
    public WorkItem item(String tag, Caller caller) {
        WorkItem item = jdbc.sql("""
                        select id, tag, campaign_id, item_type, status, version, unit_id, owner_since,
                               software_profile_id
                          from inventory_item where tag = ?""")
                .param(tag == null ? "" : tag.trim().toUpperCase(java.util.Locale.ROOT))
                .query((rs, n) -> new WorkItem(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        ItemType.valueOf(rs.getString(4)),
                        ItemStatus.valueOf(rs.getString(5)),
                        rs.getInt(6),
                        rs.getLong(7),
                        rs.getObject(8, OffsetDateTime.class),
                        rs.getObject(9, Long.class)))
                .optional()
                .orElseThrow(() -> new NotFoundException(Inventory.ENTITY, tag));
        scopes.requireCovers(caller, item.unitId(), Inventory.ENTITY, tag);
        return item;
    }

    /** Whether a successful wipe was recorded since the device last came from someone (issue 13's rule for ready). */
    public boolean wipedSinceOwner(WorkItem item) {
        return jdbc.sql("""
                        select count(*) from inventory_wipe
                         where item_id = ? and result = 'SUCCEEDED' and wiped_at >= ?""")
                        .params(item.id(), item.ownerSince())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The moves the caller may choose directly now (the item page's buttons, the API's allowed moves). */
    public List<ItemMove> movesFor(WorkItem item, Caller caller) {
        boolean wiped = wipedSinceOwner(item);
        return Lifecycle.movesFor(item.status(), caller.role(), wiped).stream()
                .filter(ItemMove::isDirect)
                .toList();
    }

    /** A plain move chosen by a person. */
    public Outcome move(String tag, ItemMove move, Integer seenVersion, String note, String key, Caller caller) {
        String n = Texts.optional(note, 500, "note");
        return perform(tag, seenVersion, key, caller, new Step() {
            @Override
            public String kind() {
                return "MOVE";
            }

            @Override
            public ItemStatus aim() {
                return move.to();
            }

            @Override
            public ItemMove plan(WorkItem item, Caller who, boolean wiped) {
                if (move == ItemMove.RESERVE || move == ItemMove.HAND_OVER) {
                    throw Worded.invalid("inventory.move-by-allocation", "inventory.work.move.by-allocation", move);
                }
                if (!move.isDirect()) {
                    throw Worded.invalid("inventory.move-by-step", "inventory.work.move.by-step", move);
                }
                return Lifecycle.decide(item.status(), move, who.role(), wiped).orThrow();
            }

            @Override
            public String note() {
                return n;
            }
        });
    }

    public Outcome perform(String tag, Integer seenVersion, String rawKey, Caller caller, Step step) {
        String key = Texts.optional(rawKey, KEY_MAX, "idempotency-key");
        try {
            return tx.execute(s -> attempt(tag, seenVersion, key, caller, step));
        } catch (StaleItem stale) {
            Optional<Outcome> earlier = key == null ? Optional.empty() : repeated(key, stale.seen);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            tx.executeWithoutResult(
                    s -> history(stale.seen, stale.seenVersion, step, stale.aim, "REFUSED_STALE", null, caller));
            WorkItem now = item(tag, caller);
            throw Worded.conflict("inventory.stale", "inventory.work.stale", now.status(), now.version());
        } catch (DuplicateKeyException sameKeyAtOnce) {
            return repeated(key, item(tag, caller)).orElseThrow(() -> sameKeyAtOnce);
        }
    }

    private Outcome attempt(String tag, Integer seenVersion, String key, Caller caller, Step step) {
        WorkItem item = item(tag, caller);
        if (key != null) {
            Optional<Outcome> earlier = repeated(key, item);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        if (seenVersion != null && seenVersion != item.version()) {
            // the line says what the caller saw: the state the item was in at their version
            ItemStatus seen = statusAt(item.id(), seenVersion).orElse(item.status());
            throw new StaleItem(item.in(seen), seenVersion, step.aim() == null ? seen : step.aim());
        }
        if (item.status().isFinal()) {
            throw Worded.conflict("inventory.final", "inventory.work.final", item.status());
        }
        ItemMove move = step.plan(item, caller, wipedSinceOwner(item));
        ItemStatus to = move == null ? item.status() : move.to();
        OffsetDateTime now = OffsetDateTime.now();
        // a step that leaves the item where it is (a repair line) only needs the state to hold, unless the caller
        // pinned the version it saw
        boolean byVersion = move != null || seenVersion != null;
        // a device leaving "reserved" or "handed over" no longer has a holder (the database checks it)
        boolean held = to == ItemStatus.RESERVED || to == ItemStatus.HANDED_OVER;
        int changed = jdbc.sql("update inventory_item set status = ?, version = version + 1, updated_at = ?"
                        + (held ? "" : ", student_id = null, reservation_ref = null")
                        + " where id = ?"
                        + (byVersion ? " and version = ?" : " and status = ?"))
                .params(
                        to.name(),
                        now,
                        item.id(),
                        byVersion ? item.version() : item.status().name())
                .update();
        if (changed == 0) {
            throw new StaleItem(item, item.version(), to);
        }
        tallies.moved(
                item.id(),
                item.campaignId(),
                item.unitId(),
                item.type().name(),
                item.status().name(),
                to.name());
        if (move == ItemMove.TAKE_BACK) {
            jdbc.sql("update inventory_item set owner_since = ? where id = ?")
                    .params(now, item.id())
                    .update();
        }
        long historyId = history(item, item.version(), step, to, "APPLIED", key, caller);
        String publicStep = "INSPECTION".equals(step.kind()) ? "INSPECTED" : move == null ? null : move.publicStep();
        if (publicStep != null) {
            jdbc.sql("""
                            insert into inventory_item_event (item_id, occurred_on, status, note, unit_id, created_at)
                            values (?, ?, ?, null, ?, ?)""")
                    .params(item.id(), now.toLocalDate(), publicStep, item.unitId(), now)
                    .update();
        }
        step.record(item, historyId, caller, now);
        return new Outcome(item(tag, caller), historyId, false);
    }

    private long history(
            WorkItem item, int seenVersion, Step step, ItemStatus to, String outcome, String key, Caller caller) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into inventory_item_history (item_id, step, from_status, to_status, outcome,
                                                            seen_version, actor_account_id, actor_name, note,
                                                            idempotency_key, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        item.id(),
                        step.kind(),
                        item.status().name(),
                        to.name(),
                        outcome,
                        seenVersion,
                        caller.accountId(),
                        caller.displayName(),
                        step.note(),
                        key,
                        OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The state an item was in at a version: every applied line moved it on from the version it saw. */
    private Optional<ItemStatus> statusAt(long itemId, int version) {
        return jdbc.sql("""
                        select from_status from inventory_item_history
                         where item_id = ? and seen_version = ? and outcome = 'APPLIED'""")
                .params(itemId, version)
                .query((rs, n) -> ItemStatus.valueOf(rs.getString(1)))
                .optional();
    }

    /** The history line of an earlier request with this key, when it was made on this item. */
    private Optional<Outcome> repeated(String key, WorkItem item) {
        return jdbc.sql("select id, item_id from inventory_item_history where idempotency_key = ?")
                .param(key)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional()
                .map(found -> {
                    if (found[1] != item.id()) {
                        throw Worded.conflict("inventory.key-reused", "inventory.work.key-reused");
                    }
                    return new Outcome(item(item.tag(), Caller.SYSTEM), found[0], true);
                });
    }
}
