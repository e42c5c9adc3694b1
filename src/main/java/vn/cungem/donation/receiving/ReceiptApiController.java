package vn.cungem.donation.receiving;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.donation.Receipts;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/** Receipts for integrations. A retried POST with the same Idempotency-Key answers the receipt already written. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}/receipts")
@Tag(name = "Receipts", description = "Biên nhận hiện vật / Goods receipts")
class ReceiptApiController {

    private final Receipts receipts;
    private final SerialChecks serials;

    ReceiptApiController(Receipts receipts, SerialChecks serials) {
        this.receipts = receipts;
        this.serials = serials;
    }

    /** A serial of this receipt that another device already holds; {@code otherTag} null: outside your scope. */
    record SerialFlag(String serial, String otherTag) {}

    @PostMapping
    @Operation(summary = "Record goods received at a collection point, with a pledge code or a walk-in donor")
    ResponseEntity<Receipts.Receipt> create(
            @PathVariable long id,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody Receipts.NewReceipt body) {
        Caller caller = Callers.current();
        String idempotencyKey = key != null ? key : body.idempotencyKey();
        boolean retry = idempotencyKey != null && receipts.byKey(idempotencyKey).isPresent();
        Receipts.NewReceipt command = new Receipts.NewReceipt(
                body.collectionPointId(),
                body.pledgeCode(),
                body.walkIn(),
                body.receivedOn(),
                body.lines(),
                body.note(),
                idempotencyKey);
        Receipts.Receipt r;
        try {
            r = receipts.record(id, command, caller);
        } catch (DuplicateKeyException e) {
            r = receipts.get(id, receipts.byKey(idempotencyKey).orElseThrow(() -> e), caller);
            retry = true;
        }
        return ResponseEntity.status(retry ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/campaigns/" + id + "/receipts/" + r.id()))
                .body(r);
    }

    @GetMapping
    @Operation(summary = "Receipts at the collection points the caller may receive at, newest first")
    Receipts.Page list(
            @PathVariable long id,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page) {
        return receipts.list(id, q, Callers.current(), page);
    }

    @GetMapping("/{receiptId}")
    Receipts.Receipt get(@PathVariable long id, @PathVariable long receiptId) {
        return receipts.get(id, receiptId, Callers.current());
    }

    @GetMapping("/{receiptId}/serial-flags")
    @Operation(summary = "Serials and IMEIs of this receipt already registered for another device in the programme")
    java.util.List<SerialFlag> serialFlags(@PathVariable long id, @PathVariable long receiptId) {
        Caller caller = Callers.current();
        Receipts.Receipt r = receipts.get(id, receiptId, caller);
        return serials.ofReceipt(receipts.tagsOf(r.id()), caller).stream()
                .map(f -> new SerialFlag(f.serial(), f.otherTag()))
                .toList();
    }
}
