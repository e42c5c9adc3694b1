package vn.cungem.inventory.connectivity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
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
import org.springframework.web.multipart.MultipartFile;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/**
 * SIMs, data packages and Wi-Fi devices for apps and operators' systems. Every POST takes an {@code Idempotency-Key}:
 * a retry answers 200 with what the first request did, writing nothing; the first answers 201. A file with problems
 * answers 422 with every row's problem, and nothing is written.
 */
@RestController
@RequestMapping("/api/v1/inventory/connectivity")
@Tag(name = "SIMs and Wi-Fi devices", description = "SIM, gói cước, bộ phát Wi-Fi / SIMs, data packages, Wi-Fi devices")
class ConnectivityApiController {

    private static final String KEY = "Idempotency-Key";

    private final Connections connections;
    private final StatusChanges statuses;
    private final Pairings pairings;
    private final ConnectivityUploads uploads;

    ConnectivityApiController(
            Connections connections, StatusChanges statuses, Pairings pairings, ConnectivityUploads uploads) {
        this.connections = connections;
        this.statuses = statuses;
        this.pairings = pairings;
        this.uploads = uploads;
    }

    /** Values as people type them: dates as dd/MM/yyyy or ISO, the allowance as "4GB" or a number. */
    record NewBody(
            Long campaignId,
            Long unitId,
            Long placeId,
            Long partnerId,
            String phoneNumber,
            String serial,
            ConnectionKind kind,
            String operator,
            String note,
            String packageName,
            String allowance,
            String status,
            String problemReason,
            String activatedOn,
            String expiresOn) {

        Draft.Typed typed() {
            return new Draft.Typed(
                    kind,
                    operator,
                    phoneNumber,
                    serial,
                    packageName,
                    allowance,
                    activatedOn,
                    expiresOn,
                    status,
                    problemReason,
                    note);
        }
    }

    record StatusBody(ConnectionStatus status, String reason, String activatedOn, String expiresOn, Integer version) {}

    record PairBody(String tag, Integer version) {}

    record UnpairBody(Integer version) {}

    /** A connection with its history and what the caller may do with it. */
    record Sheet(
            Connection connection, boolean lapsed, Connections.Allowed allowed, List<ConnectionStore.Line> history) {}

    @GetMapping
    @Operation(
            summary = "SIMs, packages and Wi-Fi devices the caller may see, newest first, 50 a page",
            description = "Paging by keyset: pass the page's `older` as `after` for the next page, its `newer` as"
                    + " `before` for the one before. `total` is exact up to 10,000 (`totalCapped` past it).")
    Connections.Page list(
            @RequestParam(required = false) Long campaignId,
            @RequestParam(required = false) ConnectionKind kind,
            @RequestParam(required = false) ConnectionStatus status,
            @RequestParam(required = false) Operator operator,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Long before) {
        return connections.list(
                new Connections.Filter(campaignId, kind, status, operator, q), Callers.current(), after, before);
    }

