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
import vn.cungem.organisation.NewPartner;
import vn.cungem.organisation.Partner;
import vn.cungem.organisation.PartnerDirectory;
import vn.cungem.organisation.PartnerKind;
import vn.cungem.organisation.Unit;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

@Controller
@RequestMapping("/partners")
class PartnerPages {

    private final PartnerDirectory partners;
    private final UnitDirectory units;

    PartnerPages(PartnerDirectory partners, UnitDirectory units) {
        this.partners = partners;
        this.units = units;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) PartnerKind kind,
            @RequestParam(required = false) Long unit,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean retired,
            Model model) {
        Caller caller = Callers.current();
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("kind", kind);
        model.addAttribute("unit", unit == null ? null : units.get(unit, caller));
        model.addAttribute("retired", retired);
        model.addAttribute("kinds", PartnerKind.values());
        model.addAttribute("results", partners.search(q, kind, unit, retired, page, caller));
        return "organisation/partners";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Caller caller = Callers.current();
        Partner partner = partners.get(id, caller);
        model.addAttribute("partner", partner);
        model.addAttribute("crumbs", units.breadcrumb(partner.homeUnitId(), caller));
        model.addAttribute("canChange", partners.canChange(caller, partner) && partner.active());
        return "organisation/partner";
    }

    @GetMapping("/new")
    String newForm(@RequestParam long unit, Model model) {
        Caller caller = Callers.current();
        Unit u = units.get(unit, caller);
        if (!units.canChangeBelow(caller, unit)) {
            throw new AccessDeniedException("read-only");
        }
        return form(model, u, null, new PartnerForm("", null, "", "", ""), null);
    }

    @PostMapping("/new")
    String create(
            @RequestParam long unit,
            PartnerForm form,
            org.springframework.validation.BindingResult binding,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Caller caller = Callers.current();
        try {
            RecordActions.requireNoBindingErrors(binding);
            var created = partners.create(
                    new NewPartner(form.name(), form.kind(), unit, form.contactEmail(), form.contactPhone()), caller);
            redirect.addFlashAttribute("flash", created.value().name());
            return "redirect:/partners/" + created.value().id();
        } catch (InvalidValueException e) {
            return form(model, units.get(unit, caller), null, form, e.message(locale));
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Partner partner = changeable(id);
        return form(
                model,
                units.find(partner.homeUnitId()).orElseThrow(),
                partner,
                new PartnerForm(
                        partner.name(),
                        partner.kind(),
                        partner.contactEmail() == null ? "" : partner.contactEmail(),
                        partner.contactPhone() == null ? "" : partner.contactPhone(),
                        ""),
                null);
    }

    @PostMapping("/{id}/edit")
    String edit(
            @PathVariable long id,
            PartnerForm form,
            org.springframework.validation.BindingResult binding,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Partner partner = partners.get(id, Callers.current());
        try {
            RecordActions.requireNoBindingErrors(binding);
            Partner after = partners.update(
                    id,
                    form.name(),
                    form.kind(),
                    form.contactEmail() == null ? "" : form.contactEmail(),
                    form.contactPhone() == null ? "" : form.contactPhone(),
                    form.reason(),
                    Callers.current());
            redirect.addFlashAttribute("flash", after.name());
            return "redirect:/partners/" + id;
        } catch (InvalidValueException e) {
            return form(model, units.find(partner.homeUnitId()).orElseThrow(), partner, form, e.message(locale));
        }
    }

    @GetMapping("/{id}/{action:move|retire}")
    String actionForm(@PathVariable long id, @PathVariable String action, Model model) {
        Partner partner = changeable(id);
        return RecordActions.page(model, "partners", id, partner.name(), action, null, "", "");
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
        Partner partner = partners.get(id, caller);
        try {
            Partner after;
            if ("move".equals(action)) {
                Unit target = RecordActions.unitByCode(units, unitCode);
                try {
                    after = partners.move(id, target.id(), reason, caller);
                } catch (NotFoundException e) {
                    throw RecordActions.unknownUnit(unitCode);
                }
            } else {
                after = partners.retire(id, retiredOn, reason, caller);
            }
            redirect.addFlashAttribute("flash", after.name());
            return "redirect:/partners/" + id;
        } catch (InvalidValueException e) {
            return RecordActions.page(
                    model, "partners", id, partner.name(), action, e.message(locale), unitCode, reason);
        }
    }

    private Partner changeable(long id) {
        Caller caller = Callers.current();
        Partner partner = partners.get(id, caller);
        if (!partners.canChange(caller, partner)) {
            throw new AccessDeniedException("read-only");
        }
        return partner;
    }

    private String form(Model model, Unit unit, Partner partner, PartnerForm form, String error) {
        model.addAttribute("unit", unit);
        model.addAttribute("partner", partner);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("kinds", PartnerKind.values());
        return "organisation/partner-form";
    }

    /** The partner form as submitted. */
    record PartnerForm(String name, PartnerKind kind, String contactEmail, String contactPhone, String reason) {}
}
