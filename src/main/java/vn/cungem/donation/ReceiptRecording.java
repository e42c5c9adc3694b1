package vn.cungem.donation;

import static vn.cungem.donation.ReceiptRules.blankToNull;
import static vn.cungem.donation.ReceiptRules.invalid;
import static vn.cungem.donation.ReceiptRules.limit;
import static vn.cungem.donation.ReceiptRules.validLines;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.donation.Receipts.NewReceipt;
import vn.cungem.donation.Receipts.PledgeToReceive;
import vn.cungem.donation.Receipts.Point;
import vn.cungem.donation.Receipts.Receipt;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;

/** Writing a receipt once: its lines, the donor, the event inventory turns into items, the pledge's progress. */
@Component
class ReceiptRecording {

    private final JdbcClient jdbc;
    private final ReceivingPoints points;
    private final ReceiptQueries queries;
    private final Donors donors;
    private final PledgeProgress progress;
    private final ApplicationEventPublisher events;

    ReceiptRecording(
            JdbcClient jdbc,
            ReceivingPoints points,
            ReceiptQueries queries,
            Donors donors,
            PledgeProgress progress,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.points = points;
        this.queries = queries;
        this.donors = donors;
        this.progress = progress;
        this.events = events;
    }

    Receipt record(long campaignId, NewReceipt in, Caller caller) {
        String key = blankToNull(in.idempotencyKey());
        if (key != null && key.length() > 64) {
            throw invalid("receipt.key");
        }
        if (key != null) {
            Optional<Long> existing = byKey(key);
            if (existing.isPresent()) {
                return queries.get(campaignId, existing.get(), caller);
            }
        }
        if (in.collectionPointId() == null) {
            throw invalid("receipt.point");
        }
        Point point = points.point(campaignId, in.collectionPointId(), caller);
        List<GoodsLine> lines = validLines(in.lines());
        LocalDate receivedOn = in.receivedOn() == null ? LocalDate.now() : in.receivedOn();
        if (receivedOn.isAfter(LocalDate.now().plusDays(1))) {
            throw invalid("receipt.date");
        }
        String note = limit(VietnameseText.tidy(in.note()), 1000, "receipt.note", "receipt.note");

        Long pledgeId = null;
        long donorId;
        if (blankToNull(in.pledgeCode()) != null) {
            PledgeToReceive pledge = queries.pledgeByCode(campaignId, in.pledgeCode(), caller)
                    .orElseThrow(() -> InvalidValueException.of("receipt.pledge-unknown", "receipt.pledge.notFound"));
            if (PledgeStatus.CANCELLED.name().equals(pledge.status())) {
                throw ConflictException.of("receipt.pledge-cancelled", "receipt.error.pledge-cancelled");
            }
            pledgeId = pledge.id();
            donorId = jdbc.sql("select donor_id from pledge where id = ?")
                    .param(pledgeId)
                    .query(Long.class)
                    .single();
        } else {
            donorId = donors.walkIn(in.walkIn());
        }

        OffsetDateTime now = OffsetDateTime.now();
        String code = newCode();
        jdbc.sql("""
                        insert into receipt (code, campaign_id, collection_point_id, pledge_id, donor_id, received_on,
                                             received_by_account_id, received_by_name, note, idempotency_key,
                                             created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        code,
                        campaignId,
                        point.id(),
                        pledgeId,
                        donorId,
                        receivedOn,
                        caller.accountId(),
                        caller.displayName(),
                        note,
                        key,
                        now)
                .update();
        long receiptId = jdbc.sql("select id from receipt where code = ?")
                .param(code)
                .query(Long.class)
                .single();
        int ordinal = 0;
        for (GoodsLine l : lines) {
            jdbc.sql("""
                            insert into receipt_line (receipt_id, item_type, quantity, item_condition, accessories,
                                                      description, serial_numbers, ordinal)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            receiptId,
                            l.type().name(),
                            l.quantity(),
                            l.condition().name(),
                            l.accessories(),
                            l.description(),
                            l.serialNumbers().isEmpty() ? null : String.join(",", l.serialNumbers()),
                            ordinal++)
                    .update();
        }
        events.publishEvent(new GoodsReceived(
                receiptId, code, campaignId, point.id(), point.unitId(), pledgeId, receivedOn, lines));
        if (pledgeId != null) {
            progress.recompute(pledgeId);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("code", code);
        after.put("collectionPointId", point.id());
        after.put("pledgeId", pledgeId);
        after.put("receivedOn", receivedOn.toString());
        after.put(
                "lines",
                lines.stream()
                        .map(l -> l.type().name() + " x" + l.quantity() + " "
                                + l.condition().name())
                        .toList());
        events.publishEvent(DomainChange.created(Receipts.ENTITY, receiptId, point.unitId(), after));
        return queries.get(campaignId, receiptId, caller);
    }

    Optional<Long> byKey(String key) {
        return jdbc.sql("select id from receipt where idempotency_key = ?")
                .param(key)
                .query(Long.class)
                .optional();
    }

    private String newCode() {
        for (int attempt = 0; attempt < 10; attempt++) {
            String code = TrackingCode.generate(TrackingCode.RECEIPT).value();
            if (jdbc.sql("select count(*) from receipt where code = ?")
                            .param(code)
                            .query(Long.class)
                            .single()
                    == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no free receipt code after 10 attempts");
    }
}
