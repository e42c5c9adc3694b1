package vn.cungem.donation.cash;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.Money;
import vn.cungem.shared.security.Callers;

/** A campaign's bank statements, ledger and purchases for integrations. Out-of-scope campaigns answer 404. */
@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}")
@Tag(name = "Cash", description = "Sao kê, sổ quỹ, mua sắm / Statements, ledger, purchases")
class CashApiController {

    private final StatementImportJobs jobs;
    private final StatementQueries statements;
    private final CashLedger ledger;
    private final Purchases purchases;

    CashApiController(StatementImportJobs jobs, StatementQueries statements, CashLedger ledger, Purchases purchases) {
        this.jobs = jobs;
        this.statements = statements;
        this.ledger = ledger;
        this.purchases = purchases;
    }

    @Operation(
            summary = "Nhập sao kê (CSV/XLSX) và đối soát / Import a statement (CSV/XLSX) and reconcile it",
            description = "Answers 202 with the import job (Location: its URL). Small files are imported during the"
                    + " request (status DONE or, refused, 400/409); larger ones in the background (status QUEUED,"
                    + " then RUNNING: follow GET until DONE with its result, or FAILED with the problems). Send the"
                    + " same Idempotency-Key again to get the same job back.")
    @PostMapping(path = "/statements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<StatementImportJob> importStatement(
            @PathVariable long campaignId,
            @Parameter(description = "Khóa chống gửi trùng / retry key")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey,
            @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidValueException.of("statement.no-file", "cash.error.statement.no-file");
        }
        StatementImportJob job =
                jobs.upload(campaignId, file.getOriginalFilename(), file.getBytes(), idempotencyKey, Callers.current());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/campaigns/" + campaignId + "/statements/imports/" + job.id()))
                .body(job);
    }

    @Operation(summary = "Một lần nhập sao kê: tiến độ và kết quả / A statement import: progress and outcome")
    @GetMapping("/statements/imports/{jobId}")
    StatementImportJob job(@PathVariable long campaignId, @PathVariable long jobId) {
        return jobs.get(campaignId, jobId, Callers.current());
    }

    @Operation(
            summary = "Các dòng sao kê theo ngày ghi sổ; trang sau / trước theo nextCursor / previousCursor /"
                    + " Statement lines in booking order (status UNMATCHED, MATCHED, IGNORED), continued by cursor")
    @GetMapping("/statements/lines")
    StatementQueries.LinePage lines(
            @PathVariable long campaignId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "100") int size) {
        return statements.lines(campaignId, status, null, cursor, size, Callers.current());
    }

    @Operation(
            summary = "Sổ quỹ có số dư luỹ kế; trang sau / trước theo nextCursor / previousCursor /"
                    + " The cash ledger with running balance, continued by cursor")
    @GetMapping("/ledger")
    CashLedger.Page ledger(
            @PathVariable long campaignId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "100") int size) {
        return ledger.page(campaignId, cursor, size, Callers.current());
    }

    /** A correction: direction CREDIT or DEBIT, whole VND, reason required. */
    record CorrectionBody(String direction, Money amount, String reason) {}

    record Created(long id) {}

    @Operation(summary = "Điều chỉnh một bút toán / Correct a ledger entry with a new entry")
    @PostMapping("/ledger/{entryId}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    Created correct(@PathVariable long campaignId, @PathVariable long entryId, @RequestBody CorrectionBody body) {
        return new Created(
                ledger.correct(campaignId, entryId, body.direction(), body.amount(), body.reason(), Callers.current()));
    }

    @Operation(summary = "Ghi nhận mua sắm từ quỹ / Record a purchase paid from the cash")
    @PostMapping("/purchases")
    @ResponseStatus(HttpStatus.CREATED)
    /** A purchase; the total is the sum of the lines. Repeat the same idempotencyKey to retry safely. */
    Purchases.Recorded purchase(@PathVariable long campaignId, @RequestBody Purchases.PurchaseForm body) {
        return purchases.record(campaignId, body, Callers.current());
    }
}
