package vn.cungem.demo.generator;

import vn.cungem.organisation.OrganisationBulkLoad;

/** A unit to load: its code, name and level, and the code of its parent (null for a root). */
public record UnitRow(String code, String name, String levelCode, String parentCode) {

    public OrganisationBulkLoad.UnitLine line() {
        return new OrganisationBulkLoad.UnitLine(code, name, levelCode, parentCode);
    }
}
