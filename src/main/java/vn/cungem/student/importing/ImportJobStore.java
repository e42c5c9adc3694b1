package vn.cungem.student.importing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;
import vn.cungem.student.importing.ImportJob.Status;
import vn.cungem.student.importing.SpreadsheetReader.SheetInfo;

/** The {@code student_import} rows: an upload stored as a new import, and an import read back for a page or a run. */
@Component
class ImportJobStore {

    private final JdbcClient jdbc;

    ImportJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What an upload stores; {@code claimedBy} is set when this node checks the file during the request. */
    record NewImport(
            long campaignId,
            Caller caller,
            String idempotencyKey,
            String fileName,
            SpreadsheetReader.Format format,
            byte[] content,
            String sha256,
            List<SheetInfo> sheets,
            SheetInfo only,
            Status status,
            ImportPlan plan,
            String claimedBy,
            OffsetDateTime now) {}

    void insert(NewImport i) {
        Caller caller = i.caller();
        jdbc.sql("""
                        insert into student_import (campaign_id, uploaded_by_account_id, uploaded_by_name,
                            uploader_role, scope_kind, scope_unit_id, scope_school_id, idempotency_key,
                            file_name, file_format, file_size, file_sha256, content, sheets, sheet_index,
                            status, rows_total, claimed_by, claimed_at, created_at, updated_at, sheets_read,
                            pending_columns, column_mappings)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        i.campaignId(),
                        caller.accountId(),
                        caller.displayName() == null ? "" : caller.displayName(),
                        caller.role() == null ? null : caller.role().name(),
                        caller.scope().kind().name(),
                        caller.scope().unitId(),
                        caller.scope().schoolId(),
                        i.idempotencyKey(),
                        i.fileName(),
                        i.format().name(),
                        i.content().length,
                        i.sha256(),
                        i.content(),
                        sheetsText(i.sheets()),
                        i.only() == null ? null : i.only().index(),
                        i.status().name(),
                        i.plan().rows(),
                        i.claimedBy(),
                        i.claimedBy() == null ? null : i.now(),
                        i.now(),
                        i.now(),
                        indexesText(i.plan().sheetsRead()),
                        pendingText(i.plan().toConfirm()),
                        mappingsText(i.plan().mappings(Map.of())))
                .update();
    }

    Optional<Long> byKey(long campaignId, Caller caller, String key) {
        if (caller.accountId() == null) {
            return jdbc.sql("select id from student_import where campaign_id = ? and idempotency_key = ?"
                            + " and uploaded_by_account_id is null")
                    .params(campaignId, key)
                    .query(Long.class)
                    .optional();
        }
        return jdbc.sql("select id from student_import where campaign_id = ? and idempotency_key = ?"
                        + " and uploaded_by_account_id = ?")
                .params(campaignId, key, caller.accountId())
                .query(Long.class)
                .optional();
    }

    /** The campaign's newest imports, whoever uploaded them. */
    List<Long> newest(long campaignId) {
        return jdbc.sql(
                        "select id from student_import where campaign_id = ? order by created_at desc, id desc limit 200")
                .param(campaignId)
                .query(Long.class)
                .list();
    }

    Optional<ImportJob> load(long importId) {
        return jdbc.sql("""
                        select id, campaign_id, file_name, file_format, status, uploaded_by_name, sheets, sheet_index,
                               rows_total, rows_done, ok_count, warning_count, error_count, duplicate_count,
                               likely_duplicate_count, inserted_count, updated_count, failure_vi, failure_en,
                               ignored_headers, missing_columns, created_at, updated_at, skipped_count,
                               sheets_read, pending_columns
                          from student_import where id = ?""")
                .param(importId)
                .query((rs, n) -> new ImportJob(
                        rs.getLong("id"),
                        rs.getLong("campaign_id"),
                        rs.getString("file_name"),
                        rs.getString("file_format"),
                        Status.valueOf(rs.getString("status")),
                        rs.getString("uploaded_by_name"),
                        sheetsOf(rs.getString("sheets")),
                        (Integer) rs.getObject("sheet_index", Integer.class),
                        rs.getInt("rows_total"),
                        rs.getInt("rows_done"),
                        rs.getInt("ok_count"),
                        rs.getInt("warning_count"),
                        rs.getInt("error_count"),
                        rs.getInt("duplicate_count"),
                        rs.getInt("likely_duplicate_count"),
                        rs.getInt("inserted_count"),
                        rs.getInt("updated_count"),
                        rs.getInt("skipped_count"),
                        rs.getString("failure_vi"),
                        rs.getString("failure_en"),
                        lines(rs.getString("ignored_headers")),
                        columns(rs.getString("missing_columns")),
                        indexes(rs.getString("sheets_read")),
                        pendingColumns(rs.getString("pending_columns")),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    JobData jobData(long importId) {
        return jdbc.sql("""
                        select id, campaign_id, status, file_name, file_format, content, sheet_index, rows_total,
                               sheets_read, column_mappings, uploaded_by_account_id, uploaded_by_name, uploader_role, scope_kind, scope_unit_id,
                               scope_school_id, checked_with, staged_count
                          from student_import where id = ?""")
                .param(importId)
                .query((rs, n) -> {
                    JobData d = new JobData();
                    d.id = rs.getLong("id");
                    d.campaignId = rs.getLong("campaign_id");
                    d.status = Status.valueOf(rs.getString("status"));
                    d.fileName = rs.getString("file_name");
                    d.content = rs.getBytes("content");
                    d.format = SpreadsheetReader.Format.valueOf(rs.getString("file_format"));
                    d.sheetIndex = rs.getInt("sheet_index");
                    d.rowsTotal = rs.getInt("rows_total");
                    d.sheetsRead = indexes(rs.getString("sheets_read"));
                    d.mappings = mappingsOf(rs.getString("column_mappings"));
                    Long account = (Long) rs.getObject("uploaded_by_account_id", Long.class);
                    String role = rs.getString("uploader_role");
                    Scope.Kind kind = Scope.Kind.valueOf(rs.getString("scope_kind"));
                    Long unit = (Long) rs.getObject("scope_unit_id", Long.class);
                    Long school = (Long) rs.getObject("scope_school_id", Long.class);
                    d.caller = new Caller(
                            account,
                            rs.getString("uploaded_by_name"),
                            role == null ? null : Role.valueOf(role),
                            new Scope(kind, unit, school, null));
                    d.checkedWith = rs.getString("checked_with");
                    d.stagedCount = (Integer) rs.getObject("staged_count", Integer.class);
                    return d;
                })
                .optional()
                .orElse(null);
    }

    byte[] content(long importId) {
        return jdbc.sql("select content from student_import where id = ?")
                .param(importId)
                .query((rs, n) -> rs.getBytes(1))
                .single();
    }

    /** Until the sheet is read, its rows less the header row: the progress bar's total (exact after the check). */
    static int studentsIn(SheetInfo sheet) {
        return Math.max(0, sheet.rows() - 1);
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static List<StudentColumn> columns(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<StudentColumn> out = new ArrayList<>();
        for (String name : text.split(",")) {
            out.add(StudentColumn.valueOf(name));
        }
        return out;
    }

    static String sheetsText(List<SheetInfo> sheets) {
        StringBuilder out = new StringBuilder();
        for (SheetInfo s : sheets) {
            String line = s.index() + "|" + s.rows() + "|" + s.name().replace('\n', ' ') + "\n";
            if (out.length() + line.length() > 2000) {
                break;
            }
            out.append(line);
        }
        return out.toString();
    }

    static List<SheetInfo> sheetsOf(String text) {
        List<SheetInfo> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\n")) {
            String[] parts = line.split("\\|", 3);
            if (parts.length == 3) {
                out.add(new SheetInfo(Integer.parseInt(parts[0]), parts[2], Integer.parseInt(parts[1])));
            }
        }
        return out;
    }

    /** What an import knows of its layouts, for a re-plan: the sheets read, the mappings decided, the pending one. */
    record Layouts(List<Integer> sheetsRead, Map<String, String> mappings, SheetLayout pending, Integer pendingSheet) {}

    Layouts layouts(long importId) {
        return jdbc.sql("select sheets_read, column_mappings, pending_columns from student_import where id = ?")
                .param(importId)
                .query((rs, n) -> {
                    String pending = rs.getString("pending_columns");
                    return new Layouts(
                            indexes(rs.getString("sheets_read")),
                            mappingsOf(rs.getString("column_mappings")),
                            pendingLayout(pending),
                            pending == null || pending.isEmpty()
                                    ? null
                                    : Integer.valueOf(pending.substring(0, pending.indexOf('|'))));
                })
                .single();
    }

    static String indexesText(List<Integer> indexes) {
        return String.join(",", indexes.stream().map(String::valueOf).toList());
    }

    static List<Integer> indexes(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
    }

    static String mappingsText(Map<String, String> mappings) {
        StringBuilder out = new StringBuilder();
        mappings.forEach(
                (key, fields) -> out.append(key).append('=').append(fields).append('\n'));
        return cut(out.toString(), 20000);
    }

    static Map<String, String> mappingsOf(String text) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    out.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return out;
    }

    /** "sheet|firstRow|lastRow|key", then a line per column: index, field or -, sure, header, samples (tabs). */
    static String pendingText(ImportPlan.SheetPlan plan) {
        if (plan == null) {
            return null;
        }
        SheetLayout layout = plan.layout();
        StringBuilder out = new StringBuilder();
        out.append(plan.sheet().index()).append('|').append(layout.firstRow()).append('|');
        out.append(layout.lastRow()).append('|').append(layout.key()).append('\n');
        for (ImportJob.Column c : layout.columns()) {
            List<String> cells = new ArrayList<>(List.of(
                    String.valueOf(c.index()),
                    c.field() == null ? "-" : c.field().name(),
                    String.valueOf(c.sure()),
                    flat(cut(c.header(), 200))));
            c.samples().forEach(v -> cells.add(flat(v)));
            String line = String.join("\t", cells) + "\n";
            if (out.length() + line.length() > 20000) {
                break;
            }
            out.append(line);
        }
        return out.toString();
    }

    static SheetLayout pendingLayout(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String[] lines = text.split("\n");
        String[] head = lines[0].split("\\|");
        List<ImportJob.Column> columns = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split("\t", -1);
            columns.add(new ImportJob.Column(
                    Integer.parseInt(cells[0]),
                    cells[3],
                    List.of(cells).subList(4, cells.length),
                    cells[1].equals("-") ? null : StudentColumn.valueOf(cells[1]),
                    Boolean.parseBoolean(cells[2])));
        }
        return new SheetLayout(Integer.parseInt(head[1]), Integer.parseInt(head[2]), head[3], List.copyOf(columns));
    }

    private static List<ImportJob.Column> pendingColumns(String text) {
        SheetLayout layout = pendingLayout(text);
        return layout == null ? List.of() : layout.columns();
    }

    private static String flat(String text) {
        return text == null ? "" : text.replaceAll("[\t\n\r]+", " ");
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
