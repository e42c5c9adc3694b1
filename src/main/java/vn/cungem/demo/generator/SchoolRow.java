package vn.cungem.demo.generator;

import vn.cungem.organisation.OrganisationBulkLoad;
import vn.cungem.organisation.Ownership;
import vn.cungem.organisation.SchoolLevel;

/** A school to load, placed under the unit with {@code unitCode}. */
public record SchoolRow(
        String moetCode, String name, String schoolLevel, String ownership, String unitCode, String address) {

    public OrganisationBulkLoad.SchoolLine line() {
        return new OrganisationBulkLoad.SchoolLine(
                moetCode, name, SchoolLevel.valueOf(schoolLevel), Ownership.valueOf(ownership), unitCode, address);
    }
}
