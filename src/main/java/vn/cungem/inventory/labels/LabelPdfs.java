package vn.cungem.inventory.labels;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import vn.cungem.campaign.Campaigns;
import vn.cungem.donation.Receipts;
import vn.cungem.inventory.Inventory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.pdf.HtmlToPdf;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.web.PublicAddress;

/**
 * Sheets of QR labels for a batch of items, as PDF with the DejaVu fonts embedded (Vietnamese type names print on any
 * machine). Each QR holds the item's address, which a phone camera opens and the scan page reads back to the tag.
 */
@Component
class LabelPdfs {

    static final int MAX_LABELS = 24 * 20;

    private final TemplateEngine templates;
    private final Campaigns campaigns;
    private final Inventory inventory;
    private final Receipts receipts;
    private final PublicAddress address;

    LabelPdfs(
            TemplateEngine templates,
            Campaigns campaigns,
            Inventory inventory,
            Receipts receipts,
            PublicAddress address) {
        this.templates = templates;
        this.campaigns = campaigns;
        this.inventory = inventory;
        this.receipts = receipts;
        this.address = address;
    }

    /** A rendered sheet and the name it is downloaded under. */
    record Sheet(byte[] pdf, String fileName) {

        ResponseEntity<byte[]> response() {
            return ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"")
                    .body(pdf);
        }
    }

    /** The receipt's devices, when the caller may see the receipt (404 otherwise). */
    Sheet ofReceipt(long campaignId, long receiptId, Caller caller) {
        Receipts.Receipt r = receipts.get(campaignId, receiptId, caller);
        return new Sheet(render(inventory.itemsOfReceipt(r.id())), "nhan-" + r.code() + ".pdf");
    }

    /** The devices with these tags, each in the caller's scope (404 for the first that is not). */
    Sheet ofTags(List<String> tags, Caller caller) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String t : tags == null ? List.<String>of() : tags) {
            if (t != null && !t.isBlank()) {
                distinct.add(t.strip().toUpperCase(Locale.ROOT));
            }
        }
        if (distinct.size() > MAX_LABELS) {
            throw InvalidValueException.of("labels.many", "labels.error.many", MAX_LABELS);
        }
        return new Sheet(
                render(distinct.stream().map(t -> inventory.byTag(t, caller)).toList()), "nhan-thiet-bi.pdf");
    }

    String urlOf(String tag) {
        return address.link("/inventory/items/" + tag);
    }

    byte[] render(List<Inventory.Item> items) {
        if (items.isEmpty()) {
            throw InvalidValueException.of("labels.none", "labels.error.none");
        }
        if (items.size() > MAX_LABELS) {
            throw InvalidValueException.of("labels.many", "labels.error.many", MAX_LABELS);
        }
        Map<Long, String> campaignNames = new java.util.HashMap<>();
        List<LabelSheet.Label> labels = items.stream()
                .map(i -> new LabelSheet.Label(
                        i.tag(),
                        urlOf(i.tag()),
                        qrDataUri(urlOf(i.tag())),
                        i.type().nameVi(),
                        campaignNames.computeIfAbsent(i.campaignId(), campaigns::nameOf)))
                .toList();
        String html = templates.process(
                "inventory/labels-pdf",
                new Context(
                        Bundles.VIETNAMESE,
                        Map.of("sheet", LabelSheet.of(labels), "title", Bundles.vi("labels.title"))));
        return HtmlToPdf.render(html);
    }

    /** Error correction Q: a label scuffed in a bag still reads. */
    static String qrDataUri(String text) {
        return HtmlToPdf.qrDataUri(text, ErrorCorrectionLevel.Q);
    }
}
