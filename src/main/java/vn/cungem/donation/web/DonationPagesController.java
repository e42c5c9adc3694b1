package vn.cungem.donation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.BankAccountForm;
import vn.cungem.donation.BankAccounts;
import vn.cungem.donation.CollectionPoint;
import vn.cungem.donation.CollectionPointForm;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.DonationInvalidException;
import vn.cungem.donation.FieldProblem;
import vn.cungem.donation.PledgeStatus;
import vn.cungem.donation.Pledges;
import vn.cungem.donation.vietqr.VietnameseBank;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Callers;

/** The managers' donation pages of a campaign: overview, pledges, collection points, bank account. */
@Controller
class DonationPagesController {

    private final Campaigns campaigns;
    private final Pledges pledges;
    private final CollectionPoints points;
    private final BankAccounts bankAccounts;
    private final MessageSource messages;

    DonationPagesController(
            Campaigns campaigns,
            Pledges pledges,
            CollectionPoints points,
            BankAccounts bankAccounts,
            MessageSource messages) {
        this.campaigns = campaigns;
        this.pledges = pledges;
        this.points = points;
        this.bankAccounts = bankAccounts;
        this.messages = messages;
    }

    @GetMapping("/campaigns/{id}/donations")
    String overview(@PathVariable long id, Model model) {
        var overview = pledges.overview(id, Callers.current());
        model.addAttribute("campaign", campaigns.get(id, Callers.current()));
        model.addAttribute("overview", overview);
        model.addAttribute("goLive", pledges.goLive(id, Callers.current()));
        model.addAttribute("statuses", PledgeStatus.values());
        return "donation/overview";
    }

    @GetMapping("/campaigns/{id}/pledges")
    String pledges(
            @PathVariable long id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            Model model) {
        PledgeStatus filter = parseStatus(status);
        model.addAttribute("result", pledges.search(id, filter, q, Callers.current(), cursor));
        model.addAttribute("campaign", campaigns.get(id, Callers.current()));
        model.addAttribute("q", q);
        model.addAttribute("status", filter == null ? "" : filter.name());
        model.addAttribute("statuses", PledgeStatus.values());
        return "donation/pledges";
    }

    @GetMapping("/campaigns/{id}/pledges/{pledgeId}")
    String pledge(@PathVariable long id, @PathVariable long pledgeId, Model model) {
        model.addAttribute("pledge", pledges.detail(id, pledgeId, Callers.current()));
        model.addAttribute("campaign", campaigns.get(id, Callers.current()));
        return "donation/pledge";
    }

    @PostMapping("/campaigns/{id}/pledges/{pledgeId}/cancel")
    String cancel(
            @PathVariable long id,
            @PathVariable long pledgeId,
            @RequestParam(required = false) String reason,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            pledges.cancel(id, pledgeId, reason, Callers.current());
        } catch (InvalidValueException e) {
            model.addAttribute("cancelError", e.message(locale));
            return pledge(id, pledgeId, model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("pledge.cancelled", null, locale));
        return "redirect:/campaigns/" + id + "/pledges/" + pledgeId;
    }

    @GetMapping("/campaigns/{id}/points")
    String points(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        var rows = points.list(id, Callers.current(), page);
        boolean hasNext = rows.size() > CollectionPoints.PAGE_SIZE;
        model.addAttribute("rows", hasNext ? rows.subList(0, CollectionPoints.PAGE_SIZE) : rows);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("hasNext", hasNext);
        model.addAttribute("campaign", campaigns.get(id, Callers.current()));
        model.addAttribute("itemTypes", ItemType.values());
        return "donation/points";
    }

    @GetMapping("/campaigns/{id}/points/new")
    String newPoint(@PathVariable long id, Model model) {
        Campaign campaign = campaigns.get(id, Callers.current());
        points.list(id, Callers.current(), 0);
        return pointForm(
                model, campaign, null, new CollectionPointForm(null, null, null, null, null, true, null), Map.of());
    }

    @PostMapping("/campaigns/{id}/points/new")
    String createPoint(
            @PathVariable long id, PointFields fields, Model model, Locale locale, RedirectAttributes redirect) {
        CollectionPointForm form = fields.toForm();
        try {
            points.create(id, form, Callers.current());
        } catch (DonationInvalidException e) {
            return pointForm(model, campaigns.get(id, Callers.current()), null, form, errors(e, locale));
        }
        redirect.addFlashAttribute("flash", messages.getMessage("point.saved", null, locale));
        return "redirect:/campaigns/" + id + "/points";
    }

