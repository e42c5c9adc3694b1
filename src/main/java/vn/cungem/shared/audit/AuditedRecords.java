package vn.cungem.shared.audit;

import java.util.Set;
import vn.cungem.shared.security.Caller;

/**
 * Implemented by each module for the records it publishes {@link DomainChange}s about, so that the audit module can
 * show a record's history to exactly those who may see the record (issue 9, finding 1), asking the owning module
 * instead of reading its tables. A type no module answers for is shown to managers of its unit only.
 */
public interface AuditedRecords {

    /** The {@link DomainChange#entityType()} values this module decides for. */
    Set<String> entityTypes();

    /** Whether the caller may see this record, and so its history. False for a record that does not exist. */
    boolean maySee(String entityType, String entityId, Caller caller);

    /** The id as a number, or null when it is not one (a guessed or hostile id is simply not visible). */
    static Long numericId(String entityId) {
        if (entityId == null || entityId.isBlank() || entityId.length() > 19) {
            return null;
        }
        try {
            return Long.parseLong(entityId.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
