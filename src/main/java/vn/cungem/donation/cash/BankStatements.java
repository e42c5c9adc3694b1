package vn.cungem.donation.cash;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.Campaign;
import vn.cungem.donation.PledgeProgress;
import vn.cungem.donation.TrackingCode;
import vn.cungem.donation.cash.BulkWriter.LineRow;
import vn.cungem.donation.cash.Reconciler.Match;
import vn.cungem.donation.cash.Reconciler.OpenPledge;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;

/**
 * Imports a campaign's bank statements and reconciles them: credits to pledges (by code, then by amount and name),
 * bank fees to the ledger; the rest waits in a queue for a person. Lines already imported are recognised by their
 * fingerprint and counted, never inserted twice, so overlapping statements can be imported safely.
 */
@Service
public class BankStatements {

    public static final String IMPORT_ENTITY = "bank_statement_import";
    public static final String LINE_ENTITY = "bank_statement_line";
    public static final int PAGE_SIZE = 50;

    /** What an import did, as the page and the API report it; {@code timingsMs} per phase for the benchmark. */
    public record ImportResult(
            long importId,
            int linesInFile,
            int added,
            int alreadyKnown,
            int matchedByCode,
            int matchedByAmountAndName,
            int bankFeesPosted,
            int unmatched,
            Map<String, Long> timingsMs)
            implements java.io.Serializable {}

    public record LineView(
            long id,
            LocalDate bookedOn,
            String reference,
            long debit,
            long credit,
            Long balance,
            String description,
            String status,
            String matchMethod,
            String pledgeCode,
            String ignoredReason) {}

    public record ImportView(
            long id,
            String fileName,
            int linesInFile,
            int added,
            int alreadyKnown,
            String importedBy,
            OffsetDateTime importedAt) {}

    /** How a person posts a debit line to the ledger. */
    public enum DebitReason {
        BANK_FEE,
        TRANSFER_OUT,
        PURCHASE
    }

    private final JdbcClient jdbc;
    private final BulkWriter writer;
    private final CashAccess access;
    private final PledgeProgress progress;
    private final PledgeCashProgress pledgeProgress;
    private final ApplicationEventPublisher events;

    /** Reads that an import runs beside its own work, each on a connection of its own, a bounded number at once. */
    private final StatementReads background;

    /** A timer per phase of the import ({@code cungem.import.phase}, import=statement), as the map in the result. */
    private final MeterRegistry meters;

    BankStatements(
            JdbcClient jdbc,
            BulkWriter writer,
            CashAccess access,
            PledgeProgress progress,
            PledgeCashProgress pledgeProgress,
            ApplicationEventPublisher events,
            StatementReads background,
            MeterRegistry meters) {
        this.background = background;
        this.meters = meters;
        this.jdbc = jdbc;
        this.writer = writer;
        this.access = access;
        this.progress = progress;
        this.pledgeProgress = pledgeProgress;
        this.events = events;
    }

