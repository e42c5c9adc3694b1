package vn.cungem.donation.cash;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.Campaign;
import vn.cungem.donation.PledgeProgress;
import vn.cungem.donation.TrackingCode;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.Money;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.jdbc.MoneyColumns;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;

/**
 * What a person does with a line the import left unmatched: names the pledge it pays, records it as a gift without a
 * pledge, posts a debit with its reason, or ignores it with a reason. Each takes the campaign's money lock, handles the
 * line once (a line already handled is refused) and is audited.
 */
@Service
public class ManualMatching {

    public static final String LINE_ENTITY = "bank_statement_line";

    /** How a person posts a debit line to the ledger. */
    public enum DebitReason {
        BANK_FEE,
        TRANSFER_OUT,
        PURCHASE
    }

    private record Line(long id, LocalDate bookedOn, Money debit, Money credit, String description, String status) {}

    private final JdbcClient jdbc;
    private final CashAccess access;
    private final LedgerPosting ledger;
    private final PledgeProgress progress;
    private final ApplicationEventPublisher events;

    ManualMatching(
            JdbcClient jdbc,
            CashAccess access,
            LedgerPosting ledger,
            PledgeProgress progress,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.ledger = ledger;
        this.progress = progress;
        this.events = events;
    }

    /** A person tells which pledge an unmatched credit pays (the donor forgot the code, or misspelt it). */
    @Transactional
    public void matchToPledge(long campaignId, long lineId, String pledgeCode, Caller caller) {
        Campaign campaign = access.require(campaignId, caller);
        access.lock(campaignId);
        Line line = unmatchedLine(campaignId, lineId);
        requireCredit(line);
        TrackingCode code = TrackingCode.parse(pledgeCode);
        long pledgeId = jdbc.sql("select id from pledge where code = ? and campaign_id = ? and status <> 'CANCELLED'")
                .params(code.value(), campaignId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> InvalidValueException.of(
                        "statement.pledge-unknown", "cash.error.statement.pledge-unknown", code.value()));
        markLine(lineId, "MATCHED", pledgeId, "MANUAL", null);
        long entryId = post(campaignId, line, "CREDIT", line.credit(), "DONATION", pledgeId, caller);
        progress.recompute(pledgeId);
        publish(campaign, lineId, "MATCHED", Map.of("pledge", code.value(), "ledgerEntryId", entryId), null);
    }

    /** A gift without a pledge: counted as a donation to the campaign, named nowhere. */
    @Transactional
    public void recordUnpledged(long campaignId, long lineId, Caller caller) {
        Campaign campaign = access.require(campaignId, caller);
        access.lock(campaignId);
        Line line = unmatchedLine(campaignId, lineId);
        requireCredit(line);
        markLine(lineId, "MATCHED", null, "MANUAL", null);
        long entryId = post(campaignId, line, "CREDIT", line.credit(), "DONATION", null, caller);
        publish(campaign, lineId, "MATCHED", Map.of("unpledged", true, "ledgerEntryId", entryId), null);
    }

    /** A person posts a debit line (transfer out, purchase paid, a fee the rules did not spot). */
    @Transactional
    public void postDebit(long campaignId, long lineId, DebitReason reason, Caller caller) {
        Campaign campaign = access.require(campaignId, caller);
        access.lock(campaignId);
        Line line = unmatchedLine(campaignId, lineId);
        if (!line.debit().isPositive() || reason == null) {
            throw InvalidValueException.of("statement.not-debit", "cash.error.statement.not-debit");
        }
        markLine(lineId, "MATCHED", null, "MANUAL", null);
        long entryId = post(campaignId, line, "DEBIT", line.debit(), reason.name(), null, caller);
        publish(campaign, lineId, "MATCHED", Map.of("reason", reason.name(), "ledgerEntryId", entryId), null);
    }

    /** Leaves a line out of the ledger, with the reason (e.g. a transfer between the campaign's own accounts). */
    @Transactional
    public void ignore(long campaignId, long lineId, String reason, Caller caller) {
        Campaign campaign = access.require(campaignId, caller);
        String why = VietnameseText.tidy(reason);
        if (why == null || why.length() < 3 || why.length() > 500) {
            throw InvalidValueException.of("statement.ignore-reason", "cash.error.statement.ignore-reason");
        }
        access.lock(campaignId);
        unmatchedLine(campaignId, lineId);
        markLine(lineId, "IGNORED", null, null, why);
        publish(campaign, lineId, "IGNORED", Map.of("status", "IGNORED"), why);
    }

    private Line unmatchedLine(long campaignId, long lineId) {
        Line line = jdbc.sql("""
                        select id, booked_on, debit_vnd, credit_vnd, description, status
                          from bank_statement_line where id = ? and campaign_id = ?""")
                .params(lineId, campaignId)
                .query((rs, n) -> new Line(
                        rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        MoneyColumns.money(rs, 3),
                        MoneyColumns.money(rs, 4),
                        rs.getString(5),
                        rs.getString(6)))
                .optional()
                .orElseThrow(() -> new NotFoundException(LINE_ENTITY, lineId));
        if (!"UNMATCHED".equals(line.status())) {
            throw ConflictException.of("statement.line-handled", "cash.error.statement.line-handled", line.status());
        }
        return line;
    }

    private void markLine(long lineId, String status, Long pledgeId, String method, String reason) {
        int updated = jdbc.sql("""
                        update bank_statement_line set status = ?, pledge_id = ?, match_method = ?, matched_at = ?,
                                                       ignored_reason = ?
                         where id = ? and status = 'UNMATCHED'""")
                .params(status, pledgeId, method, Timestamp.from(Instant.now()), reason, lineId)
                .update();
        if (updated != 1) {
            throw ConflictException.of("statement.line-handled", "cash.error.statement.line-taken");
        }
    }

    private static void requireCredit(Line line) {
        if (!line.credit().isPositive()) {
            throw InvalidValueException.of("statement.not-credit", "cash.error.statement.not-credit");
        }
    }

    private long post(
            long campaignId, Line line, String direction, Money amount, String reason, Long pledgeId, Caller caller) {
        return ledger.postLine(
                campaignId,
                line.id(),
                line.bookedOn(),
                line.description(),
                direction,
                amount,
                reason,
                pledgeId,
                caller);
    }

    private void publish(Campaign campaign, long lineId, String status, Map<String, Object> details, String reason) {
        Map<String, Object> after = new LinkedHashMap<>(details);
        after.put("status", status);
        events.publishEvent(DomainChange.updated(
                LINE_ENTITY, lineId, CashAccess.unitOf(campaign), Map.of("status", "UNMATCHED"), after, reason));
    }
}
