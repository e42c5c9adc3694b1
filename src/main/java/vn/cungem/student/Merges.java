package vn.cungem.student;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.student.internal.StudentRepository;
import vn.cungem.student.internal.StudentRepository.Stored;
import vn.cungem.student.internal.StudentTallies;

/** Merging a duplicate record into the one that stays (see {@link Students#merge}). */
final class Merges {

    private final StudentRepository repository;
    private final StudentAccess access;
    private final StudentViews views;
    private final Consumer<DomainChange> events;

    private final StudentTallies tallies;

    Merges(
            StudentRepository repository,
            StudentAccess access,
            StudentViews views,
            Consumer<DomainChange> events,
            StudentTallies tallies) {
        this.tallies = tallies;
        this.repository = repository;
        this.access = access;
        this.views = views;
        this.events = events;
    }

    StudentView merge(long keepId, long mergeId, String rawReason, Caller caller) {
        if (keepId == mergeId) {
            throw StudentTexts.invalid("student.merge-self");
        }
        Stored keep = access.covered(keepId, caller);
        Stored merged = access.covered(mergeId, caller);
        if (keep.campaignId() != merged.campaignId()) {
            throw StudentTexts.conflict("student.merge-campaign");
        }
        if (keep.status() == StudentStatus.MERGED || !merged.status().canMoveTo(StudentStatus.MERGED)) {
            throw StudentTexts.conflict("student.merge-status");
        }
        String reason = VietnameseText.tidy(rawReason);
        // stored as the status change's reason, in Vietnamese like every reason people write; ids as text, not 1.234
        String note = Bundles.vi("student.merge.note", String.valueOf(keepId))
                + (reason == null || reason.isEmpty() ? "" : ": " + reason);
        if (note.length() > 500) {
            note = note.substring(0, 500);
        }
        String why = note;
        if (!tallies.aroundIds(
                List.of(mergeId),
                () -> repository.changeStatus(mergeId, merged.status(), StudentStatus.MERGED, why, keepId, caller))) {
            throw StudentTexts.changedMeanwhile();
        }
        repository.fillMissingFrom(keepId, mergeId);
        Stored filled = repository.find(keepId).orElseThrow();
        Map<String, Object> before = StudentSnapshots.withContact(keep);
        Map<String, Object> after = StudentSnapshots.withContact(filled);
        if (!after.equals(before)) {
            events.accept(DomainChange.updated(
                    Students.ENTITY,
                    keepId,
                    filled.unitId(),
                    before,
                    after,
                    Bundles.vi("student.merge.filled", String.valueOf(mergeId)) + " / "
                            + Bundles.en("student.merge.filled", String.valueOf(mergeId))));
        }
        events.accept(new DomainChange(
                Students.ENTITY,
                String.valueOf(mergeId),
                "MERGED",
                merged.unitId(),
                Map.of("status", merged.status().name()),
                Map.of("status", "MERGED", "mergedInto", keepId),
                reason));
        return views.of(access.covered(keepId, caller), caller, true);
    }
}
