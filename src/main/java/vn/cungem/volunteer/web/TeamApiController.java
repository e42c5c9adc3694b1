package vn.cungem.volunteer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.identity.VolunteerTeams;
import vn.cungem.inventory.WorkQueue;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.volunteer.work.Hours;
import vn.cungem.volunteer.work.VolunteerRecord;

/** The same as the team pages, for apps: teams, members by invitation, the queue, hours, a volunteer's record. */
@RestController
@RequestMapping("/api/v1/volunteer/teams")
@Tag(name = "Volunteer teams", description = "Đội tình nguyện, hàng việc, giờ làm / Volunteer teams and their work")
class TeamApiController {

    record NewTeamBody(String name, String unitCode) {}

    record InviteBody(String email, String fullName) {}

    record RenameBody(String name, String reason) {}

    record RemovalBody(String reason) {}

    record HoursBody(Long campaignId, LocalDate workedOn, String hours, String note) {}

    record TeamView(VolunteerTeams.Team team, List<VolunteerTeams.Member> members, Map<WorkQueue.Job, Long> waiting) {}

    private final VolunteerTeams teams;
    private final WorkQueue queue;
    private final Hours hours;
    private final VolunteerRecord records;
    private final UnitDirectory units;

    TeamApiController(
            VolunteerTeams teams, WorkQueue queue, Hours hours, VolunteerRecord records, UnitDirectory units) {
        this.teams = teams;
        this.queue = queue;
        this.hours = hours;
        this.records = records;
        this.units = units;
    }

    @GetMapping
    @Operation(summary = "The teams the caller may see")
    List<VolunteerTeams.Team> list() {
        return teams.visible(Callers.current());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a team under a unit (by official code); the same name in the unit returns that team")
    VolunteerTeams.Team create(@RequestBody(required = false) NewTeamBody body) {
        if (body == null || body.unitCode() == null || body.unitCode().isBlank()) {
            throw InvalidValueException.of("team.unit", "volunteer.team.error.unit");
        }
        long unitId = units.findByCode(body.unitCode().trim())
                .map(u -> u.id())
                .orElseThrow(() ->
                        InvalidValueException.of("team.unit-code", "volunteer.team.error.unit-code", body.unitCode()));
        return teams.create(Callers.current(), body.name(), unitId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A team, its members and how many devices wait for each job")
    TeamView get(@PathVariable long id) {
        Caller caller = Callers.current();
        VolunteerTeams.Team team = teams.get(id, caller);
        return new TeamView(team, teams.members(id, caller), queue.counts(id, team.unitId(), caller));
    }

    @GetMapping("/{id}/queue")
    @Operation(
            summary = "Devices waiting for the team, those at its workshop first, then the longest waiting",
            description = "50 at a time; for the next ones pass the last device's `cursor` as `after`.")
    List<WorkQueue.Waiting> queue(
            @PathVariable long id,
            @RequestParam(name = "job", required = false) List<WorkQueue.Job> jobs,
            @RequestParam(name = "after", required = false) String after) {
        Caller caller = Callers.current();
        VolunteerTeams.Team team = teams.get(id, caller);
        return queue.queue(id, team.unitId(), jobs, caller, after);
    }

    @PostMapping("/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a volunteer technician into the team by email")
    Map<String, Long> invite(@PathVariable long id, @RequestBody(required = false) InviteBody body) {
        InviteBody b = body == null ? new InviteBody(null, null) : body;
        return Map.of("accountId", teams.invite(id, b.email(), b.fullName(), Callers.current()));
    }

    @PostMapping("/{id}/name")
    @Operation(summary = "Rename the team (managers of its unit); another team of the unit with the name is a conflict")
    VolunteerTeams.Team rename(@PathVariable long id, @RequestBody(required = false) RenameBody body) {
        RenameBody b = body == null ? new RenameBody(null, null) : body;
        return teams.rename(id, b.name(), b.reason(), Callers.current());
    }

    @PostMapping("/{id}/members/{accountId}/removal")
    @Operation(
            summary = "Remove a technician from the team with a reason (required, audited): the account is disabled "
                    + "and keeps its record; removing again answers the member unchanged")
    VolunteerTeams.Member remove(
            @PathVariable long id, @PathVariable long accountId, @RequestBody(required = false) RemovalBody body) {
        return teams.removeMember(id, accountId, body == null ? null : body.reason(), Callers.current());
    }

    @PostMapping("/{id}/hours")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Log the caller's hours for a day in a campaign; a retry with the same Idempotency-Key "
                    + "records nothing more")
    Hours.Shift logHours(
            @PathVariable long id,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody(required = false) HoursBody body) {
        HoursBody b = body == null ? new HoursBody(null, null, null, null) : body;
        return hours.log(
                id, new Hours.NewShift(b.campaignId(), b.workedOn(), b.hours(), b.note()), key, Callers.current());
    }

    @GetMapping("/{id}/members/{accountId}")
    @Operation(summary = "A volunteer's record: devices processed and hours per campaign, what they did, their hours")
    VolunteerRecord.Summary member(@PathVariable long id, @PathVariable long accountId) {
        return records.of(id, accountId, Callers.current());
    }
}
