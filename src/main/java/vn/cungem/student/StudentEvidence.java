package vn.cungem.student;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.student.internal.EvidenceRepository;
import vn.cungem.student.internal.StudentRepository.Stored;

/** The documents that show a student's need, kept with the record and shown only to readers who cover the student. */
final class StudentEvidence {

    private static final String ENTITY = "student_evidence";

    private final EvidenceRepository repository;
    private final StudentAccess access;
    private final Consumer<DomainChange> events;

    StudentEvidence(EvidenceRepository repository, StudentAccess access, Consumer<DomainChange> events) {
        this.repository = repository;
        this.access = access;
        this.events = events;
    }

    Evidence attach(long studentId, String fileName, byte[] content, Caller caller) {
        Stored s = access.covered(studentId, caller);
        String type = EvidenceFiles.check(content);
        String name = VietnameseText.tidy(fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_"));
        if (name.isEmpty()) {
            name = "minh-chung";
        }
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        long id = repository.insert(studentId, name, type, content, caller.accountId());
        events.accept(DomainChange.created(
                ENTITY, id, s.unitId(), Map.of("student", studentId, "file", name, "size", content.length)));
        return repository.of(studentId).stream()
                .filter(e -> e.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /** See {@link Students#removeEvidence}. */
    void remove(long studentId, long evidenceId, String rawReason, Caller caller) {
        Stored s = access.covered(studentId, caller);
        Evidence evidence = repository.of(studentId).stream()
                .filter(e -> e.id() == evidenceId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException(ENTITY, evidenceId));
        String reason = VietnameseText.tidy(rawReason);
        if (reason == null || reason.isEmpty()) {
            throw StudentTexts.invalid("student.evidence.reason");
        }
        if (!s.status().editableBySchool() && !StudentAccess.isManager(caller)) {
            throw StudentTexts.conflict("student.evidence.locked");
        }
        repository.delete(studentId, evidenceId);
        events.accept(new DomainChange(
                ENTITY,
                String.valueOf(evidenceId),
                "DELETED",
                s.unitId(),
                Map.of("student", studentId, "file", evidence.fileName(), "size", evidence.sizeBytes()),
                Map.of(),
                reason.length() > 500 ? reason.substring(0, 500) : reason));
    }

    List<Evidence> list(long studentId, Caller caller) {
        access.covered(studentId, caller);
        return repository.of(studentId);
    }

    Evidence.File file(long studentId, long evidenceId, Caller caller) {
        access.covered(studentId, caller);
        return repository.file(studentId, evidenceId).orElseThrow(() -> new NotFoundException(ENTITY, evidenceId));
    }
}
