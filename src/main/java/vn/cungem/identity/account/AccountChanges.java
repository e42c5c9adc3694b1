package vn.cungem.identity.account;

import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;

/**
 * Managers disable, enable and re-scope accounts in their own scope, never their own account. A change ends the
 * account's sessions, which carry the old status and scope.
 */
@Service
public class AccountChanges {

    private final JdbcClient jdbc;
    private final AccountQueries queries;
    private final Grants grants;
    private final AccountSessions sessions;
    private final AccountInput input;
    private final ApplicationEventPublisher events;
    private final IdentityText text;

    AccountChanges(
            JdbcClient jdbc,
            AccountQueries queries,
            Grants grants,
            AccountSessions sessions,
            AccountInput input,
            ApplicationEventPublisher events,
            IdentityText text) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.grants = grants;
        this.sessions = sessions;
        this.input = input;
        this.events = events;
        this.text = text;
    }

    @Transactional
    public void setEnabled(Caller caller, long id, boolean enabled, String reason) {
        AccountRow row = queries.get(caller, id);
        refuseSelf(caller, id);
        if (row.enabled() == enabled) {
            return;
        }
        jdbc.sql("update user_account set enabled = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(enabled, OffsetDateTime.now(), id)
                .update();
        if (!enabled) {
            sessions.endAll(row.email());
        }
        events.publishEvent(new DomainChange(
                "account",
                String.valueOf(id),
                enabled ? "ENABLED" : "DISABLED",
                row.homeUnitId(),
                Map.of("enabled", row.enabled()),
                Map.of("enabled", enabled),
                input.reason(reason)));
    }

    /** Gives an account another role or scope; both the old and the new scope must lie in the caller's scope. */
    @Transactional
    public void changeGrant(Caller caller, long id, Grant grant, String reason) {
        AccountRow row = queries.get(caller, id);
        refuseSelf(caller, id);
        String why = input.reason(reason);
        if (why == null) {
            throw text.invalid("reason-required");
        }
        Grant resolved = grants.authorise(caller, grant);
        jdbc.sql("""
                        update user_account set role = ?, unit_id = ?, school_id = ?, partner_id = ?,
                               volunteer_team_id = ?, updated_at = ?, version = version + 1
                         where id = ?""")
                .params(
                        resolved.role().name(),
                        resolved.unitId(),
                        resolved.schoolId(),
                        resolved.partnerId(),
                        resolved.teamId(),
                        OffsetDateTime.now(),
                        id)
                .update();
        // A signed-in session carries the old scope; ending it makes the change take effect at once.
        sessions.endAll(row.email());
        events.publishEvent(new DomainChange(
                "account",
                String.valueOf(id),
                "SCOPE_CHANGED",
                grants.homeUnitOf(resolved),
                row.grant().asMap(),
                resolved.asMap(),
                why));
    }

    private void refuseSelf(Caller caller, long id) {
        if (caller.accountId() != null && caller.accountId() == id) {
            throw text.invalid("own-account");
        }
    }
}
