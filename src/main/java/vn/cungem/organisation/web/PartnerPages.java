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
import vn.cungem.organisation.NewPartner;
import vn.cungem.organisation.Partner;
import vn.cungem.organisation.PartnerDirectory;
import vn.cungem.organisation.PartnerKind;
import vn.cungem.organisation.Unit;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

@Controller
@RequestMapping("/partners")
class PartnerPages extends RecordPages<Partner> {

    private final PartnerDirectory partners;

    PartnerPages(PartnerDirectory partners, UnitDirectory units, MessageSource messages) {
        super(partners, units, messages, "partners", "partner");
        this.partners = partners;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) PartnerKind kind,
            @RequestParam(required = false) Long unit,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean retired,
            Model model) {
        Caller caller = listed(model, q, unit, retired);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", PartnerKind.values());
        model.addAttribute("results", partners.search(q, kind, unit, retired, page, caller));
        return "organisation/partners";
    }

    @GetMapping("/new")
    String newForm(@RequestParam long unit, Model model) {
        Unit u = unitToAddIn(unit);
        return partnerForm(model, u, null, new PartnerForm("", null, "", "", ""), null);
    }

    @PostMapping("/new")
    String create(@RequestParam long unit, PartnerForm form, BindingResult binding, Model model) {
        Caller caller = Callers.current();
        return saved(
                binding,
                () -> partners.create(form.toNew(unit), caller).value(),
                error -> partnerForm(model, units.get(unit, caller), null, form, error));
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Partner partner = changeable(id);
        return partnerForm(
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
    String edit(@PathVariable long id, PartnerForm form, BindingResult binding, Model model) {
        Caller caller = Callers.current();
        Partner partner = partners.get(id, caller);
        return saved(
                binding,
                () -> partners.update(
                        id,
                        form.name(),
                        form.kind(),
                        form.contactEmail() == null ? "" : form.contactEmail(),
                        form.contactPhone() == null ? "" : form.contactPhone(),
                        form.reason(),
                        caller),
                error -> partnerForm(model, units.find(partner.homeUnitId()).orElseThrow(), partner, form, error));
    }

    private String partnerForm(Model model, Unit unit, Partner partner, PartnerForm form, String error) {
        model.addAttribute("unit", unit);
        model.addAttribute("partner", partner);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("kinds", PartnerKind.values());
        return "organisation/partner-form";
    }

    /** The partner form as submitted. */
    record PartnerForm(String name, PartnerKind kind, String contactEmail, String contactPhone, String reason) {

        NewPartner toNew(long homeUnitId) {
            return new NewPartner(name, kind, homeUnitId, contactEmail, contactPhone);
        }
    }
}
