package vn.cungem.organisation;

/** A partner organisation to create with its home unit; email and phone are optional. */
public record NewPartner(String name, PartnerKind kind, long homeUnitId, String contactEmail, String contactPhone) {}
