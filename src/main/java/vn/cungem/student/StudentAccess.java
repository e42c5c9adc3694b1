package vn.cungem.student;

import java.util.Objects;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;
import vn.cungem.student.internal.SchoolsAndUnits;
import vn.cungem.student.internal.StudentRepository;
import vn.cungem.student.internal.StudentRepository.Stored;

/**
 * Who may see and do what in the registry (children's data; see {@link Students}). A record the reader may not see
 * answers 404, as one that does not exist.
 */
final class StudentAccess {

    private final StudentRepository repository;
    private final SchoolsAndUnits organisation;
    private final UnitScopes scopes;

    StudentAccess(StudentRepository repository, SchoolsAndUnits organisation, UnitScopes scopes) {
        this.repository = repository;
        this.organisation = organisation;
        this.scopes = scopes;
    }

    /** Whether the reader may see this student's identity. */
    boolean covers(Caller caller, long schoolId, long unitId) {
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

    boolean covers(Caller caller, Stored s) {
        return covers(caller, s.schoolId(), s.unitId());
    }

    /** Managers of the approving unit (or above) and administrators: district, or the commune where there is none. */
    boolean canApprove(Caller caller, long schoolUnitId) {
        if (caller.isAdmin()) {
            return true;
        }
        return caller.is(Role.PROGRAMME_MANAGER)
                && caller.scope().kind() == Scope.Kind.UNIT
                && scopes.isWithin(
                        organisation.approvingUnit(schoolUnitId), caller.scope().unitId());
    }

    /** Whoever covers the school may register, correct and propose its students. */
    static boolean canRegister(Caller caller) {
        return caller.isAdmin() || caller.is(Role.PROGRAMME_MANAGER) || caller.is(Role.SCHOOL_OFFICER);
    }

    /** Administrators and programme managers: roll-ups, and evidence once a student is proposed or decided. */
    static boolean isManager(Caller caller) {
        return caller.isAdmin() || caller.is(Role.PROGRAMME_MANAGER);
    }

    /** The school a school officer registers for: their own. Null for everyone else (they name it). */
    static Long ownSchool(Caller caller) {
        return caller.is(Role.SCHOOL_OFFICER) ? caller.scope().schoolId() : null;
    }

    /** The student, when the reader covers it; 404 otherwise. */
    Stored covered(long id, Caller caller) {
        Stored s = repository.find(id).orElseThrow(() -> new NotFoundException(Students.ENTITY, id));
        if (!covers(caller, s)) {
            throw new NotFoundException(Students.ENTITY, id);
        }
        return s;
    }

    boolean isVisible(long id, Caller caller) {
        return repository.find(id).filter(s -> covers(caller, s)).isPresent();
    }

    SchoolRef schoolInScope(long schoolId, Caller caller) {
        SchoolRef school = organisation.school(schoolId).orElseThrow(() -> new NotFoundException("school", schoolId));
        if (!covers(caller, school.id(), school.unitId())) {
            throw new NotFoundException("school", schoolId);
        }
        return school;
    }

    /** Which rows of the student table the reader may list, as SQL on {@code s}; ids come from the server. */
    String listCondition(Caller caller) {
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
}
