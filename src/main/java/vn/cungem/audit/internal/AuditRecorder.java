package vn.cungem.audit.internal;

import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.text.VietnameseText;

/**
 * Writes each {@link DomainChange} as it is published: synchronously, on the publisher's thread and in its
 * transaction, so a change never commits without its entry and a failed entry rolls the change back. Insert only.
 */
@Component
class AuditRecorder {

    private static final int REASON_MAX = 1000;
    private static final int SEARCH_MAX = 2000;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditRecorder(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventListener
    void on(DomainChange change) {
        Caller actor = Callers.current();
        String reason = clip(VietnameseText.tidy(change.reason()), REASON_MAX);
        String search = clip(
                VietnameseText.fold(String.join(
                        " ",
                        change.entityType(),
                        change.entityId(),
                        change.action(),
                        actor.displayName(),
                        reason == null ? "" : reason)),
                SEARCH_MAX);
        jdbc.sql("""
                        insert into audit_entry (occurred_at, actor_account_id, actor_name, actor_unit_id, entity_type,
                                                 entity_id, action, unit_id, before_json, after_json, reason, search_folded)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        OffsetDateTime.now(),
                        actor.accountId(),
                        actor.displayName(),
                        actor.scope().unitId(),
                        change.entityType(),
                        change.entityId(),
                        change.action(),
                        change.unitId(),
                        toJson(change.before()),
                        toJson(change.after()),
                        reason,
                        search)
                .update();
    }

    private String toJson(Map<String, Object> values) {
        return values == null || values.isEmpty() ? null : json.writeValueAsString(values);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
