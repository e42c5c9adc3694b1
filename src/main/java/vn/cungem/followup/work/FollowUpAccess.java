package vn.cungem.followup.work;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;

/**
 * Who sees and records follow-up: a school's officer for the students of their school, programme managers for the
 * schools in their unit's subtree, administrators everywhere. Volunteers see support cases only (see
 * {@link SupportCases}), never a child's name.
 */
@Component
public class FollowUpAccess {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final UnitScopes scopes;

    FollowUpAccess(UnitScopes scopes) {
        this.scopes = scopes;
    }

    public static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    public static boolean isManager(Caller caller) {
        return caller.isAdmin() || caller.is(Role.PROGRAMME_MANAGER);
    }

    public static boolean isOfficer(Caller caller) {
        return caller.is(Role.SCHOOL_OFFICER) && caller.scope().schoolId() != null;
    }

    /** A SQL condition keeping the rows (with {@code school_id} and {@code unit_id} columns) the caller may see. */
    public String filter(Caller caller, String alias) {
        if (isOfficer(caller)) {
            return alias + ".school_id = " + Long.valueOf(caller.scope().schoolId());
        }
        if (isManager(caller)) {
            return scopes.unitFilter(caller, alias + ".unit_id");
        }
        return "1=0";
    }

    /** Whether the caller may see and record the follow-up of a student of this school. */
    public boolean covers(Caller caller, long schoolId, long unitId) {
        if (isOfficer(caller)) {
            return caller.scope().schoolId() == schoolId;
        }
        return isManager(caller) && scopes.covers(caller, unitId);
    }

    /** Whether the caller may see a unit's roll-up (managers only). */
    public boolean coversUnit(Caller caller, long unitId) {
        return isManager(caller) && scopes.covers(caller, unitId);
    }

    UnitScopes scopes() {
        return scopes;
    }
}
