package vn.cungem.shared.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The buckets live in the table {@code rate_limit_bucket} (V94), so every node counts against the same numbers.
 *
 * <p>On PostgreSQL, Bucket4j's own select-for-update manager ({@code bucket4j_jdk17-postgresql}): a row lock per
 * bucket, held for the few milliseconds of one check; the advisory-lock manager would do as well, but row locks are
 * what the rest of the application uses. On H2 (tests and the try-it-out mode), which Bucket4j does not support and
 * which does not understand that manager's {@code insert … on conflict}, a small adapter over Bucket4j's generic
 * select-for-update protocol ({@link H2SelectForUpdateProxyManager}). A bucket row expires once the bucket would be
 * full again (plus a minute), and {@link RateLimitPurgeJob} deletes expired rows.
 */
@Configuration
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfig {

    static final String TABLE = "rate_limit_bucket";

    private static final ExpirationAfterWriteStrategy EXPIRATION =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1));
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Bean
    ProxyManager<String> rateLimitBuckets(DataSource dataSource) throws SQLException {
        if (isPostgreSql(dataSource)) {
            return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table(TABLE)
                    .idColumn("id")
                    .stateColumn("state")
                    .expiresAtColumn("expires_at")
                    .expirationAfterWrite(EXPIRATION)
                    .requestTimeout(TIMEOUT)
                    .build();
        }
        return new H2SelectForUpdateProxyManager(
                dataSource,
                ClientSideConfig.getDefault()
                        .withExpirationAfterWriteStrategy(EXPIRATION)
                        .withRequestTimeout(TIMEOUT));
    }

    private static boolean isPostgreSql(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        }
    }
}
