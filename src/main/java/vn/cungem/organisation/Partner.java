package vn.cungem.organisation;

import java.time.LocalDate;

/** A partner organisation beside the tree (Youth Union branch, telecom operator …) with the unit it belongs to. */
public record Partner(
        long id,
        String name,
        PartnerKind kind,
        long homeUnitId,
        String contactEmail,
        String contactPhone,
        LocalDate retiredOn)
        implements UnitRecord {

    /** The home unit, whose managers manage the partner. */
    @Override
    public long unitId() {
        return homeUnitId;
    }
}
