package vn.cungem.identity.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.TeamMembership;
import vn.cungem.shared.text.VietnameseText;

/** Identity answers "which team is this volunteer in" from the account row, read fresh so a move takes effect. */
@Component
class TeamMembershipFromAccounts implements TeamMembership {

    private final JdbcClient jdbc;
    private final UnitScopes scopes;

    TeamMembershipFromAccounts(JdbcClient jdbc, UnitScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    @Override
    public Optional<Long> teamOf(Caller caller) {
        if (caller == null || caller.accountId() == null || !caller.is(Role.VOLUNTEER_TECHNICIAN)) {
            return Optional.empty();
        }
        return jdbc.sql("select volunteer_team_id from user_account where id = ? and enabled = true")
                .param(caller.accountId())
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, Long.class)))
                .optional()
                .flatMap(team -> team);
    }

    @Override
    public Optional<Long> unitOfTeam(long teamId) {
        return jdbc.sql("select unit_id from volunteer_team where id = ?")
                .param(teamId)
                .query(Long.class)
                .optional();
    }

    @Override
    public List<TeamName> find(Caller caller, String nameQuery, int limit) {
        String wanted = nameQuery == null ? "" : VietnameseText.fold(nameQuery.strip());
        // a scope holds tens of teams, not thousands: folded and matched here, in the name order people read
        return jdbc
                .sql("select id, name, unit_id from volunteer_team t where " + scopes.unitFilter(caller, "t.unit_id")
                        + " order by name_sort, id fetch first 2000 rows only")
                .query((rs, n) -> new TeamName(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list()
                .stream()
                .filter(t -> wanted.isEmpty() || VietnameseText.fold(t.name()).contains(wanted))
                .limit(Math.max(1, Math.min(limit, 100)))
                .toList();
    }

    @Override
    public Map<Long, String> names(Collection<Long> teamIds) {
        Map<Long, String> names = new HashMap<>();
        teamIds.stream()
                .distinct()
                .forEach(id -> jdbc.sql("select name from volunteer_team where id = ?")
                        .param(id)
                        .query(String.class)
                        .optional()
                        .ifPresent(name -> names.put(id, name)));
        return names;
    }
}
