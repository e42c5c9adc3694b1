package vn.cungem.inventory.places;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.inventory.places.Transfer.NewTransfer;
import vn.cungem.inventory.places.Transfer.State;
import vn.cungem.inventory.tally.ItemTallies;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.text.VietnameseText;

/**
 * Moving items between places. Sending marks each item as travelling (it no longer counts at the sender, it counts as in
 * transit); receiving puts it at the receiver and under the receiver's unit; cancelling puts it back. Every item is
 * claimed by one conditional update, so two transfers of the same item cannot both succeed, and a transfer is written
 * whole or not at all. A retried POST with the same idempotency key answers the transfer already written.
 */
@Service
@Transactional(readOnly = true)
public class Transfers {

    public static final String ENTITY = "inventory_transfer";
    static final int MAX_ITEMS = 500;

    private final JdbcClient jdbc;
    private final Places places;

    private final ApplicationEventPublisher events;

    private final ItemTallies tallies;
    private final TransferConnections connections;

    Transfers(
            JdbcClient jdbc,
            Places places,
            ApplicationEventPublisher events,
            ItemTallies tallies,
            TransferConnections connections) {
        this.tallies = tallies;
        this.connections = connections;
        this.jdbc = jdbc;
        this.places = places;
        this.events = events;
    }

    public Optional<Long> byKey(String key) {
        return key == null || key.isBlank()
                ? Optional.empty()
                : jdbc.sql("select id from inventory_transfer where idempotency_key = ?")
                        .param(key.strip())
                        .query(Long.class)
                        .optional();
    }

