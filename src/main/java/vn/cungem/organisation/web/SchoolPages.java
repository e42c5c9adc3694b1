package vn.cungem.organisation.web;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.organisation.NewSchool;
import vn.cungem.organisation.Ownership;
import vn.cungem.organisation.School;
import vn.cungem.organisation.SchoolDirectory;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.organisation.Unit;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

@Controller
@RequestMapping("/schools")
class SchoolPages {

    private final SchoolDirectory schools;
    private final UnitDirectory units;

    SchoolPages(SchoolDirectory schools, UnitDirectory units) {
        this.schools = schools;
        this.units = units;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) SchoolLevel level,
            @RequestParam(required = false) Long unit,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean retired,
            Model model) {
        Caller caller = Callers.current();
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("level", level);
        model.addAttribute("unit", unit == null ? null : units.get(unit, caller));
        model.addAttribute("retired", retired);
        model.addAttribute("levels", SchoolLevel.values());
        model.addAttribute("results", schools.search(q, level, unit, retired, page, caller));
        return "organisation/schools";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Caller caller = Callers.current();
        School school = schools.get(id, caller);
        model.addAttribute("school", school);
        model.addAttribute("crumbs", units.breadcrumb(school.unitId(), caller));
        model.addAttribute("canChange", schools.canChange(caller, school) && school.active());
        return "organisation/school";
    }

    @GetMapping("/new")
    String newForm(@RequestParam long unit, Model model) {
        Caller caller = Callers.current();
        Unit u = units.get(unit, caller);
        if (!units.canChangeBelow(caller, unit)) {
            throw new AccessDeniedException("read-only");
        }
        return form(model, u, null, new SchoolForm("", "", null, Ownership.PUBLIC, "", ""), null);
    }

    @PostMapping("/new")
    String create(
            @RequestParam long unit,
            SchoolForm form,
            org.springframework.validation.BindingResult binding,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Caller caller = Callers.current();
        try {
            RecordActions.requireNoBindingErrors(binding);
            var created = schools.create(
                    new NewSchool(form.moetCode(), form.name(), form.level(), form.ownership(), unit, form.address()),
                    caller);
            redirect.addFlashAttribute("flash", created.value().name());
            return "redirect:/schools/" + created.value().id();
        } catch (InvalidValueException e) {
            return form(model, units.get(unit, caller), null, form, e.message(locale));
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        School school = changeable(id);
        return form(
                model,
                units.find(school.unitId()).orElseThrow(),
                school,
                new SchoolForm(
                        school.moetCode(), school.name(), school.level(), school.ownership(), school.address(), ""),
                null);
    }

    @PostMapping("/{id}/edit")
    String edit(
            @PathVariable long id,
            SchoolForm form,
            org.springframework.validation.BindingResult binding,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        School school = schools.get(id, Callers.current());
        try {
            RecordActions.requireNoBindingErrors(binding);
            School after = schools.update(
                    id, form.name(), form.level(), form.ownership(), form.address(), form.reason(), Callers.current());
            redirect.addFlashAttribute("flash", after.name());
            return "redirect:/schools/" + id;
        } catch (InvalidValueException e) {
            return form(model, units.find(school.unitId()).orElseThrow(), school, form, e.message(locale));
        }
    }

    @GetMapping("/{id}/{action:move|retire}")
    String actionForm(@PathVariable long id, @PathVariable String action, Model model) {
        School school = changeable(id);
        return RecordActions.page(model, "schools", id, school.name(), action, null, "", "");
    }

    @PostMapping("/{id}/{action:move|retire}")
    String act(
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(defaultValue = "") String unitCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate retiredOn,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Caller caller = Callers.current();
        School school = schools.get(id, caller);
        try {
            School after;
            if ("move".equals(action)) {
                Unit target = RecordActions.unitByCode(units, unitCode);
                try {
                    after = schools.move(id, target.id(), reason, caller);
                } catch (NotFoundException e) {
                    throw RecordActions.unknownUnit(unitCode);
                }
            } else {
                after = schools.retire(id, retiredOn, reason, caller);
            }
            redirect.addFlashAttribute("flash", after.name());
            return "redirect:/schools/" + id;
        } catch (InvalidValueException e) {
            return RecordActions.page(model, "schools", id, school.name(), action, e.message(locale), unitCode, reason);
        }
    }

    private School changeable(long id) {
        Caller caller = Callers.current();
        School school = schools.get(id, caller);
        if (!schools.canChange(caller, school)) {
            throw new AccessDeniedException("read-only");
        }
        return school;
    }

    private String form(Model model, Unit unit, School school, SchoolForm form, String error) {
        model.addAttribute("unit", unit);
        model.addAttribute("school", school);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("levels", SchoolLevel.values());
        model.addAttribute("ownerships", Ownership.values());
        return "organisation/school-form";
    }

    /** The school form as submitted; never bound to a stored row. */
    record SchoolForm(
            String moetCode, String name, SchoolLevel level, Ownership ownership, String address, String reason) {}
}
