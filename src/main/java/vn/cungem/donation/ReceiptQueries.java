package vn.cungem.donation;

import static vn.cungem.donation.ReceiptRules.blankToNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.Receipts.Page;
import vn.cungem.donation.Receipts.PledgeToReceive;
import vn.cungem.donation.Receipts.Point;
import vn.cungem.donation.Receipts.Receipt;
import vn.cungem.donation.Receipts.ReceiptLine;
import vn.cungem.donation.Receipts.Summary;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;

/** Reading receipts, and the pledge a receiver is about to receive against, as the receiving side may see them. */
@Component
class ReceiptQueries {

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final Pledges pledges;
    private final ReceivingPoints points;

    ReceiptQueries(JdbcClient jdbc, Campaigns campaigns, Pledges pledges, ReceivingPoints points) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.pledges = pledges;
        this.points = points;
    }

    /**
     * The pledge with this code in this campaign, for pre-filling, as a receiver may see it (see the class comment);
     * empty when there is none or the caller receives at no point of the campaign. A pledge of another campaign is
     * refused: goods are received into the campaign the donor pledged to.
     */
    Optional<PledgeToReceive> pledgeByCode(long campaignId, String typedCode, Caller caller) {
        TrackingCode code = TrackingCode.parse(typedCode);
        if (!TrackingCode.PLEDGE.equals(code.prefix())) {
            // the receiving page words the same refusal with this key
            throw InvalidValueException.of("receipt.pledge-code", "receipt.pledge.invalid");
        }
        if (points.pointsFor(campaignId, caller).isEmpty()) {
            return Optional.empty();
        }
        record Found(long id, String status, String name, boolean anonymous, Long pointId, long campaignId) {}
        Optional<Found> found = jdbc.sql("""
                        select p.id, p.status, d.name, d.anonymous, p.collection_point_id, p.campaign_id
                          from pledge p join donor d on d.id = p.donor_id
                         where p.code = ?""")
                .param(code.value())
                .query((rs, n) -> new Found(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getObject(5, Long.class),
                        rs.getLong(6)))
                .optional();
        if (found.isPresent() && found.get().campaignId() != campaignId) {
            throw ConflictException.of("receipt.pledge-other-campaign", "receipt.pledge.otherCampaign");
        }
        return found.map(p -> new PledgeToReceive(
                p.id(),
                code.value(),
                p.status(),
                donorNameFor(p.id(), p.name(), p.anonymous(), caller),
                p.pointId(),
                pledgeLines(p.id())));
    }

    /**
     * The donor's name as the receiving side shows it: anonymous stays anonymous; whoever follows the pledge up (its
     * campaign's or its collection point's managers) sees the name; any other receiver a masked one.
     */
    private String donorNameFor(Long pledgeId, String name, boolean anonymous, Caller caller) {
        if (anonymous) {
            return Receipts.ANONYMOUS_VI;
        }
        if (pledgeId == null || pledges.isVisible(pledgeId, caller)) {
            return name;
        }
        return DonorDetails.maskedName(name);
    }

    /** A pledge's lines as the receiving form pre-fills them: nothing has a serial number yet. */
    private List<ReceiptLine> pledgeLines(long pledgeId) {
        return goods("pledge_line", "pledge_id", "null", pledgeId);
    }

    private List<ReceiptLine> lines(long receiptId) {
        return goods("receipt_line", "receipt_id", "serial_numbers", receiptId);
    }

    private List<ReceiptLine> goods(String table, String owner, String serials, long ownerId) {
        return jdbc.sql("select item_type, quantity, item_condition, accessories, description, " + serials + " from "
                        + table + " where " + owner + " = ? order by ordinal")
                .param(ownerId)
                .query((rs, n) -> new ReceiptLine(
                        ItemType.valueOf(rs.getString(1)),
                        rs.getInt(2),
                        ItemCondition.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6) == null
                                ? List.of()
                                : List.of(rs.getString(6).split(","))))
                .list();
    }

    /** The receipt, when the caller may receive at its collection point; otherwise 404. */
    Receipt get(long campaignId, long receiptId, Caller caller) {
        Receipt r = load(receiptId)
                .filter(x -> x.campaignId() == campaignId)
                .orElseThrow(() -> new NotFoundException(Receipts.ENTITY, receiptId));
        if (!points.mayReceiveAt(caller, r.point())) {
            throw new NotFoundException(Receipts.ENTITY, receiptId);
        }
        if (r.anonymous() || r.pledgeId() == null || pledges.isVisible(r.pledgeId(), caller)) {
            return r;
        }
        return new Receipt(
                r.id(),
                r.code(),
                r.campaignId(),
                r.campaignName(),
                r.point(),
                r.pledgeId(),
                r.pledgeCode(),
                DonorDetails.maskedName(r.donorName()),
                r.anonymous(),
                r.receivedOn(),
                r.receivedByName(),
                r.note(),
                r.lines());
    }

    /** Without a scope check: for documents the system itself renders (the public tracking page reads its own way). */
    Optional<Receipt> load(long receiptId) {
        return jdbc.sql("""
                        select r.id, r.code, r.campaign_id, null, r.collection_point_id, p.name, p.unit_id, null,
                               p.school_id, p.address, r.pledge_id, pl.code, d.name, d.anonymous, r.received_on,
                               r.received_by_name, r.note
                          from receipt r
                          join collection_point p on p.id = r.collection_point_id
                          join donor d on d.id = r.donor_id
                          left join pledge pl on pl.id = r.pledge_id
                         where r.id = ?""")
                .param(receiptId)
                .query((rs, n) -> new Receipt(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        new Point(
                                rs.getLong(5),
                                rs.getString(6),
                                rs.getLong(7),
                                rs.getString(8),
                                rs.getObject(9, Long.class),
                                rs.getString(10)),
                        rs.getObject(11, Long.class),
                        rs.getString(12),
                        rs.getBoolean(14) ? Receipts.ANONYMOUS_VI : rs.getString(13),
                        rs.getBoolean(14),
                        rs.getObject(15, LocalDate.class),
                        rs.getString(16),
                        rs.getString(17),
                        List.of()))
                .optional()
                .map(r -> new Receipt(
                        r.id(),
                        r.code(),
                        r.campaignId(),
                        campaigns.nameOf(r.campaignId()),
                        points.withUnitNames(List.of(r.point())).get(0),
                        r.pledgeId(),
                        r.pledgeCode(),
                        r.donorName(),
                        r.anonymous(),
                        r.receivedOn(),
                        r.receivedByName(),
                        r.note(),
                        lines(r.id())));
    }

    /** Receipts of the campaign at the points the caller may receive at, newest first. */
    Page list(long campaignId, String query, Caller caller, int page) {
        points.requireCampaign(campaignId, caller);
        int p = Math.max(0, page);
        String filter = points.pointFilter(caller, "p");
        String search = blankToNull(query) == null ? null : VietnameseText.likeContains(VietnameseText.fold(query));
        String where = " where r.campaign_id = ? and (" + filter + ")"
                + (search == null
                        ? ""
                        : " and (d.name_folded like ? or lower(r.code) like ? or lower(pl.code) like ?)");
        String from = """
                 from receipt r
                 join collection_point p on p.id = r.collection_point_id
                 join donor d on d.id = r.donor_id
                 left join pledge pl on pl.id = r.pledge_id""";
        List<Object> params = new ArrayList<>();
        params.add(campaignId);
        if (search != null) {
            params.add(search);
            params.add(search);
            params.add(search);
        }
        long total = jdbc.sql("select count(*)" + from + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(p * Receipts.PAGE_SIZE);
        pageParams.add(Receipts.PAGE_SIZE);
        List<Summary> items = jdbc.sql("select r.id, r.code, r.received_on, p.name, d.name, d.anonymous, pl.code,"
                        + " (select coalesce(sum(quantity), 0) from receipt_line l where l.receipt_id = r.id),"
                        + " r.pledge_id "
                        + from + where + " order by r.id desc offset ? rows fetch next ? rows only")
                .params(pageParams)
                .query((rs, n) -> new Summary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        donorNameFor(rs.getObject(9, Long.class), rs.getString(5), rs.getBoolean(6), caller),
                        rs.getString(7),
                        rs.getInt(8)))
                .list();
        return new Page(items, total, p, Receipts.PAGE_SIZE);
    }
}
