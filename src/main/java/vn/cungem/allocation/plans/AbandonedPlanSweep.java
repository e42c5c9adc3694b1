package vn.cungem.allocation.plans;

import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes plans left {@code WRITING} by a node that stopped half way through a write (PlanWriter), with whatever of
 * them was written, every few minutes on one node at a time (ShedLock). Nothing shows such a plan; this only gives
 * the space back. A retry of the same run does the same for its own plan at once.
 */
@Component
class AbandonedPlanSweep {

    private static final Logger log = LoggerFactory.getLogger(AbandonedPlanSweep.class);

    private final PlanWriter writer;

    AbandonedPlanSweep(PlanWriter writer) {
        this.writer = writer;
    }

    @Scheduled(cron = "${cungem.allocation.abandoned-sweep-cron:0 */10 * * * *}")
    @SchedulerLock(name = "allocation-abandoned-plans", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void sweep() {
        int removed = 0;
        for (long planId : writer.writingSince(Instant.now().minus(PlanWriter.ABANDONED_AFTER))) {
            if (writer.discardIfAbandoned(planId)) {
                removed++;
            }
        }
        if (removed > 0) {
            log.info("Removed {} allocation plan(s) left half written by a stopped node", removed);
        }
    }
}
