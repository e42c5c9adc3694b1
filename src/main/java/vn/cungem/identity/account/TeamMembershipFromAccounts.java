package vn.cungem.identity.account;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.TeamMembership;

/** Identity answers "which team is this volunteer in" from the account row, read fresh so a move takes effect. */
@Component
class TeamMembershipFromAccounts implements TeamMembership {

    private final JdbcClient jdbc;

    TeamMembershipFromAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
}
