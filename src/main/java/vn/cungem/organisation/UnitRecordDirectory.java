package vn.cungem.organisation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;
import vn.cungem.shared.text.Formats;

/**
 * What schools and partners have in common: each belongs to a unit, whose managers see and change it, and each is seen
 * read-only by the people of its own scope (a school officer their school, a partner user their partner). Finding,
 * listing within scope, moving to another unit and retiring work the same way for both; what differs is described by a
 * {@link Shape}.
 */
public abstract class UnitRecordDirectory<T extends UnitRecord> {

    final JdbcClient jdbc;
    final ApplicationEventPublisher events;
    final Access access;
    final UnitDirectory units;
    private final Shape<T> shape;

    UnitRecordDirectory(
            JdbcClient jdbc, ApplicationEventPublisher events, Access access, UnitDirectory units, Shape<T> shape) {
        this.jdbc = jdbc;
        this.events = events;
        this.access = access;
        this.units = units;
        this.shape = shape;
    }

    /**
     * The table behind one kind of record.
     *
     * @param what the name in a 404 ({@code school})
     * @param auditType the entity type in the audit log
     * @param table the table, whose alias in {@code columns} is its first letter
     * @param columns the select list {@code rows} reads
     * @param unitColumn the column holding {@link UnitRecord#unitId()}
     * @param ownRole the role of the people who see only their own record
     * @param ownScope the scope kind those people hold, and {@code ownId} the record id in it
     * @param snapshot what the audit log keeps of a record
     */
    record Shape<T>(
            String what,
            String auditType,
            String table,
            String columns,
            String unitColumn,
            RowMapper<T> rows,
            Role ownRole,
            Scope.Kind ownScope,
            Function<Scope, Long> ownId,
            Function<T, Map<String, Object>> snapshot,
            String retiredVi,
            String retiredEn) {

        String alias() {
            return table.substring(0, 1);
        }

        String from() {
            return " from " + table + " " + alias();
        }
    }

    /** Conditions and their parameters, added in the order they appear in the SQL. */
    static final class Where {
        private final StringBuilder sql;
        private final List<Object> params = new ArrayList<>();

        private Where(String first) {
            this.sql = new StringBuilder(first);
        }

        Where and(String condition, Object... values) {
            sql.append(" and ").append(condition);
            params.addAll(List.of(values));
            return this;
        }
    }

    public Optional<T> find(long id) {
        return jdbc.sql("select " + shape.columns() + shape.from() + " where " + shape.alias() + ".id = ?")
                .param(id)
                .query(shape.rows())
                .optional();
    }

    /** The record if the caller may see it; otherwise the same 404 as a missing id. */
    public T get(long id, Caller caller) {
        T record = find(id).orElseThrow(() -> new NotFoundException(shape.what(), id));
        if (!canSee(caller, record)) {
            throw new NotFoundException(shape.what(), id);
        }
        return record;
    }

    public boolean canSee(Caller caller, T record) {
        if (caller.is(shape.ownRole())) {
            return caller.scope().kind() == shape.ownScope()
                    && Objects.equals(shape.ownId().apply(caller.scope()), record.id());
        }
        return canChange(caller, record);
    }

    public boolean canChange(Caller caller, T record) {
        return access.canManage(caller) && access.canSeeUnit(caller, record.unitId());
    }

