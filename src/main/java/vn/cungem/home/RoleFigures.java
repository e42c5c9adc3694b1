package vn.cungem.home;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Phase;
import vn.cungem.donation.WaitingAtPoints;
import vn.cungem.inventory.SuppliedConnections;
import vn.cungem.inventory.WorkQueue;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.TeamMembership;
import vn.cungem.shared.text.Formats;
import vn.cungem.student.LateSchools;
import vn.cungem.student.StudentFilter;
import vn.cungem.student.StudentPage;
import vn.cungem.student.StudentStatus;
import vn.cungem.student.Students;

/**
 * What waits for each role in one campaign, as counts with links. Every count is a read of kept counts (the student
 * list's per-status tallies) or one count over an index that starts with the campaign, limited by the caller's scope
 * the same way as the page the figure links to; none reads a campaign's rows one by one.
 */
@Component
class RoleFigures {

    private final Students students;
    private final LateSchools lateSchools;
    private final WaitingAtPoints points;
    private final WorkQueue queue;
    private final ObjectProvider<TeamMembership> teams;
    private final SuppliedConnections supplied;

    RoleFigures(
            Students students,
            LateSchools lateSchools,
            WaitingAtPoints points,
            WorkQueue queue,
            ObjectProvider<TeamMembership> teams,
            SuppliedConnections supplied) {
        this.students = students;
        this.lateSchools = lateSchools;
        this.points = points;
        this.queue = queue;
        this.teams = teams;
        this.supplied = supplied;
    }

    /**
     * A partner: the SIMs, data packages and Wi-Fi devices it supplied, by where each stands (not activated, active,
     * a problem to solve, expired). Only a problem asks for action; the rest says what became of what was given.
     */
    List<Waiting> partner(Caller caller) {
        List<Waiting> out = new ArrayList<>();
        for (SuppliedConnections.Standing s : supplied.of(caller)) {
            if (s.count() == 0 && !"PROBLEM".equals(s.status())) {
                continue;
            }
            String link = "/inventory/connectivity?status=" + s.status();
            String key = "home.waiting.supplied." + s.status();
            out.add(
                    "PROBLEM".equals(s.status())
                            ? Waiting.of(key, s.count(), "", link)
                            : Waiting.info(key, s.count(), "", "", link));
        }
        return out;
    }

    /** A school officer: students returned for correction, those not yet proposed, and the proposal deadline. */
    List<Waiting> schoolOfficer(Campaign campaign, Caller caller) {
        StudentPage counts = counts(campaign, caller);
        String list = "/campaigns/" + campaign.id() + "/students?status=";
        List<Waiting> out = new ArrayList<>();
        out.add(Waiting.of(
                "home.waiting.returned",
                counts.count(StudentStatus.RETURNED),
                campaign.name(),
                list + StudentStatus.RETURNED.name()));
        out.add(Waiting.of(
                "home.waiting.toPropose",
                counts.count(StudentStatus.REGISTERED),
                campaign.name(),
                list + StudentStatus.REGISTERED.name()));
        deadline(campaign)
                .ifPresent(d -> out.add(Waiting.info(
                        "home.waiting.deadline",
                        0,
                        Formats.DATE.format(d),
                        campaign.name(),
                        list + StudentStatus.REGISTERED.name())));
        return out;
    }

    /**
     * A manager: lists to approve, schools that have proposed nobody, pledges expected this week, bank lines no pledge
     * matches (only for the managers who run the campaign's money), and approved students against the target.
     */
    List<Waiting> manager(Campaign campaign, Caller caller) {
        StudentPage counts = counts(campaign, caller);
        String base = "/campaigns/" + campaign.id();
        List<Waiting> out = new ArrayList<>();
        out.add(Waiting.of(
                "home.waiting.toApprove",
                counts.count(StudentStatus.PROPOSED),
                campaign.name(),
                base + "/students?status=" + StudentStatus.PROPOSED.name()));
        lateSchools
                .of(campaign.id(), caller)
                .ifPresent(late -> out.add(new Waiting(
                        late.pastDeadline() ? "home.waiting.lateSchools" : "home.waiting.schoolsNotProposed",
                        late.schools(),
                        late.deadline() == null ? "" : Formats.DATE.format(late.deadline()),
                        campaign.name(),
                        base + "/students/roll-up",
                        late.pastDeadline())));
        LocalDate today = LocalDate.now(Formats.VIETNAM);
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        out.add(Waiting.info(
                "home.waiting.expectedThisWeek",
                points.expected(campaign.id(), monday, monday.plusDays(6), caller),
                "",
                campaign.name(),
                base + "/pledges?status=PLEDGED"));
        long unmatched = points.unmatchedBankLines(campaign.id(), caller);
        if (unmatched > 0) {
            out.add(Waiting.of(
                    "home.waiting.unmatchedLines", unmatched, campaign.name(), base + "/statements/unmatched"));
        }
        long target = campaign.spec().phases().stream()
                .map(Phase::targetStudents)
                .filter(Objects::nonNull)
                .mapToLong(Integer::longValue)
                .sum();
        if (target > 0) {
            out.add(Waiting.info(
                    "home.waiting.progress",
                    counts.count(StudentStatus.APPROVED),
                    Formats.groupThousands(target),
                    campaign.name(),
                    base + "/students/roll-up"));
        }
        return out;
    }

    /** Collection staff (a school's officer at its point, a partner's or a team's members): today's pledges, goods to receive. */
    List<Waiting> collection(Campaign campaign, Caller caller) {
        LocalDate today = LocalDate.now(Formats.VIETNAM);
        return List.of(
                Waiting.of(
                        "home.waiting.expectedToday",
                        points.expected(campaign.id(), today, today, caller),
                        campaign.name(),
                        "/receiving"),
                Waiting.info(
                        "home.waiting.toReceive",
                        points.toReceive(campaign.id(), caller),
                        "",
                        campaign.name(),
                        "/receiving"));
    }

    /** A volunteer technician: the devices waiting in their team's queue, counted up to the queue's own cap. */
    Optional<Waiting> teamQueue(Caller caller) {
        TeamMembership membership = teams.getIfAvailable();
        if (membership == null) {
            return Optional.empty();
        }
        return membership
                .teamOf(caller)
                .flatMap(team -> membership
                        .unitOfTeam(team)
                        .map(unit -> Waiting.of(
                                "home.waiting.teamQueue",
                                Math.min(
                                        WorkQueue.COUNT_CAP,
                                        queue.counts(team, unit, caller).values().stream()
                                                .mapToLong(Long::longValue)
                                                .sum()),
                                "",
                                "/volunteer/teams/" + team)));
    }

    private StudentPage counts(Campaign campaign, Caller caller) {
        return students.list(new StudentFilter(campaign.id(), null, null, null, null, null, null, 0, 1), caller);
    }

    private static Optional<LocalDate> deadline(Campaign campaign) {
        return campaign.spec().phases().stream().findFirst().map(Phase::endsOn);
    }
}
