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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.ItemType;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.Money;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/** Pages for a campaign's ledger and purchases (the statements have {@link StatementPages}). */
@Controller
@RequestMapping("/campaigns/{campaignId}")
class CashController {

    private final CashLedger ledger;
    private final Purchases purchases;
    private final CashAccess access;
    private final MessageSource messages;

    CashController(CashLedger ledger, Purchases purchases, CashAccess access, MessageSource messages) {
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

    @GetMapping("/ledger")
    String ledger(@PathVariable long campaignId, @RequestParam(required = false) String cursor, Model model) {
        campaign(campaignId, model);
        model.addAttribute("ledger", ledger.page(campaignId, cursor, CashLedger.PAGE_SIZE, Callers.current()));
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

    static Money amountOf(String text) {
        try {
            return StatementParser.amount(text);
        } catch (IllegalArgumentException e) {
            throw InvalidValueException.of("cash.amount", "cash.error.amount", text);
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
                    throw InvalidValueException.of("purchase.item-type", "cash.error.purchase.item-type");
                }
            }
            Integer qty = null;
            if (quantity != null) {
                // a count typed the way amounts are (1.000), read by the same reader
                long q = amountOf(quantity).vnd();
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
