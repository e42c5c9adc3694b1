package vn.cungem.allocation.engine;

/** How far an item is from the student it goes to, nearest first: the order matching tries. */
public enum Distance {
    SAME_SCHOOL,
    SAME_COMMUNE,
    SAME_DISTRICT,
    /** The item is moved in from another district to fill this district's quota. */
    OTHER_DISTRICT
}
