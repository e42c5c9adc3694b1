package vn.cungem.student;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.Formats;
import vn.cungem.shared.text.Labelled.Label;
import vn.cungem.student.internal.SchoolsAndUnits;
import vn.cungem.student.internal.StudentRepository;
import vn.cungem.student.internal.StudentRepository.Stored;

/** Registering a student in need and correcting their details while the school still may. */
final class Registrations {

    private final StudentRepository repository;
    private final SchoolsAndUnits organisation;
    private final Campaigns campaigns;
    private final StudentAccess access;
    private final DuplicateChecks duplicates;
    private final StudentViews views;
    private final StudentIdCipher cipher;
    private final Consumer<DomainChange> events;

    Registrations(
            StudentRepository repository,
            SchoolsAndUnits organisation,
            Campaigns campaigns,
            StudentAccess access,
            DuplicateChecks duplicates,
            StudentViews views,
            StudentIdCipher cipher,
            Consumer<DomainChange> events) {
        this.repository = repository;
        this.organisation = organisation;
        this.campaigns = campaigns;
        this.access = access;
        this.duplicates = duplicates;
        this.views = views;
        this.cipher = cipher;
        this.events = events;
    }

    /** What checking a student of this campaign needs; {@code schoolId} fixes the school (a school officer's form). */
    ValidationContext validationContext(Campaign campaign, Long schoolId, Caller caller) {
        SchoolRef fixed = schoolId == null ? null : access.schoolInScope(schoolId, caller);
        return new ValidationContext(
                campaign.spec().categories(),
                code -> organisation.schoolByCode(code).filter(s -> access.covers(caller, s.id(), s.unitId())),
                organisation::communeByCodeOrName,
                fixed,
                LocalDate.now(Formats.VIETNAM));
    }

    /** See {@link Students#register}. */
    Registration register(
            long campaignId,
            Long schoolId,
            StudentInput input,
            boolean confirmedDistinct,
            String idempotencyKey,
            Caller caller) {
        if (!StudentAccess.canRegister(caller)) {
            throw new NotFoundException("campaign", campaignId);
        }
        Campaign campaign = campaigns.get(campaignId, caller);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null) {
            if (key.length() > 100) {
                throw StudentTexts.invalid("student.idempotency-key");
            }
            Optional<Long> existing = repository.idByIdempotencyKey(key);
            if (existing.isPresent()) {
                StudentView earlier = views.of(access.covered(existing.get(), caller), caller, true);
                return new Registration(earlier, false, List.of(), List.of(), false);
            }
        }
        if (campaign.status() == CampaignStatus.CLOSED) {
            throw StudentTexts.conflict("student.campaign-closed");
        }
        Long fixedSchool = schoolId != null ? schoolId : StudentAccess.ownSchool(caller);
        Validated validated = checked(input, campaign, fixedSchool, caller);
        StudentDetails details = validated.details();
        requireInArea(campaign, details);
        duplicates.count(caller);
        DuplicateKeys keys = DuplicateKeys.of(details, cipher);
        for (Stored match : duplicates.exact(keys, null)) {
            if (match.campaignId() == campaignId
                    && match.schoolId() == details.schoolId()
                    && access.covers(caller, match)) {
                return new Registration(views.of(match, caller, false), false, List.of(), validated.warnings(), false);
            }
            throw duplicates.alreadyRegistered(match, caller);
        }
        if (!confirmedDistinct) {
            List<Stored> matches = duplicates.likely(keys);
            if (!matches.isEmpty()) {
                return new Registration(
                        null,
                        false,
                        duplicates.inScope(matches, caller),
                        validated.warnings(),
                        duplicates.anyElsewhere(matches, caller));
            }
        }
        long id = repository.insert(
                campaignId,
                details,
                sealed(details),
                keys.personalIdHash(),
                validated.priority().score(),
                key,
                caller);
        Stored saved = repository.find(id).orElseThrow();
        events.accept(DomainChange.created(Students.ENTITY, id, saved.unitId(), StudentSnapshots.of(saved)));
        return new Registration(views.of(saved, caller, false), true, List.of(), validated.warnings(), false);
    }

    /** See {@link Students#update}. */
    StudentView update(long id, StudentInput input, Integer expectedVersion, Caller caller) {
        Stored before = access.covered(id, caller);
        if (!before.status().editableBySchool()) {
            // the English sentence names the status in lower case ("The student is proposed; …")
            Label status = before.status().label();
            throw StudentTexts.conflict(
                    "student.not-editable", new Label(status.vi(), status.en().toLowerCase(Locale.ROOT)));
        }
        Campaign campaign = campaigns.get(before.campaignId(), caller);
        Validated validated = checked(input, campaign, before.schoolId(), caller);
        StudentDetails details = validated.details();
        duplicates.count(caller);
        DuplicateKeys keys = DuplicateKeys.of(details, cipher);
        List<Stored> exact = duplicates.exact(keys, id);
        if (!exact.isEmpty()) {
            throw duplicates.alreadyRegistered(exact.get(0), caller);
        }
        int version = expectedVersion == null ? before.version() : expectedVersion;
        boolean saved = repository.update(
                id,
                version,
                details,
                sealed(details),
                keys.personalIdHash(),
                validated.priority().score());
        if (!saved) {
            throw StudentTexts.changedMeanwhile();
        }
        Stored after = repository.find(id).orElseThrow();
        events.accept(DomainChange.updated(
                Students.ENTITY, id, after.unitId(), StudentSnapshots.of(before), StudentSnapshots.of(after), null));
        return views.of(after, caller, true);
    }

    private Validated checked(StudentInput input, Campaign campaign, Long schoolId, Caller caller) {
        Validated validated = input.validate(validationContext(campaign, schoolId, caller));
        if (!validated.isValid()) {
            throw new StudentInvalidException(validated.problems());
        }
        return validated;
    }

    private String sealed(StudentDetails details) {
        return details.personalId() == null ? null : cipher.encrypt(details.personalId());
    }

    private void requireInArea(Campaign campaign, StudentDetails details) {
        if (!campaigns.inArea(campaign, details.unitId())) {
            throw new StudentInvalidException(
                    List.of(FieldProblem.errorOf("school", "student.error.outside-area", campaign.name())));
        }
    }
}
