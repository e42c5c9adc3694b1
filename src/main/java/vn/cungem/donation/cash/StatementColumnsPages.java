package vn.cungem.donation.cash;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.donation.cash.StatementColumns.Column;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/** The page of the mapping step: each column of the file with sample values and the field it is read as. */
@Controller
@RequestMapping("/campaigns/{campaignId}/statements/imports/{jobId}/columns")
class StatementColumnsPages {

    private final StatementImportJobs jobs;
    private final StatementColumnConfirmations confirmations;
    private final CashAccess access;

    StatementColumnsPages(StatementImportJobs jobs, StatementColumnConfirmations confirmations, CashAccess access) {
        this.jobs = jobs;
        this.confirmations = confirmations;
        this.access = access;
    }

    @GetMapping
    String columns(@PathVariable long campaignId, @PathVariable long jobId, Model model) {
        Caller caller = Callers.current();
        StatementImportJob job = jobs.get(campaignId, jobId, caller);
        if (job.columnsToConfirm() == null) {
            return "redirect:/campaigns/" + campaignId + "/statements/imports/" + jobId;
        }
        model.addAttribute("campaign", access.require(campaignId, caller));
        model.addAttribute("job", job);
        model.addAttribute("proposal", job.columnsToConfirm());
        model.addAttribute(
                "fields",
                Stream.concat(
                                Arrays.stream(Column.values())
                                        .filter(c -> c != Column.NUMBER)
                                        .map(Enum::name),
                                Stream.of(StatementMapping.IGNORE))
                        .toList());
        return "donation/cash/statement-columns";
    }

    /** The form sends one {@code column<index>} parameter per column, its field or IGNORE. */
    @PostMapping
    String confirm(
            @PathVariable long campaignId,
            @PathVariable long jobId,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect,
            Locale locale) {
        Map<Integer, String> choices = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.matches("column\\d{1,4}")) {
                choices.put(Integer.parseInt(name.substring(6)), value);
            }
        });
        try {
            confirmations.confirm(campaignId, jobId, choices, Callers.current());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.message(locale));
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("error", e.message(locale));
            return "redirect:/campaigns/" + campaignId + "/statements/imports/" + jobId + "/columns";
        }
        return "redirect:/campaigns/" + campaignId + "/statements/imports/" + jobId;
    }
}
