package vn.cungem.student.importing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import vn.cungem.campaign.Campaign;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/**
 * The import pages: the campaign's imports with the upload form and the template, and one import with its progress
 * (polled by htmx while a worker is busy), the row problems (errors first), the annotated copy, commit and discard.
 */
@Controller
@RequestMapping("/campaigns/{campaignId}/students")
class StudentImportController {

    private static final int PAGE_SIZE = 50;

    private final StudentImports imports;
    private final ImportTexts texts;

    StudentImportController(StudentImports imports, ImportTexts texts) {
        this.imports = imports;
        this.texts = texts;
    }

    @GetMapping("/template.xlsx")
    void template(@PathVariable long campaignId, HttpServletResponse response) throws IOException {
        sendTemplate(imports, campaignId, response);
    }

    static void sendTemplate(StudentImports imports, long campaignId, HttpServletResponse response) throws IOException {
        Caller caller = Callers.current();
        imports.requireImporter(campaignId, caller);
        response.setContentType(StudentImportApiController.XLSX);
        attachment(response, "mau-danh-sach-hoc-sinh.xlsx");
        imports.template(campaignId, caller, response.getOutputStream());
    }

    static void sendAnnotated(StudentImports imports, long campaignId, long importId, HttpServletResponse response)
            throws IOException {
        ImportJob job = imports.require(campaignId, importId, Callers.current());
        response.setContentType(StudentImportApiController.XLSX);
        String base = job.fileName().replaceAll("\\.(xlsx|csv|XLSX|CSV)$", "");
        attachment(response, base + "-ket-qua-kiem-tra.xlsx");
        imports.annotated(campaignId, importId, Callers.current(), response.getOutputStream());
    }

    private static void attachment(HttpServletResponse response, String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + UriUtils.encode(name, StandardCharsets.UTF_8));
    }

    @GetMapping("/import")
    String list(@PathVariable long campaignId, Model model) {
        Caller caller = Callers.current();
        Campaign campaign = imports.requireImporter(campaignId, caller);
        model.addAttribute("campaign", campaign);
        model.addAttribute("imports", imports.list(campaignId, caller));
        // A fresh key per form: a double click or a resent form returns the same import instead of a second one.
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("maxRows", SpreadsheetReader.MAX_ROWS);
        return "student/import";
    }

    @PostMapping("/import")
    String upload(
            @PathVariable long campaignId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String idempotencyKey,
            Locale locale,
            RedirectAttributes redirect)
            throws IOException {
        Caller caller = Callers.current();
        imports.requireImporter(campaignId, caller);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("error", texts.in(locale, "studentImport.chooseFile"));
            return "redirect:/campaigns/" + campaignId + "/students/import";
        }
        try {
            ImportJob job =
                    imports.upload(campaignId, file.getOriginalFilename(), file.getBytes(), idempotencyKey, caller);
            return "redirect:/campaigns/" + campaignId + "/students/import/" + job.id();
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("error", e.message(locale));
            return "redirect:/campaigns/" + campaignId + "/students/import";
        }
    }

    @GetMapping("/import/{importId}")
    String job(
            @PathVariable long campaignId,
            @PathVariable long importId,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Caller caller = Callers.current();
        Campaign campaign = imports.requireImporter(campaignId, caller);
        model.addAttribute("campaign", campaign);
        model.addAttribute("job", imports.require(campaignId, importId, caller));
        model.addAttribute("fields", StudentColumn.inTemplateOrder());
        model.addAttribute("problems", imports.problems(campaignId, importId, null, page, PAGE_SIZE, caller));
        return "student/import-job";
    }

    /** The progress panel alone, for htmx polling; once the work is done the whole page reloads with the result. */
    @GetMapping("/import/{importId}/status")
    String status(
            @PathVariable long campaignId, @PathVariable long importId, Model model, HttpServletResponse response) {
        Caller caller = Callers.current();
        model.addAttribute("campaign", imports.requireImporter(campaignId, caller));
        ImportJob job = imports.require(campaignId, importId, caller);
        model.addAttribute("job", job);
        if (!job.status().busy()) {
            response.setHeader("HX-Refresh", "true");
        }
        return "student/import-job :: status";
    }

    @GetMapping("/import/{importId}/annotated.xlsx")
    void annotated(@PathVariable long campaignId, @PathVariable long importId, HttpServletResponse response)
            throws IOException {
        sendAnnotated(imports, campaignId, importId, response);
    }

    @PostMapping("/import/{importId}/sheet")
    String sheet(
            @PathVariable long campaignId,
            @PathVariable long importId,
            @RequestParam(defaultValue = "-1") int index,
            Locale locale,
            RedirectAttributes redirect) {
        return act(
                campaignId,
                importId,
                locale,
                redirect,
                () -> imports.chooseSheet(campaignId, importId, index, Callers.current()));
    }

    /** The mapping step's form: a select per column, named "col-" and the column's index, with a field or IGNORE. */
    @PostMapping("/import/{importId}/columns")
    String columns(
            @PathVariable long campaignId,
            @PathVariable long importId,
            @RequestParam Map<String, String> form,
            Locale locale,
            RedirectAttributes redirect) {
        Map<Integer, String> choices = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("col-") && name.substring(4).matches("\\d{1,4}")) {
                choices.put(Integer.valueOf(name.substring(4)), value);
            }
        });
        return act(
                campaignId,
                importId,
                locale,
                redirect,
                () -> imports.confirmColumns(campaignId, importId, choices, Callers.current()));
    }

    /** From the preview back to the mapping step: the preview is dropped and redone once the columns are confirmed. */
    @PostMapping("/import/{importId}/columns/change")
    String changeColumns(
            @PathVariable long campaignId,
            @PathVariable long importId,
            @RequestParam(required = false) Integer sheet,
            Locale locale,
            RedirectAttributes redirect) {
        return act(
                campaignId,
                importId,
                locale,
                redirect,
                () -> imports.changeColumns(campaignId, importId, sheet, Callers.current()));
    }

    @PostMapping("/import/{importId}/commit")
    String commit(
            @PathVariable long campaignId, @PathVariable long importId, Locale locale, RedirectAttributes redirect) {
        return act(campaignId, importId, locale, redirect, () -> {
            ImportJob job = imports.commit(campaignId, importId, Callers.current());
            if (job.status() == ImportJob.Status.COMMITTED) {
                redirect.addFlashAttribute(
                        "flash",
                        texts.in(
                                locale,
                                "studentImport.wrote",
                                String.valueOf(job.inserted() + job.updated()),
                                String.valueOf(job.inserted()),
                                String.valueOf(job.updated())));
            }
        });
    }

    @PostMapping("/import/{importId}/discard")
    String discard(
            @PathVariable long campaignId, @PathVariable long importId, Locale locale, RedirectAttributes redirect) {
        return act(campaignId, importId, locale, redirect, () -> {
            imports.discard(campaignId, importId, Callers.current());
            redirect.addFlashAttribute("flash", texts.in(locale, "studentImport.discarded"));
        });
    }

    private String act(long campaignId, long importId, Locale locale, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("error", e.message(locale));
        }
        return "redirect:/campaigns/" + campaignId + "/students/import/" + importId;
    }
}
