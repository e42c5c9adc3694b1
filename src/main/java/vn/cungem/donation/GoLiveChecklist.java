package vn.cungem.donation;

import java.time.LocalDate;
import java.util.List;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.campaign.Phase;

/**
 * Whether a campaign may be offered to donors on the public pledge page, item by item, so the campaign's donations
 * page can say what is missing. A donor who pledges must be able to bring goods somewhere and to transfer money
 * somewhere (issue 12: “a campaign that has no collection point or bank account, or whose dates are over, is not
 * offered”).
 */
public record GoLiveChecklist(boolean started, boolean hasCollectionPoint, boolean hasBankAccount, boolean datesOpen) {

    public static GoLiveChecklist of(
            Campaign campaign, boolean hasCollectionPoint, boolean hasBankAccount, LocalDate today) {
        return new GoLiveChecklist(
                campaign.status() == CampaignStatus.ACTIVE,
                hasCollectionPoint,
                hasBankAccount,
                !datesOver(campaign.spec().phases(), today));
    }

    /**
     * A campaign's dates are over when every phase has an end and the last one has passed. No phases, or a phase
     * without an end (“until the outbreak is under control”), keeps it open.
     */
    static boolean datesOver(List<Phase> phases, LocalDate today) {
        if (phases.isEmpty()) {
            return false;
        }
        return phases.stream().allMatch(p -> p.endsOn() != null && p.endsOn().isBefore(today));
    }

    public boolean ready() {
        return started && hasCollectionPoint && hasBankAccount && datesOpen;
    }

    /** One line of the checklist, named as in the bundles ({@code donation.golive.<name>}). */
    public record Item(String name, boolean done) {}

    public List<Item> items() {
        return List.of(
                new Item("started", started),
                new Item("hasCollectionPoint", hasCollectionPoint),
                new Item("hasBankAccount", hasBankAccount),
                new Item("datesOpen", datesOpen));
    }
}
