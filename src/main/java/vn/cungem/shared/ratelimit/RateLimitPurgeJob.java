package vn.cungem.shared.ratelimit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes buckets that are full again: such a row says nothing a fresh bucket would not. */
@Component
class RateLimitPurgeJob {

    private final JdbcClient jdbc;

    RateLimitPurgeJob(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(cron = "${cungem.rate-limit-purge-cron:0 41 * * * *}")
    @SchedulerLock(name = "shared-rate-limit-purge", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void purge() {
        purgeExpired();
    }

    int purgeExpired() {
        return jdbc.sql("delete from " + RateLimitConfig.TABLE + " where expires_at < ?")
                .param(System.currentTimeMillis())
                .update();
    }
}
