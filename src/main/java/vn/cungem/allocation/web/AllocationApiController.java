package vn.cungem.allocation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
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
import vn.cungem.allocation.AllocationPlans;
import vn.cungem.allocation.engine.Quota;
import vn.cungem.allocation.engine.Rules;
import vn.cungem.allocation.plans.PlanChanges;
import vn.cungem.allocation.plans.PlanComparisons;
import vn.cungem.allocation.plans.PlanKind;
import vn.cungem.allocation.plans.PlanQueries;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/**
 * Allocation plans for apps: run quotas and matching (a what-if or a proposal), read a plan per unit and school with
 * each decision's explanation, compare two, change one assignment with a reason, approve. Every POST takes an
 * {@code Idempotency-Key}: a retried run answers the plan the first made, a retried approval the first outcome, and
 * nothing is written twice. Scoped by unit: a manager sees and plans only their units.
 */
@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}/allocation")
@Tag(name = "Allocation", description = "Phân bổ thiết bị cho học sinh / allocating devices to students")
class AllocationApiController {

    private static final String KEY = "Idempotency-Key";

    private final AllocationPlans plans;
    private final PlanQueries queries;
    private final PlanComparisons comparisons;

    AllocationApiController(AllocationPlans plans, PlanQueries queries, PlanComparisons comparisons) {
        this.plans = plans;
        this.queries = queries;
        this.comparisons = comparisons;
    }

    /** Rules of a run; absent values take the campaign's defaults (siblings share, connectivity with the device). */
    record RunBody(PlanKind kind, Boolean siblingsShareDevice, Boolean connectivityWithDevice) {
        Rules rules() {
            return new Rules(
                    siblingsShareDevice == null || siblingsShareDevice,
                    connectivityWithDevice == null || connectivityWithDevice);
        }
    }

    record ChangeBody(String itemTag, Long studentId, String reason) {}

    record PlanSheet(
            PlanQueries.Summary plan, List<PlanQueries.QuotaRow> quotas, List<PlanQueries.SchoolRow> schools) {}

    @GetMapping("/plans")
    @Operation(summary = "The campaign's latest plans the caller may read, newest first")
    List<PlanQueries.Summary> list(@PathVariable long campaignId) {
        return queries.plans(campaignId, Callers.current());
    }

    @PostMapping("/plans")
    @Operation(
            summary = "Run quotas and matching on the approved students and ready items in the caller's units;"
                    + " the plan is stored as a what-if or as a draft proposal")
    ResponseEntity<AllocationPlans.Run> run(
            @PathVariable long campaignId,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestBody(required = false) RunBody body) {
        RunBody b = body == null ? new RunBody(null, null, null) : body;
        AllocationPlans.Run run = plans.run(
                campaignId, b.kind() == null ? PlanKind.WHAT_IF : b.kind(), b.rules(), key, Callers.current());
        return ResponseEntity.status(run.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/campaigns/" + campaignId + "/allocation/plans/" + run.planId()))
                .body(run);
    }

    @PostMapping("/quotas")
    @Operation(summary = "Stage 1 alone: how the ready items would be split among districts now (writes nothing)")
    List<Quota> quotas(@PathVariable long campaignId, @RequestBody(required = false) RunBody body) {
        RunBody b = body == null ? new RunBody(null, null, null) : body;
        return plans.quotas(campaignId, b.rules(), Callers.current());
    }

    @GetMapping("/plans/{planId}")
    @Operation(summary = "A plan: its counts, quotas per district and students served or left out per school")
    PlanSheet get(@PathVariable long campaignId, @PathVariable long planId) {
        Caller caller = Callers.current();
        return new PlanSheet(
                queries.summary(campaignId, planId, caller),
                queries.quotas(campaignId, planId, caller),
                queries.schools(campaignId, planId, caller));
    }

    @GetMapping("/plans/{planId}/lines")
    @Operation(
            summary = "A plan's decisions, 50 a page, each with its explanation in the request's language;"
                    + " show=EXCEPTIONS lists the students without a device")
    PlanQueries.LinePage lines(
            @PathVariable long campaignId,
            @PathVariable long planId,
            @RequestParam(required = false) Long school,
            @RequestParam(defaultValue = "ALL") PlanQueries.Show show,
            @RequestParam(defaultValue = "0") int page,
            Locale locale) {
        return queries.lines(campaignId, planId, school, show, page, locale, Callers.current());
    }

    @PostMapping("/plans/{planId}/changes")
    @Operation(summary = "Give one item of a draft proposal to one student, with a reason (required, audited)")
    ResponseEntity<PlanChanges.Changed> change(
            @PathVariable long campaignId, @PathVariable long planId, @RequestBody ChangeBody body) {
        PlanChanges.Changed changed = plans.change(
                campaignId,
                planId,
                body.itemTag(),
                body.studentId() == null ? 0 : body.studentId(),
                body.reason(),
                Callers.current());
        return ResponseEntity.status(HttpStatus.CREATED).body(changed);
    }

    @PostMapping("/plans/{planId}/approval")
    @Operation(
            summary = "Approve a draft proposal: every item is reserved for its student in the same transaction,"
                    + " or nothing changes (409 naming the items no longer ready)")
    ResponseEntity<AllocationPlans.Approval> approve(
            @PathVariable long campaignId,
            @PathVariable long planId,
            @RequestHeader(name = KEY, required = false) String key) {
        AllocationPlans.Approval approval = plans.approve(campaignId, planId, key, Callers.current());
        return ResponseEntity.status(approval.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(approval);
    }

    /** The reason a manager gives for withdrawing an approved plan. */
    record WithdrawalBody(String reason) {}

    @PostMapping("/plans/{planId}/withdrawal")
    @Operation(
            summary = "Withdraw an approved plan with a reason (required): every device it reserved goes back to"
                    + " ready in one transaction; 409 while one of them has been handed over; a repeat answers 200")
    ResponseEntity<AllocationPlans.Withdrawal> withdraw(
            @PathVariable long campaignId, @PathVariable long planId, @RequestBody WithdrawalBody body) {
        AllocationPlans.Withdrawal w =
                plans.withdraw(campaignId, planId, body == null ? null : body.reason(), Callers.current());
        return ResponseEntity.status(w.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(w);
    }

    @GetMapping("/compare")
    @Operation(summary = "Who gains, loses or changes device between two plans of the campaign")
    PlanComparisons.Comparison compare(
            @PathVariable long campaignId, @RequestParam long first, @RequestParam long second) {
        return comparisons.between(campaignId, first, second, Callers.current());
    }
}
