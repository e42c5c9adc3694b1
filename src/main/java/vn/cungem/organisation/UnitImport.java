package vn.cungem.organisation;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.cungem.organisation.importing.ImportPlanner;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;

/**
 * The bulk import of units (the GSO list, the demo generator): existing units are loaded in one query and new ones
 * written in batches, so the national list (~11,000 communes) takes seconds.
 */
@Component
class UnitImport {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ApplicationEventPublisher events;
    private final Levels levels;
    private final UnitClosure closure;

    UnitImport(
            JdbcClient jdbc, JdbcTemplate batch, ApplicationEventPublisher events, Levels levels, UnitClosure closure) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.events = events;
        this.levels = levels;
        this.closure = closure;
    }

    ImportReport run(List<UnitRow> rows, List<ImportReport.Rejected> readErrors, Caller caller) {
        if (!caller.isAdmin()) {
            throw new AccessDeniedException("admin only");
        }
        Map<String, Level> byCode = new HashMap<>();
        levels.all().forEach(l -> byCode.put(l.code(), l));
        Map<String, ImportPlanner.Existing> existing = new HashMap<>();
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("""
                        select u.id, u.code, u.name, u.level_code, p.code from administrative_unit u
                        left join administrative_unit p on p.id = u.parent_id""").query((ResultSet rs) -> {
            existing.put(
                    rs.getString(2),
                    new ImportPlanner.Existing(
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            ids.put(rs.getString(2), rs.getLong(1));
        });
        ImportPlanner.Plan plan = ImportPlanner.plan(rows, existing, byCode);
        OffsetDateTime now = OffsetDateTime.now();
        add(plan, ids, now);
        rename(plan, existing, ids, now);
        move(plan, existing, ids, now);
        List<ImportReport.Rejected> rejected = new ArrayList<>(readErrors);
        rejected.addAll(plan.rejected());
        rejected.sort(Comparator.comparingInt(ImportReport.Rejected::row));
        ImportReport report =
                new ImportReport(plan.added(), plan.renamed(), plan.moved(), plan.unchanged(), List.copyOf(rejected));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("added", report.added().size());
        summary.put("renamed", report.renamed().size());
        summary.put("moved", report.moved().size());
        summary.put("unchanged", report.unchanged().size());
        summary.put("rejected", report.rejected().size());
        // One summary entry rather than one per added unit: a national import adds ~12,000 units at once.
        events.publishEvent(
                new DomainChange("UnitImport", now.toString(), "IMPORTED", null, Map.of(), summary, "GSO import"));
        return report;
    }

    private void add(ImportPlanner.Plan plan, Map<String, Long> ids, OffsetDateTime now) {
        insertByDepth(plan.toAdd(), ids, now);
        List<Object[]> self = new ArrayList<>();
        List<Object[]> under = new ArrayList<>();
        for (ImportPlanner.Accepted accepted : plan.toAdd()) {
            long id = ids.get(accepted.row().code());
            self.add(new Object[] {id, id});
            if (accepted.row().parentCode() != null) {
                under.add(new Object[] {id, ids.get(accepted.row().parentCode())});
            }
        }
        closure.addAll(self, under);
    }

    private void rename(
            ImportPlanner.Plan plan,
            Map<String, ImportPlanner.Existing> existing,
            Map<String, Long> ids,
            OffsetDateTime now) {
        List<Object[]> renames = new ArrayList<>();
        for (ImportPlanner.Accepted accepted : plan.toRename()) {
            String name = VietnameseText.tidy(accepted.row().name());
            renames.add(new Object[] {
                name,
                VietnameseText.fold(name),
                VietnameseText.sortKey(name),
                now,
                ids.get(accepted.row().code())
            });
            ImportPlanner.Existing before = existing.get(accepted.row().code());
            events.publishEvent(DomainChange.updated(
                            "AdministrativeUnit",
                            before.id(),
                            before.id(),
                            Map.of("name", before.name()),
                            Map.of("name", name),
                            "GSO import")
                    .withAction("RENAMED"));
        }
        batch.batchUpdate(
                "update administrative_unit set name = ?, name_folded = ?, name_sort = ?, updated_at = ?,"
                        + " version = version + 1 where id = ?",
                renames);
    }

    private void move(
            ImportPlanner.Plan plan,
            Map<String, ImportPlanner.Existing> existing,
            Map<String, Long> ids,
            OffsetDateTime now) {
        for (ImportPlanner.Accepted accepted : plan.toMove()) {
            long id = ids.get(accepted.row().code());
            long parentId = ids.get(accepted.row().parentCode());
            jdbc.sql("update administrative_unit set parent_id = ?, updated_at = ?, version = version + 1 where id = ?")
                    .params(parentId, now, id)
                    .update();
            closure.move(id, parentId);
            ImportPlanner.Existing before = existing.get(accepted.row().code());
            events.publishEvent(DomainChange.updated(
                            "AdministrativeUnit",
                            id,
                            id,
                            parentCode(before.parentCode()),
                            parentCode(accepted.row().parentCode()),
                            "GSO import")
                    .withAction("MOVED"));
        }
    }

    private void insertByDepth(List<ImportPlanner.Accepted> toAdd, Map<String, Long> ids, OffsetDateTime now) {
        int index = 0;
        while (index < toAdd.size()) {
            int depth = toAdd.get(index).depth();
            List<Object[]> args = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            while (index < toAdd.size() && toAdd.get(index).depth() == depth) {
                UnitRow row = toAdd.get(index).row();
                String name = VietnameseText.tidy(row.name());
                Long parentId = row.parentCode() == null ? null : ids.get(row.parentCode());
                args.add(new Object[] {
                    row.code().strip(),
                    name,
                    VietnameseText.fold(name),
                    VietnameseText.sortKey(name),
                    row.levelCode(),
                    parentId,
                    now,
                    now
                });
                codes.add(row.code().strip());
                index++;
            }
            batch.batchUpdate(
                    "insert into administrative_unit (code, name, name_folded, name_sort, level_code, parent_id,"
                            + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    args);
            for (int from = 0; from < codes.size(); from += 1000) {
                List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 1000));
                String marks = String.join(",", chunk.stream().map(c -> "?").toList());
                jdbc.sql("select id, code from administrative_unit where code in (" + marks + ")")
                        .params(new ArrayList<Object>(chunk))
                        .query((ResultSet rs) -> {
                            ids.put(rs.getString(2), rs.getLong(1));
                        });
            }
        }
    }

    /** A map that may hold a null (a root has no parent code), which {@link Map#of} refuses. */
    private static Map<String, Object> parentCode(String code) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("parentCode", code);
        return map;
    }
}
