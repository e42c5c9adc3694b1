package vn.cungem.organisation.web;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cungem.organisation.NewSchool;
import vn.cungem.organisation.Ownership;
import vn.cungem.organisation.School;
import vn.cungem.organisation.SchoolDirectory;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.organisation.Unit;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

@Controller
@RequestMapping("/schools")
class SchoolPages extends RecordPages<School> {

    private final SchoolDirectory schools;

    SchoolPages(SchoolDirectory schools, UnitDirectory units, MessageSource messages) {
        super(schools, units, messages, "schools", "school");
        this.schools = schools;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) SchoolLevel level,
            @RequestParam(required = false) Long unit,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean retired,
            Model model) {
        Caller caller = listed(model, q, unit, retired);
        model.addAttribute("level", level);
        model.addAttribute("levels", SchoolLevel.values());
        model.addAttribute("results", schools.search(q, level, unit, retired, page, caller));
        return "organisation/schools";
    }

    @GetMapping("/new")
    String newForm(@RequestParam long unit, Model model) {
        Unit u = unitToAddIn(unit);
        return schoolForm(model, u, null, new SchoolForm("", "", null, Ownership.PUBLIC, "", ""), null);
    }

    @PostMapping("/new")
    String create(@RequestParam long unit, SchoolForm form, BindingResult binding, Model model) {
        Caller caller = Callers.current();
        return saved(
                binding,
                () -> schools.create(form.toNew(unit), caller).value(),
                error -> schoolForm(model, units.get(unit, caller), null, form, error));
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        School school = changeable(id);
        return schoolForm(
                model,
                units.find(school.unitId()).orElseThrow(),
                school,
                new SchoolForm(
                        school.moetCode(), school.name(), school.level(), school.ownership(), school.address(), ""),
                null);
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable long id, SchoolForm form, BindingResult binding, Model model) {
        Caller caller = Callers.current();
        School school = schools.get(id, caller);
        return saved(
                binding,
                () -> schools.update(
                        id, form.name(), form.level(), form.ownership(), form.address(), form.reason(), caller),
                error -> schoolForm(model, units.find(school.unitId()).orElseThrow(), school, form, error));
    }

    private String schoolForm(Model model, Unit unit, School school, SchoolForm form, String error) {
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
            String moetCode, String name, SchoolLevel level, Ownership ownership, String address, String reason) {

        NewSchool toNew(long unitId) {
            return new NewSchool(moetCode, name, level, ownership, unitId, address);
        }
    }
}
