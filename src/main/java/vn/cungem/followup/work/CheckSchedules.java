package vn.cungem.followup.work;

import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.followup.CheckSchedule;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;

/**
 * When schools check, per campaign. A change applies to devices handed over from then on; checks already planned keep
 * their dates, so a school's list does not move under it.
 */
@Service
@Transactional(readOnly = true)
public class CheckSchedules {

    public static final String ENTITY = "followup_schedule";

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final ApplicationEventPublisher events;

    CheckSchedules(JdbcClient jdbc, Campaigns campaigns, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.events = events;
    }

    /** The campaign's schedule, or the default when it has set none; no scope check (the listener asks it). */
    public CheckSchedule of(long campaignId) {
        List<Integer> days = jdbc.sql("select after_days from followup_schedule where campaign_id = ? order by 1")
                .param(campaignId)
                .query(Integer.class)
                .list();
        return days.isEmpty() ? CheckSchedule.DEFAULT : new CheckSchedule(days);
    }

    /** Whether a campaign has set its own dates (pages say it is the default otherwise). */
    public boolean isSet(long campaignId) {
        return jdbc.sql("select count(*) from followup_schedule where campaign_id = ?")
                        .param(campaignId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The schedule as a reader who may see the campaign sees it. */
    public CheckSchedule get(long campaignId, Caller caller) {
        campaigns.get(campaignId, caller);
        return of(campaignId);
    }

    public boolean mayChange(long campaignId, Caller caller) {
        return campaigns.isVisible(campaignId, caller)
                && campaigns
                        .find(campaignId)
                        .map(c -> campaigns.canEdit(c, caller))
                        .orElse(false);
    }

    /** Managers of the organising unit (or above) set it; setting the same days again changes nothing. */
    @Transactional
    public CheckSchedule set(long campaignId, CheckSchedule schedule, Caller caller) {
        Campaign campaign = campaigns.get(campaignId, caller);
        if (!campaigns.canEdit(campaign, caller)) {
            throw new NotFoundException(ENTITY, campaignId);
        }
        CheckSchedule before = of(campaignId);
        if (before.equals(schedule) && isSet(campaignId)) {
            return schedule;
        }
        jdbc.sql("delete from followup_schedule where campaign_id = ?")
                .param(campaignId)
                .update();
        for (int days : schedule.afterDays()) {
            jdbc.sql("insert into followup_schedule (campaign_id, after_days) values (?, ?)")
                    .params(campaignId, days)
                    .update();
        }
        events.publishEvent(DomainChange.updated(
                ENTITY,
                campaignId,
                campaign.spec().organisingUnitId(),
                Map.of("afterDays", before.text()),
                Map.of("afterDays", schedule.text()),
                null));
        return schedule;
    }
}
