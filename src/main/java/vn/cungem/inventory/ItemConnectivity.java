package vn.cungem.inventory;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a device goes online with: the SIMs, data packages and Wi-Fi devices paired with it now. Allocation reads it
 * to hand a student the device with its connection; the caller has checked the device's scope.
 */
@Service
public class ItemConnectivity {

    /** One paired connection: kind, operator and status are the names of their constants; allowance in GB a month. */
    public record Paired(
            long connectionId,
            String kind,
            String operator,
            String phoneNumber,
            String serial,
            String status,
            LocalDate expiresOn,
            java.math.BigDecimal allowanceGb) {}

    private final JdbcClient jdbc;

    ItemConnectivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Paired> of(long itemId) {
        return jdbc.sql("""
                        select id, kind, operator, phone_number, serial, status, expires_on, allowance_gb
                          from inventory_connection where paired_item_id = ? order by kind""")
                .param(itemId)
                .query((rs, n) -> new Paired(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, LocalDate.class),
                        rs.getBigDecimal(8)))
                .list();
    }
}
