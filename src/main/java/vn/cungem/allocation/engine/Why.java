package vn.cungem.allocation.engine;

/**
 * A decision's explanation as data, worded later from the bundle. Fields that do not apply are null (or 0):
 * {@code rank} is the claim's place in its district (1 = served first), {@code missed} the preferred kind that ran
 * out, {@code relatedStudentId} the sibling who holds the household's device, {@code poolDevices} the district's quota
 * of devices.
 */
public record Why(
        Reason reason,
        long districtId,
        int rank,
        ItemKind kind,
        Distance distance,
        ItemKind missed,
        SchoolLevel level,
        long relatedStudentId,
        int poolDevices) {

    static Why ofItem(Reason reason, long districtId) {
        return new Why(reason, districtId, 0, null, null, null, null, 0, 0);
    }
}
