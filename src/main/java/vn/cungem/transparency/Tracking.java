package vn.cungem.transparency;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.TrackingCode;
import vn.cungem.inventory.Inventory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;

/**
 * What the public may know about a gift by its tracking code: what was pledged, when and where it arrived, and each
 * device's journey by status, unit and date. Never the donor's contact details, never a note (a note may name a
 * child), never who received a device.
 */
@Service
public class Tracking {

    private final JdbcClient jdbc;
    private final Inventory inventory;

    Tracking(JdbcClient jdbc, Inventory inventory) {
        this.jdbc = jdbc;
        this.inventory = inventory;
    }

    public enum Kind {
        PLEDGE,
        RECEIPT,
        DEVICE
    }

    public record Goods(ItemType type, int quantity, ItemCondition condition) {}

    public record Arrival(
            String receiptCode, LocalDate receivedOn, String pointName, String unitName, List<Goods> goods) {}

    public record Step(LocalDate on, String status, String unitName) {}

    public record Device(String tag, ItemType type, ItemCondition condition, String status, List<Step> journey) {}

    public record Journey(
            Kind kind,
            String code,
            String campaignName,
            LocalDate pledgedOn,
            String pledgeStatus,
            List<Goods> pledged,
            Long cashPledgedVnd,
            long cashReceivedVnd,
            List<Arrival> arrivals,
            List<Device> devices,
            boolean certificateAvailable) {}

    /** The journey for a code, or 404 for an unknown or malformed one (the same answer, so codes cannot be probed). */
    public Journey track(String typed) {
        TrackingCode code;
        try {
            code = TrackingCode.parse(typed);
        } catch (InvalidValueException e) {
            throw new NotFoundException("tracking_code", "?");
        }
        Optional<Journey> j = switch (code.prefix()) {
            case TrackingCode.PLEDGE -> pledge(code.value());
            case TrackingCode.RECEIPT -> receipt(code.value());
            default -> device(code.value());
        };
        return j.orElseThrow(() -> new NotFoundException("tracking_code", code.value()));
    }

    private record PledgeRow(
            long id,
            String code,
            String campaign,
            OffsetDateTime created,
            String status,
            Long cash,
            long cashReceived,
            boolean wantsCertificate) {}

    private Optional<Journey> pledge(String code) {
        return jdbc.sql("""
                        select p.id, p.code, c.name, p.created_at, p.status, p.cash_amount_vnd, p.cash_received_vnd,
                               p.wants_certificate
                          from pledge p join campaign c on c.id = p.campaign_id where p.code = ?""")
                .param(code)
                .query((rs, n) -> new PledgeRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class),
                        rs.getString(5),
                        rs.getObject(6, Long.class),
                        rs.getLong(7),
                        rs.getBoolean(8)))
                .optional()
                .map(p -> {
                    List<Goods> pledged = jdbc.sql(
                                    "select item_type, quantity, item_condition from pledge_line where pledge_id = ? order by ordinal")
                            .param(p.id())
                            .query((rs, n) -> new Goods(
                                    ItemType.valueOf(rs.getString(1)),
                                    rs.getInt(2),
                                    ItemCondition.valueOf(rs.getString(3))))
                            .list();
                    List<Arrival> arrivals = arrivals("r.pledge_id = ?", p.id());
                    boolean anything = p.cashReceived() > 0 || !arrivals.isEmpty();
                    return new Journey(
                            Kind.PLEDGE,
                            p.code(),
                            p.campaign(),
                            p.created() == null
                                    ? null
                                    : p.created()
                                            .atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                                            .toLocalDate(),
                            p.status(),
                            pledged,
                            p.cash(),
                            p.cashReceived(),
                            arrivals,
                            devices(inventory.itemsOfPledge(p.id())),
                            p.wantsCertificate() && anything);
                });
    }

    private Optional<Journey> receipt(String code) {
        return jdbc.sql("""
                        select r.id, c.name from receipt r join campaign c on c.id = r.campaign_id where r.code = ?""")
                .param(code)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .optional()
                .map(row -> {
                    long id = (Long) row[0];
                    return new Journey(
                            Kind.RECEIPT,
                            code,
                            (String) row[1],
                            null,
                            null,
                            List.of(),
                            null,
                            0,
                            arrivals("r.id = ?", id),
                            devices(inventory.itemsOfReceipt(id)),
                            false);
                });
    }

    private Optional<Journey> device(String tag) {
        return inventory.byTag(tag).map(item -> {
            String campaign = jdbc.sql("select name from campaign where id = ?")
                    .param(item.campaignId())
                    .query(String.class)
                    .single();
            return new Journey(
                    Kind.DEVICE,
                    tag,
                    campaign,
                    null,
                    null,
                    List.of(),
                    null,
                    0,
                    List.of(),
                    devices(List.of(item)),
                    false);
        });
    }

    private List<Arrival> arrivals(String condition, long id) {
        List<Object[]> rows = jdbc.sql("""
                        select r.id, r.code, r.received_on, p.name, u.name
                          from receipt r join collection_point p on p.id = r.collection_point_id
                          join administrative_unit u on u.id = p.unit_id""" + " where " + condition + " order by r.received_on, r.id")
                .param(id)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5)
                })
                .list();
        return rows.stream()
                .map(r -> new Arrival(
                        (String) r[1],
                        (LocalDate) r[2],
                        (String) r[3],
                        (String) r[4],
                        jdbc.sql(
                                        "select item_type, quantity, item_condition from receipt_line where receipt_id = ? order by ordinal")
                                .param((Long) r[0])
                                .query((rs, n) -> new Goods(
                                        ItemType.valueOf(rs.getString(1)),
                                        rs.getInt(2),
                                        ItemCondition.valueOf(rs.getString(3))))
                                .list()))
                .toList();
    }

    private List<Device> devices(List<Inventory.Item> items) {
        return items.stream()
                .limit(500)
                .map(i -> new Device(
                        i.tag(),
                        i.type(),
                        i.condition(),
                        i.status(),
                        inventory.events(i.id()).stream()
                                .map(e -> new Step(e.occurredOn(), e.status(), e.unitName()))
                                .toList()))
                .toList();
    }
}
