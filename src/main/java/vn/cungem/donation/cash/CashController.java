package vn.cungem.donation.cash;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.cash.BankStatements.DebitReason;
import vn.cungem.donation.cash.BankStatements.ImportResult;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/** Pages for a campaign's money: statements and their queue, the ledger, purchases. */
@Controller
@RequestMapping("/campaigns/{campaignId}")
class CashController {

    private final BankStatements statements;
    private final CashLedger ledger;
    private final Purchases purchases;
    private final CashAccess access;
    private final MessageSource messages;

    CashController(
            BankStatements statements,
            CashLedger ledger,
            Purchases purchases,
            CashAccess access,
            MessageSource messages) {
        this.statements = statements;
        this.ledger = ledger;
        this.purchases = purchases;
        this.access = access;
        this.messages = messages;
    }

    private Campaign campaign(long id, Model model) {
        Campaign campaign = access.require(id, Callers.current());
        model.addAttribute("campaign", campaign);
        return campaign;
    }

    @GetMapping("/statements")
    String statements(@PathVariable long campaignId, Model model) {
        Caller caller = Callers.current();
        campaign(campaignId, model);
        model.addAttribute("imports", statements.imports(campaignId, caller));
        model.addAttribute("counts", statements.counts(campaignId, caller));
        return "donation/cash/statements";
    }

