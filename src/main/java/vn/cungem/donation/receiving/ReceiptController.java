package vn.cungem.donation.receiving;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.Receipts;
import vn.cungem.donation.Receipts.PledgeToReceive;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.ratelimit.RateLimits;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/** Receiving goods at a collection point, from a phone: find the pledge, check what arrived, save, print. */
@Controller
class ReceiptController {

    private final Receipts receipts;
    private final DonationDocuments documents;
    private final RateLimits rateLimits;
    private final SerialChecks serials;

    ReceiptController(Receipts receipts, DonationDocuments documents, RateLimits rateLimits, SerialChecks serials) {
        this.receipts = receipts;
        this.documents = documents;
        this.rateLimits = rateLimits;
        this.serials = serials;
    }

    /** The form as posted: one entry per line in each list, by position. */
    record ReceiptForm(
            Long point,
            String pledge,
            String donorKind,
            String donorName,
            String donorPhone,
            Boolean anonymous,
            LocalDate receivedOn,
            String note,
            String key,
            List<ItemType> type,
            List<Integer> quantity,
            List<ItemCondition> condition,
            List<String> accessories,
            List<String> description,
            List<String> serials) {

        Receipts.NewReceipt toCommand() {
            List<Receipts.Line> lines = new ArrayList<>();
            int n = type == null ? 0 : type.size();
            for (int i = 0; i < n; i++) {
                lines.add(new Receipts.Line(
                        type.get(i),
                        at(quantity, i),
                        at(condition, i),
                        at(accessories, i),
                        at(description, i),
                        at(serials, i) == null ? List.of() : List.of(at(serials, i))));
            }
            boolean anon = Boolean.TRUE.equals(anonymous);
            Receipts.WalkIn walkIn = pledge == null || pledge.isBlank()
                    ? new Receipts.WalkIn(donorKind, donorName, donorPhone, anon)
                    : null;
            return new Receipts.NewReceipt(point, pledge, walkIn, receivedOn, lines, note, key);
        }

        private static <T> T at(List<T> list, int i) {
            return list != null && i < list.size() ? list.get(i) : null;
        }
    }

    @GetMapping("/campaigns/{id}/receipts/new")
    String form(
            @PathVariable long id,
            @RequestParam(required = false) Long point,
            @RequestParam(required = false) String pledge,
            Model model) {
        Caller caller = Callers.current();
        List<Receipts.Point> points = receipts.pointsFor(id, caller);
        Optional<PledgeToReceive> found = Optional.empty();
        String pledgeError = null;
        if (pledge != null && !pledge.isBlank()) {
            try {
                found = receipts.pledgeByCode(id, pledge, caller);
                if (found.isEmpty()) {
                    pledgeError = "receipt.pledge.notFound";
                }
            } catch (vn.cungem.shared.ConflictException e) {
                pledgeError = "receipt.pledge.otherCampaign";
            } catch (InvalidValueException e) {
                pledgeError = "receipt.pledge.invalid";
            }
        }
        Long chosen = point != null
                ? point
                : found.map(PledgeToReceive::collectionPointId).orElse(null);
        if (chosen != null) {
            receipts.point(id, chosen, caller);
        }
        model.addAttribute("campaignId", id);
        model.addAttribute("points", points);
        model.addAttribute("chosenPoint", chosen);
        model.addAttribute("pledge", found.orElse(null));
        model.addAttribute("pledgeCode", pledge);
        model.addAttribute("pledgeError", pledgeError);
        model.addAttribute(
                "lines",
                found.map(PledgeToReceive::lines)
                        .filter(l -> !l.isEmpty())
                        .orElse(List.of(
                                new Receipts.ReceiptLine(null, 1, ItemCondition.USED_WORKING, null, null, List.of()))));
        model.addAttribute(
                "types",
                List.of(ItemType.values()).stream()
                        .filter(t -> t != ItemType.CASH)
                        .toList());
        model.addAttribute("conditions", ItemCondition.values());
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("today", LocalDate.now());
        return "donation/receiving/form";
    }

