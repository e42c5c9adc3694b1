package vn.cungem.shared.ratelimit;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Bucket4j's select-for-update protocol on H2, for the tests and the try-it-out mode; production runs Bucket4j's own
 * PostgreSQL manager on the same table. Bucket4j has no H2 module, and the PostgreSQL manager's
 * {@code insert … on conflict (id) do nothing} is not understood by H2, even in PostgreSQL mode. This adapter issues
 * the same statements except that insert, which it runs plainly and treats a duplicate key as: another request created
 * the row first (H2 rolls back only the failed statement, not the transaction). The locking, retries and bucket
 * arithmetic stay Bucket4j's.
 */
final class H2SelectForUpdateProxyManager extends AbstractSelectForUpdateBasedProxyManager<String> {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Optional<ExpirationAfterWriteStrategy> expiration;

    H2SelectForUpdateProxyManager(DataSource dataSource, ClientSideConfig config) {
        super(config);
        this.dataSource = dataSource;
        this.expiration = config.getExpirationAfterWriteStrategy();
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    public void removeProxy(String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("delete from " + RateLimitConfig.TABLE + " where id = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
        return new Transaction(connection, key);
    }

    private final class Transaction implements SelectForUpdateBasedTransaction {

        private final Connection connection;
        private final String key;

        Transaction(Connection connection, String key) {
            this.connection = connection;
            this.key = key;
        }

        @Override
        public void begin(Optional<Long> timeoutNanos) {
            run(() -> connection.setAutoCommit(false));
        }

        @Override
        public LockAndGetResult tryLockAndGet(Optional<Long> timeoutNanos) {
            try (PreparedStatement select = connection.prepareStatement(
                    "select state from " + RateLimitConfig.TABLE + " where id = ? for update")) {
                applyTimeout(select, timeoutNanos);
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? LockAndGetResult.locked(rs.getBytes(1)) : LockAndGetResult.notLocked();
                }
            } catch (SQLException e) {
                throw new BucketExceptions.BucketExecutionException(e);
            }
        }

        @Override
        public boolean tryInsertEmptyData(Optional<Long> timeoutNanos) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into " + RateLimitConfig.TABLE + " (id, state) values (?, null)")) {
                applyTimeout(insert, timeoutNanos);
                insert.setString(1, key);
                return insert.executeUpdate() > 0;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw new BucketExceptions.BucketExecutionException(e);
            }
        }

        @Override
        public void update(byte[] data, RemoteBucketState newState, Optional<Long> timeoutNanos) {
            long now = System.currentTimeMillis();
            Long expiresAt = expiration
                    .map(strategy -> now + strategy.calculateTimeToLiveMillis(newState, now))
                    .orElse(null);
            try (PreparedStatement update = connection.prepareStatement(
                    "update " + RateLimitConfig.TABLE + " set state = ?, expires_at = ? where id = ?")) {
                applyTimeout(update, timeoutNanos);
                update.setBytes(1, data);
                update.setObject(2, expiresAt);
                update.setString(3, key);
                update.executeUpdate();
            } catch (SQLException e) {
                throw new BucketExceptions.BucketExecutionException(e);
            }
        }

        @Override
        public void rollback() {
            run(connection::rollback);
        }

        @Override
        public void commit(Optional<Long> timeoutNanos) {
            run(connection::commit);
        }

        /**
         * Gives the connection back to the pool without the request timeout Bucket4j set on its statements: H2 keeps a
         * statement's query timeout for the whole session, so the next borrower (a student import's long comparing
         * query in a full test run) was cancelled after 5 s ("Statement was canceled or the session timed out").
         */
        @Override
        public void release() {
            try (Statement reset = connection.createStatement()) {
                reset.setQueryTimeout(0);
            } catch (SQLException e) {
                // the connection is being given back either way; a broken one is the pool's to retire
            } finally {
                run(connection::close);
            }
        }

        private void run(SqlAction action) {
            try {
                action.run();
            } catch (SQLException e) {
                throw new BucketExceptions.BucketExecutionException(e);
            }
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }
}
