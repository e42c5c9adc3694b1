package vn.cungem.audit.integrity;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.cungem.shared.security.Caller;

/**
 * Runs the integrity checks once a day, at night in Vietnam by default ({@code cungem.integrity.cron}), on one node
 * (ShedLock): the checks read whole tables, and two nodes running them at once would only double the load.
 */
@Component
class IntegrityJob {

    private final IntegrityRuns runs;

    IntegrityJob(IntegrityRuns runs) {
        this.runs = runs;
    }

    @Scheduled(cron = "${cungem.integrity.cron:0 30 2 * * *}", zone = "${cungem.integrity.zone:Asia/Ho_Chi_Minh}")
    @SchedulerLock(name = "audit-integrity-daily", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    public void daily() {
        runs.runAll(IntegrityRun.Trigger.SCHEDULED, Caller.SYSTEM.displayName());
    }
}
