package vn.cungem.student.importing;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Imports nobody came back to (uploaded, waiting for their columns, previewed or failed, untouched for
 * {@code cungem.student.import-keep-days}, 7 by default) are discarded as a person's "Hủy" would: the file, the
 * preview's rows and the rows kept ready to write are children's data, not kept for a list that was never committed.
 */
@Component
class ImportExpiry {

    private final JdbcClient jdbc;
    private final ImportJobStates states;
    private final Duration keep;

    ImportExpiry(JdbcClient jdbc, ImportJobStates states, @Value("${cungem.student.import-keep-days:7}") int keepDays) {
        this.jdbc = jdbc;
        this.states = states;
        this.keep = Duration.ofDays(keepDays);
    }

    @Scheduled(cron = "${cungem.student.import-expiry-cron:0 23 * * * *}")
    @SchedulerLock(name = "student-import-expiry", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void expire() {
        discardUntouchedSince(OffsetDateTime.now(ZoneOffset.UTC).minus(keep));
    }

    /** Discards the imports left before commit and untouched since {@code before}; returns how many. */
    int discardUntouchedSince(OffsetDateTime before) {
        List<Long> ids = jdbc.sql("select id from student_import where status in ('UPLOADED', 'COLUMNS', 'PREVIEW',"
                        + " 'FAILED') and updated_at < ?")
                .param(before)
                .query(Long.class)
                .list();
        // each on its own guarded update: one taken up again meanwhile (a commit asked) is left as it is
        ids.forEach(states::discard);
        return ids.size();
    }
}
