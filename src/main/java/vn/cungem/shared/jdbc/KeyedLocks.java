package vn.cungem.shared.jdbc;

import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction-long lock on a (key, purpose) pair, held as a row of a lock table the calling module owns, so one
 * module's work never blocks another's: a statement import (donation) and a student import of the same campaign no
 * longer queue on the {@code campaign} row. The same on H2 and PostgreSQL: the row is created once, in a short
 * transaction of its own, then locked {@code for update} in the caller's transaction until it ends. A wait longer than
 * the database's lock timeout fails as contention, for the caller to turn into a 409.
 *
 * <p>The lock table has two columns, {@code lock_key bigint} and {@code purpose varchar}, with its primary key on both.
 */
@Component
public class KeyedLocks {

    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*");

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    KeyedLocks(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Locks ({@code key}, {@code purpose}) in {@code table} until the current transaction ends. */
    public void lock(String table, long key, String purpose) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("lock table " + table);
        }
        String select = "select lock_key from " + table + " where lock_key = ? and purpose = ?";
        if (jdbc.sql(select).params(key, purpose).query(Long.class).optional().isEmpty()) {
            try {
                separately.executeWithoutResult(tx -> jdbc.sql("insert into " + table
                                + " (lock_key, purpose) select ?, ? where not exists (" + select + ")")
                        .params(key, purpose, key, purpose)
                        .update());
            } catch (DataIntegrityViolationException createdMeanwhile) {
                // Another transaction created the row first: it exists, which is all this needed.
            }
        }
        jdbc.sql(select + " for update").params(key, purpose).query(Long.class).single();
    }
}
