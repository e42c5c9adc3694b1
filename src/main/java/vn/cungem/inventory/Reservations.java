package vn.cungem.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.ItemType;
import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.inventory.lifecycle.Worded;
import vn.cungem.inventory.tally.ItemTallies;
import vn.cungem.inventory.work.ItemWork;
import vn.cungem.inventory.work.Step;
import vn.cungem.inventory.work.WorkItem;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.security.Caller;

/**
 * Devices promised to students and given to them (issue 14): allocation's approval reserves, handover hands over, a
 * school takes a device back. The holder is kept on the item row and every reservation is a conditional update of a
 * ready row, so a device can never be reserved for two students, even when two approvals overlap: the second finds the
 * row no longer ready and the whole of its batch rolls back. The database checks that a device has a holder exactly
 * while it is reserved or handed over.
 */
@Service
public class Reservations {

    private static final String COLUMNS = """
            id, tag, campaign_id, item_type, description, accessories, serial_number, status, student_id,
            reservation_ref, unit_id, version""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final UnitScopes scopes;
    private final ItemWork work;
    private final ItemTallies tallies;

    Reservations(JdbcClient jdbc, JdbcTemplate batch, UnitScopes scopes, ItemWork work, ItemTallies tallies) {
        this.tallies = tallies;
        this.jdbc = jdbc;
        this.batch = batch;
        this.scopes = scopes;
        this.work = work;
    }

    /** One ready device promised to one student. */
    public record Claim(long itemId, long studentId) {}

    /** A device and who holds it: the student it is reserved for or was handed to (null when it has no holder). */
    public record Holding(
            long itemId,
            String tag,
            long campaignId,
            ItemType type,
            String description,
            String accessories,
            String serialNumber,
            ItemStatus status,
            Long studentId,
            String reference,
            long unitId,
            int version) {}

    /** A claim that cannot be reserved now, and why: the device's state and, if it has one, its holder. */
    public record Refusal(long itemId, String tag, ItemStatus status, Long heldFor) {}

    /**
     * The claims that could not be reserved now (not ready, already held, another campaign, or no such device), without
     * writing anything: what a plan's review shows before a manager approves.
     */
    public List<Refusal> refusals(long campaignId, Collection<Claim> claims) {
        List<Refusal> refused = new ArrayList<>();
        List<Long> ids = claims.stream().map(Claim::itemId).distinct().toList();
        var found = byIds(ids).stream().collect(Collectors.toMap(Holding::itemId, h -> h));
        for (Claim c : claims) {
            Holding h = found.get(c.itemId());
            if (h == null || h.campaignId() != campaignId) {
                refused.add(new Refusal(c.itemId(), h == null ? null : h.tag(), h == null ? null : h.status(), null));
            } else if (h.status() != ItemStatus.READY) {
                refused.add(new Refusal(c.itemId(), h.tag(), h.status(), h.studentId()));
            }
        }
        return refused;
    }

    /**
     * Reserves every claim or none: each ready device of the campaign becomes reserved for its student, with
     * {@code reference} (the approved plan) kept on it and a history line each. When any claim cannot be reserved at
     * this moment the whole batch is refused with a 409 naming how many and which tags, and the caller's transaction
     * rolls back with it. Only managers whose scope covers every device's unit may reserve.
     */
    @Transactional
    public int reserveAll(long campaignId, String reference, List<Claim> claims, Caller caller) {
        if (!ItemMove.RESERVE.mayBeMadeBy(caller.role())) {
            throw Worded.conflict(
                    "inventory.move-role", "inventory.work.move.role", ItemMove.RESERVE, ItemStatus.READY);
        }
        if (claims.isEmpty()) {
            return 0;
        }
        if (claims.stream().map(Claim::itemId).distinct().count() != claims.size()) {
            throw Worded.invalid("inventory.reserve-twice", "inventory.reserve.twice");
        }
        for (Holding h : byIds(claims.stream().map(Claim::itemId).toList())) {
            scopes.requireCovers(caller, h.unitId(), Inventory.ENTITY, h.tag());
        }
        // rows are locked in one order by everyone, so two overlapping approvals wait for each other, never deadlock
        List<Claim> ordered = claims.stream()
                .sorted(java.util.Comparator.comparingLong(Claim::itemId))
                .toList();
        OffsetDateTime now = OffsetDateTime.now();
        try {
            for (int from = 0; from < ordered.size(); from += 1000) {
                List<Claim> part = ordered.subList(from, Math.min(ordered.size(), from + 1000));
                List<Object> ids =
                        new ArrayList<>(part.stream().map(Claim::itemId).toList());
                String where = "i.id in (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")";
                // the kept counts move with the rows, in the same transaction; a short batch throws before they move
                tallies.around(where, ids, () -> {
                    long done = reserve(part, campaignId, reference, now);
                    if (done != part.size()) {
                        throw new ShortBatch();
                    }
                    return done;
                });
            }
        } catch (ShortBatch e) {
            // rolled back by the exception: nothing of this batch stays reserved
            List<String> refused = byIds(claims.stream().map(Claim::itemId).toList()).stream()
                    .filter(h -> !(h.status() == ItemStatus.RESERVED && reference.equals(h.reference())))
                    .map(Holding::tag)
                    .toList();
            throw Worded.conflict(
                    "inventory.not-reservable",
                    "inventory.reserve.refused",
                    refused.size(),
                    String.join(", ", refused.subList(0, Math.min(10, refused.size()))));
        }
        batch.batchUpdate("""
                insert into inventory_item_history (item_id, step, from_status, to_status, outcome, seen_version,
                                                    actor_account_id, actor_name, note, created_at)
                select id, 'MOVE', 'READY', 'RESERVED', 'APPLIED', version - 1, ?, ?, ?, ? from inventory_item
                 where id = ?""", claims, 1000, (ps, c) -> {
            ps.setObject(1, caller.accountId());
            ps.setString(2, caller.displayName());
            ps.setString(3, reference);
            ps.setObject(4, now);
            ps.setLong(5, c.itemId());
        });
        batch.batchUpdate("""
                insert into inventory_item_event (item_id, occurred_on, status, note, unit_id, created_at)
                select id, ?, ?, null, unit_id, ? from inventory_item where id = ?""", claims, 1000, (ps, c) -> {
            ps.setObject(1, now.toLocalDate());
            ps.setString(2, ItemMove.RESERVE.publicStep());
            ps.setObject(3, now);
            ps.setLong(4, c.itemId());
        });
        return claims.size();
    }

    /** Some claim of a batch found its device no longer ready: the batch is refused before any count moves. */
    private static final class ShortBatch extends RuntimeException {
        ShortBatch() {
            super(null, null, false, false);
        }
    }

    private long reserve(List<Claim> part, long campaignId, String reference, OffsetDateTime now) {
        int[][] changed = batch.batchUpdate("""
                update inventory_item
                   set status = 'RESERVED', student_id = ?, reservation_ref = ?, version = version + 1, updated_at = ?
                 where id = ? and campaign_id = ? and status = 'READY'""", part, 1000, (ps, c) -> {
            ps.setLong(1, c.studentId());
            ps.setString(2, reference);
            ps.setObject(3, now);
            ps.setLong(4, c.itemId());
            ps.setLong(5, campaignId);
        });
        return java.util.Arrays.stream(changed)
                .flatMapToInt(java.util.Arrays::stream)
                .filter(n -> n > 0)
                .count();
    }

    /**
     * A reserved device goes back to ready, its holder cleared (a plan withdrawn, a student who left), and with it the
     * SIM or Wi-Fi device reserved for the same student under the same plan ({@link #companions}): all of them or none.
     */
    @Transactional
    public Holding release(String tag, String reason, String idempotencyKey, Caller caller) {
        Holding device = byTag(tag).orElseThrow(() -> new vn.cungem.shared.NotFoundException(Inventory.ENTITY, tag));
        List<Holding> with = companions(device);
        work.move(tag, ItemMove.RELEASE, null, reason, idempotencyKey, caller);
        for (Holding c : with) {
            work.move(c.tag(), ItemMove.RELEASE, null, reason, keyFor(idempotencyKey, c), caller);
        }
        return byTag(tag).orElseThrow();
    }

    /**
     * The SIMs and Wi-Fi devices (items of their own, types {@code SIM_4G} and {@code WIFI_DEVICE}) that go with a
     * device: held by the same student in the same campaign under the same plan and in the device's state. A plan gives a
     * student without internet one with their device (issue 14), so it is reserved, handed over, released and taken back
     * with it. None for a connectivity item itself, or a device without a holder.
     */
    public List<Holding> companions(Holding device) {
        if (!device.type().isDevice() || device.studentId() == null) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + """
                         from inventory_item
                        where student_id = ? and campaign_id = ? and status = ?
                          and item_type in ('SIM_4G', 'WIFI_DEVICE')
                          and coalesce(reservation_ref, '') = coalesce(?, '')
                        order by id""")
                .params(device.studentId(), device.campaignId(), device.status().name(), device.reference())
                .query(Reservations::holding)
                .list();
    }

    private static String keyFor(String key, Holding companion) {
        return key == null ? null : key + "/" + companion.itemId();
    }

    /**
     * Gives the device to the student it is reserved for. Refused with a 409 when it is reserved for someone else or
     * not reserved at all (re-assigned since the volunteer's list was made); a retry with the same key answers the
     * first outcome and writes nothing.
     */
    public Holding handOver(String tag, long studentId, String reference, String idempotencyKey, Caller caller) {
        work.perform(tag, null, idempotencyKey, caller, new Step() {
            @Override
            public String kind() {
                return "MOVE";
            }

            @Override
            public ItemStatus aim() {
                return ItemStatus.HANDED_OVER;
            }

            @Override
            public ItemMove plan(WorkItem item, Caller who, boolean wiped) {
                Long holder = holderOf(item.id());
                if (item.status() == ItemStatus.RESERVED && holder != null && holder != studentId) {
                    throw Worded.conflict("inventory.held-by-other", "inventory.handover.other-student", item.tag());
                }
                return vn.cungem.inventory.lifecycle.Lifecycle.decide(
                                item.status(), ItemMove.HAND_OVER, who.role(), wiped)
                        .orThrow();
            }

            @Override
            public String note() {
                return reference;
            }
        });
        return byTag(tag).orElseThrow();
    }

    /**
     * The student gives the device back: it is returned, its holder cleared, and it must be wiped before it is ready. The
     * SIM or Wi-Fi device handed over with it comes back with it, in the same transaction.
     */
    @Transactional
    public Holding takeBack(String tag, String reason, String idempotencyKey, Caller caller) {
        Holding device = byTag(tag).orElseThrow(() -> new vn.cungem.shared.NotFoundException(Inventory.ENTITY, tag));
        List<Holding> with = companions(device);
        work.move(tag, ItemMove.TAKE_BACK, null, reason, idempotencyKey, caller);
        for (Holding c : with) {
            work.move(c.tag(), ItemMove.TAKE_BACK, null, reason, keyFor(idempotencyKey, c), caller);
        }
        return byTag(tag).orElseThrow();
    }

    /** The devices reserved for or handed to these students (no scope: callers show them only to those who may see). */
    public List<Holding> heldBy(Collection<Long> studentIds) {
        if (studentIds.isEmpty()) {
            return List.of();
        }
        List<Holding> all = new ArrayList<>();
        List<Long> ids = List.copyOf(studentIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 1000));
            all.addAll(jdbc.sql("select " + COLUMNS + " from inventory_item where student_id in (:ids) order by id")
                    .param("ids", part)
                    .query(Reservations::holding)
                    .list());
        }
        return all;
    }

    /** The devices a plan reserved that are still reserved or handed over under it. */
    public List<Holding> ofReference(String reference) {
        return jdbc.sql("select " + COLUMNS + " from inventory_item where reservation_ref = ? order by id")
                .param(reference)
                .query(Reservations::holding)
                .list();
    }

    public Optional<Holding> byTag(String tag) {
        return jdbc.sql("select " + COLUMNS + " from inventory_item where tag = ?")
                .param(tag == null ? "" : tag.trim().toUpperCase(java.util.Locale.ROOT))
                .query(Reservations::holding)
                .optional();
    }

    private List<Holding> byIds(List<Long> ids) {
        List<Holding> all = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            all.addAll(jdbc.sql("select " + COLUMNS + " from inventory_item where id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query(Reservations::holding)
                    .list());
        }
        return all;
    }

    private Long holderOf(long itemId) {
        return jdbc.sql("select student_id from inventory_item where id = ?")
                .param(itemId)
                .query((rs, n) -> rs.getObject(1, Long.class))
                .single();
    }

    private static Holding holding(ResultSet rs, int n) throws SQLException {
        return new Holding(
                rs.getLong("id"),
                rs.getString("tag"),
                rs.getLong("campaign_id"),
                ItemType.valueOf(rs.getString("item_type")),
                rs.getString("description"),
                rs.getString("accessories"),
                rs.getString("serial_number"),
                ItemStatus.valueOf(rs.getString("status")),
                rs.getObject("student_id", Long.class),
                rs.getString("reservation_ref"),
                rs.getLong("unit_id"),
                rs.getInt("version"));
    }
}
