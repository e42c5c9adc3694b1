package vn.cungem.student.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.student.StudentView;
import vn.cungem.student.Students;

/** A student's page: details, history, likely duplicates to merge, evidence files, and the decision on the student. */
@Controller
class StudentDetailPages {

    private final Students students;
    private final Campaigns campaigns;
    private final MessageSource messages;

    StudentDetailPages(Students students, Campaigns campaigns, MessageSource messages) {
        this.students = students;
        this.campaigns = campaigns;
        this.messages = messages;
    }

    @GetMapping("/students/{id}")
    String detail(@PathVariable long id, Model model, Locale locale) {
        Caller caller = Callers.current();
        StudentView s = students.get(id, caller);
        Campaign campaign = campaigns.get(s.campaignId(), caller);
        model.addAttribute("s", s);
        model.addAttribute("campaign", campaign);
        model.addAttribute("history", students.history(id, caller));
        model.addAttribute("evidence", students.evidence(id, caller));
        model.addAttribute("duplicates", students.likelyDuplicates(id, caller));
        model.addAttribute(
                "duplicateElsewhere",
                students.likelyDuplicateElsewhere(id, caller)
                        ? messages.getMessage("student.duplicate.likelyElsewhere", null, locale)
                        : null);
        model.addAttribute("canApprove", students.canApprove(caller, s.unitId()));
        model.addAttribute("categoryNames", CategoryNames.of(campaign, locale));
        return "student/detail";
    }

    @PostMapping("/students/{id}/decide")
    String decide(
            @PathVariable long id,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String reason,
            Locale locale,
            RedirectAttributes redirect) {
        int count = Decisions.apply(students, List.of(id), action, reason, Callers.current());
        return back(id, redirect, messages.getMessage("student.decided", new Object[] {count}, locale));
    }

    @PostMapping("/students/{id}/merge")
    String merge(
            @PathVariable long id,
            @RequestParam(required = false) Long duplicateId,
            @RequestParam(required = false) String reason,
            Locale locale,
            RedirectAttributes redirect) {
        if (duplicateId == null) {
            throw InvalidValueException.of("student.merge-which", "student.error.merge-which");
        }
        students.merge(id, duplicateId, reason, Callers.current());
        return back(id, redirect, messages.getMessage("student.detail.merged.flash", null, locale));
    }

    @PostMapping("/students/{id}/evidence")
    String upload(
            @PathVariable long id,
            @RequestParam(required = false) MultipartFile file,
            Locale locale,
            RedirectAttributes redirect)
            throws IOException {
        byte[] content = file == null ? new byte[0] : file.getBytes();
        try {
            students.attachEvidence(id, file == null ? null : file.getOriginalFilename(), content, Callers.current());
        } catch (InvalidValueException e) {
            // Too large, empty or not a PDF/JPEG/PNG: back to the student's page with the message, as for a file
            // over the container's limit (UploadSizeGuard).
            redirect.addFlashAttribute("uploadError", e.message(locale));
            return "redirect:/students/" + id;
        }
        return back(id, redirect, messages.getMessage("student.detail.evidence.saved", null, locale));
    }

    @PostMapping("/students/{id}/evidence/{evidenceId}/delete")
    String removeEvidence(
            @PathVariable long id,
            @PathVariable long evidenceId,
            @RequestParam(required = false) String reason,
            Locale locale,
            RedirectAttributes redirect) {
        students.removeEvidence(id, evidenceId, reason, Callers.current());
        return back(id, redirect, messages.getMessage("student.detail.evidence.removed", null, locale));
    }

    private static String back(long id, RedirectAttributes redirect, String flash) {
        redirect.addFlashAttribute("flash", flash);
        return "redirect:/students/" + id;
    }

    @GetMapping("/students/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
        var file = students.evidenceFile(id, evidenceId, Callers.current());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }
}
