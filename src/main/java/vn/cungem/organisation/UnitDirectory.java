package vn.cungem.organisation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;

/**
 * The administrative tree: levels, units, their closure table and the bulk import. Other modules (and the demo data
 * generator) call this façade; methods that take a {@link Caller} check scope, {@code find*} do not (use them for
 * system work only). The work is done by {@link Levels}, {@link UnitQueries}, {@link UnitChanges} and
 * {@link UnitImport}.
 *
 * <p>SQL lists order by {@code name_sort} ({@link VietnameseText#sortKey}, Vietnamese dictionary order, the same on H2
 * and PostgreSQL), then by id so equal names keep a stable page order; in-memory lists use
 * {@link VietnameseText#collation()}. Search stays on {@code name_folded}.
 */
@Service
public class UnitDirectory {

    public static final int PAGE_SIZE = 50;

    private final Levels levels;
    private final UnitQueries queries;
    private final UnitChanges changes;
    private final UnitImport imports;
    private final Access access;

    UnitDirectory(Levels levels, UnitQueries queries, UnitChanges changes, UnitImport imports, Access access) {
        this.levels = levels;
        this.queries = queries;
        this.changes = changes;
        this.imports = imports;
        this.access = access;
    }

    // ---- levels

    public List<Level> levels() {
        return levels.all();
    }

    public Optional<Level> level(String code) {
        return levels.find(code);
    }

    /**
     * Returns the level with this code, adding it first when it is missing (idempotent; for seeding and the levels
     * page). A different level already holding the same rank is a conflict.
     */
    @Transactional
    public Level ensureLevel(String code, int rank, String nameVi, String nameEn) {
        return levels.ensure(code, rank, nameVi, nameEn);
    }

    /** Adds a level from the admin page: admins only. */
    @Transactional
    public Level addLevel(Caller caller, String code, int rank, String nameVi, String nameEn) {
        return levels.add(caller, code, rank, nameVi, nameEn);
    }

    // ---- reading

    public Optional<Unit> find(long id) {
        return queries.find(id);
    }

    /** The names of these units by id, in one query (for lists that show a unit beside each row). */
    public Map<Long, String> names(Collection<Long> ids) {
        return queries.names(ids);
    }

    public Optional<Unit> findByCode(String code) {
        return queries.findByCode(code);
    }

    /** The unit if the caller may see it; otherwise the same 404 as a missing id. */
    public Unit get(long id, Caller caller) {
        return queries.get(id, caller);
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
        return queries.breadcrumb(unitId, caller);
    }

    /** Children of a unit the caller may see, a page at a time. */
    public ResultPage<Unit> children(long parentId, boolean includeRetired, int page, Caller caller) {
        return queries.children(parentId, includeRetired, page, caller);
    }

    /**
     * Units in the caller's scope. With no query and no parent: the roots the caller may see (the whole tree's roots for
     * an admin, their own unit for a manager). With a query: units whose folded name contains it or whose code equals
     * it, anywhere in scope (under {@code parentId} when given), each with its path.
     */
    public ResultPage<UnitHit> search(String query, Long parentId, boolean includeRetired, int page, Caller caller) {
        return queries.search(query, parentId, includeRetired, page, caller);
    }

    // ---- changing

    /**
     * Creates a unit under a parent (a manager: at or below their own unit; a root: admins only). Retrying the same
     * create returns the existing unit; the same code with different details is a conflict.
     */
    @Transactional
    public Created<Unit> createUnit(NewUnit command, Caller caller) {
        return changes.create(command, caller);
    }

    @Transactional
    public Unit rename(long id, String newName, String reason, Caller caller) {
        return changes.rename(id, newName, reason, caller);
    }

    /**
     * Moves a unit, with its whole subtree, under a new parent. Both the old and the new parent must be in the caller's
     * scope; the closure table is rewritten for the subtree in two statements.
     */
    @Transactional
    public Unit move(long id, long newParentId, String reason, Caller caller) {
        return changes.move(id, newParentId, reason, caller);
    }

    /** Retires a unit (it stays, with its history). Refused while it still has active children or schools. */
    @Transactional
    public Unit retire(long id, LocalDate on, String reason, Caller caller) {
        return changes.retire(id, on, reason, caller);
    }

    // ---- bulk import

    /**
     * Imports units in one transaction: adds new codes, renames and moves existing ones, leaves the rest, and reports
     * every row. Admins and the system only. Used by the GSO importer and the demo data generator.
     */
    @Transactional
    public ImportReport importRows(List<UnitRow> rows, Caller caller) {
        return imports.run(rows, List.of(), caller);
    }

    /** As {@link #importRows(List, Caller)}, adding rows already rejected while reading the file to the report. */
    @Transactional
    public ImportReport importRows(List<UnitRow> rows, List<ImportReport.Rejected> readErrors, Caller caller) {
        return imports.run(rows, readErrors, caller);
    }
}
