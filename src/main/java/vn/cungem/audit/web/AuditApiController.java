package vn.cungem.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.audit.AuditEntry;
import vn.cungem.audit.AuditFilter;
import vn.cungem.audit.AuditLog;
import vn.cungem.audit.AuditPage;
import vn.cungem.shared.security.Callers;

/** Read-only: the log has no API that changes it. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Nhật ký thay đổi (chỉ đọc) / Audit log (read-only)")
class AuditApiController {

    private final AuditLog log;

    AuditApiController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    @Operation(
            summary = "Entries in the caller's scope, newest first; filter by entity type and id."
                    + " Administrators and programme managers only (403 otherwise)")
    AuditPage entries(
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return log.search(
                new AuditFilter(null, entityType, entityId, action, null, null, null), Callers.current(), page, size);
    }

    @GetMapping("/{entityType}/{entityId}")
    @Operation(
            summary = "The history of one record, newest first, for whoever may see the record;"
                    + " 404 when it does not exist or is outside the caller's sight")
    List<AuditEntry> history(@PathVariable String entityType, @PathVariable String entityId) {
        return log.history(entityType, entityId, Callers.current());
    }
}
