package vn.cungem.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.AuditedRecords;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.text.Formats;
import vn.cungem.shared.text.VietnameseText;

/**
 * Reads the audit log for the audit pages and API. Entries copy the records they describe (names, schools, hardship,
 * emails), so reading them follows the records' own rules (issue 9, finding 1):
 *
 * <ul>
 *   <li>the searchable log is for administrators and programme managers only, limited in SQL to entries whose unit
 *       lies in the caller's scope (entries without a unit are for administrators only);
 *   <li>the history of one record is for whoever may see that record, as the owning module decides through its
 *       {@link AuditedRecords}; for a type no module answers for, for managers of the entry's unit. A record the
 *       caller may not see is the same 404 as one that does not exist.
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
    private static final int MAX_SIZE = 200;
    private static final long CHOICES_TTL_MILLIS = 10 * 60 * 1000L;

    private final JdbcClient jdbc;
    private final UnitScopes scopes;
    private final JsonMapper json;
    private final Map<String, AuditedRecords> owners = new HashMap<>();

    AuditLog(JdbcClient jdbc, UnitScopes scopes, JsonMapper json, List<AuditedRecords> owners) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.json = json;
        for (AuditedRecords owner : owners) {
            owner.entityTypes().forEach(type -> this.owners.put(type, owner));
        }
    }

    /** Whether the caller may read the searchable log at all: administrators and programme managers. */
    public static boolean mayReadLog(Caller caller) {
        return caller.is(Role.SYSTEM_ADMIN) || caller.is(Role.PROGRAMME_MANAGER);
    }

    /**
     * The history of one record, newest first (at most 200 entries), for a caller who may see the record; otherwise
     * the same {@link NotFoundException} as for a record that does not exist, so guessing ids reveals nothing.
     */
    public List<AuditEntry> history(String entityType, String entityId, Caller caller) {
        if (!notBlank(entityType) || !notBlank(entityId)) {
            throw new NotFoundException("audit", entityType + "/" + entityId);
        }
        AuditedRecords owner = owners.get(entityType.trim());
        if (owner != null) {
            if (!owner.maySee(entityType.trim(), entityId.trim(), caller)) {
                throw new NotFoundException("audit", entityType + "/" + entityId);
            }
            return query(AuditFilter.forEntity(entityType, entityId), "1=1", 0, MAX_SIZE)
                    .entries();
        }
        List<AuditEntry> entries = mayReadLog(caller)
                ? query(
                                AuditFilter.forEntity(entityType, entityId),
                                scopes.unitFilter(caller, "a.unit_id"),
                                0,
                                MAX_SIZE)
                        .entries()
                : List.of();
        if (entries.isEmpty()) {
            throw new NotFoundException("audit", entityType + "/" + entityId);
        }
        return entries;
    }

    public AuditPage search(AuditFilter filter, Caller caller, int page) {
        return search(filter, caller, page, AuditPage.DEFAULT_SIZE);
    }

    /** A page of the searchable log; refused to anyone but administrators and programme managers. */
    public AuditPage search(AuditFilter filter, Caller caller, int page, int size) {
        if (!mayReadLog(caller)) {
            throw new AccessDeniedException("the audit log is for administrators and programme managers");
        }
        return query(filter, scopes.unitFilter(caller, "a.unit_id"), page, size);
    }

    private AuditPage query(AuditFilter filter, String scopeCondition, int page, int size) {
        int safePage = Math.max(0, page);
        int safeSize = Math.max(1, Math.min(size, MAX_SIZE));
        StringBuilder where = new StringBuilder(scopeCondition);
        List<Object> params = new ArrayList<>();
        String text = VietnameseText.fold(filter.text());
        if (!text.isBlank()) {
            where.append(" and a.search_folded like ? escape '\\'");
            params.add(VietnameseText.likeContains(text));
        }
        if (notBlank(filter.entityType())) {
            where.append(" and a.entity_type = ?");
            params.add(filter.entityType().trim());
        }
        if (notBlank(filter.entityId())) {
            where.append(" and a.entity_id = ?");
            params.add(filter.entityId().trim());
        }
        if (notBlank(filter.action())) {
            where.append(" and a.action = ?");
            params.add(filter.action().trim());
        }
        if (filter.from() != null) {
            where.append(" and a.occurred_at >= ?");
            params.add(filter.from().atStartOfDay(Formats.VIETNAM).toOffsetDateTime());
        }
        if (filter.to() != null) {
            where.append(" and a.occurred_at < ?");
            params.add(filter.to().plusDays(1).atStartOfDay(Formats.VIETNAM).toOffsetDateTime());
        }
        if (filter.unitId() != null) {
            where.append(" and ").append(scopes.within("a.unit_id", filter.unitId()));
        }
        params.add(safeSize + 1);
        params.add((long) safePage * safeSize);
        List<AuditEntry> rows = jdbc.sql("select a.* from audit_entry a where " + where
                        + " order by a.occurred_at desc, a.id desc limit ? offset ?")
                .params(params)
                .query(this::entry)
                .list();
        boolean hasNext = rows.size() > safeSize;
        return new AuditPage(hasNext ? rows.subList(0, safeSize) : rows, safePage, safeSize, hasNext);
    }

    /**
     * The distinct entity types and actions in the log, for the search form's choices. A distinct over millions of
     * rows is not free, and new types appear only when a module ships, so each node keeps the answer for ten minutes.
     */
    public List<String> entityTypes() {
        return choices().types();
    }

    public List<String> actions() {
        return choices().actions();
    }

    private record Choices(List<String> types, List<String> actions, long loadedAt) {}

    private volatile Choices choices;

    private Choices choices() {
        Choices current = choices;
        long now = System.currentTimeMillis();
        if (current == null || now - current.loadedAt() > CHOICES_TTL_MILLIS) {
            current = new Choices(
                    jdbc.sql("select distinct entity_type from audit_entry order by entity_type")
                            .query(String.class)
                            .list(),
                    jdbc.sql("select distinct action from audit_entry order by action")
                            .query(String.class)
                            .list(),
                    now);
            choices = current;
        }
        return current;
    }

    private AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class),
                nullableLong(rs, "actor_account_id"),
                rs.getString("actor_name"),
                nullableLong(rs, "actor_unit_id"),
                new DomainChange(
                        rs.getString("entity_type"),
                        rs.getString("entity_id"),
                        rs.getString("action"),
                        nullableLong(rs, "unit_id"),
                        map(rs.getString("before_json")),
                        map(rs.getString("after_json")),
                        rs.getString("reason")));
    }

    private Map<String, Object> map(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        return json.readValue(text, MAP);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
