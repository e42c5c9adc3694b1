package vn.cungem.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;

/**
 * Reading the unit tree: single units, pages of children, search within scope and the paths shown beside results.
 *
 * <p>SQL lists order by {@code name_sort} ({@link VietnameseText#sortKey}, Vietnamese dictionary order, the same on H2
 * and PostgreSQL), then by id so equal names keep a stable page order. Search stays on {@code name_folded}.
 */
@Component
class UnitQueries {

    private static final String UNIT_COLUMNS = "u.id, u.code, u.name, u.level_code, u.parent_id, u.retired_on";

    private final JdbcClient jdbc;
    private final Access access;

    UnitQueries(JdbcClient jdbc, Access access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    Optional<Unit> find(long id) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from administrative_unit u where u.id = ?")
                .param(id)
                .query(UnitQueries::unit)
                .optional();
    }

    Optional<Unit> findByCode(String code) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from administrative_unit u where u.code = ?")
                .param(code == null ? "" : code.strip())
                .query(UnitQueries::unit)
                .optional();
    }

    Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        List<Long> distinct = List.copyOf(new HashSet<>(ids));
        String marks = String.join(",", Collections.nCopies(distinct.size(), "?"));
        jdbc.sql("select id, name from administrative_unit where id in (" + marks + ")")
                .params(distinct.toArray())
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
                .list();
        return names;
    }

    /** The unit if the caller may see it; otherwise the same 404 as a missing id. */
    Unit get(long id, Caller caller) {
        Unit unit = find(id).orElseThrow(() -> new NotFoundException("unit", id));
        access.requireSeeUnit(caller, id);
        return unit;
    }

    List<Crumb> breadcrumb(long unitId, Caller caller) {
        List<Crumb> raw = jdbc.sql("""
                        select a.id, a.code, a.name from unit_closure c join administrative_unit a on a.id = c.ancestor_id
                        where c.descendant_id = ? order by c.depth desc""")
                .param(unitId)
                .query((rs, n) -> new Crumb(rs.getLong(1), rs.getString(2), rs.getString(3), false))
                .list();
        return raw.stream()
                .map(c -> new Crumb(c.id(), c.code(), c.name(), access.canSeeUnit(caller, c.id())))
                .toList();
    }

    long activeChildren(long id) {
        return jdbc.sql("select count(*) from administrative_unit where parent_id = ? and retired_on is null")
                .param(id)
                .query(Long.class)
                .single();
    }

    ResultPage<Unit> children(long parentId, boolean includeRetired, int page, Caller caller) {
        get(parentId, caller);
        String where = "u.parent_id = ?" + (includeRetired ? "" : " and u.retired_on is null");
        return page(where, List.of(parentId), page);
    }

    ResultPage<UnitHit> search(String query, Long parentId, boolean includeRetired, int page, Caller caller) {
        String folded = VietnameseText.fold(query);
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(access.visibleUnits(caller, "u.id"));
        if (!includeRetired) {
            where.append(" and u.retired_on is null");
        }
        if (parentId != null) {
            get(parentId, caller);
        }
        if (folded.isEmpty()) {
            if (parentId != null) {
                where.append(" and u.parent_id = ?");
                params.add(parentId);
            } else if (caller.isAdmin()) {
                where.append(" and u.parent_id is null");
            } else if (caller.scope().unitId() != null) {
                where.append(" and u.id = ?");
                params.add(caller.scope().unitId());
            } else {
                where.append(" and 1=0");
            }
        } else {
            where.append(" and (u.name_folded like ? or u.code = ?)");
            params.add(VietnameseText.likeContains(folded));
            params.add(query.strip());
            if (parentId != null) {
                where.append(" and u.id in (select descendant_id from unit_closure where ancestor_id = ?)");
                params.add(parentId);
            }
        }
        ResultPage<Unit> units = page(where.toString(), params, page);
        Map<Long, List<String>> paths =
                paths(units.items().stream().map(Unit::id).toList());
        List<UnitHit> hits = units.items().stream()
                .map(u -> new UnitHit(u, paths.getOrDefault(u.id(), List.of())))
                .toList();
        return new ResultPage<>(hits, units.page(), units.size(), units.total());
    }

    private ResultPage<Unit> page(String where, List<Object> params, int page) {
        int p = Math.max(page, 0);
        long total = jdbc.sql("select count(*) from administrative_unit u where " + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(UnitDirectory.PAGE_SIZE);
        pageParams.add(p * UnitDirectory.PAGE_SIZE);
        List<Unit> items = jdbc.sql("select " + UNIT_COLUMNS + " from administrative_unit u where " + where
                        + " order by u.name_sort nulls last, u.id limit ? offset ?")
                .params(pageParams)
                .query(UnitQueries::unit)
                .list();
        return new ResultPage<>(items, p, UnitDirectory.PAGE_SIZE, total);
    }

    /** Ancestor names (root first, the unit excluded) of a page of units, in one query. */
    private Map<Long, List<String>> paths(List<Long> ids) {
        Map<Long, List<String>> paths = new HashMap<>();
        if (ids.isEmpty()) {
            return paths;
        }
        String marks = String.join(",", ids.stream().map(id -> "?").toList());
        jdbc.sql("select c.descendant_id, a.name from unit_closure c join administrative_unit a on a.id = c.ancestor_id"
                        + " where c.descendant_id in (" + marks
                        + ") and c.depth > 0 order by c.descendant_id, c.depth desc")
                .params(new ArrayList<Object>(ids))
                .query((ResultSet rs) -> {
                    paths.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return paths;
    }

    private static Unit unit(ResultSet rs, int n) throws SQLException {
        long parent = rs.getLong(5);
        Long parentId = rs.wasNull() ? null : parent;
        java.sql.Date retired = rs.getDate(6);
        return new Unit(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                parentId,
                retired == null ? null : retired.toLocalDate());
    }
}
