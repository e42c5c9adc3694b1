package vn.cungem.organisation.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.cungem.organisation.Unit;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.organisation.UnitRecord;
import vn.cungem.organisation.UnitRecordDirectory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/**
 * The pages schools and partners share: a record's own page, and its move and retire pages (one template for both).
 * The list and the add and edit forms, whose fields differ, stay in the subclasses and use the helpers here.
 */
abstract class RecordPages<T extends UnitRecord> {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    final UnitRecordDirectory<T> records;
    final UnitDirectory units;
    private final MessageSource messages;
    private final String path;
    private final String name;

    /**
     * @param path the URL path and the {@code kind} of the action page ({@code schools})
     * @param name the model attribute and template of one record ({@code school})
     */
    RecordPages(UnitRecordDirectory<T> records, UnitDirectory units, MessageSource messages, String path, String name) {
        this.records = records;
        this.units = units;
        this.messages = messages;
        this.path = path;
        this.name = name;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Caller caller = Callers.current();
        T record = records.get(id, caller);
        model.addAttribute(name, record);
        model.addAttribute("crumbs", units.breadcrumb(record.unitId(), caller));
        model.addAttribute("canChange", records.canChange(caller, record) && record.active());
        return "organisation/" + name;
    }

    @GetMapping("/{id}/{action:move|retire}")
    String actionForm(@PathVariable long id, @PathVariable String action, Model model) {
        T record = changeable(id);
        return actionPage(model, id, record.name(), action, null, "", "");
    }

    @PostMapping("/{id}/{action:move|retire}")
    String act(
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(defaultValue = "") String unitCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate retiredOn,
            @RequestParam(defaultValue = "") String reason,
            Model model) {
        Caller caller = Callers.current();
        T record = records.get(id, caller);
        return saved(
                null,
                () -> "move".equals(action)
                        ? moveTo(id, unitCode, reason, caller)
                        : records.retire(id, retiredOn, reason, caller),
                error -> actionPage(model, id, record.name(), action, error, unitCode, reason));
    }

    private T moveTo(long id, String unitCode, String reason, Caller caller) {
        Unit target = units.findByCode(unitCode).orElseThrow(() -> unknownUnit(unitCode));
        try {
            return records.move(id, target.id(), reason, caller);
        } catch (NotFoundException e) {
            throw unknownUnit(unitCode);
        }
    }

    /**
     * Runs a change from a form: on success back to the record's page with its name in the flash message; on a value
     * the change refuses, {@code onError} shows the form again with the message.
     */
    String saved(BindingResult binding, Supplier<T> change, Function<String, String> onError) {
        try {
            requireNoBindingErrors(binding);
            T after = change.get();
            // What RedirectAttributes.addFlashAttribute does, without a parameter on every handler.
            RequestContextUtils.getOutputFlashMap(
                            ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest())
                    .put("flash", after.name());
            return "redirect:/" + path + "/" + after.id();
        } catch (InvalidValueException e) {
            return onError.apply(e.message(LocaleContextHolder.getLocale()));
        }
    }

    /** Puts what a list page's search form shows back into the model; the caller, for the search itself. */
    Caller listed(Model model, String q, Long unit, boolean retired) {
        Caller caller = Callers.current();
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("unit", unit == null ? null : units.get(unit, caller));
        model.addAttribute("retired", retired);
        return caller;
    }

    /** The unit a new record is to be added in, when the caller may add there. */
    Unit unitToAddIn(long unitId) {
        Caller caller = Callers.current();
        Unit unit = units.get(unitId, caller);
        if (!units.canChangeBelow(caller, unitId)) {
            throw new AccessDeniedException("read-only");
        }
        return unit;
    }

    T changeable(long id) {
        Caller caller = Callers.current();
        T record = records.get(id, caller);
        if (!records.canChange(caller, record)) {
            throw new AccessDeniedException("read-only");
        }
        return record;
    }

    private String actionPage(
            Model model, long id, String recordName, String action, String error, String unitCode, String reason) {
        model.addAttribute("kind", path);
        model.addAttribute("id", id);
        model.addAttribute("name", recordName);
        model.addAttribute("action", action);
        model.addAttribute("error", error);
        model.addAttribute("unitCode", unitCode);
        model.addAttribute("reason", reason);
        return "organisation/record-action";
    }

    /** A unit outside the caller's scope reads the same as one that does not exist. */
    private InvalidValueException unknownUnit(String code) {
        return refusal("unit.unknown", "org.error.unitUnknown", code == null ? "" : code.strip());
    }

    /** A refusal in both languages, worded in the organisation bundle. */
    private InvalidValueException refusal(String code, String key, Object argument) {
        Object[] arguments = {argument};
        return new InvalidValueException(
                code,
                messages.getMessage(key, arguments, VIETNAMESE),
                messages.getMessage(key, arguments, Locale.ENGLISH));
    }

    /** A form field that could not be converted (an unknown level in a tampered form) is bad input, not a crash. */
    private void requireNoBindingErrors(BindingResult binding) {
        if (binding != null && binding.hasErrors()) {
            List<String> fields =
                    binding.getFieldErrors().stream().map(FieldError::getField).toList();
            throw refusal("form.invalid", "org.error.formInvalid", fields);
        }
    }
}
