package vn.cungem.handover.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.handover.Batch;
import vn.cungem.handover.Handovers;
import vn.cungem.handover.NewBatch;
import vn.cungem.handover.NewRecord;
import vn.cungem.handover.RecordView;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.text.Bundles;

/**
 * The handover pages: batches for the office, today's list and one student's handover on the volunteer's phone, the
 * record and its PDF, and the family's guide. The record form posts as a plain form without JavaScript (a photo of the
 * signed paper); with JavaScript the phone queues the record and posts it as JSON with its idempotency key, online or
 * later ({@code static/js/handover.js}).
 */
@Controller
class HandoverController {

    private final Handovers handovers;
    private final Campaigns campaigns;

    HandoverController(Handovers handovers, Campaigns campaigns) {
        this.handovers = handovers;
        this.campaigns = campaigns;
    }

    @GetMapping("/handover")
    String batches(Model model) {
        Caller caller = Callers.current();
        model.addAttribute("batches", handovers.upcoming(caller));
        model.addAttribute("campaigns", campaigns.active(50));
        model.addAttribute("today", Handovers.today());
        model.addAttribute("kinds", Batch.PlaceKind.values());
        return "handover/batches";
    }

    @PostMapping("/handover/batches")
    String create(
            @RequestParam long campaignId,
            @RequestParam long schoolId,
            @RequestParam LocalDate date,
            @RequestParam(required = false) Batch.PlaceKind placeKind,
            @RequestParam(required = false) String placeNote,
            RedirectAttributes redirect,
            Locale locale) {
        long id = handovers.createBatch(
                new NewBatch(campaignId, schoolId, date, placeKind, placeNote), Callers.current());
        Batch batch = handovers.batch(id, Callers.current());
        redirect.addFlashAttribute(
                "flash",
                Bundles.messageSource()
                        .getMessage(
                                "handover.batch.created",
                                new Object[] {batch.entries().size()},
                                locale));
        return "redirect:/handover/batches/" + id;
    }

    @GetMapping("/handover/batches/{id}")
    String batch(@PathVariable long id, Model model) {
        model.addAttribute("batch", handovers.batch(id, Callers.current()));
        return "handover/batch";
    }

    @GetMapping("/handover/today")
    String today(Model model) {
        model.addAttribute("batches", handovers.today(Callers.current()));
        return "handover/today";
    }

    @GetMapping("/handover/entries/{id}")
    String entry(@PathVariable long id, Model model) {
        Batch batch = handovers.batchOfEntry(id, Callers.current());
        Batch.Entry entry = batch.entries().stream()
                .filter(e -> e.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("handover_entry", id));
        model.addAttribute("batch", batch);
        model.addAttribute("entry", entry);
        // a fresh key per form: the plain form's retry (a double tap, a resubmission) reuses it
        model.addAttribute("key", UUID.randomUUID().toString());
        return "handover/entry";
    }

    /** The plain form (no JavaScript): a photo of the signed paper, or a signature the script put in the field. */
    @PostMapping(value = "/handover/entries/{id}/record", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String record(
            @PathVariable long id,
            @RequestParam String idempotencyKey,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String guardianName,
            @RequestParam(required = false) String guardianRelation,
            @RequestParam(required = false) String guardianPhone,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) String signature,
            @RequestParam(required = false) MultipartFile photo,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        byte[] photoBytes = photo == null || photo.isEmpty() ? null : photo.getBytes();
        RecordView r = handovers.record(
                id,
                new NewRecord(
                        tags(tag),
                        guardianName,
                        guardianRelation,
                        guardianPhone,
                        place,
                        signature,
                        photoBytes,
                        photo == null ? null : photo.getContentType(),
                        false,
                        null),
                idempotencyKey,
                Callers.current());
        redirect.addFlashAttribute(
                "flash",
                Bundles.messageSource().getMessage("handover.record.saved", new Object[] {r.number()}, locale));
        return "redirect:/handover/records/" + r.number();
    }

    /** What the phone's queue sends, online or when the network is back. */
    record QueuedRecord(
            List<String> tags,
            String guardianName,
            String guardianRelation,
            String guardianPhone,
            String place,
            String signature,
            String photo,
            Boolean madeOffline,
            java.time.OffsetDateTime madeAt) {}

    @PostMapping(value = "/handover/entries/{id}/record", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> recordQueued(
            @PathVariable long id,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody QueuedRecord body,
            Locale locale) {
        try {
            byte[] photo = PhotoDataUri.decode(body.photo());
            RecordView r = handovers.record(
                    id,
                    new NewRecord(
                            body.tags(),
                            body.guardianName(),
                            body.guardianRelation(),
                            body.guardianPhone(),
                            body.place(),
                            body.signature(),
                            photo,
                            null,
                            Boolean.TRUE.equals(body.madeOffline()),
                            body.madeAt()),
                    key,
                    Callers.current());
            return ResponseEntity.ok(Map.of(
                    "number",
                    r.number(),
                    "url",
                    "/handover/records/" + r.number(),
                    "message",
                    Bundles.messageSource().getMessage("handover.record.saved", new Object[] {r.number()}, locale)));
        } catch (ConflictException e) {
            return problem(HttpStatus.CONFLICT, e.code(), e.message(locale));
        } catch (InvalidValueException e) {
            return problem(HttpStatus.BAD_REQUEST, e.code(), e.message(locale));
        } catch (NotFoundException e) {
            return problem(
                    HttpStatus.NOT_FOUND,
                    "not-found",
                    Bundles.messageSource().getMessage("error.404.title", null, locale));
        }
    }

    /** A body the phone could not have meant (not JSON, wrong shapes): a 400 it shows, not an error page. */
    @org.springframework.web.bind.annotation.ExceptionHandler(
            org.springframework.http.converter.HttpMessageNotReadableException.class)
    @ResponseBody
    ResponseEntity<Map<String, Object>> unreadable(Locale locale) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "unreadable",
                Bundles.messageSource().getMessage("error.400.title", null, locale));
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("code", code, "message", message));
    }

    @GetMapping("/handover/records/{number}")
    String recordPage(@PathVariable String number, Model model) {
        model.addAttribute("r", handovers.recordView(number, Callers.current()));
        return "handover/record";
    }

    @GetMapping("/handover/records/{number}/record.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String number, Locale locale) {
        byte[] pdf = handovers.pdf(number, Callers.current(), locale);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"bien-ban-" + number + ".pdf\"")
                .body(pdf);
    }

    @GetMapping("/handover/records/{number}/signature.png")
    ResponseEntity<byte[]> signature(@PathVariable String number) {
        return handovers
                .signature(number, Callers.current())
                .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/handover/guide/{type}")
    String guide(@PathVariable String type, Model model) {
        ItemType t = Arrays.stream(ItemType.values())
                .filter(x -> x.name().equalsIgnoreCase(type) && x.isDevice())
                .findFirst()
                .orElseThrow(() -> new NotFoundException("guide", type));
        model.addAttribute("type", t);
        model.addAttribute("guideKey", "guide." + t.name());
        return "handover/guide";
    }

    private static List<String> tags(String typed) {
        return typed == null
                ? List.of()
                : Arrays.stream(typed.split("[,\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
    }
}