    /**
     * Reads the whole file first (any bad line rejects it and nothing is written), then in one transaction adds the
     * lines not seen before and reconciles them.
     */
    @Transactional
    public ImportResult importStatement(long campaignId, String fileName, byte[] content, Caller caller) {
        Campaign campaign = access.require(campaignId, caller);
        Map<String, Long> timings = new LinkedHashMap<>();
        long t = System.nanoTime();
        // Taken first so the campaign's open pledges can be read while the file is parsed: with the lock held, no
        // other import or manual match changes what the pledges still expect. The read runs on a connection of its
        // own, so it sees only committed data, which is all there is to see at this point (when every reading thread
        // is busy it runs here, before the parse, on this transaction's connection, which has written nothing yet).
        access.lockForImport(campaignId);
        CompletableFuture<List<OpenPledge>> open =
                CompletableFuture.supplyAsync(() -> openPledges(campaignId), background::execute);
        List<StatementLine> lines;
        try {
            lines = StatementParser.parse(content);
        } catch (RuntimeException e) {
            open.cancel(false);
            throw e;
        }
        t = lap(timings, "parse", t);

        // Folding and hashing are per line and independent: spread over the cores; the rest stays in file order.
        String[] fullyFolded = new String[lines.size()];
        IntStream.range(0, lines.size())
                .parallel()
                .forEach(i -> fullyFolded[i] = lines.get(i).descriptionFolded());
        List<String> fingerprints = fingerprints(lines, fullyFolded);
        LocalDate from = lines.stream()
                .map(StatementLine::bookedOn)
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate to = lines.stream()
                .map(StatementLine::bookedOn)
                .max(LocalDate::compareTo)
                .orElseThrow();
        Set<String> known = new HashSet<>(
                jdbc.sql("""
                        select fingerprint from bank_statement_line
                         where campaign_id = ? and booked_on between ? and ?""").params(campaignId, from, to).query(String.class).list());
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!known.contains(fingerprints.get(i))) {
                fresh.add(i);
            }
        }
        t = lap(timings, "fingerprintCheck", t);

        // Microseconds, as both databases store them, so both writers keep the same value.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long importId = insertImport(campaignId, fileName, content, lines.size(), fresh.size(), caller, now);
        Reconciler reconciler;
        try {
            reconciler = new Reconciler(open.join());
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        t = lap(timings, "openPledges", t);

        // Each line is matched in memory and handed to the writer in its final state; on PostgreSQL the writer's
        // COPY is already storing the first lines while the later ones are matched.
        Set<Long> touchedPledges = new LinkedHashSet<>();
        int byCode = 0;
        int byName = 0;
        int fees = 0;
        try (BulkWriter.LineSink sink = writer.lines()) {
            for (int i : fresh) {
                StatementLine l = lines.get(i);
                String folded = truncate(fullyFolded[i], 1000);
                Long pledgeId = null;
                String method = null;
                if (l.credit() > 0) {
                    Optional<Match> match = reconciler.match(l.credit(), l.description(), folded);
                    if (match.isPresent()) {
                        pledgeId = match.get().pledgeId();
                        method = match.get().method().name();
                        touchedPledges.add(pledgeId);
                        if (match.get().method() == Reconciler.Method.CODE) {
                            byCode++;
                        } else {
                            byName++;
                        }
                    }
                } else if (Reconciler.isBankFee(l.debit(), folded)) {
                    method = "AUTO_FEE";
                    fees++;
                }
                sink.add(new LineRow(
                        campaignId,
                        importId,
                        fingerprints.get(i),
                        l.bookedOn(),
                        l.reference(),
                        l.debit(),
                        l.credit(),
                        l.balance(),
                        l.description(),
                        folded,
                        method == null ? "UNMATCHED" : "MATCHED",
                        pledgeId,
                        method,
                        method == null ? null : now));
            }
            sink.finish();
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "statement.concurrent",
                    "Sao kê này đang được nhập ở nơi khác; hãy thử lại sau ít phút.",
                    "This statement is being imported elsewhere; try again in a few minutes.");
        }
        t = lap(timings, "matchAndInsert", t);
        postToLedger(campaignId, importId, caller, now);
        t = lap(timings, "ledger", t);
        pledgeProgress.recompute(campaignId, touchedPledges);
        lap(timings, "pledges", t);

        int matched = byCode + byName + fees;
        ImportResult result = new ImportResult(
                importId,
                lines.size(),
                fresh.size(),
                lines.size() - fresh.size(),
                byCode,
                byName,
                fees,
                fresh.size() - matched,
                timings);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("campaignId", campaignId);
        after.put("fileName", fileName);
        after.put("linesInFile", lines.size());
        after.put("added", fresh.size());
        after.put("alreadyKnown", result.alreadyKnown());
        after.put("matchedByCode", byCode);
        after.put("matchedByAmountAndName", byName);
        after.put("bankFeesPosted", fees);
        events.publishEvent(DomainChange.created(IMPORT_ENTITY, importId, CashAccess.unitOf(campaign), after));
        return result;
    }

    private long lap(Map<String, Long> timings, String phase, long since) {
        long now = System.nanoTime();
        timings.put(phase, (now - since) / 1_000_000);
        vn.cungem.shared.ImportTimers.record(meters, "statement", phase, now - since);
        return now;
    }

    private static List<String> fingerprints(List<StatementLine> lines, String[] folded) {
        String[] base = new String[lines.size()];
        IntStream.range(0, lines.size())
                .parallel()
                .forEach(i -> base[i] = lines.get(i).fingerprint(0, folded[i]));
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < base.length; i++) {
            int occurrence = seen.merge(base[i], 1, Integer::sum) - 1;
            out.add(occurrence == 0 ? base[i] : lines.get(i).fingerprint(occurrence, folded[i]));
        }
        return out;
    }

    private long insertImport(
            long campaignId, String fileName, byte[] content, int inFile, int added, Caller caller, Instant now) {
        String sha;
        try {
            sha = java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into bank_statement_import (campaign_id, file_name, file_sha256, lines_in_file,
                                                           lines_added, lines_already_known, imported_by_account_id,
                                                           imported_by_name, imported_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        campaignId,
                        truncate(fileName == null || fileName.isBlank() ? "sao-ke" : fileName, 255),
                        sha,
                        inFile,
                        added,
                        inFile - added,
                        caller.accountId(),
                        caller.displayName(),
                        Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private List<OpenPledge> openPledges(long campaignId) {
        return jdbc.sql("""
                        select p.id, p.code, d.name_folded, coalesce(p.cash_amount_vnd, 0) - p.cash_received_vnd
                          from pledge p join donor d on d.id = p.donor_id
                         where p.campaign_id = ? and p.status <> 'CANCELLED'""")
                .param(campaignId)
                .query((rs, n) -> new OpenPledge(
                        rs.getLong(1), rs.getString(2), rs.getString(3) == null ? "" : rs.getString(3), rs.getLong(4)))
                .list();
    }

    /**
     * The ledger entries of the lines this import matched, made by the database from the lines it has just stored:
     * credits to pledges as donations, bank charges as fees. The same statement on H2 and PostgreSQL.
     */
    private void postToLedger(long campaignId, long importId, Caller caller, Instant at) {
        jdbc.sql("""
                        insert into ledger_entry (campaign_id, booked_on, direction, amount_vnd, reason, description,
                                                  pledge_id, bank_line_id, recorded_by_account_id, recorded_by_name,
                                                  created_at)
                        select campaign_id, booked_on,
                               case when credit_vnd > 0 then 'CREDIT' else 'DEBIT' end,
                               case when credit_vnd > 0 then credit_vnd else debit_vnd end,
                               case when credit_vnd > 0 then 'DONATION' else 'BANK_FEE' end,
                               case when description = '' then '—' else substring(description, 1, 500) end,
                               pledge_id, id, cast(? as bigint), ?, ?
                          from bank_statement_line
                         where campaign_id = ? and status = 'MATCHED' and import_id = ?
                         order by id""")
                .params(caller.accountId(), caller.displayName(), Timestamp.from(at), campaignId, importId)
                .update();
    }

    static final String INSERT_ENTRY = """
            insert into ledger_entry (campaign_id, booked_on, direction, amount_vnd, reason, description, pledge_id,
                                      bank_line_id, purchase_id, corrects_entry_id, recorded_by_account_id,
                                      recorded_by_name, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)""";

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Transactional(readOnly = true)
    public List<ImportView> imports(long campaignId, Caller caller) {
        access.require(campaignId, caller);
        return jdbc.sql("""
                        select id, file_name, lines_in_file, lines_added, lines_already_known, imported_by_name,
                               imported_at
                          from bank_statement_import where campaign_id = ? order by id desc limit 100""")
                .param(campaignId)
                .query((rs, n) -> new ImportView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class)))
                .list();
    }

    /** Counts of lines by status, for the statements page. */
    @Transactional(readOnly = true)
    public Map<String, Long> counts(long campaignId, Caller caller) {
        access.require(campaignId, caller);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("UNMATCHED", 0L);
        counts.put("MATCHED", 0L);
        counts.put("IGNORED", 0L);
        jdbc.sql("select status, count(*) from bank_statement_line where campaign_id = ? group by status")
                .param(campaignId)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /**
     * A page of lines; {@code status} UNMATCHED, MATCHED, IGNORED or null for all; {@code side} CREDIT, DEBIT or null.
     */
    @Transactional(readOnly = true)
    public List<LineView> lines(long campaignId, String status, String side, int page, int size, Caller caller) {
        access.require(campaignId, caller);
        String st = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (st != null && !Set.of("UNMATCHED", "MATCHED", "IGNORED").contains(st)) {
            throw new InvalidValueException(
                    "statement.status",
                    "Trạng thái phải là UNMATCHED, MATCHED hoặc IGNORED.",
                    "Status must be UNMATCHED, MATCHED or IGNORED.");
        }
        StringBuilder sql = new StringBuilder("""
                select l.id, l.booked_on, l.reference, l.debit_vnd, l.credit_vnd, l.balance_vnd, l.description,
                       l.status, l.match_method, p.code, l.ignored_reason
                  from bank_statement_line l left join pledge p on p.id = l.pledge_id
                 where l.campaign_id = ?""");
        List<Object> params = new ArrayList<>(List.of(campaignId));
        if (st != null) {
            sql.append(" and l.status = ?");
            params.add(st);
        }
        if ("CREDIT".equals(side)) {
            sql.append(" and l.credit_vnd > 0");
        } else if ("DEBIT".equals(side)) {
            sql.append(" and l.debit_vnd > 0");
        }
        int safeSize = Math.max(1, Math.min(size, 500));
        sql.append(" order by l.booked_on, l.id limit ? offset ?");
        params.add(safeSize);
        params.add((long) Math.max(0, page) * safeSize);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new LineView(
                        rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getObject(6, Long.class),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11)))
                .list();
    }

    /** Pledges of the campaign whose code or donor name contains the query, for manual matching. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> searchPledges(long campaignId, String query, Caller caller) {
        access.require(campaignId, caller);
        String folded = VietnameseText.fold(query);
        if (folded.isBlank()) {
            return List.of();
        }
        return jdbc.sql("""
                        select p.code, d.name, p.cash_amount_vnd, p.cash_received_vnd, p.status
                          from pledge p join donor d on d.id = p.donor_id
                         where p.campaign_id = ? and p.status <> 'CANCELLED'
                           and (lower(p.code) like ? or d.name_folded like ?)
                         order by p.id desc limit 20""")
                .params(campaignId, VietnameseText.likeContains(folded), VietnameseText.likeContains(folded))
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("code", rs.getString(1));
                    row.put("donor", rs.getString(2));
                    row.put("cashAmount", rs.getObject(3, Long.class));
                    row.put("cashReceived", rs.getLong(4));
                    row.put("status", rs.getString(5));
                    return row;
                })
                .list();
    }

    private record Line(long id, LocalDate bookedOn, long debit, long credit, String description, String status) {}

    private Line unmatchedLine(long campaignId, long lineId) {
        Line line = jdbc.sql("""
                        select id, booked_on, debit_vnd, credit_vnd, description, status
                          from bank_statement_line where id = ? and campaign_id = ?""")
                .params(lineId, campaignId)
                .query((rs, n) -> new Line(
                        rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6)))
                .optional()
                .orElseThrow(() -> new NotFoundException(LINE_ENTITY, lineId));
        if (!"UNMATCHED".equals(line.status())) {
            throw new ConflictException(
                    "statement.line-handled",
                    "Dòng sao kê này đã được xử lý (" + line.status() + ").",
                    "This statement line has already been handled (" + line.status() + ").");
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
            throw new ConflictException(
                    "statement.line-handled",
                    "Dòng sao kê này vừa được người khác xử lý.",
                    "Someone else has just handled this statement line.");
        }
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
                .orElseThrow(() -> new InvalidValueException(
                        "statement.pledge-unknown",
                        "Không có đăng ký ủng hộ " + code + " trong chương trình này.",
                        "There is no pledge " + code + " in this campaign."));
        markLine(lineId, "MATCHED", pledgeId, "MANUAL", null);
        long entryId = insertEntry(campaignId, line, "CREDIT", line.credit(), "DONATION", pledgeId, caller);
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
        long entryId = insertEntry(campaignId, line, "CREDIT", line.credit(), "DONATION", null, caller);
        publish(campaign, lineId, "MATCHED", Map.of("unpledged", true, "ledgerEntryId", entryId), null);
    }

    /** A person posts a debit line (transfer out, purchase paid, a fee the rules did not spot). */
    @Transactional
    public void postDebit(long campaignId, long lineId, DebitReason reason, Caller caller) {
        Campaign campaign = access.require(campaignId, caller);
        access.lock(campaignId);
        Line line = unmatchedLine(campaignId, lineId);
        if (line.debit() <= 0 || reason == null) {
            throw new InvalidValueException(
                    "statement.not-debit",
                    "Chỉ dòng ghi nợ mới ghi chi được; hãy chọn lý do chi.",
                    "Only a debit line can be posted as money out; choose a reason.");
        }
        markLine(lineId, "MATCHED", null, "MANUAL", null);
        long entryId = insertEntry(campaignId, line, "DEBIT", line.debit(), reason.name(), null, caller);
        publish(campaign, lineId, "MATCHED", Map.of("reason", reason.name(), "ledgerEntryId", entryId), null);
    }

    /** Leaves a line out of the ledger, with the reason (e.g. a transfer between the campaign's own accounts). */
    @Transactional
    public void ignore(long campaignId, long lineId, String reason, Caller caller) {
        Campaign campaign = access.require(campaignId, caller);
        String why = VietnameseText.tidy(reason);
        if (why == null || why.length() < 3 || why.length() > 500) {
            throw new InvalidValueException(
                    "statement.ignore-reason",
                    "Hãy ghi lý do bỏ qua dòng này (3–500 ký tự).",
                    "Give the reason for ignoring this line (3–500 characters).");
        }
        access.lock(campaignId);
        unmatchedLine(campaignId, lineId);
        markLine(lineId, "IGNORED", null, null, why);
        publish(campaign, lineId, "IGNORED", Map.of("status", "IGNORED"), why);
    }

    private static void requireCredit(Line line) {
        if (line.credit() <= 0) {
            throw new InvalidValueException(
                    "statement.not-credit",
                    "Chỉ dòng ghi có (tiền vào) mới ghi nhận là tiền ủng hộ.",
                    "Only a credit line (money in) can be recorded as a donation.");
        }
    }

    private long insertEntry(
            long campaignId, Line line, String direction, long amount, String reason, Long pledgeId, Caller caller) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT_ENTRY)
                .params(
                        campaignId,
                        line.bookedOn(),
                        direction,
                        amount,
                        reason,
                        truncate(line.description().isEmpty() ? "—" : line.description(), 500),
                        pledgeId,
                        line.id(),
                        null,
                        null,
                        caller.accountId(),
                        caller.displayName())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private void publish(Campaign campaign, long lineId, String status, Map<String, Object> details, String reason) {
        Map<String, Object> after = new LinkedHashMap<>(details);
        after.put("status", status);
        events.publishEvent(DomainChange.updated(
                LINE_ENTITY, lineId, CashAccess.unitOf(campaign), Map.of("status", "UNMATCHED"), after, reason));
    }
}
