package vn.cungem.followup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import vn.cungem.followup.CaseStatus;
import vn.cungem.followup.CheckAnswer;
import vn.cungem.followup.CheckSchedule;
import vn.cungem.followup.Learning;
import vn.cungem.followup.ReturnReason;
import vn.cungem.followup.work.CheckSchedules;
import vn.cungem.followup.work.CheckView;
import vn.cungem.followup.work.Checks;
import vn.cungem.followup.work.Coverage;
import vn.cungem.followup.work.Returns;
import vn.cungem.followup.work.SupportCases;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Callers;

/**
 * Follow-up for apps: the checks of the caller's schools, recording one, support cases and their moves, returns,
 * coverage and the campaign's check dates. Writes take an {@code Idempotency-Key}: a retry answers the first outcome.
 */
@RestController
@RequestMapping("/api/v1/followup")
@Tag(name = "Follow-up", description = "Theo dõi sau bàn giao, sự cố, trả máy / Follow-up, support cases, returns")
class FollowUpApiController {

    record CheckBody(
            Learning learning,
            Boolean deviceBroken,
            Boolean simExpired,
            Boolean noSignal,
            Boolean otherProblem,
            String note) {}

    record ResolveBody(String note) {}

    record ReturnBody(ReturnReason reason, String note) {}

    record ScheduleBody(List<Integer> afterDays) {}

    private final Checks checks;
    private final SupportCases cases;
    private final Returns returns;
    private final Coverage coverage;
    private final CheckSchedules schedules;

    FollowUpApiController(
            Checks checks, SupportCases cases, Returns returns, Coverage coverage, CheckSchedules schedules) {
        this.checks = checks;
        this.cases = cases;
        this.returns = returns;
        this.coverage = coverage;
        this.schedules = schedules;
    }

    @GetMapping("/checks")
    @Operation(summary = "Checks of the caller's schools: DUE (date come, overdue first), UPCOMING or DONE")
    List<CheckView> checks(
            @RequestParam(name = "show", required = false) Checks.Show show,
            @RequestParam(name = "campaign", required = false) Long campaign) {
        return checks.list(show, campaign, Callers.current());
    }

    @GetMapping("/checks/{id}")
    @Operation(summary = "One check")
    CheckView check(@PathVariable long id) {
        return checks.get(id, Callers.current());
    }

    @PostMapping("/checks/{id}")
    @Operation(
            summary = "Record a check: learning online YES / PARTLY / NO and problems; a problem opens a support case. "
                    + "A retry with the same Idempotency-Key answers the first outcome")
    ResponseEntity<Checks.Recorded> record(
            @PathVariable long id,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody(required = false) CheckBody body) {
        CheckBody b = body == null ? new CheckBody(null, null, null, null, null, null) : body;
        Checks.Recorded recorded = checks.record(
                id,
                new CheckAnswer(
                        b.learning(),
                        Boolean.TRUE.equals(b.deviceBroken()),
                        Boolean.TRUE.equals(b.simExpired()),
                        Boolean.TRUE.equals(b.noSignal()),
                        Boolean.TRUE.equals(b.otherProblem()),
                        b.note()),
                key,
                Callers.current());
        return ResponseEntity.status(recorded.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(recorded);
    }

    @GetMapping("/devices/{followUpId}/checks")
    @Operation(summary = "Every check of one handed-over device")
    List<CheckView> ofDevice(@PathVariable long followUpId) {
        return checks.ofFollowUp(followUpId, Callers.current());
    }

    @PostMapping("/devices/{followUpId}/return")
    @Operation(
            summary = "The device comes back (MOVED, LEFT_SCHOOL, NOT_NEEDED, OTHER with a note): inventory takes it "
                    + "back and it must be inspected and wiped before it is ready again; idempotent by key")
    Returns.ReturnView giveBack(
            @PathVariable long followUpId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody(required = false) ReturnBody body) {
        ReturnBody b = body == null ? new ReturnBody(null, null) : body;
        return returns.record(followUpId, b.reason(), b.note(), key, Callers.current());
    }

    @GetMapping("/cases")
    @Operation(summary = "Support cases the caller may see (a volunteer: their team's area), open ones first")
    List<SupportCases.CaseView> cases(@RequestParam(name = "status", required = false) CaseStatus status) {
        return cases.list(status, Callers.current());
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "One support case")
    SupportCases.CaseView supportCase(@PathVariable long id) {
        return cases.get(id, Callers.current());
    }

    @PostMapping("/cases/{id}/start")
    @Operation(summary = "Take the case (open → in progress); taking it again answers it unchanged")
    SupportCases.CaseView start(@PathVariable long id) {
        return cases.start(id, Callers.current());
    }

    @PostMapping("/cases/{id}/resolve")
    @Operation(summary = "Resolve the case with a note (in progress → resolved); again answers it unchanged")
    SupportCases.CaseView resolve(@PathVariable long id, @RequestBody(required = false) ResolveBody body) {
        return cases.resolve(id, body == null ? null : body.note(), Callers.current());
    }

    @GetMapping("/coverage")
    @Operation(summary = "Follow-up coverage per unit in the manager's scope: due, done, overdue, learning, open cases")
    Coverage.Report coverage(@RequestParam(name = "campaign", required = false) Long campaign) {
        return coverage.of(campaign, Callers.current());
    }

    @GetMapping("/campaigns/{id}/schedule")
    @Operation(summary = "After how many days from handover the schools of a campaign check (default 14 and 60)")
    CheckSchedule schedule(@PathVariable long id) {
        return schedules.get(id, Callers.current());
    }

    @PutMapping("/campaigns/{id}/schedule")
    @Operation(summary = "Set the check days (1–730, at most 6); applies to devices handed over from now on")
    CheckSchedule setSchedule(@PathVariable long id, @RequestBody(required = false) ScheduleBody body) {
        if (body == null || body.afterDays() == null) {
            throw InvalidValueException.of("followup.schedule-empty", "followup.schedule.error.empty");
        }
        return schedules.set(id, new CheckSchedule(body.afterDays()), Callers.current());
    }
}
