package vn.cungem.inventory.labels;

import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cungem.donation.Receipts;
import vn.cungem.inventory.Inventory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/**
 * A sheet of QR labels (PDF) for a receipt's devices, for whoever may see the receipt (the collection staff who
 * received them), or for a selection of tags, each of which the caller's scope must cover.
 */
@Controller
class LabelsController {

    private final LabelPdfs pdfs;
    private final Inventory inventory;
    private final Receipts receipts;

    LabelsController(LabelPdfs pdfs, Inventory inventory, Receipts receipts) {
        this.pdfs = pdfs;
        this.inventory = inventory;
        this.receipts = receipts;
    }

    @GetMapping("/campaigns/{id}/receipts/{receiptId}/labels.pdf")
    ResponseEntity<byte[]> ofReceipt(@PathVariable long id, @PathVariable long receiptId) {
        Receipts.Receipt r = receipts.get(id, receiptId, Callers.current());
        return pdf(pdfs.render(inventory.itemsOfReceipt(r.id())), "nhan-" + r.code() + ".pdf");
    }

    @GetMapping({"/inventory/labels.pdf", "/api/v1/inventory/labels.pdf"})
    ResponseEntity<byte[]> ofTags(@RequestParam(name = "tag", required = false) List<String> tags) {
        Caller caller = Callers.current();
        LinkedHashSet<String> distinct = new LinkedHashSet<>(tags == null ? List.of() : tags);
        distinct.removeIf(t -> t == null || t.isBlank());
        if (distinct.size() > LabelPdfs.MAX_LABELS) {
            throw InvalidValueException.of("labels.many", "labels.error.many", LabelPdfs.MAX_LABELS);
        }
        List<Inventory.Item> items = distinct.stream()
                .map(t -> inventory.byTag(t.strip().toUpperCase(java.util.Locale.ROOT), caller))
                .toList();
        return pdf(pdfs.render(items), "nhan-thiet-bi.pdf");
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"")
                .body(body);
    }
}
