package vn.cungem.organisation;

/** A school to create under a unit (commune or district). */
public record NewSchool(
        String moetCode, String name, SchoolLevel level, Ownership ownership, long unitId, String address) {}
