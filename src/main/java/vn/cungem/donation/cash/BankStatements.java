package vn.cungem.donation.cash;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import vn.cungem.donation.cash.Reconciler.OpenPledge;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.jdbc.MoneyColumns;
import vn.cungem.shared.security.Caller;

/**
 * Imports a campaign's bank statement and reconciles it: credits to pledges (by code, then by amount and name), bank
 * fees to the ledger; the rest waits in a queue for a person. Lines already imported are recognised by their
 * fingerprint and counted, never inserted twice, so overlapping statements can be imported safely. People start an
 * import through {@link StatementImportJobs}, which runs this in the background and keeps its outcome.
 */
@Service
public class BankStatements {

    public static final String IMPORT_ENTITY = "bank_statement_import";

    /** What an import did, and {@code timingsMs} per phase for the benchmark. */
    public record ImportResult(ImportCounts counts, Map<String, Long> timingsMs, String bank)
            implements java.io.Serializable {}

    /** Where an import tells how far it is: the lines it read, then every so often the lines it has stored. */
    interface Progress {

        Progress NONE = (done, total) -> {};

        void report(int done, int total);
    }

    /** How often, in lines, the match-and-store loop reports its progress. */
    static final int PROGRESS_EVERY = 10_000;

    private final JdbcClient jdbc;
    private final BulkWriter writer;
    private final CashAccess access;
    private final LedgerPosting ledger;
    private final PledgeCashProgress pledgeProgress;
    private final ApplicationEventPublisher events;

    /** Reads that an import runs beside its own work, each on a connection of its own, a bounded number at once. */
    private final StatementReads background;

    /** The statement layouts people confirmed, per bank account (issue 11). */
    private final StatementMappings mappings;

    /** A timer per phase of the import ({@code cungem.import.phase}, import=statement), as the map in the result. */
    private final MeterRegistry meters;

    BankStatements(
            JdbcClient jdbc,
            BulkWriter writer,
            CashAccess access,
            LedgerPosting ledger,
            PledgeCashProgress pledgeProgress,
            ApplicationEventPublisher events,
            StatementReads background,
            MeterRegistry meters,
            StatementMappings mappings) {
        this.mappings = mappings;
        this.background = background;
        this.meters = meters;
        this.jdbc = jdbc;
        this.writer = writer;
        this.access = access;
        this.ledger = ledger;
        this.pledgeProgress = pledgeProgress;
        this.events = events;
    }

    /** The import with nobody following its progress (the benchmark, tests). */
    @Transactional
    public ImportResult importStatement(long campaignId, String fileName, byte[] content, Caller caller) {
        return importStatement(campaignId, fileName, content, caller, Progress.NONE);
    }

    /**
     * Reads the whole file first (any bad line rejects it and nothing is written), then in one transaction adds the
     * lines not seen before and reconciles them.
     */
    @Transactional
    ImportResult importStatement(long campaignId, String fileName, byte[] content, Caller caller, Progress progress) {
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
        StatementParser.Parsed parsed;
        try {
            parsed = StatementParser.read(content, mappings.of(campaignId));
        } catch (RuntimeException e) {
            open.cancel(false);
            throw e;
        }
        List<StatementLine> lines = parsed.lines();
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
        progress.report(0, fresh.size());

        // Microseconds, as both databases store them, so both writers keep the same value.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long importId = insertImport(campaignId, fileName, content, lines.size(), fresh.size(), caller, now, parsed);
        StatementMatching matching;
        try {
            matching = new StatementMatching(open.join());
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        t = lap(timings, "openPledges", t);

        // Each line is matched in memory and handed to the writer in its final state; on PostgreSQL the writer's
        // COPY is already storing the first lines while the later ones are matched.
        try (BulkWriter.LineSink sink = writer.lines()) {
            int done = 0;
            for (int i : fresh) {
                String folded = LedgerPosting.cut(fullyFolded[i], 1000);
                sink.add(matching.row(campaignId, importId, fingerprints.get(i), lines.get(i), folded, now));
                if (++done % PROGRESS_EVERY == 0) {
                    progress.report(done, fresh.size());
                }
            }
            sink.finish();
        } catch (DuplicateKeyException e) {
            throw ConflictException.of("statement.concurrent", "cash.error.statement.concurrent");
        }
        t = lap(timings, "matchAndInsert", t);
        ledger.postImport(campaignId, importId, caller, now);
        t = lap(timings, "ledger", t);
        pledgeProgress.recompute(campaignId, matching.touchedPledges());
        lap(timings, "pledges", t);

        ImportCounts counts = matching.counts(importId, lines.size(), fresh.size());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("campaignId", campaignId);
        after.put("fileName", fileName);
        after.put("linesInFile", counts.linesInFile());
        after.put("added", counts.added());
        after.put("alreadyKnown", counts.alreadyKnown());
        after.put("matchedByCode", counts.matchedByCode());
        after.put("matchedByAmountAndName", counts.matchedByAmountAndName());
        after.put("bankFeesPosted", counts.bankFeesPosted());
        events.publishEvent(DomainChange.created(IMPORT_ENTITY, importId, CashAccess.unitOf(campaign), after));
        return new ImportResult(counts, timings, parsed.identity().bank());
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
            long campaignId,
            String fileName,
            byte[] content,
            int inFile,
            int added,
            Caller caller,
            Instant now,
            StatementParser.Parsed parsed) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into bank_statement_import (campaign_id, file_name, file_sha256, lines_in_file,
                                                           lines_added, lines_already_known, imported_by_account_id,
                                                           imported_by_name, imported_at, bank, account_number)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        campaignId,
                        LedgerPosting.cut(fileName == null || fileName.isBlank() ? "sao-ke" : fileName, 255),
                        sha256(content),
                        inFile,
                        added,
                        inFile - added,
                        caller.accountId(),
                        caller.displayName(),
                        Timestamp.from(now),
                        parsed.identity().bank(),
                        parsed.identity().account() == null
                                ? null
                                : LedgerPosting.cut(parsed.identity().account(), 40))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<OpenPledge> openPledges(long campaignId) {
        return jdbc.sql("""
                        select p.id, p.code, d.name_folded, coalesce(p.cash_amount_vnd, 0) - p.cash_received_vnd
                          from pledge p join donor d on d.id = p.donor_id
                         where p.campaign_id = ? and p.status <> 'CANCELLED'""")
                .param(campaignId)
                .query((rs, n) -> new OpenPledge(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3) == null ? "" : rs.getString(3),
                        MoneyColumns.money(rs, 4)))
                .list();
    }
}
