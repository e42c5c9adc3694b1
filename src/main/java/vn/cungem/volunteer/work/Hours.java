package vn.cungem.volunteer.work;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.Campaigns;
import vn.cungem.identity.VolunteerTeams;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;

/** Hours a volunteer logs for a day's work in a campaign; a retried form (same key) is recorded once. */
@Service
@Transactional(readOnly = true)
public class Hours {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public record Shift(long id, long campaignId, LocalDate workedOn, int minutes, String note) {
        public String hours() {
            return HoursInput.hoursText(minutes);
        }
    }

    public record NewShift(Long campaignId, LocalDate workedOn, String hours, String note) {}

    private final JdbcClient jdbc;
    private final VolunteerTeams teams;
    private final Campaigns campaigns;

    Hours(JdbcClient jdbc, VolunteerTeams teams, Campaigns campaigns) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.campaigns = campaigns;
    }

    /** The volunteer logs their own hours, in their own team, for a campaign they can see. */
    @Transactional
    public Shift log(long teamId, NewShift form, String rawKey, Caller caller) {
        teams.get(teamId, caller);
        if (!caller.is(Role.VOLUNTEER_TECHNICIAN)
                || caller.accountId() == null
                || teams.teamOfAccount(caller.accountId()).orElse(-1L) != teamId) {
            throw InvalidValueException.of("volunteer.not-member", "volunteer.hours.error.member");
        }
        String key = rawKey == null || rawKey.isBlank() ? UUID.randomUUID().toString() : rawKey.trim();
        if (key.length() > 100) {
            throw InvalidValueException.of("volunteer.key", "volunteer.error.key");
        }
        var earlier = byKey(key, caller.accountId());
        if (earlier != null) {
            return earlier;
        }
        if (form.campaignId() == null || !campaigns.isVisible(form.campaignId(), caller)) {
            throw InvalidValueException.of("volunteer.campaign", "volunteer.hours.error.campaign");
        }
        int minutes = HoursInput.minutes(form.hours());
        LocalDate day = HoursInput.day(form.workedOn(), LocalDate.now(VIETNAM));
        String note = form.note() == null || form.note().isBlank()
                ? null
                : form.note().strip();
        if (note != null && note.length() > 300) {
            throw InvalidValueException.of("volunteer.note", "volunteer.hours.error.note");
        }
        // two identical requests at the same instant: the unique key refuses the second, answered as a conflict
        jdbc.sql("""
                        insert into volunteer_shift (account_id, team_id, campaign_id, worked_on, minutes, note,
                                                     idempotency_key, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caller.accountId(), teamId, form.campaignId(), day, minutes, note, key, OffsetDateTime.now())
                .update();
        Shift saved = byKey(key, caller.accountId());
        if (saved == null) {
            throw new NotFoundException("volunteer_shift", key);
        }
        return saved;
    }

    /** The account's shifts, newest first. */
    public List<Shift> of(long accountId, int limit) {
        return jdbc.sql("""
                        select id, campaign_id, worked_on, minutes, note from volunteer_shift
                         where account_id = ? order by worked_on desc, id desc fetch first ? rows only""")
                .params(accountId, Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> new Shift(
                        rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getInt(4), rs.getString(5)))
                .list();
    }

    /** Logged minutes by campaign. */
    public Map<Long, Long> minutesByCampaign(long accountId) {
        return jdbc
                .sql("select campaign_id, sum(minutes) from volunteer_shift where account_id = ? group by campaign_id")
                .param(accountId)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Shift byKey(String key, long accountId) {
        List<Object[]> found = jdbc.sql("select id, account_id from volunteer_shift where idempotency_key = ?")
                .param(key)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2)})
                .list();
        if (found.isEmpty()) {
            return null;
        }
        if ((long) found.get(0)[1] != accountId) {
            throw InvalidValueException.of("volunteer.key", "volunteer.error.key");
        }
        return jdbc.sql("select id, campaign_id, worked_on, minutes, note from volunteer_shift where id = ?")
                .param(found.get(0)[0])
                .query((rs, n) -> new Shift(
                        rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getInt(4), rs.getString(5)))
                .single();
    }
}
