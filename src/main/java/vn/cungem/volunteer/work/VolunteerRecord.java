package vn.cungem.volunteer.work;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.Campaigns;
import vn.cungem.identity.VolunteerTeams;
import vn.cungem.inventory.WorkQueue;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;

/**
 * What one volunteer gave, per campaign: devices processed (each counted once however many steps), steps recorded,
 * and hours (those they logged plus those of their repair lines). Seen by the volunteer and by the team's managers.
 */
@Service
@Transactional(readOnly = true)
public class VolunteerRecord {

    public record Line(long campaignId, String campaignName, long items, long steps, long minutes) {
        public String hours() {
            return HoursInput.hoursText(minutes);
        }
    }

    public record Summary(
            VolunteerTeams.Team team,
            VolunteerTeams.Member member,
            List<Line> lines,
            List<WorkQueue.Done> done,
            List<Hours.Shift> shifts) {}

    private final VolunteerTeams teams;
    private final WorkQueue queue;
    private final Hours hours;
    private final Campaigns campaigns;

    VolunteerRecord(VolunteerTeams teams, WorkQueue queue, Hours hours, Campaigns campaigns) {
        this.teams = teams;
        this.queue = queue;
        this.hours = hours;
        this.campaigns = campaigns;
    }

    /**
     * The member's record; 404 unless the account is in the team and the reader is that volunteer or manages the team
     * (teammates share the queue, not each other's hours).
     */
    public Summary of(long teamId, long accountId, Caller reader) {
        VolunteerTeams.Team team = teams.get(teamId, reader);
        boolean self = reader.accountId() != null && reader.accountId() == accountId;
        if (!self && !teams.mayManage(reader, team.unitId())) {
            throw new NotFoundException("account", accountId);
        }
        VolunteerTeams.Member member = teams.member(teamId, accountId, reader);
        return new Summary(
                team, member, lines(accountId, reader), queue.doneBy(accountId, reader, 50), hours.of(accountId, 50));
    }

    List<Line> lines(long accountId, Caller reader) {
        Map<Long, long[]> byCampaign = new TreeMap<>();
        for (WorkQueue.Tally t : queue.tally(accountId, reader)) {
            byCampaign.put(t.campaignId(), new long[] {t.items(), t.steps(), t.repairMinutes()});
        }
        hours.minutesByCampaign(accountId)
                .forEach((campaign, minutes) -> byCampaign.computeIfAbsent(campaign, c -> new long[3])[2] += minutes);
        List<Line> lines = new ArrayList<>();
        byCampaign.forEach(
                (campaign, f) -> lines.add(new Line(campaign, campaigns.nameOf(campaign), f[0], f[1], f[2])));
        return lines;
    }
}
