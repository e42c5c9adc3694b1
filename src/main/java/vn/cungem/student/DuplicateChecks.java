package vn.cungem.student;

import java.util.List;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.TooManyRequestsException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.student.internal.DuplicateCheckThrottle;
import vn.cungem.student.internal.DuplicateLookups;
import vn.cungem.student.internal.StudentRepository.Stored;

/**
 * "Is this child registered already?" Asked for every registration and correction, and answered so that it cannot be
 * used as a look-up of children outside the reader's scope (issue 9, finding 8): those are never named, and the checks
 * an account may make are counted.
 */
final class DuplicateChecks {

    private final DuplicateLookups lookups;
    private final DuplicateCheckThrottle throttle;
    private final StudentAccess access;
    private final Campaigns campaigns;

    DuplicateChecks(
            DuplicateLookups lookups, DuplicateCheckThrottle throttle, StudentAccess access, Campaigns campaigns) {
        this.lookups = lookups;
        this.throttle = throttle;
        this.access = access;
        this.campaigns = campaigns;
    }

    /** Counts one check for the caller's account and refuses (429) past the limit. */
    void count(Caller caller) {
        DuplicateCheckThrottle.Count count = throttle.count(caller.accountId());
        if (count.exceeded()) {
            Object[] args = {
                throttle.limit(),
                throttle.window().toMinutes(),
                Math.max(1, (count.retryAfter().toMillis() + 999) / 1000)
            };
            throw new TooManyRequestsException(
                    "student.duplicate-checks",
                    StudentTexts.vi("student.duplicate.throttled", args),
                    StudentTexts.en("student.duplicate.throttled", args),
                    count.retryAfter());
        }
    }

    /** The same personal id or MOET code registered anywhere, {@code exceptId} (the record being corrected) aside. */
    List<Stored> exact(DuplicateKeys keys, Long exceptId) {
        return lookups.exactMatches(keys.personalIdHash(), keys.moetCode(), exceptId);
    }

    List<Stored> likely(DuplicateKeys keys) {
        return lookups.likelyMatches(keys.nameFolded(), keys.birthDate(), keys.schoolId(), keys.guardianPhone(), null);
    }

    /** Likely duplicates of a registered student; none for one already merged away. */
    List<Stored> likely(Stored s) {
        if (s.status() == StudentStatus.MERGED) {
            return List.of();
        }
        return lookups.likelyMatches(
                VietnameseText.fold(s.fullName()), s.birthDate(), s.schoolId(), s.guardianPhone(), s.id());
    }

    /**
     * The same child already registered. Inside the reader's scope it says who and where, to help; outside it only that
     * the child is registered elsewhere, so that typing a personal id is not a look-up of a child in another district.
     */
    ConflictException alreadyRegistered(Stored match, Caller caller) {
        if (!access.covers(caller, match)) {
            return new ConflictException(
                    "student.duplicate",
                    StudentTexts.vi("student.duplicate.elsewhere"),
                    StudentTexts.en("student.duplicate.elsewhere"));
        }
        Object[] args = {match.fullName(), match.schoolName(), campaigns.nameOf(match.campaignId())};
        return new ConflictException(
                "student.duplicate",
                StudentTexts.vi("student.duplicate.registered", args),
                StudentTexts.en("student.duplicate.registered", args));
    }

    /** The likely duplicates the reader covers, with everything that helps decide; the others are not named at all. */
    List<DuplicateCandidate> inScope(List<Stored> matches, Caller caller) {
        return matches.stream()
                .filter(s -> access.covers(caller, s))
                .map(s -> new DuplicateCandidate(
                        s.id(),
                        s.fullName(),
                        true,
                        s.schoolName(),
                        campaigns.nameOf(s.campaignId()),
                        s.birthDate(),
                        s.status(),
                        false))
                .toList();
    }

    boolean anyElsewhere(List<Stored> matches, Caller caller) {
        return matches.stream().anyMatch(s -> !access.covers(caller, s));
    }
}
