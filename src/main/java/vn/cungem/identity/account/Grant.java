package vn.cungem.identity.account;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.cungem.shared.security.Role;

/** A role and the one unit, school, volunteer team or partner organisation it applies to. */
public record Grant(Role role, Long unitId, Long schoolId, Long partnerId, Long teamId) {

    /** The role and the ids it carries, as the audit log records them. */
    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("role", role.name());
        if (unitId != null) {
            map.put("unitId", unitId);
        }
        if (schoolId != null) {
            map.put("schoolId", schoolId);
        }
        if (partnerId != null) {
            map.put("partnerId", partnerId);
        }
        if (teamId != null) {
            map.put("teamId", teamId);
        }
        return map;
    }
}
