package vn.cungem.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.organisation.importing.ImportPlanner;
import vn.cungem.organisation.tree.TreeRules;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;

/**
 * The administrative tree: levels, units, their closure table and the bulk import. Other modules (and the demo data
 * generator) call this façade; methods that take a {@link Caller} check scope, {@code find*} do not (use them for
 * system work only).
 *
 * <p>SQL lists order by {@code name_sort} ({@link VietnameseText#sortKey}, Vietnamese dictionary order, the same on H2
 * and PostgreSQL), then by id so equal names keep a stable page order; in-memory lists use
 * {@link VietnameseText#collation()}. Search stays on {@code name_folded}.
 */
@Service
public class UnitDirectory {

    public static final int PAGE_SIZE = 50;
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String UNIT_COLUMNS = "u.id, u.code, u.name, u.level_code, u.parent_id, u.retired_on";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ApplicationEventPublisher events;
    private final Access access;

    UnitDirectory(JdbcClient jdbc, JdbcTemplate batch, ApplicationEventPublisher events, Access access) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.events = events;
        this.access = access;
    }

    // ---- levels

    public List<Level> levels() {
        return jdbc.sql("select code, rank_order, name_vi, name_en from administrative_level order by rank_order")
                .query((rs, n) -> new Level(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public Optional<Level> level(String code) {
        return levels().stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /**
     * Returns the level with this code, adding it first when it is missing (idempotent; for seeding and the levels
     * page). A different level already holding the same rank is a conflict.
     */
    @Transactional
    public Level ensureLevel(String code, int rank, String nameVi, String nameEn) {
        String levelCode = TreeRules.requireLevelCode(code);
        String vi = TreeRules.requireName(nameVi, 100);
        String en = TreeRules.requireName(nameEn, 100);
        Optional<Level> existing = level(levelCode);
        if (existing.isPresent()) {
            return existing.get();
        }
        boolean rankTaken = levels().stream().anyMatch(l -> l.rank() == rank);
        if (rankTaken) {
            throw new ConflictException(
                    "level.rank.taken",
                    "Đã có một cấp khác ở thứ bậc " + rank + ".",
                    "Another level already has rank " + rank + ".");
        }
        jdbc.sql("insert into administrative_level (code, rank_order, name_vi, name_en) values (?, ?, ?, ?)")
                .params(levelCode, rank, vi, en)
                .update();
        Level level = new Level(levelCode, rank, vi, en);
        events.publishEvent(DomainChange.created(
                "AdministrativeLevel",
                levelCode,
                null,
                Map.of("code", levelCode, "rank", rank, "nameVi", vi, "nameEn", en)));
        return level;
    }

    /** Adds a level from the admin page: admins only. */
    @Transactional
    public Level addLevel(Caller caller, String code, int rank, String nameVi, String nameEn) {
        if (!caller.isAdmin()) {
            throw new AccessDeniedException("admin only");
        }
        if (level(TreeRules.requireLevelCode(code)).isPresent()) {
            throw new ConflictException(
                    "level.exists", "Đã có cấp mã \"" + code + "\".", "A level with code \"" + code + "\" exists.");
        }
        return ensureLevel(code, rank, nameVi, nameEn);
    }

    // ---- reading

    public Optional<Unit> find(long id) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from administrative_unit u where u.id = ?")
                .param(id)
                .query(UnitDirectory::unit)
                .optional();
    }

    /** The names of these units by id, in one query (for lists that show a unit beside each row). */
    public Map<Long, String> names(java.util.Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        List<Long> distinct = List.copyOf(new HashSet<>(ids));
        String marks = String.join(",", java.util.Collections.nCopies(distinct.size(), "?"));
        jdbc.sql("select id, name from administrative_unit where id in (" + marks + ")")
                .params(distinct.toArray())
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
                .list();
        return names;
    }

    public Optional<Unit> findByCode(String code) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from administrative_unit u where u.code = ?")
                .param(code == null ? "" : code.strip())
                .query(UnitDirectory::unit)
                .optional();
    }

    /** The unit if the caller may see it; otherwise the same 404 as a missing id. */
    public Unit get(long id, Caller caller) {
        Unit unit = find(id).orElseThrow(() -> new NotFoundException("unit", id));
        access.requireSeeUnit(caller, id);
        return unit;
    }

    public boolean canSee(Caller caller, long unitId) {
        return access.canSeeUnit(caller, unitId);
    }

    /** Whether the caller may add, rename, move or retire units under this one. */
    public boolean canChangeBelow(Caller caller, long unitId) {
        return access.canManage(caller) && (caller.isAdmin() || access.canSeeUnit(caller, unitId));
    }

    /** Whether the caller may rename, move or retire this unit itself (strictly below a manager's own unit). */
    public boolean canChange(Caller caller, long unitId) {
        return canChangeBelow(caller, unitId)
                && (caller.isAdmin()
                        || !Long.valueOf(unitId).equals(caller.scope().unitId()));
    }

    /** Ancestors of the unit, root first, the unit itself last. */
    public List<Crumb> breadcrumb(long unitId, Caller caller) {
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

    /** Children of a unit the caller may see, a page at a time. */
    public ResultPage<Unit> children(long parentId, boolean includeRetired, int page, Caller caller) {
        get(parentId, caller);
        String retired = includeRetired ? "" : " and u.retired_on is null";
        long total = jdbc.sql("select count(*) from administrative_unit u where u.parent_id = ?" + retired)
                .param(parentId)
                .query(Long.class)
                .single();
        List<Unit> items = jdbc.sql("select " + UNIT_COLUMNS + " from administrative_unit u where u.parent_id = ?"
                        + retired + " order by u.name_sort nulls last, u.id limit ? offset ?")
                .params(parentId, PAGE_SIZE, Math.max(page, 0) * PAGE_SIZE)
                .query(UnitDirectory::unit)
                .list();
        return new ResultPage<>(items, Math.max(page, 0), PAGE_SIZE, total);
    }

    /**
     * Units in the caller's scope. With no query and no parent: the roots the caller may see (the whole tree's roots for
     * an admin, their own unit for a manager). With a query: units whose folded name contains it or whose code equals
     * it, anywhere in scope (under {@code parentId} when given), each with its path.
     */
    public ResultPage<UnitHit> search(String query, Long parentId, boolean includeRetired, int page, Caller caller) {
        String folded = VietnameseText.fold(query);
        int p = Math.max(page, 0);
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
        long total = jdbc.sql("select count(*) from administrative_unit u where " + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(PAGE_SIZE);
        pageParams.add(p * PAGE_SIZE);
        List<Unit> units = jdbc.sql("select " + UNIT_COLUMNS + " from administrative_unit u where " + where
                        + " order by u.name_sort nulls last, u.id limit ? offset ?")
                .params(pageParams)
                .query(UnitDirectory::unit)
                .list();
        Map<Long, List<String>> paths = paths(units.stream().map(Unit::id).toList());
        List<UnitHit> hits = units.stream()
                .map(u -> new UnitHit(u, paths.getOrDefault(u.id(), List.of())))
                .toList();
        return new ResultPage<>(hits, p, PAGE_SIZE, total);
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

    // ---- changing

    /**
     * Creates a unit under a parent (a manager: at or below their own unit; a root: admins only). Retrying the same
     * create returns the existing unit; the same code with different details is a conflict.
     */
    @Transactional
    public Created<Unit> createUnit(NewUnit command, Caller caller) {
        String code = TreeRules.requireUnitCode(command.code());
        String name = TreeRules.requireName(command.name(), 200);
        Level level = level(
                        command.levelCode() == null ? "" : command.levelCode().strip())
                .orElseThrow(() -> unknownLevel(command.levelCode()));
        if (command.parentId() == null) {
            if (!caller.isAdmin()) {
                throw new AccessDeniedException("roots are for admins");
            }
        } else {
            access.requireChangeIn(caller, command.parentId(), "unit", command.parentId());
        }
        Optional<Unit> existing = findByCode(code);
        if (existing.isPresent()) {
            Unit unit = existing.get();
            if (unit.name().equals(name)
                    && unit.levelCode().equals(level.code())
                    && java.util.Objects.equals(unit.parentId(), command.parentId())) {
                return new Created<>(unit, false);
            }
            throw new ConflictException(
                    "unit.code.exists",
                    "Đã có đơn vị mang mã " + code + " (" + unit.name() + ").",
                    "A unit with code " + code + " already exists (" + unit.name() + ").");
        }
        if (command.parentId() != null) {
            Unit parent = find(command.parentId()).orElseThrow(() -> new NotFoundException("unit", command.parentId()));
            if (!parent.active()) {
                throw new InvalidValueException(
                        "unit.parent.retired", "Đơn vị cha đã giải thể.", "The parent unit has been retired.");
            }
            TreeRules.requireRanksBelow(level, level(parent.levelCode()).orElseThrow());
        }
        OffsetDateTime now = OffsetDateTime.now();
        try {
            jdbc.sql("""
                        insert into administrative_unit (code, name, name_folded, name_sort, level_code, parent_id,
                          created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            code,
                            name,
                            VietnameseText.fold(name),
                            VietnameseText.sortKey(name),
                            level.code(),
                            command.parentId(),
                            now,
                            now)
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // Two requests creating the same code at the same moment: the loser gets the answer a later retry would.
            throw new ConflictException(
                    "unit.code.exists",
                    "Đã có đơn vị mang mã " + code + ".",
                    "A unit with code " + code + " already exists.");
        }
        Unit unit = findByCode(code).orElseThrow();
        insertClosure(unit.id(), unit.parentId());
        events.publishEvent(DomainChange.created("AdministrativeUnit", unit.id(), unit.id(), snapshot(unit)));
        return new Created<>(unit, true);
    }

    @Transactional
    public Unit rename(long id, String newName, String reason, Caller caller) {
        Unit before = get(id, caller);
        access.requireChangeUnit(caller, id);
        String name = TreeRules.requireName(newName, 200);
        if (name.equals(before.name())) {
            return before;
        }
        jdbc.sql("update administrative_unit set name = ?, name_folded = ?, name_sort = ?, updated_at = ?,"
                        + " version = version + 1 where id = ?")
                .params(name, VietnameseText.fold(name), VietnameseText.sortKey(name), OffsetDateTime.now(), id)
                .update();
        Unit after = find(id).orElseThrow();
        events.publishEvent(DomainChange.updated(
                        "AdministrativeUnit", id, id, snapshot(before), snapshot(after), tidyReason(reason))
                .withAction("RENAMED"));
        return after;
    }

    /**
     * Moves a unit, with its whole subtree, under a new parent. Both the old and the new parent must be in the caller's
     * scope; the closure table is rewritten for the subtree in two statements.
     */
    @Transactional
    public Unit move(long id, long newParentId, String reason, Caller caller) {
        Unit before = get(id, caller);
        access.requireChangeUnit(caller, id);
        Unit newParent = find(newParentId).orElseThrow(() -> new NotFoundException("unit", newParentId));
        access.requireChangeIn(caller, newParentId, "unit", newParentId);
        if (before.parentId() != null && before.parentId() == newParentId) {
            return before;
        }
        Set<Long> subtree = new HashSet<>(jdbc.sql("select descendant_id from unit_closure where ancestor_id = ?")
                .param(id)
                .query(Long.class)
                .list());
        TreeRules.requireMoveAllowed(
                id,
                level(before.levelCode()).orElseThrow(),
                newParentId,
                level(newParent.levelCode()).orElseThrow(),
                newParent.active(),
                subtree);
        jdbc.sql("update administrative_unit set parent_id = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(newParentId, OffsetDateTime.now(), id)
                .update();
        rewriteClosure(id, newParentId);
        Unit after = find(id).orElseThrow();
        events.publishEvent(DomainChange.updated(
                        "AdministrativeUnit", id, id, snapshot(before), snapshot(after), tidyReason(reason))
                .withAction("MOVED"));
        return after;
    }

    /** Retires a unit (it stays, with its history). Refused while it still has active children or schools. */
    @Transactional
    public Unit retire(long id, LocalDate on, String reason, Caller caller) {
        Unit before = get(id, caller);
        access.requireChangeUnit(caller, id);
        if (!before.active()) {
            throw new ConflictException(
                    "unit.retired.already", "Đơn vị này đã giải thể.", "This unit has already been retired.");
        }
        long children = jdbc.sql("select count(*) from administrative_unit where parent_id = ? and retired_on is null")
                .param(id)
                .query(Long.class)
                .single();
        long schools = jdbc.sql("select count(*) from school where unit_id = ? and retired_on is null")
                .param(id)
                .query(Long.class)
                .single();
        if (children > 0 || schools > 0) {
            throw new ConflictException(
                    "unit.retire.active",
                    "Không thể giải thể: đơn vị còn " + children + " đơn vị trực thuộc và " + schools
                            + " trường đang hoạt động. Hãy chuyển hoặc giải thể chúng trước.",
                    "Cannot retire: the unit still has " + children + " active sub-units and " + schools
                            + " active schools. Move or retire them first.");
        }
        LocalDate date = on == null ? LocalDate.now(VIETNAM) : on;
        jdbc.sql("update administrative_unit set retired_on = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(date, OffsetDateTime.now(), id)
                .update();
        Unit after = find(id).orElseThrow();
        events.publishEvent(DomainChange.updated(
                        "AdministrativeUnit", id, id, snapshot(before), snapshot(after), tidyReason(reason))
                .withAction("RETIRED"));
        return after;
    }

    // ---- bulk import

    /**
     * Imports units in one transaction: adds new codes, renames and moves existing ones, leaves the rest, and reports
     * every row. Existing units are loaded in one query and new ones written in batches, so the national list (~11,000
     * communes) takes seconds. Admins and the system only. Used by the GSO importer and the demo data generator.
     */
    @Transactional
    public ImportReport importRows(List<UnitRow> rows, Caller caller) {
        return importRows(rows, List.of(), caller);
    }

    /** As {@link #importRows(List, Caller)}, adding rows already rejected while reading the file to the report. */
    @Transactional
    public ImportReport importRows(List<UnitRow> rows, List<ImportReport.Rejected> readErrors, Caller caller) {
        if (!caller.isAdmin()) {
            throw new AccessDeniedException("admin only");
        }
        Map<String, Level> levels = new HashMap<>();
        levels().forEach(l -> levels.put(l.code(), l));
        Map<String, ImportPlanner.Existing> existing = new HashMap<>();
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("""
                        select u.id, u.code, u.name, u.level_code, p.code from administrative_unit u
                        left join administrative_unit p on p.id = u.parent_id""").query((ResultSet rs) -> {
            existing.put(
                    rs.getString(2),
                    new ImportPlanner.Existing(
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            ids.put(rs.getString(2), rs.getLong(1));
        });
        ImportPlanner.Plan plan = ImportPlanner.plan(rows, existing, levels);
        OffsetDateTime now = OffsetDateTime.now();
        insertByDepth(plan.toAdd(), ids, now);
        List<Object[]> closureSelf = new ArrayList<>();
        List<Object[]> closureAncestors = new ArrayList<>();
        for (ImportPlanner.Accepted accepted : plan.toAdd()) {
            long id = ids.get(accepted.row().code());
            closureSelf.add(new Object[] {id, id});
            if (accepted.row().parentCode() != null) {
                closureAncestors.add(new Object[] {id, ids.get(accepted.row().parentCode())});
            }
        }
        batch.batchUpdate("insert into unit_closure (ancestor_id, descendant_id, depth) values (?, ?, 0)", closureSelf);
        // In depth order, so a parent's closure rows exist before its children copy them.
        batch.batchUpdate(
                "insert into unit_closure (ancestor_id, descendant_id, depth)"
                        + " select ancestor_id, ?, depth + 1 from unit_closure where descendant_id = ?",
                closureAncestors);
        List<Object[]> renames = new ArrayList<>();
        for (ImportPlanner.Accepted accepted : plan.toRename()) {
            String name = VietnameseText.tidy(accepted.row().name());
            renames.add(new Object[] {
                name,
                VietnameseText.fold(name),
                VietnameseText.sortKey(name),
                now,
                ids.get(accepted.row().code())
            });
            ImportPlanner.Existing before = existing.get(accepted.row().code());
            events.publishEvent(DomainChange.updated(
                            "AdministrativeUnit",
                            before.id(),
                            before.id(),
                            Map.of("name", before.name()),
                            Map.of("name", name),
                            "GSO import")
                    .withAction("RENAMED"));
        }
        batch.batchUpdate(
                "update administrative_unit set name = ?, name_folded = ?, name_sort = ?, updated_at = ?,"
                        + " version = version + 1 where id = ?",
                renames);
        for (ImportPlanner.Accepted accepted : plan.toMove()) {
            long id = ids.get(accepted.row().code());
            long parentId = ids.get(accepted.row().parentCode());
            jdbc.sql("update administrative_unit set parent_id = ?, updated_at = ?, version = version + 1 where id = ?")
                    .params(parentId, now, id)
                    .update();
            rewriteClosure(id, parentId);
            ImportPlanner.Existing before = existing.get(accepted.row().code());
            events.publishEvent(DomainChange.updated(
                            "AdministrativeUnit",
                            id,
                            id,
                            mapOf("parentCode", before.parentCode()),
                            mapOf("parentCode", accepted.row().parentCode()),
                            "GSO import")
                    .withAction("MOVED"));
        }
        List<ImportReport.Rejected> rejected = new ArrayList<>(readErrors);
        rejected.addAll(plan.rejected());
        rejected.sort(java.util.Comparator.comparingInt(ImportReport.Rejected::row));
        ImportReport report =
                new ImportReport(plan.added(), plan.renamed(), plan.moved(), plan.unchanged(), List.copyOf(rejected));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("added", report.added().size());
        summary.put("renamed", report.renamed().size());
        summary.put("moved", report.moved().size());
        summary.put("unchanged", report.unchanged().size());
        summary.put("rejected", report.rejected().size());
        // One summary entry rather than one per added unit: a national import adds ~12,000 units at once.
        events.publishEvent(
                new DomainChange("UnitImport", now.toString(), "IMPORTED", null, Map.of(), summary, "GSO import"));
        return report;
    }

    private void insertByDepth(List<ImportPlanner.Accepted> toAdd, Map<String, Long> ids, OffsetDateTime now) {
        int index = 0;
        while (index < toAdd.size()) {
            int depth = toAdd.get(index).depth();
            List<Object[]> args = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            while (index < toAdd.size() && toAdd.get(index).depth() == depth) {
                UnitRow row = toAdd.get(index).row();
                String name = VietnameseText.tidy(row.name());
                Long parentId = row.parentCode() == null ? null : ids.get(row.parentCode());
                args.add(new Object[] {
                    row.code().strip(),
                    name,
                    VietnameseText.fold(name),
                    VietnameseText.sortKey(name),
                    row.levelCode(),
                    parentId,
                    now,
                    now
                });
                codes.add(row.code().strip());
                index++;
            }
            batch.batchUpdate(
                    "insert into administrative_unit (code, name, name_folded, name_sort, level_code, parent_id,"
                            + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    args);
            for (int from = 0; from < codes.size(); from += 1000) {
                List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 1000));
                String marks = String.join(",", chunk.stream().map(c -> "?").toList());
                jdbc.sql("select id, code from administrative_unit where code in (" + marks + ")")
                        .params(new ArrayList<Object>(chunk))
                        .query((ResultSet rs) -> {
                            ids.put(rs.getString(2), rs.getLong(1));
                        });
            }
        }
    }

    private void insertClosure(long id, Long parentId) {
        jdbc.sql("insert into unit_closure (ancestor_id, descendant_id, depth) values (?, ?, 0)")
                .params(id, id)
                .update();
        if (parentId != null) {
            jdbc.sql("""
                            insert into unit_closure (ancestor_id, descendant_id, depth)
                            select ancestor_id, ?, depth + 1 from unit_closure where descendant_id = ?""").params(id, parentId).update();
        }
    }

    /**
     * Detaches the subtree of {@code id} from its old ancestors and attaches it under {@code newParentId}: every
     * (ancestor of new parent, descendant of unit) pair, with depths added up.
     */
    private void rewriteClosure(long id, long newParentId) {
        jdbc.sql("""
                        delete from unit_closure
                        where descendant_id in (select descendant_id from unit_closure where ancestor_id = ?)
                          and ancestor_id not in (select descendant_id from unit_closure where ancestor_id = ?)""").params(id, id).update();
        jdbc.sql("""
                        insert into unit_closure (ancestor_id, descendant_id, depth)
                        select a.ancestor_id, d.descendant_id, a.depth + d.depth + 1
                        from unit_closure a cross join unit_closure d
                        where a.descendant_id = ? and d.ancestor_id = ?""").params(newParentId, id).update();
    }

    private static InvalidValueException unknownLevel(String code) {
        return new InvalidValueException(
                "unit.level.unknown",
                "Cấp \"" + code + "\" chưa được cấu hình.",
                "Level \"" + code + "\" is not configured.");
    }

    static String tidyReason(String reason) {
        String tidy = VietnameseText.tidy(reason);
        if (tidy != null && tidy.length() > 1000) {
            throw new InvalidValueException(
                    "reason.too-long", "Lý do dài quá 1000 ký tự.", "The reason is longer than 1000 characters.");
        }
        return tidy == null || tidy.isEmpty() ? null : tidy;
    }

    private static Map<String, Object> snapshot(Unit unit) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("code", unit.code());
        map.put("name", unit.name());
        map.put("level", unit.levelCode());
        map.put("parentId", unit.parentId());
        map.put("retiredOn", unit.retiredOn() == null ? null : unit.retiredOn().toString());
        return map;
    }

    private static Map<String, Object> mapOf(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    static Unit unit(ResultSet rs, int n) throws SQLException {
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
