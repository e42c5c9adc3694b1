package vn.cungem.student.importing;

import static vn.cungem.student.importing.ImportJobStore.cut;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.student.importing.ImportJob.Status;

/**
 * The moves of an import from one {@link Status} to the next, each only from the states it may leave (so a retried or
 * concurrent request changes nothing), with the rows of the preview ({@code student_import_row}) that go with them.
 */
@Component
class ImportJobStates {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final StagedRows staged;
    private final FileTexts texts;

    ImportJobStates(
            JdbcClient jdbc,
            JdbcTemplate batch,
            PlatformTransactionManager transactions,
            StagedRows staged,
            FileTexts texts) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.staged = staged;
        this.texts = texts;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * From one of {@code from} to the next step of the plan: COLUMNS when a sheet's columns are to be confirmed, else
     * VALIDATING with the sheets to read and the mapping of each; false when the import had moved on.
     */
    boolean planned(long importId, List<Status> from, ImportPlan plan, Map<String, String> mappings, String claimedBy) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean ask = plan.toConfirm() != null;
        List<Integer> read = plan.sheetsRead();
        String in =
                String.join(", ", from.stream().map(s -> "'" + s.name() + "'").toList());
        int changed = jdbc.sql("update student_import set status = ?, sheet_index = ?, sheets_read = ?,"
                        + " pending_columns = ?, column_mappings = ?, rows_total = ?, rows_done = 0, claimed_by = ?,"
                        + " claimed_at = ?, updated_at = ?, version = version + 1 where id = ? and status in (" + in
                        + ")")
                .params(
                        ask ? Status.COLUMNS.name() : Status.VALIDATING.name(),
                        read.isEmpty() ? null : read.get(0),
                        ImportJobStore.indexesText(read),
                        ImportJobStore.pendingText(plan.toConfirm()),
                        ImportJobStore.mappingsText(mappings),
                        plan.rows(),
                        ask ? null : claimedBy,
                        ask || claimedBy == null ? null : now,
                        now,
                        importId)
                .update();
        if (changed == 1) {
            deleteRows(importId);
            forget(importId);
        }
        return changed == 1;
    }

    /**
     * PREVIEW back to COLUMNS with {@code pending} to confirm again: the preview's outcome, staged rows and free texts
     * go (the next check replaces them); false when the import had moved on (committed, discarded meanwhile).
     */
    boolean columnsAgain(long importId, String pending) {
        int changed = jdbc.sql("""
                        update student_import set status = 'COLUMNS', pending_columns = ?, rows_done = 0,
                               ok_count = 0, warning_count = 0, error_count = 0, duplicate_count = 0,
                               likely_duplicate_count = 0, skipped_count = 0, checked_with = null, staged_count = null,
                               claimed_by = null,
                               claimed_at = null, updated_at = ?, version = version + 1
                         where id = ? and status = 'PREVIEW'""")
                .params(pending, OffsetDateTime.now(ZoneOffset.UTC), importId)
                .update();
        if (changed == 1) {
            deleteRows(importId);
            forget(importId);
        }
        return changed == 1;
    }

    /** PREVIEW to COMMITTING; false when the import had moved on. */
    boolean commitRequested(long importId, String claimedBy) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return jdbc.sql("""
                                update student_import set status = 'COMMITTING', rows_done = 0, claimed_by = ?,
                                       claimed_at = ?, updated_at = ?, version = version + 1
                                 where id = ? and status = 'PREVIEW'""")
                        .params(claimedBy, claimedBy == null ? null : now, now, importId)
                        .update()
                == 1;
    }

    /**
     * To DISCARDED, dropping the file, the preview and the sample values of the mapping step: children's data is not
     * kept for nothing.
     */
    void discard(long importId) {
        transaction.executeWithoutResult(tx -> {
            int changed = jdbc.sql("""
                            update student_import set status = 'DISCARDED', idempotency_key = null, content = ?,
                                   pending_columns = null,
                                   updated_at = ?, version = version + 1
                             where id = ? and status in ('UPLOADED', 'COLUMNS', 'PREVIEW', 'FAILED')""")
                    .params(new byte[0], OffsetDateTime.now(ZoneOffset.UTC), importId)
                    .update();
            if (changed == 1) {
                deleteRows(importId);
                forget(importId);
            }
        });
    }

    /** To FAILED with the reason, in a transaction of its own: the run's own transaction is rolling back. */
    void fail(long importId, String vi, String en) {
        TransactionTemplate fresh = new TransactionTemplate(transaction.getTransactionManager());
        fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        fresh.executeWithoutResult(tx -> {
            jdbc.sql("""
                            update student_import set status = 'FAILED', failure_vi = ?, failure_en = ?,
                                   idempotency_key = null, claimed_by = null, claimed_at = null, updated_at = ?,
                                   version = version + 1
                             where id = ?""")
                    .params(cut(vi, 1000), cut(en, 1000), OffsetDateTime.now(ZoneOffset.UTC), importId)
                    .update();
            forget(importId);
        });
    }

    /**
     * COMMITTING to COMMITTED after the staged rows were moved into the registry: the preview's counts and rows stay
     * as the preview recorded them, with what was written.
     */
    void committedAsPreviewed(long importId, int inserted, int updated) {
        jdbc.sql("""
                        update student_import set status = 'COMMITTED', rows_done = rows_total, inserted_count = ?,
                               updated_count = ?, claimed_by = null, claimed_at = null, failure_vi = null,
                               failure_en = null, checked_with = null, staged_count = null, updated_at = ?,
                               version = version + 1
                         where id = ? and status = 'COMMITTING'""")
                .params(inserted, updated, OffsetDateTime.now(ZoneOffset.UTC), importId)
                .update();
    }

    /** To PREVIEW or COMMITTED with what the run found; lets go of the claim. */
    void saveOutcome(long importId, Tally tally, Status status) {
        deleteRows(importId);
        if (!tally.problems.isEmpty()) {
            batch.batchUpdate(
                    "insert into student_import_row (import_id, row_number, outcome, full_name, reasons_vi,"
                            + " reasons_en) values (?, ?, ?, ?, ?, ?)",
                    tally.problems);
        }
        jdbc.sql("""
                        update student_import set status = ?, rows_done = ?, rows_total = ?, ok_count = ?,
                               warning_count = ?, error_count = ?, duplicate_count = ?, likely_duplicate_count = ?,
                               inserted_count = ?, updated_count = ?, ignored_headers = ?, missing_columns = ?,
                               skipped_count = ?, checked_with = ?, staged_count = ?,
                               claimed_by = null, claimed_at = null,
                               failure_vi = null, failure_en = null, updated_at = ?, version = version + 1
                         where id = ?""")
                .params(
                        status.name(),
                        tally.rows,
                        tally.rows,
                        tally.ok,
                        tally.warnings,
                        tally.errors,
                        tally.duplicates,
                        tally.likely,
                        tally.inserted,
                        tally.updated,
                        cut(String.join("\n", tally.ignoredHeaders), 2000),
                        String.join(
                                ",",
                                tally.missingColumns.stream().map(Enum::name).toList()),
                        tally.skipped,
                        tally.checkedWith,
                        tally.checkedWith == null ? null : tally.staged,
                        OffsetDateTime.now(ZoneOffset.UTC),
                        importId)
                .update();
    }

    /** The rows kept ready to write and the file's free texts: children's data, not kept once not needed. */
    private void forget(long importId) {
        staged.delete(importId);
        texts.delete(importId);
    }

    private void deleteRows(long importId) {
        jdbc.sql("delete from student_import_row where import_id = ?")
                .param(importId)
                .update();
    }
}
