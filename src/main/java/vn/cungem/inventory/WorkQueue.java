package vn.cungem.inventory;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.security.Caller;

/**
 * A volunteer team's work, read from the workshop's records for the volunteer module: the queue (devices in the team's
 * unit waiting for a workshop step, the ones at the team's own workshop first) and what a person did. Every read is
 * also limited to the reader's own scope, so a page can never show more than the item pages would.
 */
@Service
@Transactional(readOnly = true)
public class WorkQueue {

    public static final int PAGE_SIZE = 50;

    /** The next job a device in the workshop waits for, by the state it is in (inventory.lifecycle.ItemStatus). */
    public enum Job {
        INSPECT("RECEIVED", "RETURNED", "IN_INSPECTION"),
        REPAIR("NEEDS_REPAIR", "IN_REPAIR"),
        INSTALL("WIPED"),
        FINISH("SOFTWARE_INSTALLED");

        private final List<String> statuses;

        Job(String... statuses) {
            this.statuses = List.of(statuses);
        }

        public List<String> statuses() {
            return statuses;
        }

        public String labelKey() {
            return "volunteer.job." + name();
        }

        static String inList(List<Job> jobs) {
            return jobs.stream()
                    .flatMap(j -> j.statuses.stream())
                    .map(s -> "'" + s + "'")
                    .collect(Collectors.joining(", ", "(", ")"));
        }
    }

    public record Waiting(
            long itemId, String tag, String type, String description, String status, boolean atTeamPlace) {}

    public record Done(
            String tag, long campaignId, String step, String from, String to, String note, OffsetDateTime at) {}

    /** What one person did for one campaign: devices they moved on, steps recorded, hours logged on repairs. */
    public record Tally(long campaignId, long items, long steps, long repairMinutes) {}

    private final JdbcClient jdbc;
    private final UnitScopes scopes;

    WorkQueue(JdbcClient jdbc, UnitScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /**
     * Devices in the team's unit (or at its workshop) waiting for one of the jobs, not travelling; the caller has been
     * allowed to see the team. Oldest first: they have waited longest.
     */
    public List<Waiting> queue(long teamId, long teamUnitId, List<Job> jobs, Caller caller, int page) {
        List<Job> wanted = jobs == null || jobs.isEmpty() ? List.of(Job.values()) : jobs;
        return jdbc.sql("select i.id, i.tag, i.item_type, i.description, i.status, "
                        + " case when p.volunteer_team_id = ? then 1 else 0 end"
                        + " from inventory_item i left join inventory_place p on p.id = i.place_id "
                        + where(teamUnitId, wanted, caller)
                        + " order by case when p.volunteer_team_id = ? then 0 else 1 end, i.id"
                        + " offset ? rows fetch next ? rows only")
                .params(teamId, teamId, teamId, Math.max(0, page) * PAGE_SIZE, PAGE_SIZE)
                .query((rs, n) -> new Waiting(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6) == 1))
                .list();
    }

    /** How many devices wait for each job, for the same devices {@link #queue} lists. */
    public Map<Job, Long> counts(long teamId, long teamUnitId, Caller caller) {
        Map<Job, Long> counts = new EnumMap<>(Job.class);
        Arrays.stream(Job.values()).forEach(j -> counts.put(j, 0L));
        jdbc.sql("select i.status, count(*) from inventory_item i left join inventory_place p on p.id = i.place_id "
                        + where(teamUnitId, List.of(Job.values()), caller) + " group by i.status")
                .param(teamId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(row -> Arrays.stream(Job.values())
                        .filter(j -> j.statuses.contains(row.getKey()))
                        .forEach(j -> counts.merge(j, row.getValue(), Long::sum)));
        return counts;
    }

    /** The steps a person's account made that took effect, newest first, on devices the reader may see. */
    public List<Done> doneBy(long accountId, Caller reader, int limit) {
        return jdbc.sql("""
                        select i.tag, i.campaign_id, h.step, h.from_status, h.to_status, h.note, h.created_at
                          from inventory_item_history h join inventory_item i on i.id = h.item_id
                         where h.actor_account_id = ? and h.outcome = 'APPLIED' and """
                        + " " + scopes.unitFilter(reader, "i.unit_id") + " order by h.id desc fetch first ? rows only")
                .params(accountId, Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> new Done(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class)))
                .list();
    }

    /** A person's work per campaign, on devices the reader may see. */
    public List<Tally> tally(long accountId, Caller reader) {
        String scope = scopes.unitFilter(reader, "i.unit_id");
        Map<Long, Long> minutes = jdbc
                .sql("select r.campaign_id, sum(r.minutes) from inventory_repair r"
                        + " join inventory_item_history h on h.id = r.history_id"
                        + " join inventory_item i on i.id = r.item_id"
                        + " where h.actor_account_id = ? and " + scope + " group by r.campaign_id")
                .param(accountId)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return jdbc.sql("select i.campaign_id, count(distinct i.id), count(*) from inventory_item_history h"
                        + " join inventory_item i on i.id = h.item_id"
                        + " where h.actor_account_id = ? and h.outcome = 'APPLIED' and " + scope
                        + " group by i.campaign_id order by i.campaign_id")
                .param(accountId)
                .query((rs, n) ->
                        new Tally(rs.getLong(1), rs.getLong(2), rs.getLong(3), minutes.getOrDefault(rs.getLong(1), 0L)))
                .list();
    }

    private String where(long teamUnitId, List<Job> jobs, Caller caller) {
        // the team's unit subtree, or its own workshop; never more than the reader's own scope
        return " where i.status in " + Job.inList(jobs) + " and i.transfer_id is null"
                + " and (" + scopes.within("i.unit_id", teamUnitId) + " or p.volunteer_team_id = ?)"
                + " and " + scopes.unitFilter(caller, "i.unit_id");
    }
}
