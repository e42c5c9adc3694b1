package vn.cungem.donation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.shared.Money;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.jdbc.MoneyColumns;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;

/** Reading pledges: what the donor sees by the code, and what the managers who follow them up see. */
@Component
class PledgeQueries {

    /** The list's name in its cursors. */
    private static final String LIST = "pledges";

    private static final String SUMMARY = """
            select p.id, p.code, d.name donor_name, d.kind donor_kind, d.phone, p.status, p.cash_amount_vnd,
                   p.cash_received_vnd, cp.name point_name, p.expected_on, p.created_at,
                   (select coalesce(sum(l.quantity), 0) from pledge_line l where l.pledge_id = p.id) items
              from pledge p join donor d on d.id = p.donor_id
              left join collection_point cp on cp.id = p.collection_point_id
            """;

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final CollectionPoints points;
    private final BankAccounts bankAccounts;
    private final PledgeScope scope;

    PledgeQueries(
            JdbcClient jdbc,
            Campaigns campaigns,
            CollectionPoints points,
            BankAccounts bankAccounts,
            PledgeScope scope) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.points = points;
        this.bankAccounts = bankAccounts;
        this.scope = scope;
    }

    /** What anyone holding the code may see. */
    Optional<PublicPledge> publicView(String code) {
        TrackingCode parsed;
        try {
            parsed = TrackingCode.parse(code);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!TrackingCode.PLEDGE.equals(parsed.prefix())) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select p.id, p.code, p.campaign_id, p.status,
                               p.cash_amount_vnd, p.cash_received_vnd, cp.name point_name, cp.address point_address,
                               cp.opening_hours, p.expected_on, d.name donor_name, d.named_publicly, d.anonymous,
                               p.wants_certificate, p.created_at
                          from pledge p join donor d on d.id = p.donor_id
                          left join collection_point cp on cp.id = p.collection_point_id
                         where p.code = ?""")
                .param(parsed.value())
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    Money cash = MoneyColumns.nullableMoney(rs, "cash_amount_vnd");
                    long campaignId = rs.getLong("campaign_id");
                    Campaign campaign = campaigns.find(campaignId).orElseThrow();
                    return new PublicPledge(
                            rs.getString("code"),
                            campaignId,
                            campaign.code(),
                            campaign.name(),
                            PledgeStatus.valueOf(rs.getString("status")),
                            lines(id),
                            cash,
                            MoneyColumns.money(rs, "cash_received_vnd"),
                            rs.getString("point_name"),
                            rs.getString("point_address"),
                            rs.getString("opening_hours"),
                            rs.getObject("expected_on", LocalDate.class),
                            DonorDetails.publicName(
                                    rs.getString("donor_name"),
                                    rs.getBoolean("named_publicly"),
                                    rs.getBoolean("anonymous")),
                            rs.getBoolean("wants_certificate"),
                            rs.getObject("created_at", OffsetDateTime.class),
                            transfer(campaignId, rs.getString("code"), cash).orElse(null));
                })
                .optional();
    }

    /** Transfer details for a money pledge, when the campaign has a bank account. */
    Optional<TransferDetails> transfer(long campaignId, String code, Money cashAmountVnd) {
        if (cashAmountVnd == null || !cashAmountVnd.isPositive()) {
            return Optional.empty();
        }
        return bankAccounts.of(campaignId).map(a -> {
            String note = VietQr.noteFor(new TrackingCode(code));
            return new TransferDetails(
                    a.bankName(),
                    a.bankBin(),
                    a.accountNumber(),
                    a.accountName(),
                    cashAmountVnd,
                    note,
                    VietQr.payload(a.bankBin(), a.accountNumber(), cashAmountVnd, note));
        });
    }

    /**
     * A campaign's pledges the caller manages, newest first, filtered by status and a folded search on the donor's name
     * or code: the page after or before {@code cursor} (null: the first), by the pledge's id, an index range however
     * deep the page (no offset, no count).
     */
    PledgePage search(long campaignId, PledgeStatus status, String query, Caller caller, String cursor) {
        Campaign campaign = points.requireManagerOf(campaignId, caller);
        ListCursor from = ListCursor.decode(LIST, cursor);
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where p.campaign_id = ?");
        params.add(campaignId);
        where.append(scope.condition(campaign, caller));
        if (status != null) {
            where.append(" and p.status = ?");
            params.add(status.name());
        }
        String folded = VietnameseText.fold(query);
        if (folded != null && !folded.isBlank()) {
            where.append(" and (d.name_folded like ? or p.code = ? or d.phone = ?)");
            params.add(VietnameseText.likeContains(folded));
            params.add(query.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", ""));
            params.add(query.replaceAll("[\\s.]", ""));
        }
        boolean forward = from == null || from.after();
        if (from != null) {
            // newest first: "after" is a smaller id; the id itself need not still pass the filter to be a place to
            // start
            where.append(forward ? " and p.id < ?" : " and p.id > ?");
            params.add(from.id());
        }
        params.add(Pledges.PAGE_SIZE + 1);
        List<PledgeSummary> rows =
                new ArrayList<>(jdbc.sql(SUMMARY + where + " order by p.id " + (forward ? "desc" : "asc") + " limit ?")
                        .params(params)
                        .query(PledgeQueries::summary)
                        .list());
        boolean more = rows.size() > Pledges.PAGE_SIZE;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (!forward) {
            Collections.reverse(rows);
        }
        boolean hasNext = forward ? more : true;
        boolean hasPrevious = forward ? from != null : more;
        String next = hasNext && !rows.isEmpty()
                ? ListCursor.after(LIST, rows.get(rows.size() - 1).id()).encode()
                : null;
        String previous = hasPrevious && !rows.isEmpty()
                ? ListCursor.before(LIST, rows.get(0).id()).encode()
                : null;
        return new PledgePage(rows, 0, Pledges.PAGE_SIZE, next != null, next, previous);
    }

    PledgeDetail detail(long campaignId, long pledgeId, Caller caller) {
        Campaign campaign = points.requireManagerOf(campaignId, caller);
        return jdbc.sql(SUMMARY.replaceFirst(
                                "select ",
                                "select d.email, d.tax_code, d.named_publicly, d.anonymous,"
                                        + " p.wants_certificate, p.note, ")
                        + " where p.campaign_id = ? and p.id = ?"
                        + scope.condition(campaign, caller))
                .params(campaignId, pledgeId)
                .query((rs, n) -> new PledgeDetail(
                        summary(rs, n),
                        rs.getString("email"),
                        rs.getString("tax_code"),
                        rs.getBoolean("named_publicly"),
                        rs.getBoolean("anonymous"),
                        rs.getBoolean("wants_certificate"),
                        rs.getString("note"),
                        lines(pledgeId),
                        receipts(pledgeId),
                        transfers(pledgeId)))
                .optional()
                .orElseThrow(() -> new NotFoundException(Pledges.ENTITY, pledgeId));
    }

    /** Whether the caller may open this pledge's detail (the same rule as {@link #detail}); false when there is none. */
    boolean isVisible(long pledgeId, Caller caller) {
        return jdbc.sql("select campaign_id from pledge where id = ?")
                .param(pledgeId)
                .query(Long.class)
                .optional()
                .filter(campaignId -> isVisible(campaignId, pledgeId, caller))
                .isPresent();
    }

    /** Whether the caller may open at least one pledge this donor made, and so see who the donor is. */
    boolean isDonorVisible(long donorId, Caller caller) {
        return jdbc
                .sql("select id from pledge where donor_id = ? order by id limit 50")
                .param(donorId)
                .query(Long.class)
                .list()
                .stream()
                .anyMatch(pledgeId -> isVisible(pledgeId, caller));
    }

    private boolean isVisible(long campaignId, long pledgeId, Caller caller) {
        if (!Campaigns.canManage(caller) || !campaigns.isVisible(campaignId, caller)) {
            return false;
        }
        Campaign campaign = campaigns.get(campaignId, caller);
        return jdbc.sql("select count(*) from pledge p where p.campaign_id = ? and p.id = ?"
                                + scope.condition(campaign, caller))
                        .params(campaignId, pledgeId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<PledgeLine> lines(long pledgeId) {
        return jdbc.sql("select item_type, quantity, item_condition, accessories, description from pledge_line"
                        + " where pledge_id = ? order by ordinal")
                .param(pledgeId)
                .query((rs, n) -> new PledgeLine(
                        ItemType.valueOf(rs.getString(1)),
                        rs.getInt(2),
                        ItemCondition.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    private List<PledgeDetail.ReceiptRow> receipts(long pledgeId) {
        return jdbc.sql("""
                        select r.code, r.received_on, cp.name,
                               (select coalesce(sum(l.quantity), 0) from receipt_line l where l.receipt_id = r.id)
                          from receipt r join collection_point cp on cp.id = r.collection_point_id
                         where r.pledge_id = ? order by r.received_on, r.id""")
                .param(pledgeId)
                .query((rs, n) -> new PledgeDetail.ReceiptRow(
                        rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getLong(4)))
                .list();
    }

    private List<PledgeDetail.TransferRow> transfers(long pledgeId) {
        return jdbc.sql("""
                        select booked_on, credit_vnd, description, match_method from bank_statement_line
                         where pledge_id = ? and status = 'MATCHED' order by booked_on, id""")
                .param(pledgeId)
                .query((rs, n) -> new PledgeDetail.TransferRow(
                        rs.getObject(1, LocalDate.class), MoneyColumns.money(rs, 2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private static PledgeSummary summary(ResultSet rs, int n) throws SQLException {
        return new PledgeSummary(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("donor_name"),
                DonorKind.valueOf(rs.getString("donor_kind")),
                rs.getString("phone"),
                PledgeStatus.valueOf(rs.getString("status")),
                MoneyColumns.nullableMoney(rs, "cash_amount_vnd"),
                MoneyColumns.money(rs, "cash_received_vnd"),
                rs.getLong("items"),
                rs.getString("point_name"),
                rs.getObject("expected_on", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
