package vn.cungem.student;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.security.Caller;
import vn.cungem.student.internal.DuplicateCheckThrottle;
import vn.cungem.student.internal.DuplicateLookups;
import vn.cungem.student.internal.EvidenceRepository;
import vn.cungem.student.internal.RollUpCounts;
import vn.cungem.student.internal.SchoolsAndUnits;
import vn.cungem.student.internal.StatusHistory;
import vn.cungem.student.internal.StudentListing;
import vn.cungem.student.internal.StudentRepository;
import vn.cungem.student.internal.StudentTallies;

/**
 * What people and other modules do with the needs registry: register and correct students, find them, propose a
 * school's list, approve, return or reject it, merge duplicates, and see how far each unit has got. The façade holds
 * the transactions; each use case is a plain class of its own ({@link Registrations}, {@link StudentQueries},
 * {@link Approvals}, {@link Merges}, {@link RollUps}, {@link StudentEvidence}), and {@link StudentAccess} is the one
 * policy they all ask.
 *
 * <p>Who sees what (children's data): a reader <em>covers</em> a student when they are a system administrator, a
 * programme manager whose unit's subtree holds the student's school, or the officer of that school. Only they see the
 * student's page, full name, birth date, personal id, MOET code, address, guardian and phone. A partner user sees the
 * approved students of their home unit's area with masked names and nothing else. Every other reader — a manager of a
 * sibling district among them — gets 404 for the student and does not find them in lists; the roll-up they may see
 * holds counts only.
 */
@Service
@Transactional(readOnly = true)
public class Students {

    public static final String ENTITY = "student";

    private final StudentIdCipher cipher;
    private final StudentAccess access;
    private final Registrations registrations;
    private final StudentQueries queries;
    private final StudentLists lists;
    private final Approvals approvals;
    private final Merges merges;
    private final RollUps rollUps;
    private final StudentEvidence evidence;

    Students(
            StudentRepository repository,
            StudentListing listing,
            StatusHistory history,
            DuplicateLookups lookups,
            SchoolsAndUnits organisation,
            RollUpCounts counts,
            StudentTallies tallies,
            EvidenceRepository evidenceFiles,
            Campaigns campaigns,
            UnitScopes scopes,
            ApplicationEventPublisher events,
            DuplicateCheckThrottle throttle,
            @Value("${cungem.student.id-key}") String idKey) {
        this.cipher = new StudentIdCipher(idKey);
        this.access = new StudentAccess(repository, organisation, scopes);
        StudentViews views = new StudentViews(access, campaigns, cipher);
        DuplicateChecks duplicates = new DuplicateChecks(lookups, throttle, access, campaigns);
        this.registrations = new Registrations(
                repository, organisation, campaigns, access, duplicates, views, cipher, events::publishEvent);
        this.queries = new StudentQueries(listing, history, campaigns, scopes, access, duplicates, views);
        this.lists = new StudentLists(listing, tallies, organisation, campaigns, scopes, access);
        this.approvals = new Approvals(repository, listing, campaigns, access, events::publishEvent, tallies);
        this.merges = new Merges(repository, access, views, events::publishEvent, tallies);
        this.rollUps = new RollUps(counts, organisation, campaigns, scopes);
        this.evidence = new StudentEvidence(evidenceFiles, access, events::publishEvent);
    }

    /** The cipher of the configured key, for the importer, which writes the same columns in bulk. */
    public StudentIdCipher cipher() {
        return cipher;
    }

    // ---- who may do what

    /** Whether the reader may see this student's identity (see the class comment). */
    public boolean covers(Caller caller, long schoolId, long unitId) {
        return access.covers(caller, schoolId, unitId);
    }

    /** Managers of the approving unit (or above) and administrators: district, or the commune where there is none. */
    public boolean canApprove(Caller caller, long schoolUnitId) {
        return access.canApprove(caller, schoolUnitId);
    }

    /** Whoever covers the school may register, correct and propose its students. */
    public boolean canRegister(Caller caller) {
        return StudentAccess.canRegister(caller);
    }

    /** The school a school officer registers for: their own. Null for everyone else (they name it). */
    public Long ownSchool(Caller caller) {
        return StudentAccess.ownSchool(caller);
    }

    // ---- registering and correcting

    /** What checking a student of this campaign needs; {@code schoolId} fixes the school (a school officer's form). */
    public ValidationContext validationContext(Campaign campaign, Long schoolId, Caller caller) {
        return registrations.validationContext(campaign, schoolId, caller);
    }

    /**
     * Registers a student in need. A retry does not make a second student: the same {@code idempotencyKey}, or the same
     * personal id or MOET code already registered at the same school in the same campaign, returns the student there.
     * The same child registered anywhere else is refused, with where. A likely duplicate (same name and birth date, and
     * same school or guardian phone) is shown first unless {@code confirmedDistinct} says "đây là học sinh khác".
     */
    @Transactional
    public Registration register(
            long campaignId,
            Long schoolId,
            StudentInput input,
            boolean confirmedDistinct,
            String idempotencyKey,
            Caller caller) {
        return registrations.register(
                new Registrations.Request(campaignId, schoolId, input, confirmedDistinct, idempotencyKey), caller);
    }

