package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.PriorityCategory;

class PriorityScoreTests {

    private static final List<PriorityCategory> WEIGHTS = List.of(
            new PriorityCategory("ORPHAN_BOTH", "Mồ côi cả cha lẫn mẹ do COVID-19", "Orphaned by COVID-19", 100),
            new PriorityCategory("POOR", "Hộ nghèo", "Poor household", 40),
            new PriorityCategory("NEAR_POOR", "Hộ cận nghèo", "Near-poor household", 30));

    @Test
    void addsCategoryWeightsAndDeviceSituationAndExplainsThem() {
        PriorityScore score = PriorityScore.of(
                Set.of("POOR", "ORPHAN_BOTH"),
                WEIGHTS,
                Needs.DEVICE_ONLY,
                DeviceSituation.NONE,
                Connectivity.HOME_INTERNET);
        assertThat(score.score()).isEqualTo(160);
        assertThat(score.explanationVi())
                .isEqualTo("mồ côi cả cha lẫn mẹ do COVID-19: +100; hộ nghèo: +40; chưa có thiết bị: +20");
        assertThat(score.explanationEn()).isEqualTo("orphaned by COVID-19: +100; poor household: +40; no device: +20");
    }

    @Test
    void countsConnectivityAndLeavesOutTheDeviceWhenNoneIsNeeded() {
        PriorityScore score = PriorityScore.of(
                Set.of("NEAR_POOR"),
                WEIGHTS,
                new Needs(false, true, true, false),
                DeviceSituation.SHARED,
                Connectivity.NONE);
        assertThat(score.score()).isEqualTo(40);
        assertThat(score.explanationVi()).isEqualTo("hộ cận nghèo: +30; không có kết nối: +10");
    }

    @Test
    void saysSoWhenNothingAddsPoints() {
        PriorityScore score = PriorityScore.of(
                Set.of(),
                WEIGHTS,
                new Needs(false, false, true, false),
                DeviceSituation.SHARED,
                Connectivity.HOME_INTERNET);
        assertThat(score.score()).isZero();
        assertThat(score.explanationVi()).contains("không thuộc");
    }

    @Test
    void ranksTheMostDifficultFirstWithTheDefaultCategories() {
        List<PriorityCategory> defaults = CampaignDefaults.PRIORITY_CATEGORIES;
        int orphanNoDevice = PriorityScore.of(
                        Set.of(defaults.get(0).code()),
                        defaults,
                        Needs.DEVICE_ONLY,
                        DeviceSituation.NONE,
                        Connectivity.NONE)
                .score();
        int poorShared = PriorityScore.of(
                        Set.of("POOR_HOUSEHOLD"),
                        defaults,
                        Needs.DEVICE_ONLY,
                        DeviceSituation.SHARED,
                        Connectivity.MOBILE_DATA)
                .score();
        assertThat(orphanNoDevice).isGreaterThan(poorShared);
        assertThat(DeviceSituation.NONE.points()).isGreaterThan(DeviceSituation.BROKEN.points());
        assertThat(DeviceSituation.BROKEN.points()).isGreaterThan(DeviceSituation.SHARED.points());
    }
}
