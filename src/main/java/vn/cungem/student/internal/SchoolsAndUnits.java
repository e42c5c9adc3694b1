package vn.cungem.student.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.text.UnitNames;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.student.SchoolRef;

/** What the registry reads of schools and units, through organisation's published views only. */
@Repository
public class SchoolsAndUnits {

    private final JdbcClient jdbc;

    SchoolsAndUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The unit that approves a school's list: the nearest district at or above the school's unit, or the school's own
     * unit (a commune or ward) where there is no district (002: "the district approves"; since 2025 the commune).
     */
    public long approvingUnit(long schoolUnitId) {
        return jdbc.sql("""
                        select t.ancestor_id from org_unit_tree t
                        join org_unit a on a.id = t.ancestor_id
                        where t.descendant_id = ? and a.level_code = 'district'
                        order by t.depth limit 1""").param(schoolUnitId).query(Long.class).optional().orElse(schoolUnitId);
    }

    public Optional<SchoolRef> school(long id) {
        return jdbc.sql(
                        "select id, unit_id, moet_code, name, school_level from org_school where id = ? and retired_on is null")
                .param(id)
                .query(SchoolsAndUnits::schoolRef)
                .optional();
    }

    public Optional<SchoolRef> schoolByCode(String moetCode) {
        return jdbc.sql("select id, unit_id, moet_code, name, school_level from org_school where moet_code = ?"
                        + " and retired_on is null")
                .param(moetCode.strip().toUpperCase(Locale.ROOT))
                .query(SchoolsAndUnits::schoolRef)
                .optional();
    }

    private static SchoolRef schoolRef(ResultSet rs, int n) throws SQLException {
        SchoolLevel level;
        try {
            level = SchoolLevel.valueOf(rs.getString("school_level"));
        } catch (IllegalArgumentException e) {
            level = null;
        }
        return new SchoolRef(
                rs.getLong("id"), rs.getLong("unit_id"), rs.getString("moet_code"), rs.getString("name"), level);
    }

    /**
     * A commune or ward by official code, else by folded name (only when the name is unique), else by the name with or
     * without its prefix ("Linh Xuân" finds "Phường Linh Xuân"), again only when that finds exactly one.
     */
    public Optional<Long> communeByCodeOrName(String raw) {
        Optional<Long> byCode = jdbc.sql("select id from org_unit where code = ?")
                .param(raw.strip())
                .query(Long.class)
                .optional();
        if (byCode.isPresent()) {
            return byCode;
        }
        List<Long> byName = jdbc.sql(
                        "select id from org_unit where name_folded = ? and level_code = 'commune' fetch first 2 rows only")
                .param(VietnameseText.fold(raw))
                .query(Long.class)
                .list();
        if (byName.size() == 1) {
            return Optional.of(byName.get(0));
        }
        if (!byName.isEmpty()) {
            return Optional.empty();
        }
        List<String> variants = UnitNames.communeNameVariants(raw);
        if (variants.isEmpty()) {
            return Optional.empty();
        }
        String marks = String.join(",", variants.stream().map(v -> "?").toList());
        List<Long> byVariant = jdbc.sql(
                        "select id from org_unit where level_code = 'commune' and retired_on is null and name_folded in ("
                                + marks + ") fetch first 2 rows only")
                .params(List.<Object>copyOf(variants))
                .query(Long.class)
                .list();
        return byVariant.size() == 1 ? Optional.of(byVariant.get(0)) : Optional.empty();
    }

    public String unitName(long unitId) {
        return jdbc.sql("select name from org_unit where id = ?")
                .param(unitId)
                .query(String.class)
                .optional()
                .orElse("");
    }
}
