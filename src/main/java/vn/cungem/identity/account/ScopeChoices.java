package vn.cungem.identity.account;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.security.Caller;

/**
 * What the invitation form offers: units and schools are typed by their official codes (there are tens of thousands),
 * partners and volunteer teams (a few per unit) are chosen from the caller's scope. Units, schools and partners are
 * read through organisation's published views.
 */
@Service
public class ScopeChoices {

    public record Choice(long id, String name) {}

    private static final int LIMIT = 500;

    private final JdbcClient jdbc;
    private final UnitScopes scopes;
    private final IdentityText text;

    ScopeChoices(JdbcClient jdbc, UnitScopes scopes, IdentityText text) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.text = text;
    }

    @Transactional(readOnly = true)
    public List<Choice> partners(Caller caller) {
        return jdbc.sql("select p.id, p.name from org_partner p where p.retired_on is null and "
                        + scopes.unitFilter(caller, "p.home_unit_id") + " order by p.name_sort nulls last, p.id limit "
                        + LIMIT)
                .query((rs, n) -> new Choice(rs.getLong("id"), rs.getString("name")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Choice> teams(Caller caller) {
        return jdbc.sql("select t.id, t.name from volunteer_team t where " + scopes.unitFilter(caller, "t.unit_id")
                        + " order by t.name_sort nulls last, t.id limit " + LIMIT)
                .query((rs, n) -> new Choice(rs.getLong("id"), rs.getString("name")))
                .list();
    }

    /** The unit with this official code; an unknown code is a form error, scope is checked by the grant itself. */
    @Transactional(readOnly = true)
    public Long unitByCode(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return jdbc.sql("select id from org_unit where code = ?")
                .param(code.trim())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> text.invalid("unit-code-unknown", code.trim()));
    }

    @Transactional(readOnly = true)
    public Long schoolByCode(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return jdbc.sql("select id from org_school where upper(moet_code) = ?")
                .param(code.trim().toUpperCase(Locale.ROOT))
                .query(Long.class)
                .optional()
                .orElseThrow(() -> text.invalid("school-code-unknown", code.trim()));
    }
}
