package vn.cungem.student.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the campaigns whose students were registered before the counts were kept (V240), once, at start: from then on
 * every change keeps them.
 */
@Component
class TallyCatchUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TallyCatchUp.class);

    private final StudentTallies tallies;
    private final TransactionTemplate transaction;

    TallyCatchUp(StudentTallies tallies, TransactionTemplate transaction) {
        this.tallies = tallies;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (long campaign : tallies.campaignsNotCounted()) {
            transaction.executeWithoutResult(tx -> tallies.recount(campaign));
            log.info("Counted the students of campaign {} for the roll-up", campaign);
        }
    }
}
