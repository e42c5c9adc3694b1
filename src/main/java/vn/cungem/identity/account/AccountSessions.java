package vn.cungem.identity.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends an account's signed-in sessions through Spring Session's principal-name index (the {@code principal_name}
 * column; attributes go with them by cascade), so a change of password, scope or status takes effect at once.
 */
@Component
class AccountSessions {

    private final JdbcClient jdbc;

    AccountSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int endAll(String email) {
        return jdbc.sql("delete from spring_session where principal_name = ?")
                .param(email)
                .update();
    }

    /** @param keepSessionId the session to keep; null ends them all */
    int endAllBut(String email, String keepSessionId) {
        if (keepSessionId == null) {
            return endAll(email);
        }
        return jdbc.sql("delete from spring_session where principal_name = ? and session_id <> ?")
                .params(email, keepSessionId)
                .update();
    }
}
