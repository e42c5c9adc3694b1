package vn.cungem.shared.mail;

import java.time.Duration;
import java.time.OffsetDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tries again every email whose delivery has not completed for {@code cungem.mail.retry-after} (the mail server was
 * down, or the node died mid-delivery), on one node at a time (ShedLock). A node's restart also republishes what is
 * outstanding ({@code spring.modulith.events.republish-outstanding-events-on-restart}). Delivery records older than
 * {@code cungem.mail.delivery-kept} are dropped here too: by then no retry of their message is left.
 */
@Component
public class MailRetryJob {

    private final IncompleteEventPublications incomplete;
    private final JdbcClient jdbc;
    private final Duration retryAfter;
    private final Duration deliveryKept;

    MailRetryJob(
            IncompleteEventPublications incomplete,
            JdbcClient jdbc,
            @Value("${cungem.mail.retry-after:PT1M}") Duration retryAfter,
            @Value("${cungem.mail.delivery-kept:P30D}") Duration deliveryKept) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.retryAfter = retryAfter;
        this.deliveryKept = deliveryKept;
    }

    @Scheduled(
            initialDelayString = "${cungem.mail.retry-interval:PT1M}",
            fixedDelayString = "${cungem.mail.retry-interval:PT1M}")
    @SchedulerLock(name = "shared-mail-retry", lockAtMostFor = "PT5M")
    public void retry() {
        incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
        jdbc.sql("delete from mail_delivery where delivered_at < ?")
                .param(OffsetDateTime.now().minus(deliveryKept))
                .update();
    }
}
