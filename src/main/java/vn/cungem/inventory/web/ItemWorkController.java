package vn.cungem.inventory.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.inventory.lifecycle.CheckCode;
import vn.cungem.inventory.lifecycle.CheckResult;
import vn.cungem.inventory.lifecycle.Checklist;
import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.inventory.lifecycle.WipeMethod;
import vn.cungem.inventory.work.Inspections;
import vn.cungem.inventory.work.ItemWork;
import vn.cungem.inventory.work.Repairs;
import vn.cungem.inventory.work.SoftwareProfiles;
import vn.cungem.inventory.work.WipeCertificates;
import vn.cungem.inventory.work.Wipes;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.text.Bundles;

/**
 * The item page's forms: each posts the version the page showed and a key made when the page was drawn, so a double tap
 * on a phone records once, and answers with the item page again, saying what was done or why not.
 */
@Controller
class ItemWorkController {

    private final ItemWork work;
    private final Inspections inspections;
    private final Wipes wipes;
    private final Repairs repairs;
    private final SoftwareProfiles profiles;
    private final WipeCertificates certificates;

    ItemWorkController(
            ItemWork work,
            Inspections inspections,
            Wipes wipes,
            Repairs repairs,
            SoftwareProfiles profiles,
            WipeCertificates certificates) {
        this.work = work;
        this.inspections = inspections;
        this.wipes = wipes;
        this.repairs = repairs;
        this.profiles = profiles;
        this.certificates = certificates;
    }

    @PostMapping("/inventory/items/{tag}/moves")
    String move(
            @PathVariable String tag,
            @RequestParam ItemMove move,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String key,
            Locale locale,
            RedirectAttributes redirect) {
        return run(tag, locale, redirect, () -> work.move(tag, move, version, note, key, Callers.current()));
    }

    /** The checklist arrives as {@code result.SCREEN=PASS}, {@code note.SCREEN=…} pairs, one per check shown. */
    @PostMapping("/inventory/items/{tag}/inspections")
    String inspect(
            @PathVariable String tag,
            @RequestParam MultiValueMap<String, String> form,
            Locale locale,
            RedirectAttributes redirect) {
        return run(tag, locale, redirect, () -> {
            List<Checklist.Answer> answers = new ArrayList<>();
            for (CheckCode code : CheckCode.values()) {
                String result = form.getFirst("result." + code.name());
                if (result != null && !result.isBlank()) {
                    answers.add(new Checklist.Answer(code, parse(result), form.getFirst("note." + code.name())));
                }
            }
            var inspection = new Inspections.NewInspection(answers, "true".equals(form.getFirst("beyondRepair")));
            return inspections.record(
                    tag, inspection, version(form.getFirst("version")), form.getFirst("key"), Callers.current());
        });
    }

    @PostMapping("/inventory/items/{tag}/wipes")
    String wipe(
            @PathVariable String tag,
            @RequestParam(required = false) WipeMethod method,
            @RequestParam(required = false) Boolean succeeded,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String key,
            Locale locale,
            RedirectAttributes redirect) {
        var wipe = new Wipes.NewWipe(method, succeeded, note);
        return run(tag, locale, redirect, () -> wipes.record(tag, wipe, version, key, Callers.current()));
    }

    @PostMapping("/inventory/items/{tag}/repairs")
    String repair(
            @PathVariable String tag,
            @RequestParam(required = false) String fault,
            @RequestParam(required = false) BigDecimal hours,
            @RequestParam(required = false) String technician,
            @RequestParam(required = false) List<String> partName,
            @RequestParam(required = false) List<Long> partCost,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String key,
            Locale locale,
            RedirectAttributes redirect) {
        List<Repairs.Part> parts = new ArrayList<>();
        List<String> names = partName == null ? List.of() : partName;
        for (int i = 0; i < names.size(); i++) {
            Long cost = partCost != null && i < partCost.size() ? partCost.get(i) : null;
            if (!names.get(i).isBlank() || cost != null) {
                parts.add(new Repairs.Part(names.get(i), cost == null ? null : vn.cungem.shared.Money.vnd(cost)));
            }
        }
        var repair = new Repairs.NewRepair(fault, parts, hours, technician);
        return run(tag, locale, redirect, () -> repairs.record(tag, repair, version, key, Callers.current()));
    }

    @PostMapping("/inventory/items/{tag}/software")
    String software(
            @PathVariable String tag,
            @RequestParam(required = false) Long profileId,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String key,
            Locale locale,
            RedirectAttributes redirect) {
        var install = new SoftwareProfiles.Install(profileId, null);
        return run(tag, locale, redirect, () -> profiles.install(tag, install, version, key, Callers.current()));
    }

    @GetMapping(value = "/inventory/items/{tag}/wipe-certificate.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> certificate(@PathVariable String tag, Locale locale) {
        byte[] pdf = certificates.render(tag, Callers.current(), locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"xoa-du-lieu-" + tag + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf);
    }

    private String run(String tag, Locale locale, RedirectAttributes redirect, Supplier<ItemWork.Outcome> step) {
        try {
            ItemWork.Outcome outcome = step.get();
            redirect.addFlashAttribute(
                    "flash",
                    Bundles.text(
                            outcome.repeated() ? "inventory.work.done.again" : "inventory.work.done",
                            locale,
                            Bundles.text(outcome.item().status().labelKey(), locale)));
            return "redirect:/inventory/items/" + outcome.item().tag();
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("workError", e.message(locale));
            return "redirect:/inventory/items/" + ItemSheetTags.safe(tag);
        }
    }

    private static CheckResult parse(String result) {
        try {
            return CheckResult.valueOf(result);
        } catch (IllegalArgumentException e) {
            return null; // answered by Checklist.evaluate as an incomplete check
        }
    }

    private static Integer version(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return -1; // a version no item has: refused as someone else's change, never a 500
        }
    }
}
