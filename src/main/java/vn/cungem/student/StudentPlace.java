package vn.cungem.student;

/** Where a student is registered: the campaign, the school and the school's unit, with the names pages show. */
public record StudentPlace(long campaignId, long schoolId, String schoolName, long unitId, String unitName) {}
