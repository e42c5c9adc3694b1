package vn.cungem.identity.account;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.text.VietnameseText;

/** The accounts a manager may see: those whose home unit lies in their scope (all of them for administrators). */
@Service
public class AccountQueries {

    private static final int MAX_PAGE_SIZE = 100;

    private final JdbcClient jdbc;
    private final UnitScopes scopes;

    AccountQueries(JdbcClient jdbc, UnitScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /** Accounts in the caller's scope whose folded name or email contains the folded query, newest first. */
    @Transactional(readOnly = true)
    public AccountPage list(Caller caller, String query, int page, int size) {
        requireManager(caller);
        int safeSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int safePage = Math.max(0, page);
        StringBuilder where = new StringBuilder(" where ").append(scopes.unitFilter(caller, AccountSql.HOME_UNIT));
        List<Object> params = new ArrayList<>();
        String folded = VietnameseText.fold(query);
        if (!folded.isBlank()) {
            where.append(" and (coalesce(a.full_name_folded, lower(a.full_name)) like ? escape '\\'"
                    + " or a.email like ? escape '\\')");
            String like = VietnameseText.likeContains(folded);
            params.add(like);
            params.add(like);
        }
        long total = jdbc.sql("select count(*)" + AccountSql.FROM + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(safeSize);
        pageParams.add((long) safePage * safeSize);
        List<AccountRow> rows = jdbc.sql("select " + AccountSql.COLUMNS + AccountSql.FROM + where
                        + " order by a.created_at desc, a.id desc limit ? offset ?")
                .params(pageParams)
                .query(AccountSql::row)
                .list();
        return new AccountPage(rows, total, safePage, safeSize);
    }

    /** One account in the caller's scope; a missing or out-of-scope id is the same 404. */
    @Transactional(readOnly = true)
    public AccountRow get(Caller caller, long id) {
        requireManager(caller);
        AccountRow row = AccountSql.byId(jdbc, id).orElseThrow(() -> new NotFoundException("account", id));
        if (!visible(caller, row)) {
            throw new NotFoundException("account", id);
        }
        return row;
    }

    boolean visible(Caller caller, AccountRow row) {
        if (caller.isAdmin()) {
            return true;
        }
        return row.homeUnitId() != null && scopes.covers(caller, row.homeUnitId());
    }

    private static void requireManager(Caller caller) {
        if (!caller.isAdmin() && !caller.is(Role.PROGRAMME_MANAGER)) {
            throw new AccessDeniedException("managers only");
        }
    }
}
