package vn.cungem.student.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.student.RollUp;
import vn.cungem.student.StudentStatus;

/**
 * The counts of a roll-up: per child unit, per school, and the schools that have proposed nobody. All read from the
 * kept counts ({@link StudentTallies}), a few rows per unit or school, never the campaign's students.
 */
@Repository
public class RollUpCounts {

    private final JdbcClient jdbc;

    RollUpCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts per child unit of {@code unitId}, each child's whole subtree counted: a district's or a province's own rows,
     * a commune's schools' rows summed (a commune keeps none, {@link Tallies}).
     */
    public List<RollUp.Line> perChildUnit(long campaignId, long unitId) {
        return lines("""
                select c.id, c.name, k.status, sum(k.students)
                from org_unit c
                left join (select k.place_id as unit_id, k.status, k.students from student_tally k
                           where k.campaign_id = ? and k.place_kind = 'UNIT' and k.category = '*'
                             and k.place_id in (select u.id from org_unit u where u.parent_id = ?)
                           union all
                           select sc.unit_id, k.status, k.students from student_tally k
                           join org_school sc on sc.id = k.place_id
                           where k.campaign_id = ? and k.place_kind = 'SCHOOL' and k.category = '*'
                             and sc.unit_id in (select u.id from org_unit u where u.parent_id = ?
                                                and u.level_code = ?)) k on k.unit_id = c.id
                where c.parent_id = ? and c.retired_on is null
                group by c.id, c.name, c.name_sort, k.status
                order by c.name_sort, c.id""", campaignId, unitId, campaignId, unitId, Tallies.SUMMED_FROM_SCHOOLS_LEVEL, unitId);
    }

    /** Counts per school sitting directly in {@code unitId} (a commune's schools). */
    public List<RollUp.Line> perSchool(long campaignId, long unitId) {
        return lines("""
                select sc.id, sc.name, k.status, sum(k.students)
                from org_school sc
                left join student_tally k on k.campaign_id = ? and k.place_kind = 'SCHOOL' and k.place_id = sc.id
                                          and k.category = '*'
                where sc.unit_id = ? and sc.retired_on is null
                group by sc.id, sc.name, sc.name_sort, k.status
                order by sc.name_sort, sc.id""", campaignId, unitId);
    }

