package vn.cungem.student;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.student.internal.StudentListing;
import vn.cungem.student.internal.StudentRepository;
import vn.cungem.student.internal.StudentRepository.Stored;
import vn.cungem.student.internal.StudentTallies;

/** The approval path: a school proposes its list, the approving unit approves, returns or rejects, all or none. */
final class Approvals {

    private final StudentRepository repository;
    private final StudentListing listing;
    private final Campaigns campaigns;
    private final StudentAccess access;
    private final Consumer<DomainChange> events;
    private final StudentTallies tallies;

    Approvals(
            StudentRepository repository,
            StudentListing listing,
            Campaigns campaigns,
            StudentAccess access,
            Consumer<DomainChange> events,
            StudentTallies tallies) {
        this.tallies = tallies;
        this.repository = repository;
        this.listing = listing;
        this.campaigns = campaigns;
        this.access = access;
        this.events = events;
    }

    /** Proposes every REGISTERED or RETURNED student of a school in a campaign; returns how many were proposed. */
    int proposeSchool(long campaignId, long schoolId, Caller caller) {
        campaigns.get(campaignId, caller);
        SchoolRef school = access.schoolInScope(schoolId, caller);
        List<Long> ids =
                listing.idsOfSchool(campaignId, school.id(), List.of(StudentStatus.REGISTERED, StudentStatus.RETURNED));
        if (ids.isEmpty()) {
            throw StudentTexts.conflict("student.nothing-to-propose");
        }
        return move(ids, StudentStatus.PROPOSED, null, caller, false);
    }

    /**
     * Moves the chosen students to {@code target}, all of them or none. {@code approverOnly}: only the approving unit
     * may (approve, return, reject); a school proposes its own.
     */
    int move(List<Long> ids, StudentStatus target, String rawReason, Caller caller, boolean approverOnly) {
        if (ids == null || ids.isEmpty()) {
            throw StudentTexts.invalid("student.none-chosen");
        }
        if (ids.size() > 5_000) {
            throw StudentTexts.invalid("student.too-many");
        }
        String reason = reason(rawReason, target);
        List<Stored> students = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            Stored s = access.covered(id == null ? -1 : id, caller);
            if (approverOnly && !access.canApprove(caller, s.unitId())) {
                // the school sees its student but may not decide on it: same 404 as for any forbidden record
                throw new NotFoundException(Students.ENTITY, id);
            }
            if (!s.status().canMoveTo(target)) {
                throw StudentTexts.conflict(
                        "student.status", s.fullName(), s.status().label(), target.label());
            }
            students.add(s);
        }
        tallies.moving(students.stream().map(StudentRepository::placed).toList(), target.name(), () -> {
            changeAll(students, target, reason, caller);
            return null;
        });
        return students.size();
    }

    private void changeAll(List<Stored> students, StudentStatus target, String reason, Caller caller) {
        for (Stored s : students) {
            if (!repository.moveStatus(s, target, reason, caller)) {
                throw StudentTexts.changedMeanwhile();
            }
            events.accept(new DomainChange(
                    Students.ENTITY,
                    String.valueOf(s.id()),
                    target.name(),
                    s.unitId(),
                    Map.of("status", s.status().name()),
                    Map.of("status", target.name()),
                    reason));
        }
    }

    private String reason(String rawReason, StudentStatus target) {
        String reason = VietnameseText.tidy(rawReason);
        if (StudentStatus.needsReason(target) && (reason == null || reason.isEmpty())) {
            throw StudentTexts.invalid("student.reason-required");
        }
        if (reason != null && reason.length() > 500) {
            throw StudentTexts.invalid("student.reason-long");
        }
        return reason;
    }
}
