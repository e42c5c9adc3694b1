package vn.cungem.donation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.donation.BankAccount;
import vn.cungem.donation.BankAccountForm;
import vn.cungem.donation.BankAccounts;
import vn.cungem.donation.CollectionPoint;
import vn.cungem.donation.CollectionPointForm;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.PledgePage;
import vn.cungem.donation.PledgeRequest;
import vn.cungem.donation.PledgeSaved;
import vn.cungem.donation.PledgeStatus;
import vn.cungem.donation.Pledges;
import vn.cungem.donation.PointProgress;
import vn.cungem.donation.PublicPledge;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.ratelimit.RateLimits;
import vn.cungem.shared.security.Callers;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Donations", description = "Đăng ký ủng hộ, điểm tiếp nhận / Pledges and collection points")
class DonationApiController {

    private final Pledges pledges;
    private final CollectionPoints points;
    private final BankAccounts bankAccounts;
    private final RateLimits rateLimits;

    DonationApiController(Pledges pledges, CollectionPoints points, BankAccounts bankAccounts, RateLimits rateLimits) {
        this.pledges = pledges;
        this.points = points;
        this.bankAccounts = bankAccounts;
        this.rateLimits = rateLimits;
    }

    @PostMapping("/public/pledges")
    @Operation(
            summary = "Pledge goods, money or both to an active campaign, without an account",
            description = "Send an Idempotency-Key header (or idempotencyKey in the body): a retry returns the same"
                    + " pledge with 200 instead of 201.")
    ResponseEntity<PublicPledge> pledge(
            @RequestBody PledgeRequest body,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest http) {
        PublicPledgeLimits.check(rateLimits, body, http);
        PledgeRequest request = idempotencyKey == null || idempotencyKey.isBlank()
                ? body
                : new PledgeRequest(
                        body.campaignId(),
                        body.lines(),
                        body.cashAmountVnd(),
                        body.collectionPointId(),
                        body.expectedOn(),
                        body.donor(),
                        body.wantsCertificate(),
                        body.note(),
                        idempotencyKey);
        PledgeSaved saved = pledges.submit(request);
        PublicPledge view = pledges.publicView(saved.code().value()).orElseThrow();
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/public/pledges/" + saved.code().value()))
                .body(view);
    }

    @GetMapping("/public/pledges/{code}")
    @Operation(summary = "A pledge as anyone holding its code may see it (no contact details)")
    PublicPledge publicPledge(@PathVariable String code, HttpServletRequest http) {
        rateLimits.checkClient(RateLimits.LOOKUP_PER_CLIENT, http);
        return pledges.publicView(code).orElseThrow(() -> new NotFoundException(Pledges.ENTITY, code));
    }

    @GetMapping("/campaigns/{id}/pledges")
    @Operation(
            summary =
                    "A campaign's pledges in the caller's scope, newest first, 25 a page; search by folded name, code,"
                            + " phone; continue with the page's nextCursor or previousCursor")
    PledgePage list(
            @PathVariable long id,
            @RequestParam(required = false) PledgeStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor) {
        return pledges.search(id, status, q, Callers.current(), cursor);
    }

    @GetMapping("/campaigns/{id}/points")
    @Operation(summary = "Collection points in the caller's scope with pledged and received counts (50 a page)")
    List<PointProgress> points(@PathVariable long id, @RequestParam(defaultValue = "0") int page) {
        List<PointProgress> rows = points.list(id, Callers.current(), page);
        return rows.size() > CollectionPoints.PAGE_SIZE ? rows.subList(0, CollectionPoints.PAGE_SIZE) : rows;
    }

    @PostMapping("/campaigns/{id}/points")
    @Operation(summary = "Add a collection point in a unit the caller covers")
    ResponseEntity<CollectionPoint> createPoint(@PathVariable long id, @RequestBody CollectionPointForm body) {
        CollectionPoint saved = points.create(id, body, Callers.current());
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/points/" + saved.id()))
                .body(saved);
    }

    @PutMapping("/campaigns/{id}/points/{pointId}")
    @Operation(summary = "Change a collection point; send the version you read to refuse lost updates (409)")
    CollectionPoint updatePoint(
            @PathVariable long id, @PathVariable long pointId, @RequestBody CollectionPointForm body) {
        return points.update(id, pointId, body, Callers.current());
    }

    @GetMapping("/campaigns/{id}/bank-account")
    @Operation(summary = "The campaign's donation bank account")
    BankAccount bankAccount(@PathVariable long id) {
        if (!pledges.canSeeCampaign(id, Callers.current())) {
            throw new NotFoundException("campaign", id);
        }
        return bankAccounts.of(id).orElseThrow(() -> new NotFoundException(BankAccounts.ENTITY, id));
    }

    @PutMapping("/campaigns/{id}/bank-account")
    @Operation(summary = "Set the campaign's donation bank account (managers who may edit the campaign)")
    BankAccount saveBankAccount(@PathVariable long id, @RequestBody BankAccountForm body) {
        return bankAccounts.save(id, body, Callers.current());
    }
}
