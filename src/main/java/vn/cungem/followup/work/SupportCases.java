package vn.cungem.followup.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.followup.CaseStatus;
import vn.cungem.followup.CheckAnswer;
import vn.cungem.identity.VolunteerTeams;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;

/**
 * Support cases: a problem a school found at a check, for the volunteer teams whose unit holds the school (a district's
 * IT áo xanh team sees the cases of its district's schools). A volunteer takes a case and resolves it with a note;
 * managers covering the school may do the same, and the school's officer follows its status. Volunteers see the device,
 * the school and the problem, never the child's name.
 */
@Service
@Transactional(readOnly = true)
public class SupportCases {

    public static final String ENTITY = "followup_case";
    public static final int NOTE_MAX = 500;

    public record CaseView(
            long id,
            long checkId,
            long followUpId,
            long schoolId,
            long unitId,
            CaseStatus status,
            String takenBy,
            String resolutionNote,
            OffsetDateTime resolvedAt,
            OffsetDateTime createdAt,
            String tag,
            LocalDate handedOn,
            int afterDays,
            boolean deviceBroken,
            boolean simExpired,
            boolean noSignal,
            boolean otherProblem,
            String note) {

        public List<String> problemKeys() {
            return CheckAnswer.problemKeys(deviceBroken, simExpired, noSignal, otherProblem);
        }
    }

    private static final String SELECT = """
            select k.id, k.followup_check_id, k.followup_handover_id, k.school_id, k.unit_id, k.status,
                   k.taken_by_name, k.resolution_note, k.resolved_at, k.created_at, h.tag, h.handed_on,
                   c.after_days, c.device_broken, c.sim_expired, c.no_signal, c.other_problem, c.note
              from followup_case k
              join followup_check c on c.id = k.followup_check_id
              join followup_handover h on h.id = k.followup_handover_id
            """;

    private final JdbcClient jdbc;
    private final FollowUpAccess access;
    private final VolunteerTeams teams;
    private final ApplicationEventPublisher events;

    SupportCases(JdbcClient jdbc, FollowUpAccess access, VolunteerTeams teams, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.teams = teams;
        this.events = events;
    }

    /** Opens the case of a check's problems (once per check). */
    @Transactional
    long open(long checkId, CheckView check) {
        OffsetDateTime now = OffsetDateTime.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into followup_case (followup_check_id, followup_handover_id, school_id, unit_id, status,
                                                   created_at, updated_at, version)
                        values (?, ?, ?, ?, 'OPEN', ?, ?, 0)""")
                .params(checkId, check.followUpId(), check.schoolId(), check.unitId(), now, now)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        events.publishEvent(DomainChange.created(
                ENTITY, id, check.unitId(), Map.of("status", CaseStatus.OPEN.name(), "tag", check.tag())));
        return id;
    }

    Long idOfCheck(long checkId) {
        return jdbc.sql("select id from followup_case where followup_check_id = ?")
                .param(checkId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** The cases the caller may see, open ones first, then the oldest; {@code status} narrows it. */
    public List<CaseView> list(CaseStatus status, Caller caller) {
        String where = filter(caller) + (status == null ? "" : " and k.status = '" + status.name() + "'");
        return jdbc.sql(SELECT + " where " + where + " " + """
                         order by case k.status when 'OPEN' then 0 when 'IN_PROGRESS' then 1 else 2 end,
                                  k.created_at, k.id fetch first 200 rows only""")
                .query(SupportCases::row)
                .list();
    }

    public CaseView get(long id, Caller caller) {
        return jdbc.sql(SELECT + " where k.id = ? and " + filter(caller))
                .param(id)
                .query(SupportCases::row)
                .optional()
                .orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    /** Whether the caller may take and resolve cases (a team's volunteer or a manager), not only follow them. */
    public boolean mayWork(Caller caller) {
        return caller.is(Role.VOLUNTEER_TECHNICIAN) || FollowUpAccess.isManager(caller);
    }

    /** A volunteer (or manager) takes the case; taking it again answers it unchanged (a retried request). */
    @Transactional
    public CaseView start(long id, Caller caller) {
        return move(id, CaseStatus.IN_PROGRESS, null, caller);
    }

    /** Closes the case with what was done (required); a retry once resolved answers it unchanged. */
    @Transactional
    public CaseView resolve(long id, String note, Caller caller) {
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text == null) {
            throw InvalidValueException.of("followup.case-note", "followup.case.error.note");
        }
        if (text.length() > NOTE_MAX) {
            throw InvalidValueException.of("followup.note", "followup.error.note", NOTE_MAX);
        }
        return move(id, CaseStatus.RESOLVED, text, caller);
    }

    private CaseView move(long id, CaseStatus target, String note, Caller caller) {
        CaseView current = get(id, caller);
        if (!mayWork(caller)) {
            throw new NotFoundException(ENTITY, id);
        }
        if (current.status() == target) {
            return current;
        }
        if (!current.status().mayMoveTo(target)) {
            throw ConflictException.of(
                    "followup.case-move",
                    "followup.case.error.move",
                    current.status().nameVi(),
                    target.nameVi());
        }
        OffsetDateTime now = OffsetDateTime.now();
        int changed = target == CaseStatus.IN_PROGRESS
                ? jdbc.sql("""
                                update followup_case set status = 'IN_PROGRESS', taken_by_account_id = ?,
                                       taken_by_name = ?, updated_at = ?, version = version + 1
                                 where id = ? and status = 'OPEN'""")
                        .params(caller.accountId(), caller.displayName(), now, id)
                        .update()
                : jdbc.sql("""
                                update followup_case set status = 'RESOLVED', resolution_note = ?, resolved_at = ?,
                                       updated_at = ?, version = version + 1
                                 where id = ? and status = 'IN_PROGRESS'""").params(note, now, now, id).update();
        if (changed == 0) {
            // moved by someone else meanwhile: answer from what it is now
            return move(id, target, note, caller);
        }
        events.publishEvent(DomainChange.updated(
                ENTITY,
                id,
                current.unitId(),
                Map.of("status", current.status().name()),
                Map.of("status", target.name()),
                note));
        return get(id, caller);
    }

    private String filter(Caller caller) {
        if (caller.is(Role.VOLUNTEER_TECHNICIAN)) {
            Optional<Long> team =
                    caller.accountId() == null ? Optional.empty() : teams.teamOfAccount(caller.accountId());
            if (team.isEmpty()) {
                return "1=0";
            }
            long unitId = teams.get(team.get(), caller).unitId();
            return access.scopes().within("k.unit_id", unitId);
        }
        return access.filter(caller, "k");
    }

    private static CaseView row(ResultSet rs, int n) throws SQLException {
        return new CaseView(
                rs.getLong("id"),
                rs.getLong("followup_check_id"),
                rs.getLong("followup_handover_id"),
                rs.getLong("school_id"),
                rs.getLong("unit_id"),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getString("taken_by_name"),
                rs.getString("resolution_note"),
                rs.getObject("resolved_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("tag"),
                rs.getObject("handed_on", LocalDate.class),
                rs.getInt("after_days"),
                rs.getBoolean("device_broken"),
                rs.getBoolean("sim_expired"),
                rs.getBoolean("no_signal"),
                rs.getBoolean("other_problem"),
                rs.getString("note"));
    }
}