    private List<RollUp.Line> lines(String sql, Object... params) {
        Map<Long, long[]> counts = new LinkedHashMap<>();
        Map<Long, String> names = new HashMap<>();
        jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    names.put(id, rs.getString(2));
                    long[] c = counts.computeIfAbsent(id, k -> new long[5]);
                    String status = rs.getString(3);
                    if (status != null) {
                        switch (StudentStatus.valueOf(status)) {
                            case REGISTERED -> c[0] += rs.getLong(4);
                            case PROPOSED -> c[1] += rs.getLong(4);
                            case APPROVED -> c[2] += rs.getLong(4);
                            case RETURNED -> c[3] += rs.getLong(4);
                            case REJECTED -> c[4] += rs.getLong(4);
                            case MERGED -> {}
                        }
                    }
                    return null;
                })
                .list();
        List<RollUp.Line> lines = new ArrayList<>();
        counts.forEach((id, c) -> lines.add(new RollUp.Line(id, names.get(id), c[0], c[1], c[2], c[3], c[4])));
        return lines;
    }

    private static final String NOT_PROPOSED = """
            from org_school sc
            join org_unit u on u.id = sc.unit_id
            where sc.retired_on is null
              and sc.unit_id in (select descendant_id from org_unit_tree where ancestor_id = ?)
              and sc.unit_id in (select t.descendant_id from org_unit_tree t where t.ancestor_id in (%s))
              and sc.school_level in (%s)
              and not exists (select 1 from student_tally k where k.campaign_id = ? and k.place_kind = 'SCHOOL'
                              and k.place_id = sc.id and k.category = '*' and k.students > 0
                              and k.status in ('PROPOSED', 'APPROVED', 'RETURNED', 'REJECTED'))
            """;

    /**
     * Schools in the unit's subtree, in the campaign's area and of its eligible levels, that have proposed nobody: the
     * ones a manager has to chase before the deadline. Returned students count as proposed (the school did send a list).
     */
    public List<RollUp.MissingSchool> notProposed(
            long campaignId, List<Long> area, long unitId, List<SchoolLevel> levels, int limit) {
        if (levels.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select sc.id, sc.moet_code, sc.name, u.name,"
                        + " (select coalesce(sum(k.students), 0) from student_tally k where k.campaign_id = ?"
                        + " and k.place_kind = 'SCHOOL' and k.place_id = sc.id and k.category = '*'"
                        + " and k.status = 'REGISTERED') "
                        + notProposedFrom(area, levels) + " order by u.name_sort, sc.name_sort, sc.id limit ?")
                .params(campaignId, unitId, campaignId, limit)
                .query((rs, n) -> new RollUp.MissingSchool(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .list();
    }

    /**
     * How many schools {@link #notProposed} would list without a limit: the area's open schools of those levels (one
     * count from organisation's view) less the kept count of those that have sent their list (V300), which also counts
     * schools closed since they sent theirs, so those are added back (a handful, looked up one by one).
     */
    public long notProposedCount(long campaignId, List<Long> area, long unitId, List<SchoolLevel> levels) {
        List<Long> places = placesInArea(area, unitId);
        if (levels.isEmpty() || places.isEmpty()) {
            return 0;
        }
        String in = levelsIn(levels);
        String units = String.join(",", places.stream().map(String::valueOf).toList());
        String subtree = "sc.unit_id in (select descendant_id from org_unit_tree where ancestor_id in (" + units + "))";
        return jdbc.sql(
                        "select (select count(*) from org_school sc where sc.retired_on is null and sc.school_level in ("
                                + in + ") and " + subtree + ")"
                                + " - (select coalesce(sum(p.schools), 0) from student_proposing_school_tally p"
                                + " where p.campaign_id = ? and p.unit_id in (" + units + ") and p.school_level in ("
                                + in
                                + "))"
                                + " + (select count(*) from org_school sc where sc.retired_on is not null and sc.school_level in ("
                                + in + ") and " + subtree
                                + " and exists (select 1 from student_tally k where k.campaign_id = ? and k.place_kind = 'SCHOOL'"
                                + " and k.place_id = sc.id and k.category = '*' and k.students > 0"
                                + " and k.status in ('PROPOSED', 'APPROVED', 'RETURNED', 'REJECTED')))")
                .params(campaignId, campaignId)
                .query(Long.class)
                .single();
    }

    /**
     * The units whose subtrees are the part of {@code unitId}'s subtree inside the campaign's area: the unit itself when
     * it lies inside the area, else the area's units below it (a national view of a campaign of two provinces).
     */
    private List<Long> placesInArea(List<Long> area, long unitId) {
        if (area.isEmpty()) {
            return List.of();
        }
        String areaIn = String.join(",", area.stream().map(String::valueOf).toList());
        boolean inside = !jdbc.sql("select ancestor_id from org_unit_tree where descendant_id = ? and ancestor_id in ("
                        + areaIn + ") fetch first 1 rows only")
                .param(unitId)
                .query(Long.class)
                .list()
                .isEmpty();
        if (inside) {
            return List.of(unitId);
        }
        // an area unit inside another area unit would count its schools twice: only the outermost ones
        return jdbc.sql("select a.descendant_id from org_unit_tree a where a.ancestor_id = ? and a.descendant_id in ("
                        + areaIn + ") and not exists (select 1 from org_unit_tree o where o.descendant_id ="
                        + " a.descendant_id and o.depth > 0 and o.ancestor_id in (" + areaIn + "))")
                .param(unitId)
                .query(Long.class)
                .list();
    }

    private static String levelsIn(List<SchoolLevel> levels) {
        return String.join(",", levels.stream().map(l -> "'" + l.name() + "'").toList());
    }

    /**
     * The campaign's area is the campaign module's rule ({@code Campaign.areaUnitIds}): only its ids come in, inlined,
     * and the schools inside them are found through organisation's tree.
     */
    private static String notProposedFrom(List<Long> area, List<SchoolLevel> levels) {
        String in = levelsIn(levels);
        String units = String.join(",", area.stream().map(String::valueOf).toList());
        return NOT_PROPOSED.formatted(units.isEmpty() ? "-1" : units, in);
    }
}
