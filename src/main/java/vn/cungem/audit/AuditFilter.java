package vn.cungem.audit;

import java.time.LocalDate;

/**
 * What a reader searches the log for; every part is optional.
 *
 * @param text folded and matched against entity, actor and reason
 * @param from first day included (Vietnam time)
 * @param to last day included (Vietnam time)
 * @param unitId only entries of this unit's subtree (still limited to the caller's scope)
 */
public record AuditFilter(
        String text, String entityType, String entityId, String action, LocalDate from, LocalDate to, Long unitId) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }

    public static AuditFilter forEntity(String entityType, String entityId) {
        return new AuditFilter(null, entityType, entityId, null, null, null, null);
    }
}
