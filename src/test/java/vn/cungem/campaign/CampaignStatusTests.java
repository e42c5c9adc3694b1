package vn.cungem.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CampaignStatusTests {

    @Test
    void allowsExactlyDraftToActiveToClosed() {
        Set<String> legal = Set.of("DRAFT>ACTIVE", "ACTIVE>CLOSED");
        for (CampaignStatus from : CampaignStatus.values()) {
            for (CampaignStatus to : CampaignStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(legal.contains(from + ">" + to));
            }
        }
    }

    @Test
    void everyStatusIsReachableFromDraftAndClosedIsFinal() {
        Set<CampaignStatus> reached = EnumSet.of(CampaignStatus.DRAFT);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (CampaignStatus s : EnumSet.copyOf(reached)) {
                grew |= reached.addAll(s.next());
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(CampaignStatus.values());
        assertThat(CampaignStatus.CLOSED.next()).isEmpty();
    }

    @Test
    void onlyClosedCampaignsAreFrozen() {
        assertThat(CampaignStatus.DRAFT.isEditable()).isTrue();
        assertThat(CampaignStatus.ACTIVE.isEditable()).isTrue();
        assertThat(CampaignStatus.CLOSED.isEditable()).isFalse();
    }
}
