package vn.cungem.followup.work;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.security.Caller;

/**
 * Follow-up coverage per unit (the unit each school hangs under), for managers: checks whose date has come, recorded,
 * overdue (date passed, not recorded), what the recorded checks said about learning online, and support cases not yet
 * resolved. Counted in SQL over the caller's scope; a device returned no longer counts its cancelled checks.
 */
@Service
@Transactional(readOnly = true)
public class Coverage {

    public record Row(
            long unitId,
            String unitName,
            long due,
            long done,
            long overdue,
            long learningYes,
            long learningPartly,
            long learningNo,
            long openCases,
            long returned) {

        /** Recorded checks per hundred that have come due, rounded down; 0 when none is due. */
        public long percentDone() {
            return due == 0 ? 0 : done * 100 / due;
        }

        Row plus(Row o) {
            return new Row(
                    unitId,
                    unitName,
                    due + o.due,
                    done + o.done,
                    overdue + o.overdue,
                    learningYes + o.learningYes,
                    learningPartly + o.learningPartly,
                    learningNo + o.learningNo,
                    openCases + o.openCases,
                    returned + o.returned);
        }
    }

    public record Report(List<Row> units, Row total) {}

    private final JdbcClient jdbc;
    private final FollowUpAccess access;
    private final UnitDirectory units;

    Coverage(JdbcClient jdbc, FollowUpAccess access, UnitDirectory units) {
        this.jdbc = jdbc;
        this.access = access;
        this.units = units;
    }

    /** Managers only; anyone else gets an empty report. */
    public Report of(Long campaignId, Caller caller) {
        if (!FollowUpAccess.isManager(caller)) {
            return new Report(List.of(), new Row(0, "", 0, 0, 0, 0, 0, 0, 0, 0));
        }
        String where = access.filter(caller, "h")
                + (campaignId == null ? "" : " and h.campaign_id = " + campaignId.longValue());
        var today = FollowUpAccess.today();
        Map<Long, Row> byUnit = new java.util.HashMap<>();
        jdbc.sql("""
                        select h.unit_id,
                               sum(case when c.status <> 'CANCELLED' and c.due_on <= :today then 1 else 0 end),
                               sum(case when c.status = 'DONE' then 1 else 0 end),
                               sum(case when c.status = 'DUE' and c.due_on < :today then 1 else 0 end),
                               sum(case when c.learning = 'YES' then 1 else 0 end),
                               sum(case when c.learning = 'PARTLY' then 1 else 0 end),
                               sum(case when c.learning = 'NO' then 1 else 0 end)
                          from followup_check c join followup_handover h on h.id = c.followup_handover_id
                         where\s""" + where + " group by h.unit_id")
                .param("today", today)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        "",
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        0,
                        0))
                .list()
                .forEach(r -> byUnit.merge(r.unitId(), r, Row::plus));
        jdbc.sql("select h.unit_id, count(*) from followup_case k join followup_handover h"
                        + " on h.id = k.followup_handover_id where k.status <> 'RESOLVED' and " + where
                        + " group by h.unit_id")
                .query((rs, n) -> new Row(rs.getLong(1), "", 0, 0, 0, 0, 0, 0, rs.getLong(2), 0))
                .list()
                .forEach(r -> byUnit.merge(r.unitId(), r, Row::plus));
        jdbc.sql("select h.unit_id, count(*) from followup_handover h where h.returned = true and " + where
                        + " group by h.unit_id")
                .query((rs, n) -> new Row(rs.getLong(1), "", 0, 0, 0, 0, 0, 0, 0, rs.getLong(2)))
                .list()
                .forEach(r -> byUnit.merge(r.unitId(), r, Row::plus));
        Map<Long, String> names = units.names(byUnit.keySet());
        List<Row> rows = new ArrayList<>();
        Row total = new Row(0, "", 0, 0, 0, 0, 0, 0, 0, 0);
        for (Row r : byUnit.values()) {
            Row named = new Row(
                    r.unitId(),
                    names.getOrDefault(r.unitId(), ""),
                    r.due(),
                    r.done(),
                    r.overdue(),
                    r.learningYes(),
                    r.learningPartly(),
                    r.learningNo(),
                    r.openCases(),
                    r.returned());
            rows.add(named);
            total = total.plus(named);
        }
        rows.sort(Comparator.comparing(Row::overdue).reversed().thenComparing(Row::unitName));
        return new Report(rows, total);
    }
}
