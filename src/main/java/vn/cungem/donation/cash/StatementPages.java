package vn.cungem.donation.cash;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.donation.cash.ManualMatching.DebitReason;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/** Pages for a campaign's bank statements: upload, an import's progress and outcome, the queue of unmatched lines. */
@Controller
@RequestMapping("/campaigns/{campaignId}/statements")
class StatementPages {

    /** What the page says once a person has handled a line, by what they did. */
    private static final Map<String, String> DONE = Map.of(
            "match", "cash.line.matched",
            "unpledged", "cash.line.unpledged",
            "ignore", "cash.line.ignored",
            "post", "cash.line.posted");

    private final StatementImportJobs jobs;
    private final StatementQueries queries;
    private final ManualMatching manual;
    private final CashAccess access;
    private final MessageSource messages;

    StatementPages(
            StatementImportJobs jobs,
            StatementQueries queries,
            ManualMatching manual,
            CashAccess access,
            MessageSource messages) {
        this.jobs = jobs;
        this.queries = queries;
        this.manual = manual;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping
    String statements(@PathVariable long campaignId, Model model) {
        Caller caller = Callers.current();
        model.addAttribute("campaign", access.require(campaignId, caller));
        model.addAttribute("jobs", jobs.recent(campaignId, caller));
        model.addAttribute("imports", queries.imports(campaignId, caller));
        model.addAttribute("counts", queries.counts(campaignId, caller));
        // A new key each time the form is shown: a double submit of the same form makes one job.
        model.addAttribute("idempotencyKey", java.util.UUID.randomUUID().toString());
        return "donation/cash/statements";
    }

    /** Stores the file as an import job and shows it; a file refused at once is shown on the form again. */
    @PostMapping
    String upload(
            @PathVariable long campaignId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String idempotencyKey,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        Caller caller = Callers.current();
        access.require(campaignId, caller);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("error", message("cash.statements.no-file", locale));
            return "redirect:/campaigns/" + campaignId + "/statements";
        }
        try {
            StatementImportJob job =
                    jobs.upload(campaignId, file.getOriginalFilename(), file.getBytes(), idempotencyKey, caller);
            return "redirect:/campaigns/" + campaignId + "/statements/imports/" + job.id();
        } catch (StatementRejectedException e) {
            redirect.addFlashAttribute("error", e.message(locale));
            redirect.addFlashAttribute("problems", e.problems());
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("error", e.message(locale));
        }
        return "redirect:/campaigns/" + campaignId + "/statements";
    }

    @GetMapping("/imports/{jobId}")
    String job(@PathVariable long campaignId, @PathVariable long jobId, Model model) {
        Caller caller = Callers.current();
        model.addAttribute("campaign", access.require(campaignId, caller));
        model.addAttribute("job", jobs.get(campaignId, jobId, caller));
        return "donation/cash/statement-job";
    }

    /** The progress panel alone, for htmx polling; once the import is over the whole page reloads with its outcome. */
    @GetMapping("/imports/{jobId}/status")
    String status(@PathVariable long campaignId, @PathVariable long jobId, Model model, HttpServletResponse response) {
        String page = job(campaignId, jobId, model);
        if (!((StatementImportJob) model.getAttribute("job")).status().busy()) {
            response.setHeader("HX-Refresh", "true");
        }
        return page + " :: status";
    }

    @GetMapping("/unmatched")
    String unmatched(
            @PathVariable long campaignId,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String q,
            Model model) {
        Caller caller = Callers.current();
        model.addAttribute("campaign", access.require(campaignId, caller));
        var credits = queries.lines(campaignId, "UNMATCHED", "CREDIT", cursor, StatementQueries.PAGE_SIZE, caller);
        // the debits to post are few (fees, transfers out): the first 200 are shown beside the credits
        var debits = queries.lines(campaignId, "UNMATCHED", "DEBIT", null, 200, caller);
        model.addAttribute("credits", credits.lines());
        model.addAttribute("creditPage", credits);
        model.addAttribute("debits", debits.lines());
        model.addAttribute("q", q);
        model.addAttribute("pledges", q == null ? List.of() : queries.searchPledges(campaignId, q, caller));
        model.addAttribute("debitReasons", DebitReason.values());
        return "donation/cash/unmatched";
    }

    /** A person handles an unmatched line: match it to a pledge, record it unpledged, ignore it, or post a debit. */
    @PostMapping("/lines/{lineId}/{action:match|unpledged|ignore|post}")
    String handle(
            @PathVariable long campaignId,
            @PathVariable long lineId,
            @PathVariable String action,
            @RequestParam(required = false) String pledgeCode,
            @RequestParam(required = false) String reason,
            Locale locale,
            RedirectAttributes redirect) {
        Caller caller = Callers.current();
        try {
            switch (action) {
                case "match" -> manual.matchToPledge(campaignId, lineId, pledgeCode, caller);
                case "unpledged" -> manual.recordUnpledged(campaignId, lineId, caller);
                case "ignore" -> manual.ignore(campaignId, lineId, reason, caller);
                default -> manual.postDebit(campaignId, lineId, debitReason(reason), caller);
            }
            redirect.addFlashAttribute("flash", message(DONE.get(action), locale));
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("error", e.message(locale));
        }
        return "redirect:/campaigns/" + campaignId + "/statements/unmatched";
    }

    private static DebitReason debitReason(String reason) {
        for (DebitReason candidate : DebitReason.values()) {
            if (candidate.name().equals(reason)) {
                return candidate;
            }
        }
        return null;
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
