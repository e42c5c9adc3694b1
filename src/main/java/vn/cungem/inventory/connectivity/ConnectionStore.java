package vn.cungem.inventory.connectivity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import vn.cungem.shared.security.Caller;

/** The SQL of connections and their history, in one place: rows in, records out, no decisions. */
@Component
class ConnectionStore {

    static final String SELECT = """
            select c.id, c.kind, c.operator, c.phone_number, c.serial, c.package_name, c.allowance_gb, c.activated_on,
                   c.expires_on, c.status, c.problem_reason, c.note, c.campaign_id, c.unit_id, c.partner_id,
                   c.place_id, c.paired_item_id, i.tag, c.paired_at, c.version
              from inventory_connection c
              left join inventory_item i on i.id = c.paired_item_id
            """;

    /** Where the connection came from: its campaign, owning unit, operator partner and place. */
    record Owner(long campaignId, long unitId, Long partnerId, Long placeId) {}

    /** A line of history as pages and the API show it. */
    record Line(
            OffsetDateTime at,
            String action,
            ConnectionStatus from,
            ConnectionStatus to,
            String reason,
            String itemTag,
            String actor,
            boolean fromFile) {}

    private final JdbcClient jdbc;

    ConnectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Connection> find(long id) {
        return jdbc.sql(SELECT + " where c.id = ?")
                .param(id)
                .query(ConnectionStore::row)
                .optional();
    }

    List<Connection> where(String where, Object... params) {
        return jdbc.sql(SELECT + " where " + where)
                .params(java.util.Arrays.asList(params))
                .query(ConnectionStore::row)
                .list();
    }

    /** How many rows {@code where} selects, counted up to {@code cap}. */
    long count(String where, long cap, Object... params) {
        java.util.List<Object> all = new java.util.ArrayList<>(java.util.Arrays.asList(params));
        all.add(cap);
        return jdbc.sql("select count(*) from (select 1 from inventory_connection c where " + where
                        + " fetch first ? rows only) x")
                .params(all)
                .query(Long.class)
                .single();
    }

    /** The one already recorded with this number or serial (either may be null). */
    Optional<Connection> sameAs(String phone, String serial) {
        return where("c.phone_number = ? or c.serial = ? order by c.id fetch first 1 rows only", phone, serial).stream()
                .findFirst();
    }

    long insert(Draft d, Owner owner, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into inventory_connection (kind, operator, phone_number, serial, package_name,
                                allowance_gb, activated_on, expires_on, status, problem_reason, note, campaign_id,
                                unit_id, partner_id, place_id, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        d.kind().name(),
                        d.operator().name(),
                        d.phoneNumber(),
                        d.serial(),
                        d.packageName(),
                        d.allowanceGb(),
                        d.activatedOn(),
                        d.expiresOn(),
                        d.status().name(),
                        d.problemReason(),
                        d.note(),
                        owner.campaignId(),
                        owner.unitId(),
                        owner.partnerId(),
                        owner.placeId(),
                        now,
                        now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The new status where the version is still the one read; false when someone changed it meanwhile. */
    boolean setStatus(
            Connection c,
            ConnectionStatus to,
            String reason,
            LocalDate activated,
            LocalDate expires,
            OffsetDateTime now) {
        return jdbc.sql("""
                        update inventory_connection set status = ?, problem_reason = ?, activated_on = ?,
                               expires_on = ?, updated_at = ?, version = version + 1
                         where id = ? and version = ?""")
                        .params(to.name(), reason, activated, expires, now, c.id(), c.version())
                        .update()
                == 1;
    }

    boolean setPairing(Connection c, Long itemId, OffsetDateTime now) {
        return jdbc.sql("""
                        update inventory_connection set paired_item_id = ?, paired_at = ?, updated_at = ?,
                               version = version + 1
                         where id = ? and version = ?""")
                        .params(itemId, itemId == null ? null : now, now, c.id(), c.version())
                        .update()
                == 1;
    }

    /** Which connection a key's history line wrote, when the request was made before. */
    Optional<Long> byKey(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select connection_id from inventory_connection_history where idempotency_key = ?")
                .param(key)
                .query(Long.class)
                .optional();
    }

    void history(
            long connectionId,
            String action,
            ConnectionStatus from,
            ConnectionStatus to,
            String reason,
            Long itemId,
            Long uploadId,
            String key,
            Caller caller,
            OffsetDateTime now) {
        jdbc.sql("""
                        insert into inventory_connection_history (connection_id, action, from_status, to_status,
                                reason, item_id, upload_id, account_id, actor_name, idempotency_key, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        connectionId,
                        action,
                        from == null ? null : from.name(),
                        to == null ? null : to.name(),
                        reason,
                        itemId,
                        uploadId,
                        caller.accountId(),
                        caller.displayName(),
                        key == null || key.isBlank() ? null : key,
                        now)
                .update();
    }

    List<Line> lines(long connectionId) {
        return jdbc.sql("""
                        select h.created_at, h.action, h.from_status, h.to_status, h.reason, i.tag, h.actor_name,
                               h.upload_id
                          from inventory_connection_history h
                          left join inventory_item i on i.id = h.item_id
                         where h.connection_id = ? order by h.id""")
                .param(connectionId)
                .query((rs, n) -> new Line(
                        rs.getObject(1, OffsetDateTime.class),
                        rs.getString(2),
                        status(rs.getString(3)),
                        status(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8) != null))
                .list();
    }

    private static ConnectionStatus status(String s) {
        return s == null ? null : ConnectionStatus.valueOf(s);
    }

    static Connection row(ResultSet rs, int n) throws SQLException {
        return new Connection(
                rs.getLong(1),
                ConnectionKind.valueOf(rs.getString(2)),
                Operator.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getBigDecimal(7),
                rs.getObject(8, LocalDate.class),
                rs.getObject(9, LocalDate.class),
                ConnectionStatus.valueOf(rs.getString(10)),
                rs.getString(11),
                rs.getString(12),
                rs.getLong(13),
                rs.getLong(14),
                rs.getObject(15, Long.class),
                rs.getObject(16, Long.class),
                rs.getObject(17, Long.class),
                rs.getString(18),
                rs.getObject(19, OffsetDateTime.class),
                rs.getInt(20));
    }
}
