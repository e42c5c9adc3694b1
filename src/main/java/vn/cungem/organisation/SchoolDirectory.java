package vn.cungem.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.organisation.tree.TreeRules;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.text.VietnameseText;

/**
 * Schools under the administrative tree, identified by their MOET code. A school officer sees their own school
 * read-only; managers see and change the schools of their subtree; admins all.
 */
@Service
public class SchoolDirectory extends UnitRecordDirectory<School> {

    private static final Pattern MOET_CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{1,31}");
    private static final Shape<School> SHAPE = new Shape<>(
            "school",
            "School",
            "school",
            "s.id, s.moet_code, s.name, s.school_level, s.ownership, s.unit_id, s.address, s.retired_on",
            "unit_id",
            SchoolDirectory::school,
            Role.SCHOOL_OFFICER,
            Scope.Kind.SCHOOL,
            Scope::schoolId,
            SchoolDirectory::snapshot,
            Bundles.vi("org.error.school-retired-already"),
            Bundles.en("org.error.school-retired-already"));

    private final JdbcTemplate batch;
    private final TreeLock tree;

    SchoolDirectory(
            JdbcClient jdbc,
            JdbcTemplate batch,
            ApplicationEventPublisher events,
            Access access,
            UnitDirectory units,
            TreeLock tree) {
        super(jdbc, events, access, units, SHAPE);
        this.batch = batch;
        this.tree = tree;
    }

    public Optional<School> findByCode(String moetCode) {
        return jdbc.sql("select " + SHAPE.columns() + " from school s where s.moet_code = ?")
                .param(moetCode == null ? "" : moetCode.strip().toUpperCase(Locale.ROOT))
                .query(SchoolDirectory::school)
                .optional();
    }

    /**
     * Schools in scope whose folded name contains the query or whose MOET code equals it, optionally of one level and
     * within one unit's subtree; in Vietnamese dictionary order (the name's collation sort key), then id.
     */
    public ResultPage<School> search(
            String query, SchoolLevel level, Long unitId, boolean includeRetired, int page, Caller caller) {
        return search(caller, unitId, includeRetired, page, where -> {
            String folded = VietnameseText.fold(query);
            if (!folded.isEmpty()) {
                where.and(
                        "(s.name_folded like ? or s.moet_code = ?)",
                        VietnameseText.likeContains(folded),
                        query.strip().toUpperCase(Locale.ROOT));
            }
            if (level != null) {
                where.and("s.school_level = ?", level.name());
            }
        });
    }

