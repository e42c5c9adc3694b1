package vn.cungem.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.identity.account.AccountChanges;
import vn.cungem.identity.account.Grant;
import vn.cungem.identity.account.Invitations;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.text.VietnameseText;

/**
 * Volunteer teams ("IT áo xanh", 001) as the volunteer module needs them: identity keeps the table because a team is
 * part of who an account is (a technician's scope is their team's unit). A team is seen by managers covering its unit,
 * by administrators and by its own members; everyone else gets the same 404 as for a team that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class VolunteerTeams {

    public static final String ENTITY = "volunteer_team";

    public record Team(long id, String name, long unitId, String unitName, long members) {}

    public record Member(long accountId, String fullName, String email, boolean invitationPending, boolean enabled) {}

    private final JdbcClient jdbc;
    private final UnitScopes scopes;
    private final Accounts accounts;
    private final Invitations invitations;
    private final AccountChanges changes;
    private final ApplicationEventPublisher events;

    VolunteerTeams(
            JdbcClient jdbc,
            UnitScopes scopes,
            Accounts accounts,
            Invitations invitations,
            AccountChanges changes,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.accounts = accounts;
        this.invitations = invitations;
        this.changes = changes;
        this.events = events;
    }

    /** A manager renames a team in their scope; another team of the same unit with that name is a conflict. */
    @Transactional
    public Team rename(long teamId, String name, String reason, Caller caller) {
        Team team = get(teamId, caller);
        if (!mayManage(caller, team.unitId())) {
            throw new NotFoundException(ENTITY, teamId);
        }
        String tidy = VietnameseText.tidy(name);
        if (tidy == null || tidy.isEmpty() || tidy.length() > 200) {
            throw InvalidValueException.of("team.name", "account.error.team-name");
        }
        if (tidy.equals(team.name())) {
            return team;
        }
        boolean taken = jdbc.sql("select count(*) from volunteer_team where unit_id = ? and name = ? and id <> ?")
                        .params(team.unitId(), tidy, teamId)
                        .query(Long.class)
                        .single()
                > 0;
        if (taken) {
            throw ConflictException.of("team.name-taken", "account.error.team-name-taken", tidy);
        }
        jdbc.sql("update volunteer_team set name = ?, name_sort = ? where id = ?")
                .params(tidy, VietnameseText.sortKey(tidy), teamId)
                .update();
        events.publishEvent(DomainChange.updated(
                ENTITY, teamId, team.unitId(), Map.of("name", team.name()), Map.of("name", tidy), reason(reason)));
        return get(teamId, caller);
    }

    /**
     * A manager removes a technician from the team, with a reason (required, audited). A technician's only scope is
     * their team, so removing means the account is disabled and its sessions end; it keeps pointing at the team, so
     * the hours, steps and certificates it earned there stay readable and the team page shows it as having left.
     */
    @Transactional
    public Member removeMember(long teamId, long accountId, String reason, Caller caller) {
        Team team = get(teamId, caller);
        if (!mayManage(caller, team.unitId())) {
            throw new NotFoundException(ENTITY, teamId);
        }
        Member member = member(teamId, accountId, caller);
        String why = reason(reason);
        if (why == null) {
            throw InvalidValueException.of("team.remove-reason", "account.error.team-remove-reason");
        }
        if (!member.enabled()) {
            return member;
        }
        changes.setEnabled(caller, accountId, false, why);
        events.publishEvent(new DomainChange(
                ENTITY,
                String.valueOf(teamId),
                "MEMBER_REMOVED",
                team.unitId(),
                Map.of("member", member.fullName()),
                Map.of(),
                why));
        return member(teamId, accountId, caller);
    }

    private static String reason(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String tidy = raw.strip();
        if (tidy.length() > 500) {
            throw InvalidValueException.of("team.reason", "account.error.team-reason-long");
        }
        return tidy;
    }

    /** Whether the caller may create teams under a unit and invite members into its teams. */
    public boolean mayManage(Caller caller, long unitId) {
        return caller.isAdmin() || (caller.is(Role.PROGRAMME_MANAGER) && scopes.covers(caller, unitId));
    }

    /** A manager's new team under a unit in their scope; the same name in the same unit returns that team. */
    @Transactional
    public Team create(Caller caller, String name, Long unitId) {
        if (unitId == null) {
            throw InvalidValueException.of("team.unit", "volunteer.team.error.unit");
        }
        if (!mayManage(caller, unitId)) {
            throw new NotFoundException("unit", unitId);
        }
        return get(accounts.createVolunteerTeam(name, unitId), caller);
    }

    /** The teams the caller may see, by name: a technician sees their own. */
    public List<Team> visible(Caller caller) {
        String where = caller.is(Role.VOLUNTEER_TECHNICIAN)
                ? "t.id = (select a.volunteer_team_id from user_account a where a.id = "
                        + (caller.accountId() == null ? -1 : caller.accountId()) + ")"
                : caller.isAdmin() || caller.is(Role.PROGRAMME_MANAGER)
                        ? scopes.unitFilter(caller, "t.unit_id")
                        : "1=0";
        return teams("where " + where + " order by t.name_sort, t.id");
    }

    public Team get(long teamId, Caller caller) {
        Team team = teams("where t.id = ?", teamId).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(ENTITY, teamId));
        boolean member =
                caller.accountId() != null && teamOfAccount(caller.accountId()).orElse(-1L) == teamId;
        if (!member
                && !((caller.isAdmin() || caller.is(Role.PROGRAMME_MANAGER)) && scopes.covers(caller, team.unitId()))) {
            throw new NotFoundException(ENTITY, teamId);
        }
        return team;
    }

    /** The team's technicians, by name; only for those who may see the team. */
    public List<Member> members(long teamId, Caller caller) {
        get(teamId, caller);
        return jdbc.sql("""
                        select id, full_name, email, password_hash is null, enabled
                          from user_account where volunteer_team_id = ? and role = 'VOLUNTEER_TECHNICIAN'
                         order by full_name, id""")
                .param(teamId)
                .query((rs, n) ->
                        new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5)))
                .list();
    }

    /**
     * Invites a technician into the team through identity's invitation (a link by email, valid 7 days); inviting the
     * same email again while the invitation is open sends a fresh link and adds no one twice.
     */
    @Transactional
    public long invite(long teamId, String email, String fullName, Caller caller) {
        Team team = get(teamId, caller);
        if (!mayManage(caller, team.unitId())) {
            throw new NotFoundException(ENTITY, teamId);
        }
        return invitations.invite(
                caller, email, fullName, new Grant(Role.VOLUNTEER_TECHNICIAN, null, null, null, teamId));
    }

    /** The team an account works in, if any (any role: a former technician's certificate still names the team). */
    public Optional<Long> teamOfAccount(long accountId) {
        return jdbc.sql("select volunteer_team_id from user_account where id = ?")
                .param(accountId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, Long.class)))
                .optional()
                .flatMap(t -> t);
    }

    /** A member of the team by account id, for whoever may see the team; otherwise 404. */
    public Member member(long teamId, long accountId, Caller caller) {
        return members(teamId, caller).stream()
                .filter(m -> m.accountId() == accountId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("account", accountId));
    }

    private List<Team> teams(String where, Object... params) {
        return jdbc.sql("""
                        select t.id, t.name, t.unit_id, u.name,
                               (select count(*) from user_account a
                                 where a.volunteer_team_id = t.id and a.role = 'VOLUNTEER_TECHNICIAN')
                          from volunteer_team t join org_unit u on u.id = t.unit_id """ + " " + where)
                .params(params)
                .query((rs, n) ->
                        new Team(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5)))
                .list();
    }
}