    @PostMapping
    @Operation(summary = "Record a SIM (number and/or ICCID), a data package or a Wi-Fi device (serial or IMEI)")
    ResponseEntity<Sheet> record(@RequestHeader(name = KEY, required = false) String key, @RequestBody NewBody b) {
        Caller caller = Callers.current();
        Connections.Recorded r = connections.record(
                new Connections.Where(b.campaignId(), b.unitId(), b.placeId(), b.partnerId()), b.typed(), key, caller);
        return ResponseEntity.status(r.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create(
                        "/api/v1/inventory/connectivity/" + r.connection().id()))
                .body(sheet(r.connection(), caller));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One SIM, package or Wi-Fi device with its pairing and history")
    Sheet get(@PathVariable long id) {
        Caller caller = Callers.current();
        return sheet(connections.get(id, caller), caller);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Operators and managers: activated / problem with a reason / expired, with dates if known")
    ResponseEntity<Sheet> status(
            @PathVariable long id, @RequestHeader(name = KEY, required = false) String key, @RequestBody StatusBody b) {
        Caller caller = Callers.current();
        var change = new StatusChanges.Change(
                b.status(),
                b.reason(),
                ConnectionValues.date(b.activatedOn()).orElse(null),
                ConnectionValues.date(b.expiresOn()).orElse(null));
        return answer(statuses.change(id, change, b.version(), key, caller), caller);
    }

    @PostMapping("/{id}/pairing")
    @Operation(summary = "Pair with a device by its tag (one device at a time; a device takes one of each kind)")
    ResponseEntity<Sheet> pair(
            @PathVariable long id, @RequestHeader(name = KEY, required = false) String key, @RequestBody PairBody b) {
        Caller caller = Callers.current();
        return answer(pairings.pair(id, b.tag(), b.version(), key, caller), caller);
    }

    @PostMapping("/{id}/unpairing")
    @Operation(summary = "End the pairing with its device")
    ResponseEntity<Sheet> unpair(
            @PathVariable long id,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestBody(required = false) UnpairBody b) {
        Caller caller = Callers.current();
        return answer(pairings.unpair(id, b == null ? null : b.version(), key, caller), caller);
    }

    @PostMapping(path = "/uploads", consumes = "multipart/form-data")
    @Operation(summary = "Record a file of SIMs, packages or Wi-Fi devices (CSV or XLSX): all rows or none")
    ResponseEntity<ConnectivityUploads.Result> upload(
            @RequestHeader(name = KEY, required = false) String key,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) Long campaignId,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) Long placeId,
            @RequestParam(required = false) Long partnerId,
            @RequestParam(required = false) ConnectionKind kind,
            @RequestParam(required = false) Operator operator) {
        var result = uploads.record(
                new Connections.Where(campaignId, unitId, placeId, partnerId),
                new ConnectivityUploads.Defaults(kind == null ? ConnectionKind.SIM : kind, operator),
                bytes(file),
                key,
                Callers.current());
        return result(result);
    }

    @PostMapping(path = "/status-uploads", consumes = "multipart/form-data")
    @Operation(summary = "Operators: statuses of their SIMs from a file (number or ICCID, status, reason, dates)")
    ResponseEntity<ConnectivityUploads.Result> statusUpload(
            @RequestHeader(name = KEY, required = false) String key,
            @RequestParam(required = false) MultipartFile file) {
        return result(uploads.statuses(bytes(file), key, Callers.current()));
    }

    @PostMapping(path = "/status-uploads", consumes = "text/csv")
    @Operation(summary = "Operators: the same file sent as the request body (text/csv)")
    ResponseEntity<ConnectivityUploads.Result> statusCsv(
            @RequestHeader(name = KEY, required = false) String key, @RequestBody(required = false) byte[] body) {
        return result(uploads.statuses(body == null ? new byte[0] : body, key, Callers.current()));
    }

    private ResponseEntity<Sheet> answer(Connections.Recorded r, Caller caller) {
        return ResponseEntity.status(r.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(sheet(r.connection(), caller));
    }

    private Sheet sheet(Connection c, Caller caller) {
        return new Sheet(
                c,
                c.lapsed(java.time.LocalDate.now()),
                connections.allowed(c, caller),
                connections.history(c.id(), caller));
    }

    private static ResponseEntity<ConnectivityUploads.Result> result(ConnectivityUploads.Result r) {
        HttpStatus status =
                !r.accepted() ? HttpStatus.UNPROCESSABLE_CONTENT : r.repeated() ? HttpStatus.OK : HttpStatus.CREATED;
        return ResponseEntity.status(status).body(r);
    }

    static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw InvalidValueException.of("connectivity.file.missing", "connectivity.error.file-missing");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw InvalidValueException.of("connectivity.file.missing", "connectivity.error.file-missing");
        }
    }
}
