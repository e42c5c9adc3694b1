package vn.cungem.inventory.labels;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.shared.security.Callers;

/** The label sheets for integrations: the same PDFs as the pages, errors as problem JSON. */
@RestController
@Tag(name = "Inventory labels", description = "Nhãn QR thiết bị / Device QR labels")
class LabelsApiController {

    private final LabelPdfs pdfs;

    LabelsApiController(LabelPdfs pdfs) {
        this.pdfs = pdfs;
    }

    @GetMapping("/api/v1/campaigns/{id}/receipts/{receiptId}/labels.pdf")
    @Operation(summary = "A4 sheet of 3 x 8 QR labels (70 x 37 mm) for the devices of a receipt")
    ResponseEntity<byte[]> ofReceipt(@PathVariable long id, @PathVariable long receiptId) {
        return pdfs.ofReceipt(id, receiptId, Callers.current()).response();
    }

    @GetMapping("/api/v1/inventory/labels.pdf")
    @Operation(summary = "A4 sheet of 3 x 8 QR labels for the devices with these tags (repeat tag=)")
    ResponseEntity<byte[]> ofTags(@RequestParam(name = "tag", required = false) List<String> tags) {
        return pdfs.ofTags(tags, Callers.current()).response();
    }
}
