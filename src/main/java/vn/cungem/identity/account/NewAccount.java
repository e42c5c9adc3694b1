package vn.cungem.identity.account;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.shared.text.VietnameseText;

/**
 * A {@code user_account} row about to be written, whichever way the account comes in (invitation, sign-up, system):
 * the name always in the three forms lists search and sort by, the grant, then what that way sets besides.
 */
final class NewAccount {

    private final String email;
    private final OffsetDateTime now = OffsetDateTime.now();
    private final Map<String, Object> columns = new LinkedHashMap<>();

    NewAccount(String email, String fullName, Grant grant) {
        this.email = email;
        columns.put("email", email);
        columns.put("full_name", fullName);
        columns.put("full_name_folded", VietnameseText.fold(fullName));
        columns.put("full_name_sort", VietnameseText.sortKey(fullName));
        columns.put("role", grant.role().name());
        columns.put("unit_id", grant.unitId());
        columns.put("school_id", grant.schoolId());
        columns.put("partner_id", grant.partnerId());
        columns.put("volunteer_team_id", grant.teamId());
    }

    OffsetDateTime now() {
        return now;
    }

    NewAccount with(String column, Object value) {
        columns.put(column, value);
        return this;
    }

    /** Inserts the row and returns its id. */
    long insert(JdbcClient jdbc) {
        columns.put("created_at", now);
        columns.put("updated_at", now);
        jdbc.sql("insert into user_account (" + String.join(", ", columns.keySet()) + ") values ("
                        + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")")
                .params(new ArrayList<>(columns.values()))
                .update();
        return AccountSql.idOf(jdbc, email);
    }
}
