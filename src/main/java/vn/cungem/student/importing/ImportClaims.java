package vn.cungem.student.importing;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which node works on an import: the one that claimed it, for as long as it renews its claim. A node that stops
 * renewing (it died) loses the import to the next {@link ImportWorker} that polls.
 */
@Component
class ImportClaims {

    static final Duration LEASE = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);

    ImportClaims(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** This node's name in {@code claimed_by}. */
    String node() {
        return node;
    }

    /** Imports waiting for a node: queued, or claimed by a node that stopped renewing its claim. */
    List<Long> waiting() {
        return jdbc.sql("""
                        select id from student_import where status in ('VALIDATING', 'COMMITTING')
                           and (claimed_at is null or claimed_at < ?) order by id limit 5""")
                .param(OffsetDateTime.now(ZoneOffset.UTC).minus(LEASE))
                .query(Long.class)
                .list();
    }

    /** Takes the import for this node when no other node holds a live claim; true when this node got it. */
    boolean claim(long importId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return jdbc.sql("""
                                update student_import set claimed_by = ?, claimed_at = ?, version = version + 1
                                 where id = ? and status in ('VALIDATING', 'COMMITTING')
                                   and (claimed_at is null or claimed_at < ?)""").params(node, now, importId, now.minus(LEASE)).update() == 1;
    }

    /** The import's status as stored, empty when there is no such import. */
    String status(long importId) {
        return jdbc.sql("select status from student_import where id = ?")
                .param(importId)
                .query(String.class)
                .optional()
                .orElse("");
    }

    /** Records how many rows are done and renews the claim. */
    void progress(long importId, int done) {
        // Its own short transaction, so the page sees it while the work goes on.
        transaction.executeWithoutResult(
                tx -> jdbc.sql("update student_import set rows_done = ?, claimed_at = ?" + " where id = ?")
                        .params(done, OffsetDateTime.now(ZoneOffset.UTC), importId)
                        .update());
    }
}
