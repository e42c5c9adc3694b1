package vn.cungem.campaign;

import java.time.LocalDate;

/** A row of the campaign list. */
public record CampaignSummary(
        long id,
        String code,
        String name,
        CampaignStatus status,
        String organisingUnitName,
        LocalDate startsOn,
        LocalDate endsOn) {}
