package vn.cungem.donation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.DonationInvalidException;
import vn.cungem.donation.DonorKind;
import vn.cungem.donation.FieldProblem;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.PledgeSaved;
import vn.cungem.donation.Pledges;
import vn.cungem.donation.PublicPledge;
import vn.cungem.donation.VietQr;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.TooManyRequestsException;
import vn.cungem.shared.ratelimit.RateLimits;

/** The pledge pages anyone may use from a phone, without an account. */
@Controller
class PublicPledgeController {

    private final Pledges pledges;
    private final CollectionPoints points;
    private final RateLimits rateLimits;

    PublicPledgeController(Pledges pledges, CollectionPoints points, RateLimits rateLimits) {
        this.pledges = pledges;
        this.points = points;
        this.rateLimits = rateLimits;
    }

    @GetMapping("/public/pledge")
    String chooseCampaign(Model model) {
        List<Campaign> open = pledges.openCampaigns();
        if (open.size() == 1) {
            return "redirect:/public/campaigns/" + open.get(0).code() + "/pledge";
        }
        model.addAttribute("campaigns", open);
        return "donation/public-campaigns";
    }

    @GetMapping("/public/campaigns/{code}/pledge")
    String form(@PathVariable String code, Model model) {
        Campaign campaign = openCampaign(code);
        return form(model, campaign, PublicPledgeForm.blank(), Map.of(), 1);
    }

    /**
     * One form in three steps (what → where and when → who). Every step's fields travel with every post, the other
     * steps' sections only hidden, so the steps work as plain forms without JavaScript. A next or back button moves
     * between steps after checking the steps so far; any other post (the last step's button, or an older client sending
     * everything at once) submits.
     */
    @PostMapping("/public/campaigns/{code}/pledge")
    String submit(
            @PathVariable String code,
            @ModelAttribute("form") PublicPledgeForm form,
            @RequestParam(required = false) String go,
            @RequestParam(required = false) String step,
            Model model,
            Locale locale,
            HttpServletRequest http,
            HttpServletResponse response) {
        Campaign campaign = openCampaign(code);
        int current = PledgeSteps.parse(step);
        List<FieldProblem> problems = new ArrayList<>();
        var request = form.toRequest(campaign.id(), problems);
        form.padRows();
        if ("back".equals(go)) {
            return form(model, campaign, form, Map.of(), Math.max(1, current - 1));
        }
        if (go != null && go.startsWith("edit-")) {
            // "change" beside an answer in the last step's summary: back to the step that asked it
            return form(model, campaign, form, Map.of(), PledgeSteps.parse(go.substring("edit-".length())));
        }
        if ("next".equals(go)) {
            problems.addAll(pledges.check(request, campaign));
            Map<String, String> errors = PledgeSteps.upTo(current, messages(problems, locale));
            int shown = errors.isEmpty() ? Math.min(PledgeSteps.LAST, current + 1) : PledgeSteps.firstWith(errors);
            return form(model, campaign, form, PledgeSteps.of(shown, errors), shown);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (problems.isEmpty()) {
            try {
                PublicPledgeLimits.check(rateLimits, request, http);
                PledgeSaved saved = pledges.submit(request);
                String target = "/public/pledges/" + saved.code().value();
                if (http.getHeader("HX-Request") != null) {
                    // htmx swaps steps in place, but the finished pledge is a page of its own with its own address; a
                    // 302 would be followed inside the XMLHttpRequest, so htmx is told to navigate instead (empty 200)
                    response.setHeader("HX-Redirect", http.getContextPath() + target);
                    return null;
                }
                return "redirect:" + target;
            } catch (TooManyRequestsException e) {
                errors.put("form", rateLimits.refuse(e, response, locale));
            } catch (DonationInvalidException e) {
                problems.addAll(e.problems());
            }
        }
        errors.putAll(messages(problems, locale));
        if (current == PledgeSteps.ALL) {
            return form(model, campaign, form, errors, PledgeSteps.ALL);
        }
        int shown = PledgeSteps.firstWith(errors);
        return form(model, campaign, form, PledgeSteps.of(shown, errors), shown);
    }

    private static Map<String, String> messages(List<FieldProblem> problems, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            errors.putIfAbsent(p.field(), p.message(locale));
        }
        return errors;
    }

    @GetMapping("/public/pledges/{code}")
    String result(@PathVariable String code, Model model, HttpServletRequest http) {
        rateLimits.checkClient(RateLimits.LOOKUP_PER_CLIENT, http);
        PublicPledge pledge = pledges.publicView(code).orElseThrow(() -> new NotFoundException(Pledges.ENTITY, code));
        model.addAttribute("pledge", pledge);
        return "donation/public-pledge";
    }

    @GetMapping(value = "/public/pledges/{code}/vietqr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> vietQr(@PathVariable String code, HttpServletRequest http) {
        rateLimits.checkClient(RateLimits.LOOKUP_PER_CLIENT, http);
        PublicPledge pledge = pledges.publicView(code).orElseThrow(() -> new NotFoundException(Pledges.ENTITY, code));
        if (pledge.transfer() == null) {
            throw new NotFoundException("vietqr", code);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noCache())
                .body(VietQr.png(pledge.transfer().payload(), 360));
    }

    private Campaign openCampaign(String code) {
        return pledges.openCampaignByCode(code).orElseThrow(() -> new NotFoundException("campaign", code));
    }

    private String form(Model model, Campaign campaign, PublicPledgeForm form, Map<String, String> errors, int step) {
        List<ItemType> accepted = campaign.spec().itemTypes().stream()
                .filter(t -> t != ItemType.CASH)
                .toList();
        model.addAttribute("campaign", campaign);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("step", step);
        model.addAttribute("anchors", PledgeSteps.anchors(errors));
        model.addAttribute("moreItemsOpen", form.hasMoreThanOneLine() || PledgeSteps.concernsLaterLines(errors));
        model.addAttribute(
                "itemTypes",
                accepted.isEmpty()
                        ? List.of(ItemType.values()).stream()
                                .filter(t -> t != ItemType.CASH)
                                .toList()
                        : accepted);
        model.addAttribute("conditions", ItemCondition.values());
        model.addAttribute("donorKinds", DonorKind.values());
        model.addAttribute("points", points.openForPledges(campaign.id()));
        return "donation/public-pledge-form";
    }
}
