package vn.cungem.donation.cash;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.cungem.donation.cash.BankStatements.ImportResult;
import vn.cungem.donation.cash.BankStatements.LineView;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Callers;

/** A campaign's bank statements, ledger and purchases for integrations. Out-of-scope campaigns answer 404. */
@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}")
@Tag(name = "Cash", description = "Sao kê, sổ quỹ, mua sắm / Statements, ledger, purchases")
class CashApiController {

    private final BankStatements statements;
    private final CashLedger ledger;
    private final Purchases purchases;

    CashApiController(BankStatements statements, CashLedger ledger, Purchases purchases) {
        this.statements = statements;
        this.ledger = ledger;
        this.purchases = purchases;
    }

    /** What an import did: lines in the file, added, already known, matched by code, by amount and name, unmatched. */
    record ImportCounts(
            long importId,
            int linesInFile,
            int added,
            int alreadyKnown,
            int matchedByCode,
            int matchedByAmountAndName,
            int bankFeesPosted,
            int unmatched) {

        static ImportCounts of(ImportResult r) {
            return new ImportCounts(
                    r.importId(),
                    r.linesInFile(),
                    r.added(),
                    r.alreadyKnown(),
                    r.matchedByCode(),
                    r.matchedByAmountAndName(),
                    r.bankFeesPosted(),
                    r.unmatched());
        }
    }

    @Operation(summary = "Nhập sao kê (CSV/XLSX) và đối soát / Import a statement (CSV/XLSX) and reconcile it")
    @PostMapping(path = "/statements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ImportCounts importStatement(
            @PathVariable long campaignId, @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidValueException(
                    "statement.no-file",
                    "Hãy gửi tệp sao kê trong trường \"file\".",
                    "Send the statement in \"file\".");
        }
        return ImportCounts.of(
                statements.importStatement(campaignId, file.getOriginalFilename(), file.getBytes(), Callers.current()));
    }

    @Operation(summary = "Các dòng sao kê / Statement lines (status UNMATCHED, MATCHED, IGNORED)")
    @GetMapping("/statements/lines")
    List<LineView> lines(
            @PathVariable long campaignId,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return statements.lines(campaignId, status, null, page, size, Callers.current());
    }

    @Operation(summary = "Sổ quỹ có số dư luỹ kế / The cash ledger with running balance")
    @GetMapping("/ledger")
    CashLedger.Page ledger(
            @PathVariable long campaignId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return ledger.page(campaignId, page, size, Callers.current());
    }

    /** A correction: direction CREDIT or DEBIT, whole VND, reason required. */
    record CorrectionBody(String direction, Long amount, String reason) {}

    record Created(long id) {}

    @Operation(summary = "Điều chỉnh một bút toán / Correct a ledger entry with a new entry")
    @PostMapping("/ledger/{entryId}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    Created correct(@PathVariable long campaignId, @PathVariable long entryId, @RequestBody CorrectionBody body) {
        return new Created(ledger.correct(
                campaignId,
                entryId,
                body.direction(),
                body.amount() == null ? 0 : body.amount(),
                body.reason(),
                Callers.current()));
    }

    /** A purchase; the total is the sum of the lines. Repeat the same idempotencyKey to retry safely. */
    record PurchaseBody(
            String vendorName,
            String vendorTaxCode,
            String documentKind,
            String documentNumber,
            LocalDate documentDate,
            Long collectionPointId,
            List<Purchases.LineForm> lines,
            String idempotencyKey) {}

    @Operation(summary = "Ghi nhận mua sắm từ quỹ / Record a purchase paid from the cash")
    @PostMapping("/purchases")
    @ResponseStatus(HttpStatus.CREATED)
    Purchases.Recorded purchase(@PathVariable long campaignId, @RequestBody PurchaseBody body) {
        return purchases.record(
                campaignId,
                new Purchases.PurchaseForm(
                        body.vendorName(),
                        body.vendorTaxCode(),
                        body.documentKind(),
                        body.documentNumber(),
                        body.documentDate(),
                        body.collectionPointId(),
                        body.lines(),
                        body.idempotencyKey()),
                Callers.current());
    }
}
