package vn.cungem.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** One change as it was recorded: who, when, what, and the field values before and after. */
public record AuditEntry(
        long id,
        OffsetDateTime occurredAt,
        Long actorAccountId,
        String actorName,
        Long actorUnitId,
        String entityType,
        String entityId,
        String action,
        Long unitId,
        Map<String, Object> before,
        Map<String, Object> after,
        String reason) {

    public AuditEntry {
        before = before == null ? Map.of() : before;
        after = after == null ? Map.of() : after;
    }

    /** One field whose value differs between before and after. */
    public record FieldChange(String field, Object before, Object after) {}

    /** The fields that changed, in the order they first appear, so a reader sees "name: A → B" and nothing else. */
    public List<FieldChange> changes() {
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
