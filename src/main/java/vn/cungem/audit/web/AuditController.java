package vn.cungem.audit.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cungem.audit.AuditFilter;
import vn.cungem.audit.AuditLog;
import vn.cungem.audit.AuditPage;
import vn.cungem.organisation.Unit;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.text.Formats;

/**
 * The searchable log for managers and administrators (403 for anyone else), and the history of one record for anyone
 * who may see the record (404 otherwise, as for a record that does not exist).
 */
@Controller
class AuditController {

    private final AuditLog log;
    private final UnitDirectory units;

    AuditController(AuditLog log, UnitDirectory units) {
        this.log = log;
        this.units = units;
    }

    @GetMapping("/audit")
    String search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Caller caller = Callers.current();
        if (!AuditLog.mayReadLog(caller)) {
            throw new AccessDeniedException("audit log is for managers");
        }
        List<String> errors = new ArrayList<>();
        LocalDate fromDate = date(from, "audit.error.from", errors);
        LocalDate toDate = date(to, "audit.error.to", errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add("audit.error.range");
        }
        Long unitId = null;
        if (unit != null && !unit.isBlank()) {
            unitId = units.findByCode(unit.trim()).map(Unit::id).orElse(null);
            if (unitId == null) {
                errors.add("audit.error.unit");
            }
        }
        AuditPage result = errors.isEmpty()
                ? log.search(new AuditFilter(q, type, null, action, fromDate, toDate, unitId), caller, page)
                : new AuditPage(List.of(), 0, AuditPage.DEFAULT_SIZE, false);
        model.addAttribute("result", result);
        model.addAttribute("errors", errors);
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("unit", unit);
        model.addAttribute("entityTypes", log.entityTypes());
        model.addAttribute("actions", log.actions());
        return "audit/list";
    }

    @GetMapping("/audit/{entityType}/{entityId}")
    String history(
            @PathVariable String entityType,
            @PathVariable String entityId,
            @RequestParam(defaultValue = "false") boolean fragment,
            Model model) {
        model.addAttribute("entityType", entityType);
        model.addAttribute("entityId", entityId);
        model.addAttribute("entries", log.history(entityType, entityId, Callers.current()));
        return fragment ? "audit/fragments :: entries" : "audit/history";
    }

    private static LocalDate date(String text, String errorKey, List<String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim(), Formats.DATE);
        } catch (DateTimeParseException e) {
            errors.add(errorKey);
            return null;
        }
    }
}
