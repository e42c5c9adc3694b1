package vn.cungem.inventory;

import java.time.OffsetDateTime;
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

    /** {@code cursor}: pass it as {@code after} for the devices that come after this one. */
    public record Waiting(
            long itemId,
            String tag,
            String type,
            String description,
            String status,
            boolean atTeamPlace,
            String cursor) {}

    /** Counts stop here: a count past it says "more than" ({@link #COUNT_CAP} + 1), so a count never reads more. */
    public static final long COUNT_CAP = 1_000;

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
     * allowed to see the team. The ones at the team's own workshop first, then the others; oldest first in each: they
     * have waited longest. {@link #PAGE_SIZE} at a time after {@code after} (a {@link Waiting#cursor()}, or null for
     * the first page): by keyset, never by an offset.
     */
    public List<Waiting> queue(long teamId, long teamUnitId, List<Job> jobs, Caller caller, String after) {
        List<Job> wanted = jobs == null || jobs.isEmpty() ? List.of(Job.values()) : jobs;
        boolean others = after != null && after.startsWith("o");
        long afterId = cursorId(after);
        List<Waiting> out = new java.util.ArrayList<>();
        if (!others) {
            out.addAll(part(teamId, teamUnitId, wanted, caller, true, afterId, PAGE_SIZE));
        }
        if (out.size() < PAGE_SIZE) {
            out.addAll(part(teamId, teamUnitId, wanted, caller, false, others ? afterId : 0, PAGE_SIZE - out.size()));
        }
        return out;
    }

    private List<Waiting> part(
            long teamId, long teamUnitId, List<Job> jobs, Caller caller, boolean atTeam, long afterId, int limit) {
        String bucket = atTeam
                ? " and p.volunteer_team_id = ?"
                : " and (p.volunteer_team_id is null or p.volunteer_team_id <> ?)";
        return jdbc.sql("select i.id, i.tag, i.item_type, i.description, i.status"
                        + " from inventory_item i left join inventory_place p on p.id = i.place_id "
                        + where(teamUnitId, jobs, caller) + bucket + " and i.id > ? order by i.id"
                        + " fetch first ? rows only")
                .params(teamId, teamId, afterId, limit)
                .query((rs, n) -> new Waiting(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        atTeam,
                        (atTeam ? "w" : "o") + rs.getLong(1)))
                .list();
    }

    /** The item id a cursor names; 0 (from the start) for anything that is not one of ours. */
    private static long cursorId(String cursor) {
        if (cursor == null || cursor.length() < 2 || cursor.length() > 20 || "wo".indexOf(cursor.charAt(0)) < 0) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(cursor.substring(1)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * How many devices wait for each job, for the same devices {@link #queue} lists, counted up to {@link #COUNT_CAP}
     * (a team of the whole country would otherwise count a third of the inventory on every view).
     */
    public Map<Job, Long> counts(long teamId, long teamUnitId, Caller caller) {
        Map<Job, Long> counts = new EnumMap<>(Job.class);
        for (Job job : Job.values()) {
            counts.put(
                    job,
                    jdbc.sql("select count(*) from (select 1 from inventory_item i"
                                    + " left join inventory_place p on p.id = i.place_id "
                                    + where(teamUnitId, List.of(job), caller) + " fetch first ? rows only) c")
                            .params(teamId, COUNT_CAP + 1)
                            .query(Long.class)
                            .single());
        }
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