    /**
     * A page of the records the caller may see, with the conditions {@code filters} adds, optionally within one unit's
     * subtree; in Vietnamese dictionary order (the name's collation sort key), then id.
     */
    ResultPage<T> search(
            Caller caller, Long unitId, boolean includeRetired, int page, java.util.function.Consumer<Where> filters) {
        int p = Math.max(page, 0);
        String a = shape.alias();
        Where where;
        if (caller.is(shape.ownRole())) {
            Long own = shape.ownId().apply(caller.scope());
            where = new Where(a + ".id = " + (own == null ? -1 : own));
        } else if (access.canManage(caller)) {
            where = new Where(access.visibleUnits(caller, a + "." + shape.unitColumn()));
        } else {
            where = new Where("1=0");
        }
        if (!includeRetired) {
            where.and(a + ".retired_on is null");
        }
        filters.accept(where);
        if (unitId != null) {
            units.get(unitId, caller);
            where.and(
                    a + "." + shape.unitColumn() + " in (select descendant_id from unit_closure where ancestor_id = ?)",
                    unitId);
        }
        long total = jdbc.sql("select count(*)" + shape.from() + " where " + where.sql)
                .params(where.params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(where.params);
        pageParams.add(UnitDirectory.PAGE_SIZE);
        pageParams.add(p * UnitDirectory.PAGE_SIZE);
        List<T> items = jdbc.sql("select " + shape.columns() + shape.from() + " where " + where.sql
                        // Vietnamese dictionary order; id keeps equal names in a stable page order.
                        + " order by " + a + ".name_sort nulls last, " + a + ".id limit ? offset ?")
                .params(pageParams)
                .query(shape.rows())
                .list();
        return new ResultPage<>(items, p, UnitDirectory.PAGE_SIZE, total);
    }

    /** Moves the record to another unit; both units must be in the caller's scope. */
    @Transactional
    public T move(long id, long unitId, String reason, Caller caller) {
        T before = changeable(id, caller);
        Unit unit = unitToChangeIn(unitId, caller);
        if (before.unitId() == unitId) {
            checkStay(unit);
            return before;
        }
        requireActive(unit);
        checkMove(before, unit);
        jdbc.sql("update " + shape.table() + " set " + shape.unitColumn()
                        + " = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(unitId, OffsetDateTime.now(), id)
                .update();
        moved(before, unitId);
        return audited(before, reason, "MOVED");
    }

    /** Retires the record: it stays, with the date it ceased (today when none is given). */
    @Transactional
    public T retire(long id, LocalDate on, String reason, Caller caller) {
        T before = changeable(id, caller);
        if (!before.active()) {
            throw new ConflictException(shape.what() + ".retired.already", shape.retiredVi(), shape.retiredEn());
        }
        jdbc.sql("update " + shape.table() + " set retired_on = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(on == null ? LocalDate.now(Formats.VIETNAM) : on, OffsetDateTime.now(), id)
                .update();
        return audited(before, reason, "RETIRED");
    }

    /** Checks a move to the unit the record is already in, which changes nothing. */
    void checkStay(Unit unit) {}

    /** After a move is written, in its transaction: for what follows the record's unit. */
    void moved(T before, long unitId) {}

    /** Checks a move to another, active, unit before it is written. */
    void checkMove(T before, Unit unit) {}

    /** The record if the caller may change it (a 404 when they may not even see it). */
    T changeable(long id, Caller caller) {
        T record = get(id, caller);
        access.requireChangeIn(caller, record.unitId(), shape.what(), id);
        return record;
    }

    /** The unit a record is to be put in, when the caller may change what is in it. */
    Unit unitToChangeIn(long unitId, Caller caller) {
        Unit unit = units.find(unitId).orElseThrow(() -> new NotFoundException("unit", unitId));
        access.requireChangeIn(caller, unitId, "unit", unitId);
        return unit;
    }

    T audited(T before, String reason, String action) {
        T after = find(before.id()).orElseThrow();
        events.publishEvent(DomainChange.updated(
                        shape.auditType(),
                        after.id(),
                        after.unitId(),
                        shape.snapshot().apply(before),
                        shape.snapshot().apply(after),
                        Reasons.tidy(reason))
                .withAction(action));
        return after;
    }

    T created(T record) {
        events.publishEvent(DomainChange.created(
                shape.auditType(),
                record.id(),
                record.unitId(),
                shape.snapshot().apply(record)));
        return record;
    }

    static void requireActive(Unit unit) {
        if (!unit.active()) {
            throw InvalidValueException.of("unit.retired", "org.error.unit-retired", unit.name());
        }
    }
}
