package vn.cungem.campaign;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * TEMPORARY PLACEHOLDER written by the infrastructure branch so the demo module compiles: the campaign branch owns the
 * real {@code DemoCampaigns} and the integrator replaces this file with it.
 */
@Component
public class DemoCampaigns {

    private static final Logger log = LoggerFactory.getLogger(DemoCampaigns.class);

    public void seed() {
        log.info("DemoCampaigns placeholder: no demo campaigns seeded");
    }
}
