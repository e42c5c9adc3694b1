package vn.cungem.inventory.connectivity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.inventory.connectivity.ConnectionHeaders.Column;
import vn.cungem.inventory.connectivity.ConnectionSheet.SheetRow;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.Bundles;

/**
 * Files of SIMs: a manager's (or collection point's) list recorded at once, and an operator's statuses applied at
 * once. All or nothing: any row with a problem refuses the file and names every such row in both languages. The same
 * file sent again by the same person (or any request with the same key) answers what the first did and writes
 * nothing.
 */
@Service
public class ConnectivityUploads {

    /** Problems listed at most; the count says how many there were. */
    static final int MAX_LISTED = 200;

    private final JdbcClient jdbc;
    private final ConnectionStore store;
    private final ConnectionScope scope;
    private final Connections connections;
    private final StatusChanges statuses;
    private final TransactionTemplate tx;

    ConnectivityUploads(
            JdbcClient jdbc,
            ConnectionStore store,
            ConnectionScope scope,
            Connections connections,
            StatusChanges statuses,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.store = store;
        this.scope = scope;
        this.connections = connections;
        this.statuses = statuses;
        this.tx = new TransactionTemplate(transactions);
    }

    public record RowNote(int row, String vi, String en) {}

    /** What a file did: accepted (everything written) or not (nothing written, {@code problems} say why). */
    public record Result(
            boolean accepted,
            boolean repeated,
            int rows,
            int changed,
            int problemCount,
            List<RowNote> problems,
            List<RowNote> warnings) {}

    /** Defaults for columns a file leaves out. */
    public record Defaults(ConnectionKind kind, Operator operator) {}

    public Result record(Connections.Where where, Defaults defaults, byte[] content, String key, Caller caller) {
        String k = key(key, "RECORD", content, caller, where.toString() + defaults);
        Optional<Result> earlier = earlier(k);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        ConnectionStore.Owner owner = connections.owner(where, caller);
        List<SheetRow> rows = ConnectionSheet.read(content);
        List<RowNote> problems = new ArrayList<>();
        List<RowNote> warnings = new ArrayList<>();
        List<Draft> drafts = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (SheetRow r : rows) {
            ConnectionKind kind = defaults.kind();
            try {
                kind = ConnectionValues.kind(r.get(Column.KIND)).orElse(defaults.kind());
            } catch (InvalidValueException e) {
                problems.add(note(r.number(), e));
            }
            Draft.Read read = Draft.read(
                    new Draft.Typed(
                            kind,
                            r.get(Column.OPERATOR),
                            r.get(Column.PHONE),
                            r.get(Column.SERIAL),
                            r.get(Column.PACKAGE),
                            r.get(Column.ALLOWANCE),
                            r.get(Column.ACTIVATED),
                            r.get(Column.EXPIRES),
                            r.get(Column.STATUS),
                            r.get(Column.REASON),
                            r.get(Column.NOTE)),
                    defaults.operator());
            read.problems().forEach(p -> problems.add(note(r.number(), p)));
            Draft d = read.draft();
            if (d == null) {
                continue;
            }
            for (String id : new String[] {d.phoneNumber(), d.serial()}) {
                Integer first = id == null ? null : seen.putIfAbsent(id, r.number());
                if (first != null) {
                    problems.add(new RowNote(
                            r.number(),
                            Bundles.vi("connectivity.error.file-twice", id, Integer.toString(first)),
                            Bundles.en("connectivity.error.file-twice", id, Integer.toString(first))));
                }
            }
            try {
                connections.refuseDuplicate(d, caller);
            } catch (InvalidValueException e) {
                problems.add(note(r.number(), e));
            }
            if (d.phoneRepaired()) {
                warnings.add(new RowNote(
                        r.number(),
                        Bundles.vi("connectivity.warning.phone-repaired", d.phoneNumber()),
                        Bundles.en("connectivity.warning.phone-repaired", d.phoneNumber())));
            }
            drafts.add(d);
        }
        if (!problems.isEmpty()) {
            return refused(rows.size(), problems);
        }
        try {
            tx.executeWithoutResult(s -> {
                OffsetDateTime now = OffsetDateTime.now();
                long upload = upload(k, "RECORD", rows.size(), drafts.size(), caller, now);
                for (Draft d : drafts) {
                    long id = store.insert(d, owner, now);
                    store.history(id, "RECORDED", null, d.status(), d.problemReason(), null, upload, null, caller, now);
                }
            });
        } catch (DuplicateKeyException e) {
            return earlier(k)
                    .orElseThrow(
                            () -> InvalidValueException.of("connectivity.file.race", "connectivity.error.file-race"));
        }
        return new Result(true, false, rows.size(), drafts.size(), 0, List.of(), List.copyOf(warnings));
    }

