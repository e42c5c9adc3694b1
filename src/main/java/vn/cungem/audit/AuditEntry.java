package vn.cungem.audit;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.cungem.shared.audit.DomainChange;

/**
 * One change as it was recorded: who, when, and the {@link DomainChange} itself (what, and the field values before and
 * after). The API shows the change's fields beside who and when, as one flat object.
 */
public record AuditEntry(
        long id,
        OffsetDateTime occurredAt,
        Long actorAccountId,
        String actorName,
        Long actorUnitId,
        @JsonUnwrapped DomainChange change) {

    /** One field whose value differs between before and after. */
    public record FieldChange(String field, Object before, Object after) {}

    public String entityType() {
        return change.entityType();
    }

    public String entityId() {
        return change.entityId();
    }

    public String action() {
        return change.action();
    }

    public Long unitId() {
        return change.unitId();
    }

    public Map<String, Object> before() {
        return change.before() == null ? Map.of() : change.before();
    }

    public Map<String, Object> after() {
        return change.after() == null ? Map.of() : change.after();
    }

    public String reason() {
        return change.reason();
    }

    /** The fields that changed, in the order they first appear, so a reader sees "name: A → B" and nothing else. */
    public List<FieldChange> changes() {
        Map<String, Object> before = before();
        Map<String, Object> after = after();
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            Object was = before.get(field);
            Object now = after.get(field);
            if (!Objects.equals(was, now)) {
                changes.add(new FieldChange(field, was, now));
            }
        }
        return changes;
    }
}
