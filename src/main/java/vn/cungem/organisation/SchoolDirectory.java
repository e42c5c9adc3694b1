package vn.cungem.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.organisation.tree.TreeRules;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;
import vn.cungem.shared.text.VietnameseText;

/**
 * Schools under the administrative tree, identified by their MOET code. A school officer sees their own school
 * read-only; managers see and change the schools of their subtree; admins all.
 */
@Service
public class SchoolDirectory {

    private static final Pattern MOET_CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{1,31}");
    private static final String COLUMNS =
            "s.id, s.moet_code, s.name, s.school_level, s.ownership, s.unit_id, s.address, s.retired_on";

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final ApplicationEventPublisher events;
    private final Access access;
    private final UnitDirectory units;

    SchoolDirectory(
            JdbcClient jdbc,
            org.springframework.jdbc.core.JdbcTemplate batch,
            ApplicationEventPublisher events,
            Access access,
            UnitDirectory units) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.events = events;
        this.access = access;
        this.units = units;
    }

    public Optional<School> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from school s where s.id = ?")
                .param(id)
                .query(SchoolDirectory::school)
                .optional();
    }

    public Optional<School> findByCode(String moetCode) {
        return jdbc.sql("select " + COLUMNS + " from school s where s.moet_code = ?")
                .param(moetCode == null ? "" : moetCode.strip().toUpperCase(Locale.ROOT))
                .query(SchoolDirectory::school)
                .optional();
    }

    public School get(long id, Caller caller) {
        School school = find(id).orElseThrow(() -> new NotFoundException("school", id));
        if (!canSee(caller, school)) {
            throw new NotFoundException("school", id);
        }
        return school;
    }

    public boolean canSee(Caller caller, School school) {
        if (caller.is(Role.SCHOOL_OFFICER)) {
            return caller.scope().kind() == Scope.Kind.SCHOOL
                    && Objects.equals(caller.scope().schoolId(), school.id());
        }
        return access.canManage(caller) && access.canSeeUnit(caller, school.unitId());
    }

    public boolean canChange(Caller caller, School school) {
        return access.canManage(caller) && access.canSeeUnit(caller, school.unitId());
    }

    /**
     * Schools in scope whose folded name contains the query or whose MOET code equals it, optionally of one level and
     * within one unit's subtree; in Vietnamese dictionary order (the name's collation sort key), then id.
     */
    public ResultPage<School> search(
            String query, SchoolLevel level, Long unitId, boolean includeRetired, int page, Caller caller) {
        int p = Math.max(page, 0);
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        if (caller.is(Role.SCHOOL_OFFICER)) {
            where.append("s.id = ")
                    .append(
                            caller.scope().schoolId() == null
                                    ? -1
                                    : caller.scope().schoolId());
        } else if (access.canManage(caller)) {
            where.append(access.visibleUnits(caller, "s.unit_id"));
        } else {
            where.append("1=0");
        }
        if (!includeRetired) {
            where.append(" and s.retired_on is null");
        }
        String folded = VietnameseText.fold(query);
        if (!folded.isEmpty()) {
            where.append(" and (s.name_folded like ? or s.moet_code = ?)");
            params.add(VietnameseText.likeContains(folded));
            params.add(query.strip().toUpperCase(Locale.ROOT));
        }
        if (level != null) {
            where.append(" and s.school_level = ?");
            params.add(level.name());
        }
        if (unitId != null) {
            units.get(unitId, caller);
            where.append(" and s.unit_id in (select descendant_id from unit_closure where ancestor_id = ?)");
            params.add(unitId);
        }
        long total = jdbc.sql("select count(*) from school s where " + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(UnitDirectory.PAGE_SIZE);
        pageParams.add(p * UnitDirectory.PAGE_SIZE);
        List<School> items = jdbc.sql("select " + COLUMNS + " from school s where " + where
                        // Vietnamese dictionary order; id keeps equal names in a stable page order.
                        + " order by s.name_sort nulls last, s.id limit ? offset ?")
                .params(pageParams)
                .query(SchoolDirectory::school)
                .list();
        return new ResultPage<>(items, p, UnitDirectory.PAGE_SIZE, total);
    }

    /** Creates a school; retrying the same create returns the existing school, another school with the code is a 409. */
    @Transactional
    public Created<School> create(NewSchool command, Caller caller) {
        String code = requireMoetCode(command.moetCode());
        String name = TreeRules.requireName(command.name(), 200);
        SchoolLevel level = require(command.level(), "level");
        Ownership ownership = require(command.ownership(), "ownership");
        String address = address(command.address());
        Unit unit = units.find(command.unitId()).orElseThrow(() -> new NotFoundException("unit", command.unitId()));
        access.requireChangeIn(caller, unit.id(), "unit", unit.id());
        Optional<School> existing = findByCode(code);
        if (existing.isPresent()) {
            School school = existing.get();
            if (school.name().equals(name)
                    && school.level() == level
                    && school.ownership() == ownership
                    && school.unitId() == unit.id()) {
                return new Created<>(school, false);
            }
            throw new ConflictException(
                    "school.code.exists",
                    "Đã có trường mang mã " + code + " (" + school.name() + ").",
                    "A school with code " + code + " already exists (" + school.name() + ").");
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
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw codeTaken(code);
        }
        School school = findByCode(code).orElseThrow();
        events.publishEvent(DomainChange.created("School", school.id(), school.unitId(), snapshot(school)));
        return new Created<>(school, true);
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
        School before = get(id, caller);
        access.requireChangeIn(caller, before.unitId(), "school", id);
        String newName = name == null ? before.name() : TreeRules.requireName(name, 200);
        SchoolLevel newLevel = level == null ? before.level() : level;
        Ownership newOwnership = ownership == null ? before.ownership() : ownership;
        String newAddress = address == null ? before.address() : address(address);
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
        School after = find(id).orElseThrow();
        publishUpdate(before, after, reason, "UPDATED");
        return after;
    }

    /** Moves a school to another unit; both units must be in the caller's scope. */
    @Transactional
    public School move(long id, long unitId, String reason, Caller caller) {
        School before = get(id, caller);
        access.requireChangeIn(caller, before.unitId(), "school", id);
        Unit unit = units.find(unitId).orElseThrow(() -> new NotFoundException("unit", unitId));
        access.requireChangeIn(caller, unitId, "unit", unitId);
        requireActive(unit);
        if (before.unitId() == unitId) {
            return before;
        }
        jdbc.sql("update school set unit_id = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(unitId, OffsetDateTime.now(), id)
                .update();
        School after = find(id).orElseThrow();
        publishUpdate(before, after, reason, "MOVED");
        return after;
    }

    @Transactional
    public School retire(long id, LocalDate on, String reason, Caller caller) {
        School before = get(id, caller);
        access.requireChangeIn(caller, before.unitId(), "school", id);
        if (!before.active()) {
            throw new ConflictException(
                    "school.retired.already", "Trường này đã ngừng hoạt động.", "This school is already retired.");
        }
        jdbc.sql("update school set retired_on = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(on == null ? LocalDate.now(UnitDirectory.VIETNAM) : on, OffsetDateTime.now(), id)
                .update();
        School after = find(id).orElseThrow();
        publishUpdate(before, after, reason, "RETIRED");
        return after;
    }

    private static ConflictException codeTaken(String code) {
        return new ConflictException(
                "school.code.exists",
                "Đã có trường mang mã " + code + ".",
                "A school with code " + code + " already exists.");
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
            throw new org.springframework.security.access.AccessDeniedException("admin only");
        }
        java.util.Set<String> existing = new java.util.HashSet<>(
                jdbc.sql("select moet_code from school").query(String.class).list());
        java.util.Set<Long> activeUnits =
                new java.util.HashSet<>(jdbc.sql("select id from administrative_unit where retired_on is null")
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
                throw new InvalidValueException(
                        "school.unit.unknown",
                        "Trường " + code + ": không có đơn vị đang hoạt động với id " + row.unitId() + ".",
                        "School " + code + ": no active unit with id " + row.unitId() + ".");
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

    private void publishUpdate(School before, School after, String reason, String action) {
        events.publishEvent(DomainChange.updated(
                        "School",
                        after.id(),
                        after.unitId(),
                        snapshot(before),
                        snapshot(after),
                        UnitDirectory.tidyReason(reason))
                .withAction(action));
    }

    private static void requireActive(Unit unit) {
        if (!unit.active()) {
            throw new InvalidValueException(
                    "unit.retired", "Đơn vị " + unit.name() + " đã giải thể.", "Unit " + unit.name() + " is retired.");
        }
    }

    static String requireMoetCode(String raw) {
        String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (!MOET_CODE.matcher(code).matches()) {
            throw new InvalidValueException(
                    "school.code.shape",
                    "Mã trường (mã Bộ GD&ĐT) phải có 2–32 ký tự chữ, số, dấu chấm hoặc gạch.",
                    "The MOET school code must be 2–32 letters, digits, dots or dashes.");
        }
        return code;
    }

    private static String address(String raw) {
        String address = VietnameseText.tidy(raw);
        if (address == null || address.isEmpty()) {
            return null;
        }
        if (address.length() > 300) {
            throw new InvalidValueException(
                    "school.address.long", "Địa chỉ dài quá 300 ký tự.", "The address is longer than 300 characters.");
        }
        return address;
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(
                    "school." + field + ".missing",
                    "level".equals(field) ? "Chưa chọn cấp học." : "Chưa chọn loại hình (công lập / tư thục).",
                    "level".equals(field) ? "The school level is missing." : "Public or private is missing.");
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

    static School school(ResultSet rs, int n) throws SQLException {
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
