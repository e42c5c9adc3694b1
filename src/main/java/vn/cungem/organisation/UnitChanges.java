package vn.cungem.organisation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.cungem.organisation.tree.TreeRules;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.Formats;
import vn.cungem.shared.text.VietnameseText;

/** A person's changes to one unit: create, rename, move with its subtree, retire; each one audited. */
@Component
class UnitChanges {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Access access;
    private final UnitQueries queries;
    private final Levels levels;
    private final UnitClosure closure;

    UnitChanges(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Access access,
            UnitQueries queries,
            Levels levels,
            UnitClosure closure) {
        this.jdbc = jdbc;
        this.events = events;
        this.access = access;
        this.queries = queries;
        this.levels = levels;
        this.closure = closure;
    }

    Created<Unit> create(NewUnit command, Caller caller) {
        String code = TreeRules.requireUnitCode(command.code());
        String name = TreeRules.requireName(command.name(), 200);
        Level level = levels.require(command.levelCode());
        if (command.parentId() == null) {
            if (!caller.isAdmin()) {
                throw new AccessDeniedException("roots are for admins");
            }
        } else {
            access.requireChangeIn(caller, command.parentId(), "unit", command.parentId());
        }
        Optional<Unit> existing = queries.findByCode(code);
        if (existing.isPresent()) {
            Unit unit = existing.get();
            if (unit.name().equals(name)
                    && unit.levelCode().equals(level.code())
                    && Objects.equals(unit.parentId(), command.parentId())) {
                return new Created<>(unit, false);
            }
            throw ConflictException.of("unit.code.exists", "org.error.unit-code-exists-named", code, unit.name());
        }
        if (command.parentId() != null) {
            Unit parent = queries.find(command.parentId())
                    .orElseThrow(() -> new NotFoundException("unit", command.parentId()));
            if (!parent.active()) {
                throw InvalidValueException.of("unit.parent.retired", "org.error.parent-retired");
            }
            TreeRules.requireRanksBelow(level, levels.find(parent.levelCode()).orElseThrow());
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
        } catch (DuplicateKeyException e) {
            // Two requests creating the same code at the same moment: the loser gets the answer a later retry would.
            throw ConflictException.of("unit.code.exists", "org.error.unit-code-exists", code);
        }
        Unit unit = queries.findByCode(code).orElseThrow();
        closure.add(unit.id(), unit.parentId());
        events.publishEvent(DomainChange.created("AdministrativeUnit", unit.id(), unit.id(), snapshot(unit)));
        return new Created<>(unit, true);
    }

    Unit rename(long id, String newName, String reason, Caller caller) {
        Unit before = changeable(id, caller);
        String name = TreeRules.requireName(newName, 200);
        if (name.equals(before.name())) {
            return before;
        }
        jdbc.sql("update administrative_unit set name = ?, name_folded = ?, name_sort = ?, updated_at = ?,"
                        + " version = version + 1 where id = ?")
                .params(name, VietnameseText.fold(name), VietnameseText.sortKey(name), OffsetDateTime.now(), id)
                .update();
        return audited(before, reason, "RENAMED");
    }

    Unit move(long id, long newParentId, String reason, Caller caller) {
        Unit before = changeable(id, caller);
        Unit newParent = queries.find(newParentId).orElseThrow(() -> new NotFoundException("unit", newParentId));
        access.requireChangeIn(caller, newParentId, "unit", newParentId);
        if (before.parentId() != null && before.parentId() == newParentId) {
            return before;
        }
        TreeRules.requireMoveAllowed(
                id,
                levels.find(before.levelCode()).orElseThrow(),
                newParentId,
                levels.find(newParent.levelCode()).orElseThrow(),
                newParent.active(),
                closure.subtree(id));
        jdbc.sql("update administrative_unit set parent_id = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(newParentId, OffsetDateTime.now(), id)
                .update();
        closure.move(id, newParentId);
        return audited(before, reason, "MOVED");
    }

    Unit retire(long id, LocalDate on, String reason, Caller caller) {
        Unit before = changeable(id, caller);
        if (!before.active()) {
            throw ConflictException.of("unit.retired.already", "org.error.unit-retired-already");
        }
        long children = queries.activeChildren(id);
        long schools = jdbc.sql("select count(*) from school where unit_id = ? and retired_on is null")
                .param(id)
                .query(Long.class)
                .single();
        if (children > 0 || schools > 0) {
            throw ConflictException.of("unit.retire.active", "org.error.unit-retire-active", children, schools);
        }
        LocalDate date = on == null ? LocalDate.now(Formats.VIETNAM) : on;
        jdbc.sql("update administrative_unit set retired_on = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(date, OffsetDateTime.now(), id)
                .update();
        return audited(before, reason, "RETIRED");
    }

    private Unit changeable(long id, Caller caller) {
        Unit unit = queries.get(id, caller);
        access.requireChangeUnit(caller, id);
        return unit;
    }

    /** Reads the unit back after a change and records before and after in the audit log. */
    private Unit audited(Unit before, String reason, String action) {
        Unit after = queries.find(before.id()).orElseThrow();
        events.publishEvent(DomainChange.updated(
                        "AdministrativeUnit",
                        after.id(),
                        after.id(),
                        snapshot(before),
                        snapshot(after),
                        Reasons.tidy(reason))
                .withAction(action));
        return after;
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
}
