package vn.cungem.inventory.serials;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.donation.DeviceSerial;
import vn.cungem.donation.GoodsLine;
import vn.cungem.donation.RegisteredSerials;
import vn.cungem.inventory.Inventory;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.Bundles;

/**
 * The inventory answers "who already has this serial" across every campaign, from the index on the normalised
 * serial, and records a serial found at inspection. The other device's tag is shown only when the caller's scope
 * covers its unit; otherwise the match says "elsewhere" and nothing more.
 */
@Component
class SerialsFromInventory implements RegisteredSerials {

    static final int LIMIT = 100;

    private final JdbcClient jdbc;
    private final UnitScopes scopes;
    private final Inventory inventory;

    SerialsFromInventory(JdbcClient jdbc, UnitScopes scopes, Inventory inventory) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.inventory = inventory;
    }

    @Override
    public List<Match> find(Collection<String> serials, Caller caller) {
        if (serials.isEmpty()) {
            return List.of();
        }
        record Row(String serial, String tag, long unitId) {}
        return jdbc
                .sql("""
                        select serial_number, tag, unit_id from inventory_item where serial_number in (:serials)
                         order by id fetch first %d rows only""".formatted(LIMIT))
                .param("serials", List.copyOf(new java.util.LinkedHashSet<>(serials)))
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list()
                .stream()
                .map(r -> new Match(r.serial(), scopes.covers(caller, r.unitId()) ? r.tag() : null))
                .toList();
    }

    /** A serial as stored, and the other devices that already hold it. */
    record Recorded(String serial, List<Match> others) {}

    /** Records the serial or IMEI read at inspection. */
    @Transactional
    public Recorded record(String tag, String typed, Caller caller) {
        Inventory.Item item = inventory.byTag(tag, caller);
        if (!GoodsLine.isTagged(item.type())) {
            throw InvalidValueException.of("serial.item-kind", "serial.error.item-kind");
        }
        String serial = DeviceSerial.of(item.type(), typed).value();
        jdbc.sql("update inventory_item set serial_number = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(serial, OffsetDateTime.now(), item.id())
                .update();
        jdbc.sql("""
                        insert into inventory_item_event (item_id, occurred_on, status, note, unit_id, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(
                        item.id(),
                        LocalDate.now(),
                        item.status(),
                        Bundles.vi("serial.history", serial),
                        item.unitId(),
                        OffsetDateTime.now())
                .update();
        return new Recorded(
                serial,
                find(List.of(serial), caller).stream()
                        .filter(m -> !item.tag().equals(m.tag()))
                        .toList());
    }

    /** The API's answer: the matches, worded. */
    static Map<String, Object> answer(String serial, List<Match> others) {
        return Map.of(
                "serial",
                serial,
                "duplicate",
                !others.isEmpty(),
                "others",
                others.stream().map(m -> m.visible() ? m.tag() : "elsewhere").toList());
    }
}
