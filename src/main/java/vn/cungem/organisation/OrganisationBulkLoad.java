package vn.cungem.organisation;

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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.text.VietnameseText;

/**
 * Loads many units (with their closure rows), schools and partners at once, for the platform itself: the demo seed and
 * the synthetic national generator (3,356 units and 40,000 schools). {@link UnitDirectory} creates one unit at a time
 * with its checks and audit entry; this writes batches of 1,000 rows inside the caller's transaction (all or nothing)
 * and leaves the one summary audit entry of the load to the caller. Only work running as the system may call it.
 */
@Service
public class OrganisationBulkLoad {

    /** A unit to load: its code, name and level, and the code of its parent (null for a root). */
    public record UnitLine(String code, String name, String levelCode, String parentCode) {}

    /** A school to load, placed under the unit with {@code unitCode}. */
    public record SchoolLine(
            String moetCode, String name, SchoolLevel level, Ownership ownership, String unitCode, String address) {}

    /** A partner organisation to load, with its home unit. */
    public record PartnerLine(String name, PartnerKind kind, long homeUnitId, String contactEmail) {}

    /** What a load wrote: every unit code's id (those loaded and the existing parents they hang under), and schools. */
    public record Loaded(Map<String, Long> unitIds, int schools) {}

    private static final int BATCH = 1000;

    /** The 2021 structure of the source programmes: central, province, district, commune. */
    private static final Object[][] LEVELS = {
        {"central", 0, "Trung ương", "Central"},
        {"province", 1, "Tỉnh/Thành phố", "Province"},
        {"district", 2, "Quận/Huyện", "District"},
        {"commune", 3, "Xã/Phường/Thị trấn", "Commune/Ward"}
    };

    private final JdbcTemplate jdbc;

    /** Public so that the demo's tests can load a database of their own without a Spring context. */
    public OrganisationBulkLoad(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
     * Loads units given parents-first, then schools, in one transaction; the levels of the 2021 structure are added
     * when missing. A parent may be a unit already in the database (the generator hangs its provinces under an
     * existing {@code VN}); a school's unit may be too.
     */
    @Transactional
    public Loaded load(List<UnitLine> units, List<SchoolLine> schools) {
        requireSystem();
        ensureLevels();
        Map<String, Long> ids = insertUnits(units);
        return new Loaded(ids, insertSchools(schools, ids));
    }

    /** The ids of the schools with these MOET codes (codes not found are left out). */
    public Map<String, Long> schoolIds(Collection<String> moetCodes) {
        Map<String, Long> ids = new HashMap<>();
        List<String> all = new ArrayList<>(moetCodes);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + BATCH));
            jdbc.query(
                    "select id, moet_code from school where moet_code in (" + placeholders(chunk.size()) + ")",
                    rs -> {
                        ids.put(rs.getString("moet_code"), rs.getLong("id"));
                    },
                    chunk.toArray());
        }
        return ids;
    }

    /** Inserts partners and returns their ids in the order given. */
    @Transactional
    public List<Long> insertPartners(List<PartnerLine> partners) {
        requireSystem();
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>(partners.size());
        for (PartnerLine partner : partners) {
            String name = VietnameseText.tidy(partner.name());
            rows.add(new Object[] {
                name,
                VietnameseText.fold(name),
                VietnameseText.sortKey(name),
                partner.kind().name(),
                partner.homeUnitId(),
                partner.contactEmail(),
                now,
                now
            });
        }
        jdbc.batchUpdate("""
                insert into partner_organisation (name, name_folded, name_sort, kind, home_unit_id, contact_email,
                                                  created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add(jdbc.queryForObject(
                    "select id from partner_organisation where home_unit_id = ? and name = ?",
                    Long.class,
                    row[4],
                    row[0]));
        }
        return ids;
    }

    private static void requireSystem() {
        if (!Callers.current().isAdmin()) {
            throw new AccessDeniedException("bulk loads run as the system");
        }
    }

    private void ensureLevels() {
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

    private Map<String, Long> insertUnits(List<UnitLine> units) {
        Map<String, Long> ids = new HashMap<>();
        Map<Long, List<long[]>> closures = new HashMap<>();
        List<UnitLine> pending = new ArrayList<>();
        Set<String> pendingCodes = new HashSet<>();
        for (UnitLine unit : units) {
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

    private void flushUnits(List<UnitLine> units, Map<String, Long> ids, Map<Long, List<long[]>> closures) {
        if (units.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        for (UnitLine unit : units) {
            if (unit.parentCode() != null && !ids.containsKey(unit.parentCode())) {
                ids.put(unit.parentCode(), existingId(unit.parentCode()));
            }
        }
        List<Object[]> rows = new ArrayList<>(units.size());
        for (UnitLine unit : units) {
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
        List<String> codes = units.stream().map(UnitLine::code).toList();
        jdbc.query(
                "select id, code from administrative_unit where code in (" + placeholders(codes.size()) + ")",
                rs -> {
                    ids.put(rs.getString("code"), rs.getLong("id"));
                },
                codes.toArray());
        List<Object[]> closureRows = new ArrayList<>();
        for (UnitLine unit : units) {
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
            throw InvalidValueException.of("unit.parent.missing", "org.bulk.parentMissing", code);
        }
        return found.get(0);
    }

    private int insertSchools(List<SchoolLine> schools, Map<String, Long> unitIds) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>(Math.min(schools.size(), BATCH));
        int written = 0;
        for (SchoolLine school : schools) {
            Long unitId = unitIds.computeIfAbsent(school.unitCode(), this::existingId);
            rows.add(new Object[] {
                school.moetCode(),
                VietnameseText.tidy(school.name()),
                VietnameseText.fold(school.name()),
                VietnameseText.sortKey(school.name()),
                school.level().name(),
                school.ownership().name(),
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
