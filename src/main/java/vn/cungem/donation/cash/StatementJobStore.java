package vn.cungem.donation.cash;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.donation.cash.StatementImportJob.Status;
import vn.cungem.donation.cash.StatementRejectedException.LineProblem;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;

/**
 * The rows of {@code statement_import_job} (V130): the uploaded file with its uploader, the claim of the node running
 * it, its progress and its outcome. Progress and failures are written in transactions of their own, so the page sees
 * them while the import's own transaction is still open (or after it rolled back); the outcome of an import that
 * succeeds is written in the import's transaction, so the job says DONE exactly when the lines are there.
 */
@Component
class StatementJobStore {

    /** The file to import and who uploaded it, as a worker on any node needs them. */
    record Stored(long campaignId, String fileName, byte[] content, Caller caller) {}

    private static final String COLUMNS = """
            id, campaign_id, file_name, status, uploaded_by_name, lines_total, lines_done, import_id, lines_in_file,
            lines_added, lines_already_known, matched_by_code, matched_by_amount_and_name, bank_fees_posted,
            lines_unmatched, failure_vi, failure_en, problems, created_at, updated_at, bank, columns_to_confirm""";

    private static final int PROBLEMS_MAX = 8000;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    StatementJobStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** A new job, queued, or already RUNNING on {@code node} when it is to run during the upload's request. */
    long insert(long campaignId, Caller caller, String key, String fileName, byte[] content, String node) {
        OffsetDateTime now = now();
        Scope scope = caller.scope();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                            insert into statement_import_job (campaign_id, uploaded_by_account_id, uploaded_by_name,
                                uploader_role, scope_kind, scope_unit_id, scope_school_id, scope_partner_id,
                                idempotency_key, file_name, file_sha256, content, status, claimed_by, claimed_at,
                                created_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        campaignId,
                        caller.accountId(),
                        caller.displayName() == null ? "" : caller.displayName(),
                        caller.role() == null ? null : caller.role().name(),
                        scope.kind().name(),
                        scope.unitId(),
                        scope.schoolId(),
                        scope.partnerId(),
                        key,
                        LedgerPosting.cut(fileName == null || fileName.isBlank() ? "sao-ke" : fileName, 255),
                        BankStatements.sha256(content),
                        content,
                        (node == null ? Status.QUEUED : Status.RUNNING).name(),
                        node,
                        node == null ? null : now,
                        now,
                        now)
                .update(keys, "id"));
        return keys.getKey().longValue();
    }

    /** The job an upload with this key from this person already made, if any. */
    Optional<Long> byKey(long campaignId, Caller caller, String key) {
        String sql = "select id from statement_import_job where campaign_id = ? and idempotency_key = ?";
        if (caller.accountId() == null) {
            return jdbc.sql(sql + " and uploaded_by_account_id is null")
                    .params(campaignId, key)
                    .query(Long.class)
                    .optional();
        }
        return jdbc.sql(sql + " and uploaded_by_account_id = ?")
                .params(campaignId, key, caller.accountId())
                .query(Long.class)
                .optional();
    }

    Optional<StatementImportJob> load(long jobId) {
        return jdbc.sql("select " + COLUMNS + " from statement_import_job where id = ?")
                .param(jobId)
                .query((rs, n) -> job(rs))
                .optional();
    }

    /** The campaign's latest jobs, newest first, for the statements page. */
    List<StatementImportJob> recent(long campaignId, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from statement_import_job where campaign_id = ? order by id desc limit ?")
                .params(campaignId, limit)
                .query((rs, n) -> job(rs))
                .list();
    }

    Stored stored(long jobId) {
        return jdbc.sql("""
                        select campaign_id, file_name, content, uploaded_by_account_id, uploaded_by_name,
                               uploader_role, scope_kind, scope_unit_id, scope_school_id, scope_partner_id
                          from statement_import_job where id = ?""")
                .param(jobId)
                .query((rs, n) -> {
                    String role = rs.getString("uploader_role");
                    Scope scope = new Scope(
                            Scope.Kind.valueOf(rs.getString("scope_kind")),
                            rs.getObject("scope_unit_id", Long.class),
                            rs.getObject("scope_school_id", Long.class),
                            rs.getObject("scope_partner_id", Long.class));
                    Caller caller = new Caller(
                            rs.getObject("uploaded_by_account_id", Long.class),
                            rs.getString("uploaded_by_name"),
                            role == null ? null : Role.valueOf(role),
                            scope);
                    return new Stored(
                            rs.getLong("campaign_id"), rs.getString("file_name"), rs.getBytes("content"), caller);
                })
                .single();
    }

    /** Jobs waiting for a node: queued, or running on a node that stopped renewing its claim. */
    List<Long> waiting(OffsetDateTime leaseStart) {
        return jdbc.sql("""
                        select id from statement_import_job
                         where status = 'QUEUED' or (status = 'RUNNING' and claimed_at < ?)
                         order by id limit 5""").param(leaseStart).query(Long.class).list();
    }

    /** Takes the job for {@code node} unless another node holds a live claim; true when this node got it. */
    boolean claim(long jobId, String node, OffsetDateTime leaseStart) {
        OffsetDateTime now = now();
        return ownTransaction.execute(tx ->
                        jdbc.sql("""
                                update statement_import_job set status = 'RUNNING', claimed_by = ?, claimed_at = ?,
                                       updated_at = ?
                                 where id = ? and (status = 'QUEUED' or (status = 'RUNNING' and claimed_at < ?))""").params(node, now, now, jobId, leaseStart).update())
                == 1;
    }

    /** How far the running import is; renews the claim too. */
    void progress(long jobId, int done, int total) {
        OffsetDateTime now = now();
        ownTransaction.executeWithoutResult(
                tx -> jdbc.sql("""
                        update statement_import_job set lines_done = ?, lines_total = ?, claimed_at = ?, updated_at = ?
                         where id = ?""").params(done, total, now, now, jobId).update());
    }

    /** The outcome, in the import's own transaction. */
    void finish(long jobId, ImportCounts c, String bank) {
        jdbc.sql("""
                        update statement_import_job set status = 'DONE', lines_done = ?, lines_total = ?, import_id = ?,
                               lines_in_file = ?, lines_added = ?, lines_already_known = ?, matched_by_code = ?,
                               matched_by_amount_and_name = ?, bank_fees_posted = ?, lines_unmatched = ?,
                               claimed_by = null, claimed_at = null, updated_at = ?, bank = ?, columns_to_confirm = null
                         where id = ?""")
                .params(
                        c.added(),
                        c.added(),
                        c.importId(),
                        c.linesInFile(),
                        c.added(),
                        c.alreadyKnown(),
                        c.matchedByCode(),
                        c.matchedByAmountAndName(),
                        c.bankFeesPosted(),
                        c.unmatched(),
                        now(),
                        bank,
                        jobId)
                .update();
    }

    /** Refused: why, with the file's problems by line; the key is freed so the same upload can be made again. */
    void fail(long jobId, String vi, String en, List<LineProblem> problems) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                        update statement_import_job set status = 'FAILED', failure_vi = ?, failure_en = ?, problems = ?,
                               idempotency_key = null, claimed_by = null, claimed_at = null, updated_at = ?
                         where id = ?""")
                .params(LedgerPosting.cut(vi, 1000), LedgerPosting.cut(en, 1000), problemsText(problems), now(), jobId)
                .update());
    }

    /** Waiting for the person to confirm the columns (issue 11); the idempotency key is kept, nothing was imported. */
    void toConfirm(long jobId, StatementColumnsToConfirm.Proposal proposal) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                        update statement_import_job set status = 'CONFIRM', columns_to_confirm = ?, bank = ?,
                               claimed_by = null, claimed_at = null, updated_at = ?
                         where id = ?""")
                .params(proposal.text(), proposal.bank(), now(), jobId)
                .update());
    }

    /** A job whose columns were confirmed back in the queue; false when it was not waiting for them (any more). */
    boolean resume(long jobId) {
        return jdbc.sql("""
                        update statement_import_job set status = 'QUEUED', updated_at = ?
                         where id = ? and status = 'CONFIRM'""").params(now(), jobId).update() == 1;
    }

    /** The uploaded file's size in bytes. */
    long size(long jobId) {
        return jdbc.sql("select octet_length(content) from statement_import_job where id = ?")
                .param(jobId)
                .query(Long.class)
                .single();
    }

    /** Back in the queue (the campaign's money was busy): the next poll, on any node, tries again. */
    void requeue(long jobId) {
        ownTransaction.executeWithoutResult(
                tx -> jdbc.sql("""
                        update statement_import_job set status = 'QUEUED', claimed_by = null, claimed_at = null,
                               updated_at = ?
                         where id = ?""").params(now(), jobId).update());
    }

    private static StatementImportJob job(ResultSet rs) throws SQLException {
        Long importId = rs.getObject("import_id", Long.class);
        ImportCounts result = importId == null
                ? null
                : new ImportCounts(
                        importId,
                        rs.getInt("lines_in_file"),
                        rs.getInt("lines_added"),
                        rs.getInt("lines_already_known"),
                        rs.getInt("matched_by_code"),
                        rs.getInt("matched_by_amount_and_name"),
                        rs.getInt("bank_fees_posted"),
                        rs.getInt("lines_unmatched"));
        return new StatementImportJob(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getString("file_name"),
                Status.valueOf(rs.getString("status")),
                rs.getString("uploaded_by_name"),
                rs.getInt("lines_total"),
                rs.getInt("lines_done"),
                result,
                rs.getString("failure_vi"),
                rs.getString("failure_en"),
                problems(rs.getString("problems")),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("bank"),
                StatementColumnsToConfirm.Proposal.parse(rs.getString("columns_to_confirm")));
    }

    /** One problem a line, "line TAB Vietnamese TAB English", as many whole lines as the column holds. */
    static String problemsText(List<LineProblem> problems) {
        if (problems == null || problems.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (LineProblem p : problems) {
            String line = p.line() + "\t" + flat(p.messageVi()) + "\t" + flat(p.messageEn()) + "\n";
            if (out.length() + line.length() > PROBLEMS_MAX) {
                break;
            }
            out.append(line);
        }
        return out.toString();
    }

    static List<LineProblem> problems(String text) {
        List<LineProblem> out = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                String[] parts = line.split("\t", 3);
                if (parts.length == 3) {
                    out.add(new LineProblem(Integer.parseInt(parts[0]), parts[1], parts[2]));
                }
            }
        }
        return out;
    }

    private static String flat(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
