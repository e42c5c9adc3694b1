package vn.cungem.handover;

import java.util.Set;
import vn.cungem.handover.internal.HandoverStore.BatchRow;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;
import vn.cungem.student.Students;

/**
 * Who may do what with handovers. A batch is scheduled by a reader who covers the school (its officer, a manager above
 * it, an administrator: the readers who may see its students). It is seen and carried out by them and by the volunteers
 * whose unit holds the school; volunteers see the children's names masked, as everywhere outside the school's scope. A
 * batch the reader may not see answers 404, as one that does not exist.
 */
final class HandoverAccess {

    static final String BATCH = "handover_batch";
    private static final Set<Role> HAND_OVER =
            Set.of(Role.SYSTEM_ADMIN, Role.PROGRAMME_MANAGER, Role.SCHOOL_OFFICER, Role.VOLUNTEER_TECHNICIAN);

    private final Students students;
    private final UnitScopes scopes;

    HandoverAccess(Students students, UnitScopes scopes) {
        this.students = students;
        this.scopes = scopes;
    }

    boolean covers(Caller caller, long schoolId, long unitId) {
        return students.covers(caller, schoolId, unitId);
    }

    boolean covers(Caller caller, BatchRow batch) {
        return covers(caller, batch.schoolId(), batch.unitId());
    }

    boolean sees(Caller caller, BatchRow batch) {
        if (covers(caller, batch)) {
            return true;
        }
        Scope scope = caller.scope();
        return caller.is(Role.VOLUNTEER_TECHNICIAN)
                && scope.kind() == Scope.Kind.UNIT
                && scopes.isWithin(batch.unitId(), scope.unitId());
    }

    BatchRow requireSees(Caller caller, BatchRow batch) {
        if (!sees(caller, batch)) {
            throw new NotFoundException(BATCH, batch.id());
        }
        return batch;
    }

    BatchRow requireHandsOver(Caller caller, BatchRow batch) {
        requireSees(caller, batch);
        if (!HAND_OVER.contains(caller.role())) {
            throw new NotFoundException(BATCH, batch.id());
        }
        return batch;
    }
}
