package vn.cungem.inventory.places;

/**
 * A place holding items. Its {@code name} is shown as the owning module names it: a collection point's by donation, a
 * school's by organisation, a workshop's own.
 */
public record Place(
        long id,
        PlaceKind kind,
        String name,
        Long collectionPointId,
        Long schoolId,
        Long pointSchoolId,
        Long teamId,
        long unitId,
        String unitName) {}
