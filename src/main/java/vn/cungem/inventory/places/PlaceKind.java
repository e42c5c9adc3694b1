package vn.cungem.inventory.places;

/** Where an item can be: a collection point (where it arrives), a workshop (a volunteer team's), a school. */
public enum PlaceKind {
    COLLECTION_POINT,
    WORKSHOP,
    SCHOOL
}