    @Transactional
    public Transfer send(NewTransfer in, String idempotencyKey, Caller caller) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 64) {
            throw InvalidValueException.of("transfer.key", "transfer.error.key");
        }
        Optional<Long> retried = byKey(key);
        if (retried.isPresent()) {
            return get(retried.get(), caller);
        }
        if (in == null || in.fromPlaceId() == null || in.toPlaceId() == null) {
            throw InvalidValueException.of("transfer.places", "transfer.error.places");
        }
        Place from = places.get(in.fromPlaceId(), caller);
        Place to = places.find(in.toPlaceId())
                .filter(p -> places.isDestination(p.id(), caller))
                .orElseThrow(() -> InvalidValueException.of("transfer.to", "transfer.error.to"));
        if (from.id() == to.id()) {
            throw InvalidValueException.of("transfer.same", "transfer.error.same");
        }
        List<String> tags = tags(in.tags());
        List<String> codes = TransferConnections.codes(in.connections());
        if (tags.size() + codes.size() == 0 || tags.size() + codes.size() > MAX_ITEMS) {
            throw InvalidValueException.of("transfer.items", "transfer.error.items", MAX_ITEMS);
        }
        String note = VietnameseText.tidy(in.note());
        if (note != null && note.length() > 500) {
            throw InvalidValueException.of("transfer.note", "transfer.error.note");
        }
        OffsetDateTime now = OffsetDateTime.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into inventory_transfer (from_place_id, to_place_id, state, item_count,
                                                        connection_count, note, sent_at, sent_by_account_id,
                                                        sent_by_name, idempotency_key)
                        values (?, ?, 'SENT', ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        from.id(),
                        to.id(),
                        tags.size(),
                        codes.size(),
                        note == null || note.isEmpty() ? null : note,
                        now,
                        caller.accountId(),
                        caller.displayName(),
                        key)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (String tag : tags) {
            // the item must stand at the sender, not already travel, and still be ours to move (not handed over to a
            // student, recycled or lost); one statement claims it
            int claimed = jdbc.sql("""
                            update inventory_item set transfer_id = ?, updated_at = ?, version = version + 1
                             where tag = ? and place_id = ? and transfer_id is null
                               and status not in ('HANDED_OVER', 'RECYCLED', 'LOST')""").params(id, now, tag, from.id()).update();
            if (claimed == 0) {
                throw ConflictException.of("transfer.item", "transfer.error.item", tag, from.name());
            }
        }
        jdbc.sql("insert into inventory_transfer_item (transfer_id, item_id) select ?, id from inventory_item"
                        + " where transfer_id = ?")
                .params(id, id)
                .update();
        int carried = connections.claim(id, codes, from, now, caller);
        if (carried != codes.size()) {
            // paired SIMs and Wi-Fi devices joined their devices
            jdbc.sql("update inventory_transfer set connection_count = ? where id = ?")
                    .params(carried, id)
                    .update();
        }
        history(id, "transfer.history.sent", to.name(), from.unitId());
        connections.history(id, "transfer.history.sent", to.name(), caller, now);
        audit(id, "CREATED", from.unitId(), State.SENT, from, to, tags.size() + carried);
        return get(id, caller);
    }

    @Transactional
    public Transfer receive(long id, Caller caller) {
        Transfer t = get(id, caller);
        places.get(t.to().id(), caller);
        close(t, State.RECEIVED, caller);
        // the items change unit: their kept counts move with them (by the transfer's lines, which the update keeps)
        tallies.around(
                "i.id in (select x.item_id from inventory_transfer_item x where x.transfer_id = ?)",
                List.of(id),
                () -> jdbc.sql("""
                                update inventory_item set place_id = ?, unit_id = ?, transfer_id = null, updated_at = ?,
                                                          version = version + 1
                                 where transfer_id = ?""")
                        .params(t.to().id(), t.to().unitId(), OffsetDateTime.now(), id)
                        .update());
        connections.receive(id, t.to(), OffsetDateTime.now());
        history(id, "transfer.history.received", t.to().name(), t.to().unitId());
        connections.history(id, "transfer.history.received", t.to().name(), caller, OffsetDateTime.now());
        audit(
                id,
                "RECEIVED",
                t.to().unitId(),
                State.RECEIVED,
                t.from(),
                t.to(),
                t.tags().size() + t.connections().size());
        return get(id, caller);
    }

    @Transactional
    public Transfer cancel(long id, Caller caller) {
        Transfer t = get(id, caller);
        places.get(t.from().id(), caller);
        close(t, State.CANCELLED, caller);
        jdbc.sql("update inventory_item set transfer_id = null, updated_at = ?, version = version + 1"
                        + " where transfer_id = ?")
                .params(OffsetDateTime.now(), id)
                .update();
        connections.release(id, OffsetDateTime.now());
        history(id, "transfer.history.cancelled", t.from().name(), t.from().unitId());
        connections.history(id, "transfer.history.cancelled", t.from().name(), caller, OffsetDateTime.now());
        audit(
                id,
                "CANCELLED",
                t.from().unitId(),
                State.CANCELLED,
                t.from(),
                t.to(),
                t.tags().size() + t.connections().size());
        return get(id, caller);
    }

    /** The transfer when the caller may use its sending or its receiving place; otherwise 404. */
    public Transfer get(long id, Caller caller) {
        Transfer t = load(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
        boolean sender = isUsable(t.from(), caller);
        if (!sender && !isUsable(t.to(), caller)) {
            throw new NotFoundException(ENTITY, id);
        }
        return t;
    }

    /** Open and recent transfers from or to a place the caller may use, newest first. */
    public List<Transfer> ofPlace(long placeId, Caller caller) {
        places.get(placeId, caller);
        return jdbc.sql("""
                        select id from inventory_transfer where from_place_id = ? or to_place_id = ?
                         order by id desc fetch first 50 rows only""").params(placeId, placeId).query(Long.class).list().stream()
                .map(this::load)
                .flatMap(Optional::stream)
                .toList();
    }

    /** Whether the caller may use this place (send from it, confirm arrivals at it). */
    boolean isUsable(Place p, Caller caller) {
        return places.mayUse(p, caller);
    }

    /** One conditional update moves the state, so of two people confirming at once one wins and the other is told. */
    private void close(Transfer t, State next, Caller caller) {
        int changed = t.state().mayBecome(next)
                ? jdbc.sql("""
                                update inventory_transfer set state = ?, closed_at = ?, closed_by_account_id = ?,
                                                              closed_by_name = ?, version = version + 1
                                 where id = ? and state = 'SENT'""")
                        .params(next.name(), OffsetDateTime.now(), caller.accountId(), caller.displayName(), t.id())
                        .update()
                : 0;
        if (changed == 0) {
            throw ConflictException.of("transfer.state", "transfer.error.state", String.valueOf(t.id()));
        }
    }

    private static List<String> tags(List<String> typed) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        if (typed != null) {
            for (String s : typed) {
                if (s != null && !s.isBlank()) {
                    tags.add(s.replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(tags);
    }

    /** A line in each item's history, worded in Vietnamese as the history shows it. */
    private void history(long transferId, String key, String placeName, long unitId) {
        jdbc.sql("""
                        insert into inventory_item_event (item_id, occurred_on, status, note, unit_id, created_at)
                        select i.id, ?, i.status, ?, ?, ? from inventory_item i
                          join inventory_transfer_item ti on ti.item_id = i.id
                         where ti.transfer_id = ?""")
                .params(
                        LocalDate.now(),
                        Bundles.vi(key, placeName, String.valueOf(transferId)),
                        unitId,
                        OffsetDateTime.now(),
                        transferId)
                .update();
    }

    private void audit(long id, String action, long unitId, State state, Place from, Place to, int items) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", state.name());
        after.put("fromPlaceId", from.id());
        after.put("toPlaceId", to.id());
        after.put("items", items);
        events.publishEvent(DomainChange.created(ENTITY, id, unitId, after).withAction(action));
    }

    private Optional<Transfer> load(long id) {
        record Row(
                long id,
                long from,
                long to,
                String state,
                String note,
                OffsetDateTime sentAt,
                String sentBy,
                OffsetDateTime closedAt,
                String closedBy) {}
        return jdbc.sql("""
                        select id, from_place_id, to_place_id, state, note, sent_at, sent_by_name, closed_at,
                               closed_by_name
                          from inventory_transfer where id = ?""")
                .param(id)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class),
                        rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class),
                        rs.getString(9)))
                .optional()
                .map(r -> new Transfer(
                        r.id(),
                        places.find(r.from()).orElseThrow(),
                        places.find(r.to()).orElseThrow(),
                        State.valueOf(r.state()),
                        jdbc.sql("""
                                        select i.tag from inventory_transfer_item ti
                                          join inventory_item i on i.id = ti.item_id
                                         where ti.transfer_id = ? order by ti.id""").param(r.id()).query(String.class).list(),
                        connections.of(r.id()),
                        r.note(),
                        r.sentAt(),
                        r.sentBy(),
                        r.closedAt(),
                        r.closedBy()));
    }
}
