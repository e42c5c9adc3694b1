package vn.cungem.donation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.shared.Money;
import vn.cungem.shared.jdbc.MoneyColumns;

/**
 * What the public tracking page may read of a pledge or a receipt by its code: what was pledged, when and where it
 * arrived. Never the donor, never a note (a note may name a child), never who received the goods. The transparency
 * module reads donation's rows only through this.
 */
@Service
@Transactional(readOnly = true)
public class PublicTracking {

    public record Goods(ItemType type, int quantity, ItemCondition condition) {}

    public record Arrival(
            String receiptCode, LocalDate receivedOn, String pointName, String unitName, List<Goods> goods) {}

    public record TrackedPledge(
            long id,
            String code,
            String campaignName,
            OffsetDateTime createdAt,
            String status,
            Money cashPledgedVnd,
            Money cashReceivedVnd,
            boolean wantsCertificate,
            List<Goods> pledged,
            List<Arrival> arrivals) {}

    public record TrackedReceipt(long id, String code, String campaignName, List<Arrival> arrivals) {}

    private final JdbcClient jdbc;
    private final Campaigns campaigns;

    PublicTracking(JdbcClient jdbc, Campaigns campaigns) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    public Optional<TrackedPledge> pledge(String code) {
        return jdbc.sql("""
                        select p.id, p.code, p.campaign_id, p.created_at, p.status, p.cash_amount_vnd,
                               p.cash_received_vnd, p.wants_certificate
                          from pledge p where p.code = ?""")
                .param(code)
                .query((rs, n) -> new TrackedPledge(
                        rs.getLong(1),
                        rs.getString(2),
                        campaigns.nameOf(rs.getLong(3)),
                        rs.getObject(4, OffsetDateTime.class),
                        rs.getString(5),
                        MoneyColumns.nullableMoney(rs, "cash_amount_vnd"),
                        MoneyColumns.money(rs, "cash_received_vnd"),
                        rs.getBoolean(8),
                        List.of(),
                        List.of()))
                .optional()
                .map(p -> new TrackedPledge(
                        p.id(),
                        p.code(),
                        p.campaignName(),
                        p.createdAt(),
                        p.status(),
                        p.cashPledgedVnd(),
                        p.cashReceivedVnd(),
                        p.wantsCertificate(),
                        goods("pledge_line", "pledge_id", p.id()),
                        arrivals("r.pledge_id = ?", p.id())));
    }

    public Optional<TrackedReceipt> receipt(String code) {
        return jdbc.sql("select r.id, r.campaign_id from receipt r where r.code = ?")
                .param(code)
                .query((rs, n) -> new TrackedReceipt(
                        rs.getLong(1), code, campaigns.nameOf(rs.getLong(2)), arrivals("r.id = ?", rs.getLong(1))))
                .optional();
    }

    private List<Arrival> arrivals(String condition, long id) {
        record Row(long id, String code, LocalDate receivedOn, String pointName, String unitName) {}
        return jdbc
                .sql("""
                        select r.id, r.code, r.received_on, p.name, u.name
                          from receipt r join collection_point p on p.id = r.collection_point_id
                          join org_unit u on u.id = p.unit_id""" + " where " + condition + " order by r.received_on, r.id")
                .param(id)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        rs.getString(5)))
                .list()
                .stream()
                .map(r -> new Arrival(
                        r.code(),
                        r.receivedOn(),
                        r.pointName(),
                        r.unitName(),
                        goods("receipt_line", "receipt_id", r.id())))
                .toList();
    }

    private List<Goods> goods(String table, String owner, long ownerId) {
        return jdbc.sql("select item_type, quantity, item_condition from " + table + " where " + owner
                        + " = ? order by ordinal")
                .param(ownerId)
                .query((rs, n) -> new Goods(
                        ItemType.valueOf(rs.getString(1)), rs.getInt(2), ItemCondition.valueOf(rs.getString(3))))
                .list();
    }
}
