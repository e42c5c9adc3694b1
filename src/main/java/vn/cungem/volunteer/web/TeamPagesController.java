package vn.cungem.volunteer.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.campaign.Campaigns;
import vn.cungem.identity.VolunteerTeams;
import vn.cungem.inventory.WorkQueue;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.text.Bundles;
import vn.cungem.volunteer.work.Hours;
import vn.cungem.volunteer.work.VolunteerRecord;

/**
 * The team pages: managers create teams and invite volunteers; everyone in the team sees its queue (what waits to be
 * inspected, repaired, given software, finished), logs hours and opens their own record.
 */
@Controller
class TeamPagesController {

    private final VolunteerTeams teams;
    private final WorkQueue queue;
    private final Hours hours;
    private final VolunteerRecord records;
    private final UnitDirectory units;
    private final Campaigns campaigns;

    TeamPagesController(
            VolunteerTeams teams,
            WorkQueue queue,
            Hours hours,
            VolunteerRecord records,
            UnitDirectory units,
            Campaigns campaigns) {
        this.teams = teams;
        this.queue = queue;
        this.hours = hours;
        this.records = records;
        this.units = units;
        this.campaigns = campaigns;
    }

    /** A volunteer lands on their own team; managers on the list of their teams. */
    @GetMapping("/volunteer")
    String home() {
        Caller caller = Callers.current();
        List<VolunteerTeams.Team> visible = teams.visible(caller);
        if (caller.is(Role.VOLUNTEER_TECHNICIAN) && visible.size() == 1) {
            return "redirect:/volunteer/teams/" + visible.get(0).id();
        }
        return "redirect:/volunteer/teams";
    }

    @GetMapping("/volunteer/teams")
    String list(Model model) {
        Caller caller = Callers.current();
        model.addAttribute("teams", teams.visible(caller));
        boolean manager = caller.isAdmin() || caller.is(Role.PROGRAMME_MANAGER);
        model.addAttribute("mayCreate", manager);
        if (!model.containsAttribute("unitCode") && manager && caller.scope().unitId() != null) {
            model.addAttribute(
                    "unitCode",
                    units.find(caller.scope().unitId()).map(u -> u.code()).orElse(""));
        }
        return "volunteer/teams";
    }

    @PostMapping("/volunteer/teams")
    String create(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String unitCode,
            Locale locale,
            Model model) {
        Caller caller = Callers.current();
        try {
            Long unitId = unitCode == null || unitCode.isBlank()
                    ? null
                    : units.findByCode(unitCode.trim())
                            .map(u -> u.id())
                            .orElseThrow(() -> InvalidValueException.of(
                                    "team.unit-code", "volunteer.team.error.unit-code", unitCode.trim()));
            return "redirect:/volunteer/teams/"
                    + teams.create(caller, name, unitId).id();
        } catch (InvalidValueException e) {
            model.addAttribute("error", e.message(locale));
            model.addAttribute("name", name);
            model.addAttribute("unitCode", unitCode);
            return list(model);
        }
    }

    @GetMapping("/volunteer/teams/{id}")
    String team(
            @PathVariable long id,
            @RequestParam(name = "job", required = false) WorkQueue.Job job,
            @RequestParam(name = "after", required = false) String after,
            Model model) {
        Caller caller = Callers.current();
        VolunteerTeams.Team team = teams.get(id, caller);
        model.addAttribute("team", team);
        model.addAttribute("members", teams.members(id, caller));
        model.addAttribute("mayManage", teams.mayManage(caller, team.unitId()));
        model.addAttribute("isMember", caller.is(Role.VOLUNTEER_TECHNICIAN));
        model.addAttribute("me", caller.accountId() == null ? -1L : caller.accountId());
        model.addAttribute("counts", queue.counts(id, team.unitId(), caller));
        model.addAttribute("jobs", WorkQueue.Job.values());
        model.addAttribute("job", job);
        model.addAttribute("after", after);
        model.addAttribute("pageSize", WorkQueue.PAGE_SIZE);
        model.addAttribute("countCap", WorkQueue.COUNT_CAP);
        model.addAttribute("waiting", queue.queue(id, team.unitId(), job == null ? null : List.of(job), caller, after));
        model.addAttribute(
                "campaigns",
                campaigns.active(50).stream()
                        .filter(c -> campaigns.isVisible(c.id(), caller))
                        .toList());
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        return "volunteer/team";
    }

    @PostMapping("/volunteer/teams/{id}/invitations")
    String invite(
            @PathVariable long id,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String fullName,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            teams.invite(id, email, fullName, Callers.current());
            redirect.addFlashAttribute("flash", Bundles.text("volunteer.invite.sent", locale, email));
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("teamError", e.message(locale));
        }
        return "redirect:/volunteer/teams/" + id;
    }

    @PostMapping("/volunteer/teams/{id}/name")
    String rename(
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String reason,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            teams.rename(id, name, reason, Callers.current());
            redirect.addFlashAttribute("flash", Bundles.text("volunteer.team.renamed", locale));
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("teamError", e.message(locale));
        }
        return "redirect:/volunteer/teams/" + id;
    }

    @PostMapping("/volunteer/teams/{id}/members/{accountId}/removal")
    String remove(
            @PathVariable long id,
            @PathVariable long accountId,
            @RequestParam(required = false) String reason,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            VolunteerTeams.Member gone = teams.removeMember(id, accountId, reason, Callers.current());
            redirect.addFlashAttribute("flash", Bundles.text("volunteer.member.removed", locale, gone.fullName()));
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("teamError", e.message(locale));
        }
        return "redirect:/volunteer/teams/" + id;
    }

    @PostMapping("/volunteer/teams/{id}/hours")
    String logHours(
            @PathVariable long id,
            @RequestParam(required = false) Long campaignId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate workedOn,
            @RequestParam(required = false) String hours,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String key,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            this.hours.log(id, new Hours.NewShift(campaignId, workedOn, hours, note), key, Callers.current());
            redirect.addFlashAttribute("flash", Bundles.text("volunteer.hours.logged", locale));
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("teamError", e.message(locale));
        }
        return "redirect:/volunteer/teams/" + id;
    }

    @GetMapping("/volunteer/teams/{id}/members/{accountId}")
    String member(@PathVariable long id, @PathVariable long accountId, Model model) {
        model.addAttribute("r", records.of(id, accountId, Callers.current()));
        return "volunteer/member";
    }
}