    /** An operator's file of statuses: each row names a SIM it supplies by number or ICCID, and its new status. */
    public Result statuses(byte[] content, String key, Caller caller) {
        String k = key(key, "STATUS", content, caller, "");
        Optional<Result> earlier = earlier(k);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<SheetRow> rows = ConnectionSheet.read(content);
        List<RowNote> problems = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        try {
            Integer changed = tx.execute(s -> {
                OffsetDateTime now = OffsetDateTime.now();
                long upload = upload(k, "STATUS", rows.size(), 0, caller, now);
                int count = 0;
                for (SheetRow r : rows) {
                    try {
                        Connection c = target(r, caller);
                        Integer first = seen.putIfAbsent(c.id(), r.number());
                        if (first != null) {
                            throw InvalidValueException.of(
                                    "connectivity.file.twice",
                                    "connectivity.error.file-twice",
                                    c.label(),
                                    Integer.toString(first));
                        }
                        var change = new StatusChanges.Change(
                                ConnectionValues.status(r.get(Column.STATUS))
                                        .orElseThrow(() -> InvalidValueException.of(
                                                "connectivity.status.missing", "connectivity.error.status-missing")),
                                r.get(Column.REASON),
                                ConnectionValues.date(r.get(Column.ACTIVATED)).orElse(null),
                                ConnectionValues.date(r.get(Column.EXPIRES)).orElse(null));
                        if (statuses.apply(c, change, upload, null, caller)) {
                            count++;
                        }
                    } catch (InvalidValueException e) {
                        problems.add(note(r.number(), e));
                    }
                }
                if (!problems.isEmpty()) {
                    s.setRollbackOnly();
                    return null;
                }
                jdbc.sql("update inventory_connection_upload set changed_count = ? where id = ?")
                        .params(count, upload)
                        .update();
                return count;
            });
            if (changed == null) {
                return refused(rows.size(), problems);
            }
            return new Result(true, false, rows.size(), changed, 0, List.of(), List.of());
        } catch (DuplicateKeyException e) {
            return earlier(k)
                    .orElseThrow(
                            () -> InvalidValueException.of("connectivity.file.race", "connectivity.error.file-race"));
        }
    }

    /** The SIM a row names, among those the caller may change; one outside that is "not found", whoever has it. */
    private Connection target(SheetRow r, Caller caller) {
        ConnectionKind kind = ConnectionValues.kind(r.get(Column.KIND)).orElse(ConnectionKind.SIM);
        String phone = ConnectionValues.phone(r.get(Column.PHONE))
                .map(ConnectionValues.Phone::national)
                .orElse(null);
        String serial = ConnectionValues.serial(r.get(Column.SERIAL), kind).orElse(null);
        if (phone == null && serial == null) {
            throw InvalidValueException.of("connectivity.identity.missing", "connectivity.error.number-missing");
        }
        return store
                .where(scope.filter(caller, "c") + " and (c.phone_number = ? or c.serial = ?)", phone, serial)
                .stream()
                .filter(c -> scope.mayChangeStatus(caller, c))
                .findFirst()
                .orElseThrow(() -> InvalidValueException.of(
                        "connectivity.unknown", "connectivity.error.unknown", phone != null ? phone : serial));
    }

    private long upload(String key, String purpose, int rows, int changed, Caller caller, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into inventory_connection_upload (purpose, idempotency_key, row_count, changed_count,
                                                                 account_id, actor_name, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(purpose, key, rows, changed, caller.accountId(), caller.displayName(), now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private Optional<Result> earlier(String key) {
        return jdbc.sql("select row_count, changed_count from inventory_connection_upload where idempotency_key = ?")
                .param(key)
                .query((rs, n) -> new Result(true, true, rs.getInt(1), rs.getInt(2), 0, List.of(), List.of()))
                .optional();
    }

    /**
     * The key of a file: the client's, or the file's digest with who sent it and what for, so the same file sent
     * twice by one person is one request. Prefixed by the caller, so one person's key never answers another's.
     */
    static String key(String given, String purpose, byte[] content, Caller caller, String context) {
        String who = purpose + ":" + caller.accountId() + ":";
        if (given != null && !given.isBlank()) {
            return who
                    + (given.length() > 40
                            ? digest(given.getBytes(StandardCharsets.UTF_8)).substring(0, 40)
                            : given.strip());
        }
        byte[] ctx = context.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[content.length + ctx.length];
        System.arraycopy(content, 0, all, 0, content.length);
        System.arraycopy(ctx, 0, all, content.length, ctx.length);
        return who + digest(all).substring(0, 48);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RowNote note(int row, InvalidValueException e) {
        return new RowNote(row, e.messageVi(), e.messageEn());
    }

    private static Result refused(int rows, List<RowNote> problems) {
        List<RowNote> listed = problems.size() > MAX_LISTED ? problems.subList(0, MAX_LISTED) : problems;
        return new Result(false, false, rows, 0, problems.size(), List.copyOf(listed), List.of());
    }
}
