package vn.cungem.inventory.labels;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cungem.shared.security.Callers;

/**
 * A sheet of QR labels (PDF) for a receipt's devices, for whoever may see the receipt (the collection staff who
 * received them), or for a selection of tags, each of which the caller's scope must cover. The pages' addresses; the
 * API's are in {@link LabelsApiController}, so errors answer as pages here and as problem JSON there.
 */
@Controller
class LabelsController {

    private final LabelPdfs pdfs;

    LabelsController(LabelPdfs pdfs) {
        this.pdfs = pdfs;
    }

    @GetMapping("/campaigns/{id}/receipts/{receiptId}/labels.pdf")
    ResponseEntity<byte[]> ofReceipt(@PathVariable long id, @PathVariable long receiptId) {
        return pdfs.ofReceipt(id, receiptId, Callers.current()).response();
    }

    @GetMapping("/inventory/labels.pdf")
    ResponseEntity<byte[]> ofTags(@RequestParam(name = "tag", required = false) List<String> tags) {
        return pdfs.ofTags(tags, Callers.current()).response();
    }
}
