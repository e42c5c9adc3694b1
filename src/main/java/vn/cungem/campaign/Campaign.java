package vn.cungem.campaign;

/** A saved campaign: its id, where it stands, the version edits must name, and what the managers decided. */
public record Campaign(
        long id,
        CampaignStatus status,
        int version,
        CampaignSpec spec,
        UnitRef organisingUnit,
        java.util.List<UnitRef> participatingUnits) {

    /** A unit as a campaign page shows it. */
    public record UnitRef(long id, String code, String name) {}

    public String code() {
        return spec.code();
    }

    public String name() {
        return spec.name();
    }

    /**
     * The campaign's area: the participating units, or the organising unit when it lists none. The one place this rule
     * is written; other modules ask {@link Campaigns#inArea} or filter by these ids, never read campaign tables.
     */
    public java.util.List<Long> areaUnitIds() {
        return participatingUnits.isEmpty()
                ? java.util.List.of(organisingUnit.id())
                : participatingUnits.stream().map(UnitRef::id).toList();
    }
}
