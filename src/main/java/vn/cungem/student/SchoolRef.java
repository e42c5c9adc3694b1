package vn.cungem.student;

import vn.cungem.organisation.SchoolLevel;

/** The school a student is registered at, as validation needs it: its id, the unit it sits in and its level. */
public record SchoolRef(long id, long unitId, String moetCode, String name, SchoolLevel level) {

    /** Whether the grade is taught at this level; null level means the registry does not know, so anything goes. */
    public boolean teaches(int grade) {
        if (level == null) {
            return true;
        }
        return switch (level) {
            case PRIMARY -> grade >= 1 && grade <= 5;
            case LOWER_SECONDARY -> grade >= 6 && grade <= 9;
            case UPPER_SECONDARY -> grade >= 10 && grade <= 12;
            case CONTINUING_EDUCATION -> grade >= 6 && grade <= 12;
            case PRESCHOOL -> false;
        };
    }
}
