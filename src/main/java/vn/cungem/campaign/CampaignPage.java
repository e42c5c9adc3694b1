package vn.cungem.campaign;

import java.util.List;

/** A page of campaigns; {@code page} counts from 0. */
public record CampaignPage(List<CampaignSummary> items, int page, int size, boolean hasNext) {

    public boolean hasPrevious() {
        return page > 0;
    }
}
