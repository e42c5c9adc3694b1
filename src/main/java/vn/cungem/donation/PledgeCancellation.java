package vn.cungem.donation;

import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;

/** A manager cancelling a pledge the donor withdrew; every other status follows from what arrives. */
@Component
class PledgeCancellation {

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final PledgeQueries queries;
    private final ApplicationEventPublisher events;

    PledgeCancellation(JdbcClient jdbc, Campaigns campaigns, PledgeQueries queries, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.queries = queries;
        this.events = events;
    }

    /** Cancels a pledge the donor withdrew; once everything has arrived there is nothing left to cancel. */
    PledgeDetail cancel(long campaignId, long pledgeId, String reason, Caller caller) {
        PledgeDetail before = queries.detail(campaignId, pledgeId, caller);
        if (reason == null || reason.isBlank()) {
            throw DonationInvalidException.of("reason", "pledge.cancel.reason", "pledge.cancel.noReason");
        }
        PledgeStatus current = before.summary().status();
        if (current == PledgeStatus.CANCELLED || current == PledgeStatus.RECEIVED) {
            throw ConflictException.of("pledge.cancel.state", "pledge.cancel.already." + current.name());
        }
        jdbc.sql("update pledge set status = 'CANCELLED', updated_at = ?, version = version + 1 where id = ?")
                .params(OffsetDateTime.now(), pledgeId)
                .update();
        events.publishEvent(DomainChange.updated(
                Pledges.ENTITY,
                pledgeId,
                unitOf(pledgeId),
                Map.of("status", current.name()),
                Map.of("status", PledgeStatus.CANCELLED.name()),
                VietnameseText.tidy(reason)));
        return queries.detail(campaignId, pledgeId, caller);
    }

    private Long unitOf(long pledgeId) {
        // The collection point's unit, or the campaign organiser's when the pledge names no point.
        return jdbc.sql("""
                        select cp.unit_id, p.campaign_id from pledge p
                          left join collection_point cp on cp.id = p.collection_point_id where p.id = ?""")
                .param(pledgeId)
                .query((rs, n) -> {
                    Long pointUnit = rs.getObject(1, Long.class);
                    return pointUnit != null
                            ? pointUnit
                            : campaigns
                                    .find(rs.getLong(2))
                                    .orElseThrow()
                                    .organisingUnit()
                                    .id();
                })
                .single();
    }
}
