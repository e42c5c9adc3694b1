package vn.cungem.organisation;

/** The school levels of the Vietnamese education system, as campaigns target them. */
public enum SchoolLevel {
    PRESCHOOL,
    PRIMARY,
    LOWER_SECONDARY,
    UPPER_SECONDARY,
    CONTINUING_EDUCATION
}