    /** Creates a school; retrying the same create returns the existing school, another school with the code is a 409. */
    @Transactional
    public Created<School> create(NewSchool command, Caller caller) {
        String code = requireMoetCode(command.moetCode());
        String name = TreeRules.requireName(command.name(), 200);
        SchoolLevel level = require(command.level(), "level");
        Ownership ownership = require(command.ownership(), "ownership");
        String address = address(command.address());
        Unit unit = unitToChangeIn(command.unitId(), caller);
        Optional<School> existing = findByCode(code);
        if (existing.isPresent()) {
            School school = existing.get();
            if (school.name().equals(name)
                    && school.level() == level
                    && school.ownership() == ownership
                    && school.unitId() == unit.id()) {
                return new Created<>(school, false);
            }
            throw ConflictException.of("school.code.exists", "org.error.school-code-exists-named", code, school.name());
        }
        requireActive(unit);
        OffsetDateTime now = OffsetDateTime.now();
        try {
            jdbc.sql("""
                        insert into school (moet_code, name, name_folded, name_sort, school_level, ownership, unit_id,
                                            address, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            code,
                            name,
                            VietnameseText.fold(name),
                            VietnameseText.sortKey(name),
                            level.name(),
                            ownership.name(),
                            unit.id(),
                            address,
                            now,
                            now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw ConflictException.of("school.code.exists", "org.error.school-code-exists", code);
        }
        return new Created<>(created(findByCode(code).orElseThrow()), true);
    }

    /** Changes name, level, ownership and address; the MOET code and id stay. */
    @Transactional
    public School update(
            long id,
            String name,
            SchoolLevel level,
            Ownership ownership,
            String address,
            String reason,
            Caller caller) {
        School before = changeable(id, caller);
        String newName = name == null ? before.name() : TreeRules.requireName(name, 200);
        SchoolLevel newLevel = level == null ? before.level() : level;
        Ownership newOwnership = ownership == null ? before.ownership() : ownership;
        String newAddress = address == null ? before.address() : address(address);
        if (newLevel != before.level()) {
            // the registry counts by school level: see SchoolChanged
            tree.forChanging();
        }
        jdbc.sql("""
                        update school set name = ?, name_folded = ?, name_sort = ?, school_level = ?, ownership = ?,
                                          address = ?, updated_at = ?, version = version + 1 where id = ?""")
                .params(
                        newName,
                        VietnameseText.fold(newName),
                        VietnameseText.sortKey(newName),
                        newLevel.name(),
                        newOwnership.name(),
                        newAddress,
                        OffsetDateTime.now(),
                        id)
                .update();
        if (newLevel != before.level()) {
            events.publishEvent(new SchoolChanged(
                    id, before.unitId(), before.unitId(), before.level().name(), newLevel.name()));
        }
        return audited(before, reason, "UPDATED");
    }

    @Override
    void checkMove(School before, Unit unit) {
        // the school's students follow it to the new unit: see SchoolChanged
        tree.forChanging();
    }

    @Override
    void moved(School before, long unitId) {
        events.publishEvent(new SchoolChanged(
                before.id(),
                before.unitId(),
                unitId,
                before.level().name(),
                before.level().name()));
    }

    /** A school stays only in an active unit, even when a move leaves it where it is. */
    @Override
    void checkStay(Unit unit) {
        requireActive(unit);
    }

    /**
     * Adds many schools at once for seeding at national scale (~40,000): existing MOET codes are loaded in one query and
     * skipped, new schools are inserted in batches, and one summary audit entry is written. System and admins only.
     *
     * @return how many schools were added (the rest already existed)
     */
    @Transactional
    public int importSchools(List<NewSchool> rows, Caller caller) {
        if (!caller.isAdmin()) {
            throw new AccessDeniedException("admin only");
        }
        Set<String> existing = new HashSet<>(
                jdbc.sql("select moet_code from school").query(String.class).list());
        Set<Long> activeUnits = new HashSet<>(jdbc.sql("select id from administrative_unit where retired_on is null")
                .query(Long.class)
                .list());
        OffsetDateTime now = OffsetDateTime.now();
        List<Object[]> args = new ArrayList<>();
        for (NewSchool row : rows) {
            String code = requireMoetCode(row.moetCode());
            if (!existing.add(code)) {
                continue;
            }
            String name = TreeRules.requireName(row.name(), 200);
            if (!activeUnits.contains(row.unitId())) {
                throw InvalidValueException.of(
                        "school.unit.unknown", "org.error.school-unit-unknown", code, String.valueOf(row.unitId()));
            }
            args.add(new Object[] {
                code,
                name,
                VietnameseText.fold(name),
                VietnameseText.sortKey(name),
                require(row.level(), "level").name(),
                require(row.ownership(), "ownership").name(),
                row.unitId(),
                address(row.address()),
                now,
                now
            });
        }
        batch.batchUpdate(
                "insert into school (moet_code, name, name_folded, name_sort, school_level, ownership, unit_id,"
                        + " address, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                args);
        events.publishEvent(new DomainChange(
                "SchoolImport", now.toString(), "IMPORTED", null, Map.of(), Map.of("added", args.size()), null));
        return args.size();
    }

    static String requireMoetCode(String raw) {
        String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (!MOET_CODE.matcher(code).matches()) {
            throw InvalidValueException.of("school.code.shape", "org.error.school-code-shape");
        }
        return code;
    }

    private static String address(String raw) {
        String address = VietnameseText.tidy(raw);
        if (address == null || address.isEmpty()) {
            return null;
        }
        if (address.length() > 300) {
            throw InvalidValueException.of("school.address.long", "org.error.school-address-long");
        }
        return address;
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw InvalidValueException.of("school." + field + ".missing", "org.error.school-" + field + "-missing");
        }
        return value;
    }

    private static Map<String, Object> snapshot(School s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("moetCode", s.moetCode());
        map.put("name", s.name());
        map.put("level", s.level().name());
        map.put("ownership", s.ownership().name());
        map.put("unitId", s.unitId());
        map.put("address", s.address());
        map.put("retiredOn", s.retiredOn() == null ? null : s.retiredOn().toString());
        return map;
    }

    private static School school(ResultSet rs, int n) throws SQLException {
        java.sql.Date retired = rs.getDate(8);
        return new School(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                SchoolLevel.valueOf(rs.getString(4)),
                Ownership.valueOf(rs.getString(5)),
                rs.getLong(6),
                rs.getString(7),
                retired == null ? null : retired.toLocalDate());
    }
}
