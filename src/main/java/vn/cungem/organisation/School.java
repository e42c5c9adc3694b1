package vn.cungem.organisation;

import java.time.LocalDate;

/** A school, identified by its MOET code, hanging under a commune or district. */
public record School(
        long id,
        String moetCode,
        String name,
        SchoolLevel level,
        Ownership ownership,
        long unitId,
        String address,
        LocalDate retiredOn)
        implements UnitRecord {}
