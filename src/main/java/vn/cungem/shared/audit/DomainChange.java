package vn.cungem.shared.audit;

import java.util.Map;

/**
 * Published by every module for every change to domain data, inside the transaction that makes the change, so the
 * audit row and the change commit or roll back together. {@code unitId} is the unit the record belongs to; it decides
 * whose managers may read the entry.
 *
 * @param before field values before the change (empty for a creation)
 * @param after field values after the change (empty for a deletion)
 * @param reason why, when the person gave a reason
 */
public record DomainChange(
        String entityType,
        String entityId,
        String action,
        Long unitId,
        Map<String, Object> before,
        Map<String, Object> after,
        String reason) {

    public static DomainChange created(String type, Object id, Long unitId, Map<String, Object> after) {
        return new DomainChange(type, String.valueOf(id), "CREATED", unitId, Map.of(), after, null);
    }

    public static DomainChange updated(
            String type, Object id, Long unitId, Map<String, Object> before, Map<String, Object> after, String reason) {
        return new DomainChange(type, String.valueOf(id), "UPDATED", unitId, before, after, reason);
    }

    public DomainChange withAction(String newAction) {
        return new DomainChange(entityType, entityId, newAction, unitId, before, after, reason);
    }
}