    @PostMapping("/statements")
    String upload(
            @PathVariable long campaignId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Locale locale,
            RedirectAttributes redirect)
            throws IOException {
        Caller caller = Callers.current();
        access.require(campaignId, caller);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("error", message("cash.statements.no-file", locale));
            return "redirect:/campaigns/" + campaignId + "/statements";
        }
        try {
            ImportResult result =
                    statements.importStatement(campaignId, file.getOriginalFilename(), file.getBytes(), caller);
            redirect.addFlashAttribute("result", result);
            redirect.addFlashAttribute(
                    "flash",
                    message(
                            "cash.statements.imported",
                            locale,
                            result.linesInFile(),
                            result.added(),
                            result.alreadyKnown(),
                            result.matchedByCode() + result.matchedByAmountAndName(),
                            result.unmatched()));
        } catch (StatementRejectedException e) {
            redirect.addFlashAttribute("error", e.message(locale));
            redirect.addFlashAttribute("problems", e.problems());
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("error", e.message(locale));
        }
        return "redirect:/campaigns/" + campaignId + "/statements";
    }

    @GetMapping("/statements/unmatched")
    String unmatched(
            @PathVariable long campaignId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String q,
            Model model) {
        Caller caller = Callers.current();
        campaign(campaignId, model);
        int size = BankStatements.PAGE_SIZE;
        var credits = statements.lines(campaignId, "UNMATCHED", "CREDIT", page, size + 1, caller);
        var debits = statements.lines(campaignId, "UNMATCHED", "DEBIT", 0, 200, caller);
        model.addAttribute("credits", credits.size() > size ? credits.subList(0, size) : credits);
        model.addAttribute("hasNext", credits.size() > size);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("debits", debits);
        model.addAttribute("q", q);
        model.addAttribute("pledges", q == null ? List.of() : statements.searchPledges(campaignId, q, caller));
        model.addAttribute("debitReasons", DebitReason.values());
        return "donation/cash/unmatched";
    }

    @PostMapping("/statements/lines/{lineId}/match")
    String match(
            @PathVariable long campaignId,
            @PathVariable long lineId,
            @RequestParam(required = false) String pledgeCode,
            Locale locale,
            RedirectAttributes redirect) {
        return act(
                campaignId,
                locale,
                redirect,
                "cash.line.matched",
                () -> statements.matchToPledge(campaignId, lineId, pledgeCode, Callers.current()));
    }

    @PostMapping("/statements/lines/{lineId}/unpledged")
    String unpledged(
            @PathVariable long campaignId, @PathVariable long lineId, Locale locale, RedirectAttributes redirect) {
        return act(
                campaignId,
                locale,
                redirect,
                "cash.line.unpledged",
                () -> statements.recordUnpledged(campaignId, lineId, Callers.current()));
    }

    @PostMapping("/statements/lines/{lineId}/ignore")
    String ignore(
            @PathVariable long campaignId,
            @PathVariable long lineId,
            @RequestParam(required = false) String reason,
            Locale locale,
            RedirectAttributes redirect) {
        return act(
                campaignId,
                locale,
                redirect,
                "cash.line.ignored",
                () -> statements.ignore(campaignId, lineId, reason, Callers.current()));
    }

    @PostMapping("/statements/lines/{lineId}/post")
    String post(
            @PathVariable long campaignId,
            @PathVariable long lineId,
            @RequestParam(required = false) DebitReason reason,
            Locale locale,
            RedirectAttributes redirect) {
        return act(
                campaignId,
                locale,
                redirect,
                "cash.line.posted",
                () -> statements.postDebit(campaignId, lineId, reason, Callers.current()));
    }

    private String act(long campaignId, Locale locale, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", message(done, locale));
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("error", e.message(locale));
        }
        return "redirect:/campaigns/" + campaignId + "/statements/unmatched";
    }

    @GetMapping("/ledger")
    String ledger(@PathVariable long campaignId, @RequestParam(defaultValue = "0") int page, Model model) {
        campaign(campaignId, model);
        model.addAttribute("ledger", ledger.page(campaignId, page, CashLedger.PAGE_SIZE, Callers.current()));
        return "donation/cash/ledger";
    }

    @GetMapping("/ledger.csv")
    void ledgerCsv(@PathVariable long campaignId, HttpServletResponse response) throws IOException {
        Caller caller = Callers.current();
        access.require(campaignId, caller);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"so-quy-" + campaignId + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        ledger.exportCsv(campaignId, out, caller);
        out.flush();
    }

    @PostMapping("/ledger/{entryId}/corrections")
    String correct(
            @PathVariable long campaignId,
            @PathVariable long entryId,
            @RequestParam(required = false) String direction,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String reason,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            ledger.correct(campaignId, entryId, direction, amountOf(amount), reason, Callers.current());
            redirect.addFlashAttribute("flash", message("cash.ledger.corrected", locale));
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("error", e.message(locale));
        }
        return "redirect:/campaigns/" + campaignId + "/ledger";
    }

    static long amountOf(String text) {
        try {
            return StatementParser.amount(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(
                    "cash.amount",
                    "Số tiền \"" + text + "\" không đọc được (ví dụ 1.250.000).",
                    "The amount \"" + text + "\" cannot be read (e.g. 1,250,000).");
        }
    }

    @GetMapping("/purchases")
    String purchases(@PathVariable long campaignId, @RequestParam(defaultValue = "0") int page, Model model) {
        campaign(campaignId, model);
        model.addAttribute("purchases", purchases.list(campaignId, page, Callers.current()));
        model.addAttribute("points", purchases.collectionPoints(campaignId));
        model.addAttribute("itemTypes", ItemType.values());
        model.addAttribute("balance", ledger.balance(campaignId));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("lineSlots", List.of(0, 1, 2, 3, 4));
        return "donation/cash/purchases";
    }

    @PostMapping("/purchases")
    String recordPurchase(
            @PathVariable long campaignId,
            @RequestParam(required = false) String vendorName,
            @RequestParam(required = false) String vendorTaxCode,
            @RequestParam(required = false) String documentKind,
            @RequestParam(required = false) String documentNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate documentDate,
            @RequestParam(required = false) Long collectionPointId,
            @RequestParam(name = "itemType", required = false) String[] itemTypes,
            @RequestParam(name = "description", required = false) String[] descriptions,
            @RequestParam(name = "quantity", required = false) String[] quantities,
            @RequestParam(name = "unitPrice", required = false) String[] unitPrices,
            @RequestParam(required = false) String idempotencyKey,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            List<Purchases.LineForm> lines =
                    lines(list(itemTypes), list(descriptions), list(quantities), list(unitPrices));
            var recorded = purchases.record(
                    campaignId,
                    new Purchases.PurchaseForm(
                            vendorName,
                            vendorTaxCode,
                            documentKind,
                            documentNumber,
                            documentDate,
                            collectionPointId,
                            lines,
                            idempotencyKey),
                    Callers.current());
            redirect.addFlashAttribute("flash", message("cash.purchase.recorded", locale, recorded.id()));
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("error", e.message(locale));
        }
        return "redirect:/campaigns/" + campaignId + "/purchases";
    }

    static List<Purchases.LineForm> lines(
            List<String> types, List<String> descriptions, List<String> quantities, List<String> prices) {
        int n = Math.max(Math.max(size(types), size(descriptions)), Math.max(size(quantities), size(prices)));
        List<Purchases.LineForm> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String type = at(types, i);
            String quantity = at(quantities, i);
            String price = at(prices, i);
            ItemType itemType = null;
            if (type != null) {
                try {
                    itemType = ItemType.valueOf(type);
                } catch (IllegalArgumentException e) {
                    throw new InvalidValueException(
                            "purchase.item-type", "Loại hàng không đúng.", "Unknown item type.");
                }
            }
            Integer qty = null;
            if (quantity != null) {
                long q = amountOf(quantity);
                qty = (int) Math.min(q, Integer.MAX_VALUE);
            }
            lines.add(
                    new Purchases.LineForm(itemType, at(descriptions, i), qty, price == null ? null : amountOf(price)));
        }
        return lines;
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : java.util.Arrays.asList(values);
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static String at(List<String> list, int i) {
        if (list == null
                || i >= list.size()
                || list.get(i) == null
                || list.get(i).isBlank()) {
            return null;
        }
        return list.get(i).trim();
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