    @PostMapping("/campaigns/{id}/receipts")
    String save(@PathVariable long id, ReceiptForm form, Model model, RedirectAttributes redirect) {
        Caller caller = Callers.current();
        Receipts.Receipt saved;
        try {
            saved = receipts.record(id, form.toCommand(), caller);
        } catch (DuplicateKeyException e) {
            saved = receipts.get(id, receipts.byKey(form.key()).orElseThrow(() -> e), caller);
        } catch (InvalidValueException e) {
            form(id, form.point(), form.pledge(), model);
            model.addAttribute("error", e);
            model.addAttribute("key", form.key());
            List<Receipts.ReceiptLine> typed = form.toCommand().lines().stream()
                    .filter(l -> l.type() != null)
                    .map(l -> new Receipts.ReceiptLine(
                            l.type(),
                            l.quantity() == null ? 0 : l.quantity(),
                            l.condition(),
                            l.accessories(),
                            l.description(),
                            List.of()))
                    .toList();
            if (!typed.isEmpty()) {
                model.addAttribute("lines", typed);
            }
            return "donation/receiving/form";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/campaigns/" + id + "/receipts/" + saved.id();
    }

    /** htmx: the serials of a line checked as they are typed (IMEI rule, already registered elsewhere). */
    @GetMapping("/campaigns/{id}/receipts/serial-check")
    String serialCheck(
            @PathVariable long id,
            @RequestParam(required = false) List<ItemType> type,
            @RequestParam(required = false) List<String> serials,
            @RequestParam(defaultValue = "0") int line,
            java.util.Locale locale,
            Model model) {
        Caller caller = Callers.current();
        if (receipts.pointsFor(id, caller).isEmpty()) {
            throw new vn.cungem.shared.NotFoundException(vn.cungem.campaign.Campaigns.ENTITY, id);
        }
        ItemType t = type != null && line < type.size() ? type.get(line) : null;
        String typed = serials != null && line < serials.size() ? serials.get(line) : null;
        model.addAttribute("flags", this.serials.atEntry(t, typed, caller, locale));
        return "donation/receiving/serial-check :: flags";
    }

    @GetMapping("/campaigns/{id}/receipts")
    String list(
            @PathVariable long id,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("campaignId", id);
        model.addAttribute("q", q);
        model.addAttribute("result", receipts.list(id, q, Callers.current(), page));
        return "donation/receiving/list";
    }

    @GetMapping("/campaigns/{id}/receipts/{receiptId}")
    String detail(@PathVariable long id, @PathVariable long receiptId, Model model) {
        Receipts.Receipt r = receipts.get(id, receiptId, Callers.current());
        model.addAttribute("r", r);
        List<Receipts.Tag> tags = receipts.tagsOf(r.id());
        model.addAttribute("items", tags);
        model.addAttribute("flags", serials.ofReceipt(tags, Callers.current()));
        model.addAttribute("trackingUrl", documents.trackingUrl(r.trackingCode()));
        return "donation/receiving/detail";
    }

    @GetMapping("/campaigns/{id}/receipts/{receiptId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long receiptId) {
        Receipts.Receipt r = receipts.get(id, receiptId, Callers.current());
        // issue 13: the serial or IMEI printed beside its tag
        List<String> tags = receipts.tagsOf(r.id()).stream()
                .map(t -> t.serialNumber() == null ? t.tag() : t.tag() + " (" + t.serialNumber() + ")")
                .toList();
        return pdf(documents.receiptPdf(r, tags), "bien-nhan-" + r.code() + ".pdf");
    }

    @GetMapping("/campaigns/{id}/pledges/{pledgeId}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable long id, @PathVariable long pledgeId) {
        DonationDocuments.Pledge p = documents.pledge(pledgeId);
        if (p.campaignId() != id) {
            throw new vn.cungem.shared.NotFoundException("pledge", pledgeId);
        }
        documents.requireManager(p, Callers.current());
        return pdf(documents.certificatePdf(p), "chung-nhan-" + p.code() + ".pdf");
    }

    /** For the donor, from the public tracking page: only when they asked for one and something was received. */
    @GetMapping("/public/track/{code}/certificate.pdf")
    ResponseEntity<byte[]> publicCertificate(@PathVariable String code, HttpServletRequest http) {
        // Each download renders a PDF: limited per client address (a 429 page with Retry-After when reached).
        rateLimits.checkClient(RateLimits.CERTIFICATE_PER_CLIENT, http);
        String normalised;
        try {
            normalised = vn.cungem.donation.TrackingCode.parse(code).value();
        } catch (InvalidValueException e) {
            throw new vn.cungem.shared.NotFoundException("pledge", code);
        }
        Long pledgeId = documents.pledgeIdByCode(normalised);
        if (pledgeId == null) {
            throw new vn.cungem.shared.NotFoundException("pledge", code);
        }
        DonationDocuments.Pledge p = documents.pledge(pledgeId);
        if (!p.wantsCertificate() || !documents.anythingReceived(p)) {
            throw new vn.cungem.shared.NotFoundException("pledge", code);
        }
        return pdf(documents.certificatePdf(p), "chung-nhan-" + p.code() + ".pdf");
    }

    static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"")
                .body(body);
    }
}
