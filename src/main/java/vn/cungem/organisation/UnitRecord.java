package vn.cungem.organisation;

import java.time.LocalDate;

/** A record that belongs to one unit, which decides who may see and change it: a school, a partner organisation. */
public interface UnitRecord {

    long id();

    String name();

    /** The unit it belongs to: a school's commune or district, a partner's home unit. */
    long unitId();

    LocalDate retiredOn();

    default boolean active() {
        return retiredOn() == null;
    }
}
