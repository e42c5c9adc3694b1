package vn.cungem.organisation;

import vn.cungem.shared.text.Labelled;

/** The school levels of the Vietnamese education system; schools have one, campaigns name those they serve. */
public enum SchoolLevel implements Labelled {
    PRESCHOOL,
    PRIMARY,
    LOWER_SECONDARY,
    UPPER_SECONDARY,
    CONTINUING_EDUCATION;
}
