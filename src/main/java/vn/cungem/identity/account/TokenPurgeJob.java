package vn.cungem.identity.account;

import java.time.OffsetDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes dead links and stale throttle counters every hour, on one node at a time (ShedLock). Returns nothing: ShedLock
 * cannot lock a method whose result it would have to invent when the lock is held elsewhere.
 */
@Component
public class TokenPurgeJob {

    private static final Logger log = LoggerFactory.getLogger(TokenPurgeJob.class);

    private final JdbcClient jdbc;

    TokenPurgeJob(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(cron = "${cungem.identity.purge-cron:0 17 * * * *}")
    @SchedulerLock(name = "identity-token-purge", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    @Transactional
    public void purge() {
        OffsetDateTime now = OffsetDateTime.now();
        // Used links are kept a day for support questions ("the link said it was used"), then go.
        int tokens = jdbc.sql("delete from account_token where expires_at < ? or used_at < ?")
                .params(now, now.minusDays(1))
                .update();
        // A count whose hour is over and whose back-off has run out counts for nothing any more.
        int throttles = jdbc.sql("delete from sign_in_throttle where window_started_at < ?"
                        + " and (blocked_until is null or blocked_until < ?)")
                .params(now.minus(SignInAttempts.WINDOW), now)
                .update();
        if (tokens + throttles > 0) {
            log.info("Purged {} expired or used account links and {} old sign-in throttle rows", tokens, throttles);
        }
    }
}
