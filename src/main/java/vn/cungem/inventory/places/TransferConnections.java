package vn.cungem.inventory.places;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.Bundles;

/**
 * The SIMs, data packages and Wi-Fi devices of a transfer (V311), named by subscriber number or ICCID/serial. Each is
 * claimed by one conditional update, as devices are, so two transfers cannot both carry one, and each move writes a
 * line in its history.
 */
@Repository
class TransferConnections {

    private final JdbcClient jdbc;

    TransferConnections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Numbers and serials as typed or scanned: spaces and dots dropped, upper case, each once. */
    static List<String> codes(List<String> typed) {
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        if (typed != null) {
            for (String s : typed) {
                if (s != null && !s.isBlank()) {
                    codes.add(s.replaceAll("[\\s.]+", "").toUpperCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(codes);
    }

    /**
     * Claims each for the transfer at the sending place, or refuses the whole transfer naming the first missing; then
     * the SIMs and Wi-Fi devices paired with the transfer's devices that stand at the same place go with them, named or
     * not (a SIM left behind by its laptop would be handed over apart from it). Returns how many the transfer carries.
     */
    int claim(long transferId, List<String> codes, Place from, OffsetDateTime now, Caller caller) {
        for (String code : codes) {
            int claimed =
                    jdbc.sql("""
                            update inventory_connection set transfer_id = ?, updated_at = ?, version = version + 1
                             where (phone_number = ? or serial = ?) and place_id = ? and transfer_id is null""").params(transferId, now, code, code, from.id()).update();
            if (claimed == 0) {
                throw ConflictException.of("transfer.connection", "transfer.error.connection", code, from.name());
            }
        }
        jdbc.sql("""
                        update inventory_connection set transfer_id = ?, updated_at = ?, version = version + 1
                         where paired_item_id in (select i.id from inventory_item i where i.transfer_id = ?)
                           and place_id = ? and transfer_id is null""").params(transferId, now, transferId, from.id()).update();
        return jdbc.sql("insert into inventory_transfer_connection (transfer_id, connection_id)"
                        + " select ?, id from inventory_connection where transfer_id = ?")
                .params(transferId, transferId)
                .update();
    }

    /** At the receiver, under the receiver's unit (so its people see them and the sender's stop counting them). */
    void receive(long transferId, Place to, OffsetDateTime now) {
        jdbc.sql("""
                        update inventory_connection set place_id = ?, unit_id = ?, transfer_id = null, updated_at = ?,
                                                        version = version + 1
                         where transfer_id = ?""").params(to.id(), to.unitId(), now, transferId).update();
    }

    void release(long transferId, OffsetDateTime now) {
        jdbc.sql("update inventory_connection set transfer_id = null, updated_at = ?, version = version + 1"
                        + " where transfer_id = ?")
                .params(now, transferId)
                .update();
    }

    /** A line in the history of each connection of the transfer, worded as the devices' lines are. */
    void history(long transferId, String key, String placeName, Caller caller, OffsetDateTime now) {
        jdbc.sql("""
                        insert into inventory_connection_history (connection_id, action, from_status, to_status, reason,
                                                                  account_id, actor_name, created_at)
                        select c.id, 'TRANSFER', c.status, c.status, ?, ?, ?, ? from inventory_connection c
                          join inventory_transfer_connection tc on tc.connection_id = c.id
                         where tc.transfer_id = ?""")
                .params(
                        Bundles.vi(key, placeName, String.valueOf(transferId)),
                        caller.accountId(),
                        caller.displayName(),
                        now,
                        transferId)
                .update();
    }

    /** The transfer's connections by number (or serial when it has none), in the order they were claimed. */
    List<String> of(long transferId) {
        return jdbc.sql("""
                        select coalesce(c.phone_number, c.serial) from inventory_transfer_connection tc
                          join inventory_connection c on c.id = tc.connection_id
                         where tc.transfer_id = ? order by tc.id""").param(transferId).query(String.class).list();
    }
}
