package vn.cungem.student.internal;

import java.util.Set;
import org.springframework.stereotype.Component;
import vn.cungem.shared.audit.AuditedRecords;
import vn.cungem.shared.security.Caller;
import vn.cungem.student.Students;

/** A student's history is for those who may open the student's page: the school, its managers, administrators. */
@Component
class StudentAuditRecords implements AuditedRecords {

    private final Students students;

    StudentAuditRecords(Students students) {
        this.students = students;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(Students.ENTITY);
    }

    @Override
    public boolean maySee(String entityType, String entityId, Caller caller) {
        Long id = AuditedRecords.numericId(entityId);
        return id != null && students.isVisible(id, caller);
    }
}
