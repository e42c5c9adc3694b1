package vn.cungem.campaign;

import java.util.EnumSet;
import java.util.Set;

/** The life of a campaign. {@link #next()} is the one place that knows the legal moves. */
public enum CampaignStatus {
    DRAFT("Bản nháp", "Draft"),
    ACTIVE("Đang triển khai", "Active"),
    CLOSED("Đã kết thúc", "Closed");

    private final String nameVi;
    private final String nameEn;

    CampaignStatus(String nameVi, String nameEn) {
        this.nameVi = nameVi;
        this.nameEn = nameEn;
    }

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

    public String nameVi() {
        return nameVi;
    }

    public String nameEn() {
        return nameEn;
    }
}
