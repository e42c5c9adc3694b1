package vn.cungem.donation.receiving;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.Receipts;
import vn.cungem.donation.Receipts.Receipt;
import vn.cungem.donation.pdf.PdfRenderer;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.Money;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.jdbc.MoneyColumns;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.web.PublicAddress;
import vn.cungem.shared.web.Views;

/** The printed receipt (biên nhận) and the thank-you certificate (giấy chứng nhận), both in Vietnamese. */
@Component
class DonationDocuments {

    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    private final PdfRenderer pdf;
    private final JdbcClient jdbc;
    private final UnitScopes scopes;
    private final Views views;
    private final Campaigns campaigns;
    private final PublicAddress address;

    DonationDocuments(
            PdfRenderer pdf,
            JdbcClient jdbc,
            UnitScopes scopes,
            Views views,
            Campaigns campaigns,
            PublicAddress address) {
        this.pdf = pdf;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.views = views;
        this.campaigns = campaigns;
        this.address = address;
    }

    String trackingUrl(String code) {
        return address.link("/public/track/" + code);
    }

    record Row(String type, int quantity, String condition, String accessories, String description, String tags) {}

    byte[] receiptPdf(Receipt r, List<String> tagsInOrder) {
        Map<String, Object> m = new HashMap<>();
        m.put("r", r);
        m.put("unitName", r.point().unitName());
        m.put("date", views.date(r.receivedOn()));
        List<Row> rows = new ArrayList<>();
        int next = 0;
        for (Receipts.ReceiptLine l : r.lines()) {
            String tags = "";
            if (vn.cungem.donation.GoodsLine.isTagged(l.type())) {
                int end = Math.min(tagsInOrder.size(), next + l.quantity());
                tags = String.join(", ", tagsInOrder.subList(Math.min(next, end), end));
                next = end;
            }
            rows.add(new Row(
                    l.type().nameVi(), l.quantity(), l.condition().nameVi(), l.accessories(), l.description(), tags));
        }
        m.put("rows", rows);
        String url = trackingUrl(r.trackingCode());
        m.put("trackingUrl", url);
        m.put("qr", PdfRenderer.qrDataUri(url));
        return pdf.render("pdf/receipt", m, VI);
    }

    record Pledge(
            long id,
            String code,
            long campaignId,
            String campaignName,
            String organiserName,
            long organiserId,
            Long pointUnitId,
            String donorName,
            boolean anonymous,
            boolean wantsCertificate,
            Money cashReceived) {}

    Pledge pledge(long pledgeId) {
        return jdbc.sql("""
                        select p.id, p.code, p.campaign_id, null, null, null, cp.unit_id, d.name, d.anonymous,
                               p.wants_certificate, p.cash_received_vnd
                          from pledge p
                          join donor d on d.id = p.donor_id
                          left join collection_point cp on cp.id = p.collection_point_id
                         where p.id = ?""")
                .param(pledgeId)
                .query((rs, n) -> new Pledge(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getObject(7, Long.class),
                        rs.getString(8),
                        rs.getBoolean(9),
                        rs.getBoolean(10),
                        MoneyColumns.money(rs, 11)))
                .optional()
                .map(this::withCampaign)
                .orElseThrow(() -> new NotFoundException("pledge", pledgeId));
    }

    /** The campaign's name and organiser come from the campaign module, not its table. */
    private Pledge withCampaign(Pledge p) {
        Campaign campaign = campaigns.find(p.campaignId()).orElseThrow(() -> new NotFoundException("pledge", p.id()));
        return new Pledge(
                p.id(),
                p.code(),
                p.campaignId(),
                campaign.name(),
                campaign.organisingUnit().name(),
                campaign.organisingUnit().id(),
                p.pointUnitId(),
                p.donorName(),
                p.anonymous(),
                p.wantsCertificate(),
                p.cashReceived());
    }

    Long pledgeIdByCode(String code) {
        return jdbc.sql("select id from pledge where code = ?")
                .param(code)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** Managers of the organising unit or of the collection point's unit. */
    void requireManager(Pledge p, Caller caller) {
        boolean ok = caller.isAdmin()
                || (caller.is(Role.PROGRAMME_MANAGER)
                        && (scopes.covers(caller, p.organiserId())
                                || (p.pointUnitId() != null && scopes.covers(caller, p.pointUnitId()))));
        if (!ok) {
            throw new NotFoundException("pledge", p.id());
        }
    }

    record Given(String type, long quantity) {}

    List<Given> given(long pledgeId) {
        return jdbc.sql("""
                        select l.item_type, sum(l.quantity) from receipt_line l join receipt r on r.id = l.receipt_id
                         where r.pledge_id = ? group by l.item_type order by l.item_type""")
                .param(pledgeId)
                .query((rs, n) -> new Given(ItemType.valueOf(rs.getString(1)).nameVi(), rs.getLong(2)))
                .list();
    }

    LocalDate lastReceived(long pledgeId) {
        return jdbc.sql("select max(received_on) from receipt where pledge_id = ?")
                .param(pledgeId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .optional()
                .orElse(null);
    }

    boolean anythingReceived(Pledge p) {
        return p.cashReceived().isPositive() || !given(p.id()).isEmpty();
    }

    byte[] certificatePdf(Pledge p) {
        Map<String, Object> m = new HashMap<>();
        m.put("p", p);
        m.put("donorName", p.anonymous() ? Receipts.ANONYMOUS_VI : p.donorName());
        m.put("given", given(p.id()));
        m.put("cash", p.cashReceived().isPositive() ? views.vnd(p.cashReceived()) : null);
        LocalDate last = lastReceived(p.id());
        m.put("date", views.date(last == null ? LocalDate.now() : last));
        m.put("today", views.date(LocalDate.now()));
        String url = trackingUrl(p.code());
        m.put("trackingUrl", url);
        m.put("qr", PdfRenderer.qrDataUri(url));
        return pdf.render("pdf/certificate", m, VI);
    }
}
