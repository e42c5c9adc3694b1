package vn.cungem.donation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cungem.campaign.Phase;

class GoLiveChecklistTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    static Phase phase(LocalDate start, LocalDate end) {
        return new Phase("Giai đoạn", start, end, null, null, null);
    }

    @Test
    void aCampaignWithoutPhasesIsNeverOver() {
        assertThat(GoLiveChecklist.datesOver(List.of(), TODAY)).isFalse();
    }

    @Test
    void aCampaignIsOverOnlyWhenEveryPhaseHasEnded() {
        assertThat(GoLiveChecklist.datesOver(List.of(phase(TODAY.minusDays(30), TODAY.minusDays(1))), TODAY))
                .isTrue();
        assertThat(GoLiveChecklist.datesOver(
                        List.of(phase(TODAY.minusDays(30), TODAY.minusDays(10)), phase(TODAY.minusDays(9), TODAY)),
                        TODAY))
                .as("the last day of a phase still takes pledges")
                .isFalse();
        assertThat(GoLiveChecklist.datesOver(
                        List.of(phase(TODAY.minusDays(30), TODAY.minusDays(10)), phase(null, null)), TODAY))
                .as("an open-ended phase keeps the campaign open")
                .isFalse();
    }

    @Test
    void readyOnlyWhenEveryItemIsDone() {
        assertThat(new GoLiveChecklist(true, true, true, true).ready()).isTrue();
        assertThat(new GoLiveChecklist(false, true, true, true).ready()).isFalse();
        assertThat(new GoLiveChecklist(true, false, true, true).ready()).isFalse();
        assertThat(new GoLiveChecklist(true, true, false, true).ready()).isFalse();
        assertThat(new GoLiveChecklist(true, true, true, false).ready()).isFalse();
        assertThat(new GoLiveChecklist(true, false, true, false).items())
                .extracting(GoLiveChecklist.Item::name, GoLiveChecklist.Item::done)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("started", true),
                        org.assertj.core.groups.Tuple.tuple("hasCollectionPoint", false),
                        org.assertj.core.groups.Tuple.tuple("hasBankAccount", true),
                        org.assertj.core.groups.Tuple.tuple("datesOpen", false));
    }
}
