package vn.cungem.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The H2 adapter gives its connection back as it found it. Bucket4j sets a request timeout on each statement, and H2
 * keeps a statement's query timeout for the whole session: a pooled connection came back with 5 s, and a student
 * import's staged commit that borrowed it next in a full test run was cancelled ("Statement was canceled or the session
 * timed out"). One connection, so the connection the limiter used is the one looked at.
 */
class H2RateLimitConnectionTests {

    @Test
    void aRateLimitCheckLeavesNoQueryTimeoutOnTheConnection() throws Exception {
        try (Connection raw = DriverManager.getConnection("jdbc:h2:mem:ratelimit-timeout;MODE=PostgreSQL", "sa", "")) {
            try (Statement ddl = raw.createStatement()) {
                ddl.execute("create table " + RateLimitConfig.TABLE
                        + " (id varchar(300) primary key, state bytea, expires_at bigint)");
            }
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(raw, true);
            H2SelectForUpdateProxyManager buckets = new H2SelectForUpdateProxyManager(
                    dataSource, ClientSideConfig.getDefault().withRequestTimeout(Duration.ofSeconds(5)));
            BucketConfiguration limit = BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder()
                            .capacity(3)
                            .refillGreedy(3, Duration.ofMinutes(1))
                            .build())
                    .build();

            assertThat(buckets.builder().build("k", () -> limit).tryConsume(1)).isTrue();
            assertThat(buckets.builder().build("k", () -> limit).tryConsume(1)).isTrue();

            try (Statement next = raw.createStatement()) {
                // H2 answers the session's timeout here, whatever statement asks
                assertThat(next.getQueryTimeout()).isZero();
            }
            try (Statement stored = raw.createStatement();
                    var rs = stored.executeQuery("select count(*) from " + RateLimitConfig.TABLE)) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1); // the limiter did use this connection
            }
        }
    }
}
