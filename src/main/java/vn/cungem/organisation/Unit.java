package vn.cungem.organisation;

import java.time.LocalDate;

/** An administrative unit with its official (GSO) code. Retired units stay, with the date they ceased to exist. */
public record Unit(long id, String code, String name, String levelCode, Long parentId, LocalDate retiredOn) {

    public boolean active() {
        return retiredOn == null;
    }
}