    @GetMapping("/campaigns/{id}/points/{pointId}/edit")
    String editPoint(@PathVariable long id, @PathVariable long pointId, Model model) {
        CollectionPoint p = points.get(id, pointId, Callers.current());
        return pointForm(
                model,
                campaigns.get(id, Callers.current()),
                p,
                new CollectionPointForm(
                        p.name(), p.unitId(), p.schoolId(), p.address(), p.openingHours(), p.active(), p.version()),
                Map.of());
    }

    @PostMapping("/campaigns/{id}/points/{pointId}/edit")
    String updatePoint(
            @PathVariable long id,
            @PathVariable long pointId,
            PointFields fields,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        CollectionPoint p = points.get(id, pointId, Callers.current());
        CollectionPointForm form = fields.toForm();
        try {
            points.update(id, pointId, form, Callers.current());
        } catch (DonationInvalidException e) {
            return pointForm(model, campaigns.get(id, Callers.current()), p, form, errors(e, locale));
        }
        redirect.addFlashAttribute("flash", messages.getMessage("point.saved", null, locale));
        return "redirect:/campaigns/" + id + "/points";
    }

    @GetMapping("/campaigns/{id}/bank-account")
    String bankAccount(@PathVariable long id, Model model) {
        Campaign campaign = requireEditable(id);
        var current = bankAccounts.of(id);
        BankAccountForm form = current.map(a -> new BankAccountForm(a.bankBin(), a.accountNumber(), a.accountName()))
                .orElse(new BankAccountForm(null, null, null));
        return bankForm(model, campaign, form, Map.of());
    }

    @PostMapping("/campaigns/{id}/bank-account")
    String saveBankAccount(
            @PathVariable long id,
            @RequestParam(required = false) String bankBin,
            @RequestParam(required = false) String accountNumber,
            @RequestParam(required = false) String accountName,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Campaign campaign = requireEditable(id);
        BankAccountForm form = new BankAccountForm(bankBin, accountNumber, accountName);
        try {
            bankAccounts.save(id, form, Callers.current());
        } catch (DonationInvalidException e) {
            return bankForm(model, campaign, form, errors(e, locale));
        }
        redirect.addFlashAttribute("flash", messages.getMessage("bank.saved", null, locale));
        return "redirect:/campaigns/" + id + "/donations";
    }

    private Campaign requireEditable(long id) {
        Campaign campaign = campaigns.get(id, Callers.current());
        if (!campaigns.canEdit(campaign, Callers.current())) {
            throw new vn.cungem.shared.NotFoundException(Campaigns.ENTITY, id);
        }
        return campaign;
    }

    private String bankForm(Model model, Campaign campaign, BankAccountForm form, Map<String, String> errors) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("banks", VietnameseBank.values());
        return "donation/bank-account";
    }

    private String pointForm(
            Model model,
            Campaign campaign,
            CollectionPoint point,
            CollectionPointForm form,
            Map<String, String> errors) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("point", point);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        List<Campaign.UnitRef> units = new java.util.ArrayList<>();
        units.add(campaign.organisingUnit());
        campaign.participatingUnits().stream()
                .filter(u -> u.id() != campaign.organisingUnit().id())
                .forEach(units::add);
        model.addAttribute("units", units);
        return "donation/point-form";
    }

    private static Map<String, String> errors(DonationInvalidException e, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            out.putIfAbsent(p.field(), p.message(locale));
        }
        return out;
    }

    private static PledgeStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return PledgeStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The point form as the browser sends it: text, so a bad number comes back as a message. */
    record PointFields(
            String name,
            String unitId,
            String schoolId,
            String address,
            String openingHours,
            String active,
            String version) {

        CollectionPointForm toForm() {
            return new CollectionPointForm(
                    name,
                    number(unitId),
                    number(schoolId),
                    address,
                    openingHours,
                    active != null && !active.isBlank(),
                    version == null || version.isBlank() ? null : (int) (long) number(version));
        }

        private static Long number(String s) {
            if (s == null || s.isBlank()) {
                return null;
            }
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return -1L;
            }
        }
    }
}
