package vn.cungem.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.cungem.organisation.SchoolLevel;

class CampaignDefaultsTests {

    @Test
    void newCampaignStartsFromEveryItemTypeAndTheSourceWeights() {
        CampaignSpec spec = CampaignDefaults.newSpec(1L);
        assertThat(spec.itemTypes()).containsExactly(ItemType.values());
        Map<String, Integer> weights =
                spec.categories().stream().collect(Collectors.toMap(PriorityCategory::code, PriorityCategory::weight));
        assertThat(weights)
                .containsEntry("ORPHAN_BOTH_PARENTS", 100)
                .containsEntry("ORPHAN_ONE_PARENT", 70)
                .containsEntry("POOR_HOUSEHOLD", 40)
                .containsEntry("NEAR_POOR_HOUSEHOLD", 30)
                .containsEntry("INDUSTRIAL_WORKER_JOBLESS", 30)
                .containsEntry("FREELANCE_WORKER_JOBLESS", 25)
                .containsEntry("ETHNIC_MINORITY_HARDSHIP", 30)
                .containsEntry("FRONTLINE_WORKER_HARDSHIP", 25);
    }

    @Test
    void orphansOfCovidComeFirst() {
        int top = CampaignDefaults.PRIORITY_CATEGORIES.stream()
                .mapToInt(PriorityCategory::weight)
                .max()
                .orElseThrow();
        assertThat(CampaignDefaults.PRIORITY_CATEGORIES.get(0).weight()).isEqualTo(top);
    }

    @Test
    void carriesThuDucDeviceRequirements() {
        assertThat(CampaignDefaults.DEVICE_REQUIREMENTS)
                .extracting(DeviceRequirement::textVi)
                .anySatisfy(t -> assertThat(t).contains("màn hình, CPU, bàn phím, chuột, micro, camera"))
                .anySatisfy(t -> assertThat(t).contains("sạc"))
                .anySatisfy(t -> assertThat(t).contains("đã qua sử dụng"));
    }

    @Test
    void everyItemTypeAndLevelHasBothLanguages() {
        for (ItemType t : ItemType.values()) {
            assertThat(t.nameVi()).isNotBlank();
            assertThat(t.nameEn()).isNotBlank();
        }
        for (SchoolLevel l : SchoolLevel.values()) {
            assertThat(l.nameVi()).isNotBlank();
            assertThat(l.nameEn()).isNotBlank();
        }
    }

    @Test
    void defaultsAreValidApartFromWhatThePersonMustEnter() {
        CampaignSpec spec = CampaignDefaults.newSpec(1L);
        assertThat(spec.problems()).extracting(CampaignProblem::field).containsExactlyInAnyOrder("code", "name");
    }
}
