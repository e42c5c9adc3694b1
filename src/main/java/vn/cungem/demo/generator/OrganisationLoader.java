package vn.cungem.demo.generator;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.text.VietnameseText;

/**
 * Loads units (with their closure rows) and schools with batched plain SQL. The organisation module's façade inserts
 * one unit at a time with its checks and audit entry; a national load of 40,000 schools needs batches instead, so the
 * demo and the generator write the V2 tables directly and record one summary audit entry per load.
 */
public class OrganisationLoader {

    private static final int BATCH = 1000;

    /** The 2021 structure of the source programmes: central, province, district, commune. */
    private static final Object[][] LEVELS = {
        {"central", 0, "Trung ương", "Central"},
        {"province", 1, "Tỉnh/Thành phố", "Province"},
        {"district", 2, "Quận/Huyện", "District"},
        {"commune", 3, "Xã/Phường/Thị trấn", "Commune/Ward"}
    };

    private final JdbcTemplate jdbc;

    public OrganisationLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void ensureLevels() {
        for (Object[] level : LEVELS) {
            Integer exists = jdbc.queryForObject(
                    "select count(*) from administrative_level where code = ?", Integer.class, level[0]);
            if (exists == null || exists == 0) {
                jdbc.update(
                        "insert into administrative_level (code, rank_order, name_vi, name_en) values (?, ?, ?, ?)",
                        level);
            }
        }
    }

    public long countUnits() {
        Long count = jdbc.queryForObject("select count(*) from administrative_unit", Long.class);
        return count == null ? 0 : count;
    }

    /** The codes among {@code codes} that the database already holds. */
    public Set<String> existingUnitCodes(Collection<String> codes) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(codes);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + BATCH));
            found.addAll(jdbc.queryForList(
                    "select code from administrative_unit where code in (" + placeholders(chunk.size()) + ")",
                    String.class,
                    chunk.toArray()));
        }
        return found;
    }

    /**
     * Inserts units given parents-first and returns every code's id. A parent may also be a unit already in the
     * database (the generator hangs its provinces under an existing {@code VN}).
     */
    public Map<String, Long> insertUnits(List<UnitRow> units) {
        Map<String, Long> ids = new HashMap<>();
        Map<Long, List<long[]>> closures = new HashMap<>();
        List<UnitRow> pending = new ArrayList<>();
        Set<String> pendingCodes = new HashSet<>();
        for (UnitRow unit : units) {
            if (unit.parentCode() != null && pendingCodes.contains(unit.parentCode())) {
                flushUnits(pending, ids, closures);
                pending.clear();
                pendingCodes.clear();
            }
            pending.add(unit);
            pendingCodes.add(unit.code());
            if (pending.size() == BATCH) {
                flushUnits(pending, ids, closures);
                pending.clear();
                pendingCodes.clear();
            }
        }
        flushUnits(pending, ids, closures);
        return ids;
    }

    private void flushUnits(List<UnitRow> units, Map<String, Long> ids, Map<Long, List<long[]>> closures) {
        if (units.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        for (UnitRow unit : units) {
            if (unit.parentCode() != null && !ids.containsKey(unit.parentCode())) {
                ids.put(unit.parentCode(), existingId(unit.parentCode()));
            }
        }
        List<Object[]> rows = new ArrayList<>(units.size());
        for (UnitRow unit : units) {
            rows.add(new Object[] {
                unit.code(),
                VietnameseText.tidy(unit.name()),
                VietnameseText.fold(unit.name()),
                VietnameseText.sortKey(unit.name()),
                unit.levelCode(),
                unit.parentCode() == null ? null : ids.get(unit.parentCode()),
                now,
                now
            });
        }
        jdbc.batchUpdate("""
                insert into administrative_unit (code, name, name_folded, name_sort, level_code, parent_id, created_at,
                                                 updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        List<String> codes = units.stream().map(UnitRow::code).toList();
        jdbc.query(
                "select id, code from administrative_unit where code in (" + placeholders(codes.size()) + ")",
                rs -> {
                    ids.put(rs.getString("code"), rs.getLong("id"));
                },
                codes.toArray());
        List<Object[]> closureRows = new ArrayList<>();
        for (UnitRow unit : units) {
            long id = ids.get(unit.code());
            List<long[]> own = new ArrayList<>();
            own.add(new long[] {id, 0});
            if (unit.parentCode() != null) {
                for (long[] ancestor : closureOf(ids.get(unit.parentCode()), closures)) {
                    own.add(new long[] {ancestor[0], ancestor[1] + 1});
                }
            }
            closures.put(id, own);
            for (long[] entry : own) {
                closureRows.add(new Object[] {entry[0], id, (int) entry[1]});
            }
        }
        for (int from = 0; from < closureRows.size(); from += BATCH) {
            jdbc.batchUpdate(
                    "insert into unit_closure (ancestor_id, descendant_id, depth) values (?, ?, ?)",
                    closureRows.subList(from, Math.min(closureRows.size(), from + BATCH)));
        }
    }

    private List<long[]> closureOf(long unitId, Map<Long, List<long[]>> closures) {
        return closures.computeIfAbsent(
                unitId,
                id -> jdbc.query(
                        "select ancestor_id, depth from unit_closure where descendant_id = ?",
                        (rs, n) -> new long[] {rs.getLong("ancestor_id"), rs.getInt("depth")},
                        id));
    }

    private long existingId(String code) {
        List<Long> found = jdbc.queryForList("select id from administrative_unit where code = ?", Long.class, code);
        if (found.isEmpty()) {
            throw new InvalidValueException(
                    "generator.parent.missing",
                    "Không tìm thấy đơn vị cha có mã " + code + ".",
                    "No parent unit with code " + code + ".");
        }
        return found.get(0);
    }

    /** Inserts schools under units whose ids {@code unitIds} gives (codes not there are looked up in the database). */
    public int insertSchools(List<SchoolRow> schools, Map<String, Long> unitIds) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>(Math.min(schools.size(), BATCH));
        int written = 0;
        for (SchoolRow school : schools) {
            Long unitId = unitIds.computeIfAbsent(school.unitCode(), this::existingId);
            rows.add(new Object[] {
                school.moetCode(),
                VietnameseText.tidy(school.name()),
                VietnameseText.fold(school.name()),
                VietnameseText.sortKey(school.name()),
                school.schoolLevel(),
                school.ownership(),
                unitId,
                school.address(),
                now,
                now
            });
            if (rows.size() == BATCH) {
                written += insertSchoolRows(rows);
                rows.clear();
            }
        }
        written += insertSchoolRows(rows);
        return written;
    }

    private int insertSchoolRows(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate("""
                insert into school (moet_code, name, name_folded, name_sort, school_level, ownership, unit_id, address,
                                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        return rows.size();
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
