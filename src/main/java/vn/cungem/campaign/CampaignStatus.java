package vn.cungem.campaign;

import java.util.EnumSet;
import java.util.Set;
import vn.cungem.shared.text.Labelled;

/** The life of a campaign. {@link #next()} is the one place that knows the legal moves. */
public enum CampaignStatus implements Labelled {
    DRAFT,
    ACTIVE,
    CLOSED;

    /** A closed campaign stays closed: its reports have gone up and its ledger is final. */
    public Set<CampaignStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(ACTIVE);
            case ACTIVE -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(CampaignStatus.class);
        };
    }

    public boolean canMoveTo(CampaignStatus target) {
        return next().contains(target);
    }

    /** Details may change until the campaign closes. */
    public boolean isEditable() {
        return this != CLOSED;
    }
}
