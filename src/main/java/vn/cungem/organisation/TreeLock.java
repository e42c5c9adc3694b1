package vn.cungem.organisation;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.shared.jdbc.PostgresCopy;

/**
 * The unit tree's lock, held to the end of the transaction, for counts kept by the tree (every unit above a student or
 * an item counts it). A writer of such counts takes it shared before it reads what it moves, a change of the tree (a
 * unit moved, a school moved or changing level) takes it exclusive before it writes: the change then waits for writers
 * already counting by the old tree to commit, and writers that come after count by the new one, so {@link UnitMoved}
 * and {@link SchoolChanged} never move counts that a writer is moving at the same moment. PostgreSQL's
 * transaction-level advisory lock; on H2 (the embedded single-node demo) there is no other node to wait for.
 */
@Component
public class TreeLock {

    /** "CUNGTREE" in ASCII: a key no other advisory lock of the platform uses. */
    static final long KEY = 0x43554E4754524545L;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private volatile Boolean postgres;

    TreeLock(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Before reading what a count follows (a student's or an item's unit) and writing the counts by the tree. */
    public void forCounting() {
        take("select pg_advisory_xact_lock_shared(?)");
    }

    /** Before a change of where units or schools sit in the tree. */
    void forChanging() {
        take("select pg_advisory_xact_lock(?)");
    }

    private void take(String sql) {
        if (postgres == null) {
            postgres = PostgresCopy.isPostgres(dataSource);
        }
        if (postgres) {
            jdbc.sql(sql).param(KEY).query((rs, n) -> 1).list();
        }
    }
}
