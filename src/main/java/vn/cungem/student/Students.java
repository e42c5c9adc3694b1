package vn.cungem.student;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.Phase;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.PhoneNumber;
import vn.cungem.shared.TooManyRequestsException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;
import vn.cungem.shared.text.Formats;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.student.internal.DuplicateCheckThrottle;
import vn.cungem.student.internal.StudentRepository;
import vn.cungem.student.internal.StudentRepository.Stored;

/**
 * What people and other modules do with the needs registry: register and correct students, find them, propose a
 * school's list, approve, return or reject it, merge duplicates, and see how far each unit has got.
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

    private final StudentRepository repository;
    private final Campaigns campaigns;
    private final UnitScopes scopes;
    private final ApplicationEventPublisher events;
    private final StudentIdCipher cipher;
    private final DuplicateCheckThrottle throttle;
    private final MessageSource messages;

    Students(
            StudentRepository repository,
            Campaigns campaigns,
            UnitScopes scopes,
            ApplicationEventPublisher events,
            DuplicateCheckThrottle throttle,
            MessageSource messages,
            @Value("${cungem.student.id-key}") String idKey) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.scopes = scopes;
        this.events = events;
        this.throttle = throttle;
        this.messages = messages;
        this.cipher = new StudentIdCipher(idKey);
    }

    /** The cipher of the configured key, for the importer, which writes the same columns in bulk. */
    public StudentIdCipher cipher() {
        return cipher;
    }

    // ---- who may do what

    /** Whether the reader may see this student's identity (see the class comment). */
    public boolean covers(Caller caller, long schoolId, long unitId) {
        if (caller.isAdmin()) {
            return true;
        }
        Scope scope = caller.scope();
        if (caller.is(Role.SCHOOL_OFFICER)) {
            return scope.kind() == Scope.Kind.SCHOOL && Objects.equals(scope.schoolId(), schoolId);
        }
        if (caller.is(Role.PROGRAMME_MANAGER) && scope.kind() == Scope.Kind.UNIT) {
            return scopes.isWithin(unitId, scope.unitId());
        }
        return false;
    }

    /** Managers of the approving unit (or above) and administrators: district, or the commune where there is none. */
    public boolean canApprove(Caller caller, long schoolUnitId) {
        if (caller.isAdmin()) {
            return true;
        }
        return caller.is(Role.PROGRAMME_MANAGER)
                && caller.scope().kind() == Scope.Kind.UNIT
                && scopes.isWithin(
                        repository.approvingUnit(schoolUnitId), caller.scope().unitId());
    }

    /** Whoever covers the school may register, correct and propose its students. */
    public boolean canRegister(Caller caller) {
        return caller.isAdmin() || caller.is(Role.PROGRAMME_MANAGER) || caller.is(Role.SCHOOL_OFFICER);
    }

    // ---- registering and correcting

    /** What checking a student of this campaign needs; {@code schoolId} fixes the school (a school officer's form). */
    public ValidationContext validationContext(Campaign campaign, Long schoolId, Caller caller) {
        SchoolRef fixed = schoolId == null ? null : schoolInScope(schoolId, caller);
        return new ValidationContext(
                campaign.spec().categories(),
                code -> repository.schoolByCode(code).filter(s -> covers(caller, s.id(), s.unitId())),
                repository::communeByCodeOrName,
                fixed,
                LocalDate.now(Formats.VIETNAM));
    }

    /** The school a school officer registers for: their own. Null for everyone else (they name it). */
    public Long ownSchool(Caller caller) {
        return caller.is(Role.SCHOOL_OFFICER) ? caller.scope().schoolId() : null;
    }

    private SchoolRef schoolInScope(long schoolId, Caller caller) {
        SchoolRef school = repository.school(schoolId).orElseThrow(() -> new NotFoundException("school", schoolId));
        if (!covers(caller, school.id(), school.unitId())) {
            throw new NotFoundException("school", schoolId);
        }
        return school;
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
        if (!canRegister(caller)) {
            throw new NotFoundException("campaign", campaignId);
        }
        Campaign campaign = campaigns.get(campaignId, caller);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null) {
            if (key.length() > 100) {
                throw new InvalidValueException(
                        "student.idempotency-key",
                        "Idempotency-Key dài tối đa 100 ký tự.",
                        "The Idempotency-Key is at most 100 characters.");
            }
            Optional<Long> existing = repository.idByIdempotencyKey(key);
            if (existing.isPresent()) {
                return new Registration(get(existing.get(), caller), false, List.of(), List.of(), false);
            }
        }
        if (campaign.status() == CampaignStatus.CLOSED) {
            throw new ConflictException(
                    "student.campaign-closed",
                    "Chương trình đã kết thúc; không đăng ký thêm học sinh.",
                    "The campaign is closed; no more students can be registered.");
        }
        Long fixedSchool = schoolId != null ? schoolId : ownSchool(caller);
        Validated validated = input.validate(validationContext(campaign, fixedSchool, caller));
        if (!validated.isValid()) {
            throw new StudentInvalidException(validated.problems());
        }
        StudentDetails details = validated.details();
        requireInArea(campaign, details);
        countDuplicateCheck(caller);
        DuplicateKeys keys = DuplicateKeys.of(details, cipher);
        for (Stored match : repository.exactMatches(keys.personalIdHash(), keys.moetCode(), null)) {
            if (match.campaignId() == campaignId
                    && match.schoolId() == details.schoolId()
                    && covers(caller, match.schoolId(), match.unitId())) {
                return new Registration(view(match, caller, false), false, List.of(), validated.warnings(), false);
            }
            throw alreadyRegistered(match, caller);
        }
        if (!confirmedDistinct) {
            List<Stored> matches = repository.likelyMatches(
                    keys.nameFolded(), keys.birthDate(), keys.schoolId(), keys.guardianPhone(), null);
            if (!matches.isEmpty()) {
                return new Registration(
                        null, false, inScope(matches, caller), validated.warnings(), anyElsewhere(matches, caller));
            }
        }
        long id = repository.insert(
                campaignId,
                details,
                details.personalId() == null ? null : cipher.encrypt(details.personalId()),
                keys.personalIdHash(),
                validated.priority().score(),
                key,
                caller);
        Stored saved = repository.find(id).orElseThrow();
        events.publishEvent(DomainChange.created(ENTITY, id, saved.unitId(), snapshot(saved)));
        return new Registration(view(saved, caller, false), true, List.of(), validated.warnings(), false);
    }

    private void requireInArea(Campaign campaign, StudentDetails details) {
        if (!campaigns.inArea(campaign, details.unitId())) {
            throw new StudentInvalidException(List.of(FieldProblem.error(
                    "school",
                    "Trường này không thuộc địa bàn của chương trình " + campaign.name() + ".",
                    "This school is outside the area of campaign " + campaign.name() + ".")));
        }
    }

    /**
     * The same child already registered. Inside the reader's scope it says who and where, to help; outside it only that
     * the child is registered elsewhere, so that typing a personal id is not a look-up of a child in another district
     * (issue 9, finding 8).
     */
    private ConflictException alreadyRegistered(Stored match, Caller caller) {
        if (!covers(caller, match.schoolId(), match.unitId())) {
            return new ConflictException(
                    "student.duplicate",
                    text("student.duplicate.elsewhere", VIETNAMESE),
                    text("student.duplicate.elsewhere", Locale.ENGLISH));
        }
        String name = match.fullName();
        String campaignName = campaigns.nameOf(match.campaignId());
        return new ConflictException(
                "student.duplicate",
                "Học sinh này đã được đăng ký: " + name + ", " + match.schoolName() + ", chương trình " + campaignName
                        + " (cùng số định danh hoặc mã học sinh). Không đăng ký lần thứ hai.",
                "This student is already registered: " + name + ", " + match.schoolName() + ", campaign " + campaignName
                        + " (same personal id or student code). A student is registered once.");
    }

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /**
     * Counts one duplicate check for the caller's account and refuses (429) past the limit: the check answers "is this
     * child registered?", and many of them in a row would be a look-up (issue 9, finding 8).
     */
    private void countDuplicateCheck(Caller caller) {
        DuplicateCheckThrottle.Count count = throttle.count(caller.accountId());
        if (count.exceeded()) {
            Object[] args = {
                throttle.limit(),
                throttle.window().toMinutes(),
                Math.max(1, (count.retryAfter().toMillis() + 999) / 1000)
            };
            throw new TooManyRequestsException(
                    "student.duplicate-checks",
                    text("student.duplicate.throttled", VIETNAMESE, args),
                    text("student.duplicate.throttled", Locale.ENGLISH, args),
                    count.retryAfter());
        }
    }

    /** The likely duplicates the reader covers, with everything that helps decide; the others are not named at all. */
    private List<DuplicateCandidate> inScope(List<Stored> matches, Caller caller) {
        return matches.stream()
                .filter(s -> covers(caller, s.schoolId(), s.unitId()))
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

    private boolean anyElsewhere(List<Stored> matches, Caller caller) {
        return matches.stream().anyMatch(s -> !covers(caller, s.schoolId(), s.unitId()));
    }

    /**
     * Corrects a student's details while the school may (REGISTERED or RETURNED). {@code expectedVersion} is the
     * version the editor loaded; null (the API) means last write wins. The school cannot change here.
     */
    @Transactional
    public StudentView update(long id, StudentInput input, Integer expectedVersion, Caller caller) {
        Stored before = covered(id, caller);
        if (!before.status().editableBySchool()) {
            throw new ConflictException(
                    "student.not-editable",
                    "Học sinh đang ở trạng thái \"" + before.status().labelVi()
                            + "\"; chỉ sửa được khi mới đăng ký hoặc bị trả lại.",
                    "The student is " + before.status().labelEn().toLowerCase(java.util.Locale.ROOT)
                            + "; details can be changed only while registered or returned.");
        }
        Campaign campaign = campaigns.get(before.campaignId(), caller);
        Validated validated = input.validate(validationContext(campaign, before.schoolId(), caller));
        if (!validated.isValid()) {
            throw new StudentInvalidException(validated.problems());
        }
        StudentDetails details = validated.details();
        countDuplicateCheck(caller);
        DuplicateKeys keys = DuplicateKeys.of(details, cipher);
        List<Stored> exact = repository.exactMatches(keys.personalIdHash(), keys.moetCode(), id);
        if (!exact.isEmpty()) {
            throw alreadyRegistered(exact.get(0), caller);
        }
        int version = expectedVersion == null ? before.version() : expectedVersion;
        boolean saved = repository.update(
                id,
                version,
                details,
                details.personalId() == null ? null : cipher.encrypt(details.personalId()),
                keys.personalIdHash(),
                validated.priority().score());
        if (!saved) {
            throw changedMeanwhile();
        }
        Stored after = repository.find(id).orElseThrow();
        events.publishEvent(DomainChange.updated(ENTITY, id, after.unitId(), snapshot(before), snapshot(after), null));
        return view(after, caller, true);
    }

    private static ConflictException changedMeanwhile() {
        return new ConflictException(
                "student.changed",
                "Hồ sơ học sinh vừa được người khác thay đổi; hãy tải lại trang và làm lại.",
                "Someone else changed this student meanwhile; reload the page and try again.");
    }

    // ---- reading

    /** The student's page: full details (personal id unmasked) for readers who cover the student, otherwise 404. */
    public StudentView get(long id, Caller caller) {
        return view(covered(id, caller), caller, true);
    }

    private Stored covered(long id, Caller caller) {
        Stored s = repository.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
        if (!covers(caller, s.schoolId(), s.unitId())) {
            throw new NotFoundException(ENTITY, id);
        }
        return s;
    }

    /** Whether the reader may open this student's page (the same rule as {@link #get}); false when there is none. */
    public boolean isVisible(long id, Caller caller) {
        return repository
                .find(id)
                .filter(s -> covers(caller, s.schoolId(), s.unitId()))
                .isPresent();
    }

    /** Status history of the student and of any duplicates merged into it. */
    public List<StatusChange> history(long id, Caller caller) {
        covered(id, caller);
        return repository.history(id);
    }

    /**
     * Likely duplicates of a registered student that the reader covers, for its page (merge or keep apart). Those
     * outside the reader's scope are not named: {@link #likelyDuplicateElsewhere} only says that there are some.
     */
    public List<DuplicateCandidate> likelyDuplicates(long id, Caller caller) {
        return inScope(likelyMatches(covered(id, caller)), caller);
    }

    /** Whether a likely duplicate of this student is registered outside the reader's scope ("contact the district"). */
    public boolean likelyDuplicateElsewhere(long id, Caller caller) {
        return anyElsewhere(likelyMatches(covered(id, caller)), caller);
    }

    private List<Stored> likelyMatches(Stored s) {
        if (s.status() == StudentStatus.MERGED) {
            return List.of();
        }
        return repository.likelyMatches(
                VietnameseText.fold(s.fullName()), s.birthDate(), s.schoolId(), s.guardianPhone(), s.id());
    }

    /**
     * A page of the campaign's students the reader may list, in priority order ({@link StudentRepository#PRIORITY_ORDER}),
     * with counts per status. Partner users get approved students only, masked.
     */
    public StudentPage list(StudentFilter filter, Caller caller) {
        campaigns.get(filter.campaignId(), caller);
        boolean maskedReader = caller.is(Role.PARTNER_USER);
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("s.campaign_id = ?");
        params.add(filter.campaignId());
        where.append(" and ").append(scopeCondition(caller));
        if (filter.unitId() != null) {
            where.append(" and ").append(scopes.within("s.unit_id", filter.unitId()));
        }
        if (filter.schoolId() != null) {
            where.append(" and s.school_id = ?");
            params.add(filter.schoolId());
        }
        if (filter.grade() != null) {
            where.append(" and s.grade = ?");
            params.add(filter.grade());
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            // codes are [A-Z0-9_], so the comma-delimited column can be matched without false hits
            where.append(" and (',' || s.categories || ',') like ?");
            params.add("%," + filter.category().strip().toUpperCase(java.util.Locale.ROOT) + ",%");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            if (maskedReader) {
                // a masked reader must not find a child by the name they cannot see
                where.append(" and 1=0");
            } else {
                where.append(" and (s.name_folded like ? escape '\\' or s.moet_code = ?)");
                params.add(VietnameseText.likeContains(VietnameseText.fold(filter.text())));
                params.add(filter.text().strip().toUpperCase(java.util.Locale.ROOT));
            }
        }
        Map<StudentStatus, Long> counts = repository.countByStatus(where.toString(), params);
        if (filter.status() != null) {
            where.append(" and s.status = ?");
            params.add(filter.status().name());
        } else {
            // merged duplicates are history, not students: shown only when asked for
            where.append(" and s.status <> 'MERGED'");
        }
        List<StudentRepository.Row> rows =
                repository.list(where.toString(), params, filter.size() + 1, (long) filter.page() * filter.size());
        boolean hasNext = rows.size() > filter.size();
        List<StudentRow> page = (hasNext ? rows.subList(0, filter.size()) : rows)
                .stream()
                        .map(r -> maskedReader
                                ? r.toRow(MaskedName.of(r.fullName()), true)
                                : r.toRow(r.fullName(), false))
                        .toList();
        return new StudentPage(page, filter.page(), filter.size(), hasNext, counts);
    }

    /** Which rows of the student table the reader may list, as SQL on {@code s}; ids come from the server. */
    private String scopeCondition(Caller caller) {
        Scope scope = caller.scope();
        if (caller.isAdmin()) {
            return "1=1";
        }
        if (caller.is(Role.PROGRAMME_MANAGER)) {
            return scopes.unitFilter(caller, "s.unit_id");
        }
        if (caller.is(Role.SCHOOL_OFFICER) && scope.kind() == Scope.Kind.SCHOOL && scope.schoolId() != null) {
            return "s.school_id = " + Long.valueOf(scope.schoolId());
        }
        if (caller.is(Role.PARTNER_USER) && scope.unitId() != null) {
            return "s.status = 'APPROVED' and " + scopes.within("s.unit_id", scope.unitId());
        }
        return "1=0";
    }

    /** Approved students of a campaign in priority order: the ones allocation may serve. For the allocation module. */
    public List<EligibleStudent> eligibleForAllocation(long campaignId) {
        return repository.approved(campaignId);
    }

    // ---- the approval path

    /** Proposes every REGISTERED or RETURNED student of a school in a campaign; returns how many were proposed. */
    @Transactional
    public int proposeSchool(long campaignId, long schoolId, Caller caller) {
        campaigns.get(campaignId, caller);
        SchoolRef school = schoolInScope(schoolId, caller);
        List<Long> ids = repository.idsOfSchool(
                campaignId, school.id(), List.of(StudentStatus.REGISTERED, StudentStatus.RETURNED));
        if (ids.isEmpty()) {
            throw new ConflictException(
                    "student.nothing-to-propose",
                    "Không có học sinh nào đang chờ đề xuất (mới đăng ký hoặc đã sửa sau khi bị trả lại).",
                    "No student is waiting to be proposed (newly registered, or corrected after a return).");
        }
        return propose(ids, caller);
    }

    /** Proposes the chosen students; all of them or none. */
    @Transactional
    public int propose(List<Long> ids, Caller caller) {
        return move(ids, StudentStatus.PROPOSED, null, caller, false);
    }

    @Transactional
    public int approve(List<Long> ids, Caller caller) {
        return move(ids, StudentStatus.APPROVED, null, caller, true);
    }

    /** Sends students back to their school with what to correct. */
    @Transactional
    public int returnForCorrection(List<Long> ids, String reason, Caller caller) {
        return move(ids, StudentStatus.RETURNED, reason, caller, true);
    }

    @Transactional
    public int reject(List<Long> ids, String reason, Caller caller) {
        return move(ids, StudentStatus.REJECTED, reason, caller, true);
    }

    private int move(List<Long> ids, StudentStatus target, String rawReason, Caller caller, boolean approverOnly) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidValueException("student.none-chosen", "Chưa chọn học sinh nào.", "No student was chosen.");
        }
        if (ids.size() > 5_000) {
            throw new InvalidValueException(
                    "student.too-many", "Mỗi lần chọn tối đa 5.000 học sinh.", "At most 5,000 students at a time.");
        }
        String reason = VietnameseText.tidy(rawReason);
        if (StudentStatus.needsReason(target) && (reason == null || reason.isEmpty())) {
            throw new InvalidValueException(
                    "student.reason-required",
                    "Hãy ghi lý do để nhà trường biết cần sửa gì.",
                    "Write the reason so the school knows what to correct.");
        }
        if (reason != null && reason.length() > 500) {
            throw new InvalidValueException(
                    "student.reason-long", "Lý do dài tối đa 500 ký tự.", "The reason is at most 500 characters.");
        }
        List<Stored> students = new ArrayList<>();
        for (Long id : new java.util.LinkedHashSet<>(ids)) {
            Stored s = covered(id == null ? -1 : id, caller);
            if (approverOnly && !canApprove(caller, s.unitId())) {
                // the school sees its student but may not decide on it: same 404 as for any forbidden record
                throw new NotFoundException(ENTITY, id);
            }
            if (!s.status().canMoveTo(target)) {
                throw new ConflictException(
                        "student.status",
                        s.fullName() + ": đang \"" + s.status().labelVi() + "\", không thể chuyển sang \""
                                + target.labelVi() + "\".",
                        s.fullName() + " is " + s.status().labelEn() + " and cannot become " + target.labelEn() + ".");
            }
            students.add(s);
        }
        for (Stored s : students) {
            if (!repository.changeStatus(s.id(), s.status(), target, reason, null, caller)) {
                throw changedMeanwhile();
            }
            events.publishEvent(new DomainChange(
                    ENTITY,
                    String.valueOf(s.id()),
                    target.name(),
                    s.unitId(),
                    Map.of("status", s.status().name()),
                    Map.of("status", target.name()),
                    reason));
        }
        return students.size();
    }

    /**
     * Merges a duplicate into the student that stays: the duplicate becomes MERGED and points at the survivor; its
     * history and audit entries stay and show on the survivor's page. What the survivor lacks (personal ID, MOET code,
     * home commune, address, guardian) is taken from the duplicate; what it has stays. Both must be in the same
     * campaign.
     */
    @Transactional
    public StudentView merge(long keepId, long mergeId, String rawReason, Caller caller) {
        if (keepId == mergeId) {
            throw new InvalidValueException(
                    "student.merge-self",
                    "Không thể gộp một học sinh vào chính mình.",
                    "A student cannot be merged into itself.");
        }
        Stored keep = covered(keepId, caller);
        Stored merged = covered(mergeId, caller);
        if (keep.campaignId() != merged.campaignId()) {
            throw new ConflictException(
                    "student.merge-campaign",
                    "Chỉ gộp được hai hồ sơ trong cùng một chương trình.",
                    "Only two records of the same campaign can be merged.");
        }
        if (keep.status() == StudentStatus.MERGED || !merged.status().canMoveTo(StudentStatus.MERGED)) {
            throw new ConflictException(
                    "student.merge-status", "Hồ sơ này đã được gộp trước đó.", "This record has already been merged.");
        }
        String reason = VietnameseText.tidy(rawReason);
        String note = "Gộp vào hồ sơ #" + keepId + (reason == null || reason.isEmpty() ? "" : ": " + reason);
        if (note.length() > 500) {
            note = note.substring(0, 500);
        }
        if (!repository.changeStatus(mergeId, merged.status(), StudentStatus.MERGED, note, keepId, caller)) {
            throw changedMeanwhile();
        }
        repository.fillMissingFrom(keepId, mergeId);
        Stored filled = repository.find(keepId).orElseThrow();
        if (!withContact(filled).equals(withContact(keep))) {
            events.publishEvent(DomainChange.updated(
                    ENTITY,
                    keepId,
                    filled.unitId(),
                    withContact(keep),
                    withContact(filled),
                    "Bổ sung từ hồ sơ gộp #" + mergeId + " / filled in from merged record #" + mergeId));
        }
        events.publishEvent(new DomainChange(
                ENTITY,
                String.valueOf(mergeId),
                "MERGED",
                merged.unitId(),
                Map.of("status", merged.status().name()),
                Map.of("status", "MERGED", "mergedInto", keepId),
                reason));
        return get(keepId, caller);
    }

    // ---- roll-up

    /**
     * Counts per child unit and per school directly under {@code unitId} (the reader's own unit when null), and the
     * schools that have not proposed anyone. Managers covering the unit and administrators only; counts, no names of
     * children.
     */
    public RollUp rollUp(long campaignId, Long unitId, Caller caller) {
        Campaign campaign = campaigns.get(campaignId, caller);
        long unit = unitId != null
                ? unitId
                : caller.scope().kind() == Scope.Kind.UNIT
                        ? caller.scope().unitId()
                        : campaign.organisingUnit().id();
        boolean manager = caller.isAdmin() || caller.is(Role.PROGRAMME_MANAGER);
        if (!manager || !scopes.covers(caller, unit)) {
            throw new NotFoundException("unit", unit);
        }
        LocalDate deadline =
                campaign.spec().phases().stream().findFirst().map(Phase::endsOn).orElse(null);
        LocalDate today = LocalDate.now(Formats.VIETNAM);
        var levels = campaign.spec().eligibleLevels();
        return new RollUp(
                unit,
                repository.unitName(unit),
                deadline,
                deadline != null && today.isAfter(deadline),
                repository.countsPerChildUnit(campaignId, unit),
                repository.countsPerSchool(campaignId, unit),
                repository.notProposed(campaignId, campaign.areaUnitIds(), unit, levels, 200),
                repository.notProposedCount(campaignId, campaign.areaUnitIds(), unit, levels));
    }

    // ---- evidence

    @Transactional
    public Evidence attachEvidence(long studentId, String fileName, byte[] content, Caller caller) {
        Stored s = covered(studentId, caller);
        String type = EvidenceFiles.check(content);
        String name = VietnameseText.tidy(fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_"));
        if (name.isEmpty()) {
            name = "minh-chung";
        }
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        long id = repository.insertEvidence(studentId, name, type, content, caller.accountId());
        events.publishEvent(DomainChange.created(
                "student_evidence",
                id,
                s.unitId(),
                Map.of("student", studentId, "file", name, "size", content.length)));
        return repository.evidence(studentId).stream()
                .filter(e -> e.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Removes an evidence file, say one of another child uploaded by mistake: it is a document about a family, so it
     * must be possible to take it back. A reason is required and the removal is audited (the file's name and size, not
     * its content). Once the student is proposed or decided, the evidence backs that decision: only a manager whose
     * scope covers the student may then remove it.
     */
    @Transactional
    public void removeEvidence(long studentId, long evidenceId, String rawReason, Caller caller) {
        Stored s = covered(studentId, caller);
        Evidence evidence = repository.evidence(studentId).stream()
                .filter(e -> e.id() == evidenceId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("student_evidence", evidenceId));
        String reason = VietnameseText.tidy(rawReason);
        if (reason == null || reason.isEmpty()) {
            throw new InvalidValueException(
                    "student.evidence.reason",
                    "Hãy ghi lý do xóa minh chứng (ví dụ: tải nhầm giấy tờ của học sinh khác).",
                    "Give a reason for removing the evidence (e.g. another child's document uploaded by mistake).");
        }
        boolean manager = caller.isAdmin() || caller.is(Role.PROGRAMME_MANAGER);
        if (!s.status().editableBySchool() && !manager) {
            throw new ConflictException(
                    "student.evidence.locked",
                    "Học sinh đã được đề xuất hoặc xét duyệt; minh chứng chỉ được xóa bởi cấp xét duyệt.",
                    "The student has been proposed or decided; only the approving level may remove evidence now.");
        }
        repository.deleteEvidence(studentId, evidenceId);
        events.publishEvent(new DomainChange(
                "student_evidence",
                String.valueOf(evidenceId),
                "DELETED",
                s.unitId(),
                Map.of("student", studentId, "file", evidence.fileName(), "size", evidence.sizeBytes()),
                Map.of(),
                reason.length() > 500 ? reason.substring(0, 500) : reason));
    }

    public List<Evidence> evidence(long studentId, Caller caller) {
        covered(studentId, caller);
        return repository.evidence(studentId);
    }

    public Evidence.File evidenceFile(long studentId, long evidenceId, Caller caller) {
        covered(studentId, caller);
        return repository
                .evidenceFile(studentId, evidenceId)
                .orElseThrow(() -> new NotFoundException("student_evidence", evidenceId));
    }

    // ---- views

    private StudentView view(Stored s, Caller caller, boolean ownPage) {
        boolean visible = covers(caller, s.schoolId(), s.unitId());
        PersonalIdNumber id = null;
        if (visible && s.personalIdCipher() != null) {
            try {
                id = cipher.decrypt(s.personalIdCipher());
            } catch (IllegalArgumentException e) {
                // sealed with another key (a restored backup, a rotated key): show that it exists, not a 500
                id = null;
            }
        }
        var weights = campaigns.get(s.campaignId(), Caller.SYSTEM).spec().categories();
        var categories = StudentDetails.categoriesFromColumn(s.categories());
        PriorityScore priority =
                PriorityScore.of(categories, weights, s.needs(), s.deviceSituation(), s.connectivity());
        return new StudentView(
                s.id(),
                s.campaignId(),
                s.schoolId(),
                s.schoolName(),
                s.unitId(),
                s.unitName(),
                visible ? s.fullName() : MaskedName.of(s.fullName()),
                !visible,
                visible ? s.birthDate() : null,
                s.gender(),
                visible && id != null ? id.masked() : null,
                visible && ownPage && id != null ? id.digits() : null,
                visible ? s.moetCode() : null,
                s.grade(),
                s.className(),
                visible ? s.homeUnitId() : null,
                visible ? s.homeUnitName() : null,
                visible ? s.address() : null,
                visible ? s.guardianName() : null,
                visible && s.guardianPhone() != null ? new PhoneNumber(s.guardianPhone()) : null,
                categories,
                s.deviceSituation(),
                s.connectivity(),
                s.needs(),
                visible ? s.notes() : null,
                s.priorityScore(),
                priority,
                s.status(),
                s.statusReason(),
                s.mergedIntoId(),
                s.version(),
                s.createdAt());
    }

    /** What the audit log keeps: enough to follow the change, never the personal id, phone, address or birth date. */
    /** Which contact details a record has (not the values: the audit log is read more widely than the register). */
    private static Map<String, Object> contact(Stored s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("moetCode", s.moetCode() == null ? "" : "có / set");
        m.put("homeUnit", s.homeUnitName() == null ? "" : s.homeUnitName());
        m.put("address", s.address() == null ? "" : "có / set");
        m.put("guardianName", s.guardianName() == null ? "" : "có / set");
        m.put("guardianPhone", s.guardianPhone() == null ? "" : "có / set");
        return m;
    }

    private static Map<String, Object> withContact(Stored s) {
        Map<String, Object> m = snapshot(s);
        m.putAll(contact(s));
        return m;
    }

    private static Map<String, Object> snapshot(Stored s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fullName", s.fullName());
        m.put("school", s.schoolName());
        m.put("grade", s.grade());
        m.put("categories", s.categories());
        m.put("deviceSituation", s.deviceSituation().name());
        m.put("connectivity", s.connectivity().name());
        m.put("needs", s.needs().codes());
        m.put("priorityScore", s.priorityScore());
        m.put("status", s.status().name());
        m.put("personalId", s.personalIdCipher() == null ? "" : "có / set");
        return m;
    }
}