    /**
     * Corrects a student's details while the school may (REGISTERED or RETURNED). {@code expectedVersion} is the
     * version the editor loaded; null (the API) means last write wins. The school cannot change here.
     */
    @Transactional
    public StudentView update(long id, StudentInput input, Integer expectedVersion, Caller caller) {
        return registrations.update(id, input, expectedVersion, caller);
    }

    // ---- reading

    /** The student's page: full details (personal id unmasked) for readers who cover the student, otherwise 404. */
    public StudentView get(long id, Caller caller) {
        return queries.get(id, caller);
    }

    /** Whether the reader may open this student's page (the same rule as {@link #get}); false when there is none. */
    public boolean isVisible(long id, Caller caller) {
        return access.isVisible(id, caller);
    }

    /** Status history of the student and of any duplicates merged into it. */
    public List<StatusChange> history(long id, Caller caller) {
        return queries.history(id, caller);
    }

    /**
     * Likely duplicates of a registered student that the reader covers, for its page (merge or keep apart). Those
     * outside the reader's scope are not named: {@link #likelyDuplicateElsewhere} only says that there are some.
     */
    public List<DuplicateCandidate> likelyDuplicates(long id, Caller caller) {
        return queries.likelyDuplicates(id, caller);
    }

    /** Whether a likely duplicate of this student is registered outside the reader's scope ("contact the district"). */
    public boolean likelyDuplicateElsewhere(long id, Caller caller) {
        return queries.likelyDuplicateElsewhere(id, caller);
    }

    /**
     * A page of the campaign's students the reader may list, in the filter's order (priority by default, {@link
     * StudentListing#PRIORITY_ORDER}) and from its cursor, with counts per status. Partner users get approved students
     * only, masked.
     */
    public StudentPage list(StudentFilter filter, Caller caller) {
        return lists.list(filter, caller);
    }

    /** Approved students of a campaign in priority order: the ones allocation may serve. For the allocation module. */
    public List<EligibleStudent> eligibleForAllocation(long campaignId) {
        return queries.eligibleForAllocation(campaignId);
    }

    // ---- the approval path

    /** Proposes every REGISTERED or RETURNED student of a school in a campaign; returns how many were proposed. */
    @Transactional
    public int proposeSchool(long campaignId, long schoolId, Caller caller) {
        return approvals.proposeSchool(campaignId, schoolId, caller);
    }

    /** Proposes the chosen students; all of them or none. */
    @Transactional
    public int propose(List<Long> ids, Caller caller) {
        return approvals.move(ids, StudentStatus.PROPOSED, null, caller, false);
    }

    @Transactional
    public int approve(List<Long> ids, Caller caller) {
        return approvals.move(ids, StudentStatus.APPROVED, null, caller, true);
    }

    /** Sends students back to their school with what to correct. */
    @Transactional
    public int returnForCorrection(List<Long> ids, String reason, Caller caller) {
        return approvals.move(ids, StudentStatus.RETURNED, reason, caller, true);
    }

    @Transactional
    public int reject(List<Long> ids, String reason, Caller caller) {
        return approvals.move(ids, StudentStatus.REJECTED, reason, caller, true);
    }

    /**
     * Merges a duplicate into the student that stays: the duplicate becomes MERGED and points at the survivor; its
     * history and audit entries stay and show on the survivor's page. What the survivor lacks (personal ID, MOET code,
     * home commune, address, guardian) is taken from the duplicate; what it has stays. Both must be in the same
     * campaign.
     */
    @Transactional
    public StudentView merge(long keepId, long mergeId, String reason, Caller caller) {
        return merges.merge(keepId, mergeId, reason, caller);
    }

    // ---- roll-up

    /**
     * Counts per child unit and per school directly under {@code unitId} (the reader's own unit when null), and the
     * schools that have not proposed anyone. Managers covering the unit and administrators only; counts, no names of
     * children.
     */
    public RollUp rollUp(long campaignId, Long unitId, Caller caller) {
        return rollUps.rollUp(campaignId, unitId, caller);
    }

    // ---- evidence

    @Transactional
    public Evidence attachEvidence(long studentId, String fileName, byte[] content, Caller caller) {
        return evidence.attach(studentId, fileName, content, caller);
    }

    /**
     * Removes an evidence file, say one of another child uploaded by mistake: it is a document about a family, so it
     * must be possible to take it back. A reason is required and the removal is audited (the file's name and size, not
     * its content). Once the student is proposed or decided, the evidence backs that decision: only a manager whose
     * scope covers the student may then remove it.
     */
    @Transactional
    public void removeEvidence(long studentId, long evidenceId, String reason, Caller caller) {
        evidence.remove(studentId, evidenceId, reason, caller);
    }

    public List<Evidence> evidence(long studentId, Caller caller) {
        return evidence.list(studentId, caller);
    }

    public Evidence.File evidenceFile(long studentId, long evidenceId, Caller caller) {
        return evidence.file(studentId, evidenceId, caller);
    }
}
