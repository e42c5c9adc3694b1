package vn.cungem.allocation.engine;

/**
 * School level, ordered: an item's suitability class is the highest level it serves well, so an item suits every
 * level up to its class (a laptop fit for upper-secondary work also serves a primary pupil, not the other way).
 */
public enum SchoolLevel {
    PRIMARY,
    LOWER_SECONDARY,
    UPPER_SECONDARY;

    static final int COUNT = values().length;
}
