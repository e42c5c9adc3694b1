package vn.cungem.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.Money;

class CampaignSpecTests {

    private static final LocalDate SEP_10 = LocalDate.of(2021, 9, 10);

    private static CampaignSpec valid() {
        return new CampaignSpec(
                "TD-2021",
                "Sóng và máy tính cho em",
                null,
                1L,
                List.of(),
                List.of(SchoolLevel.PRIMARY),
                List.of(ItemType.LAPTOP),
                List.of(new Phase("Giai đoạn 1", SEP_10, LocalDate.of(2021, 12, 31), 50_000, null, null)),
                CampaignDefaults.PRIORITY_CATEGORIES,
                CampaignDefaults.DEVICE_REQUIREMENTS,
                List.of(new Milestone(SEP_10, null, "Phát động")));
    }

    private static CampaignSpec withPhases(Phase... phases) {
        CampaignSpec v = valid();
        return new CampaignSpec(
                v.code(),
                v.name(),
                null,
                1L,
                List.of(),
                v.eligibleLevels(),
                v.itemTypes(),
                List.of(phases),
                v.categories(),
                v.requirements(),
                v.milestones());
    }

    private static List<String> fields(CampaignSpec spec) {
        return spec.problems().stream().map(CampaignProblem::field).toList();
    }

    @Test
    void acceptsAWellFormedCampaign() {
        assertThat(valid().problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "td-2021", "TĐ-2021", "A B", "-TD", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"})
    void rejectsCodesThatAreNotShortCapitalAscii(String code) {
        CampaignSpec v = valid();
        CampaignSpec spec = new CampaignSpec(
                code,
                v.name(),
                null,
                1L,
                List.of(),
                v.eligibleLevels(),
                v.itemTypes(),
                v.phases(),
                v.categories(),
                v.requirements(),
                v.milestones());
        assertThat(fields(spec)).contains("code");
    }

    @Test
    void requiresNameOrganiserLevelAndItemType() {
        CampaignSpec spec = new CampaignSpec("TD-2021", " ", null, null, null, null, null, null, null, null, null);
        assertThat(fields(spec)).contains("name", "organisingUnit", "eligibleLevels", "itemTypes");
    }

    @Test
    void rejectsPhaseEndingBeforeItStarts() {
        assertThat(fields(withPhases(new Phase("P", SEP_10, SEP_10.minusDays(1), null, null, null))))
                .containsExactly("phases[0].endsOn");
    }

    @Test
    void acceptsOneDayPhase() {
        assertThat(withPhases(new Phase("P", SEP_10, SEP_10, null, null, null)).problems())
                .isEmpty();
    }

    @Test
    void rejectsOverlappingPhases() {
        CampaignSpec spec = withPhases(
                new Phase("1", SEP_10, LocalDate.of(2021, 12, 31), null, null, null),
                new Phase("2", LocalDate.of(2021, 12, 31), null, null, null, null));
        assertThat(fields(spec)).containsExactly("phases[1].startsOn");
    }

    @Test
    void rejectsPhaseAfterAnOpenEndedOne() {
        CampaignSpec spec = withPhases(
                new Phase("1", SEP_10, null, null, null, null),
                new Phase("2", LocalDate.of(2022, 1, 1), null, null, null, null));
        assertThat(fields(spec)).containsExactly("phases[1].startsOn");
    }

    @Test
    void rejectsPhasesOutOfDateOrder() {
        CampaignSpec spec = withPhases(
                new Phase("1", LocalDate.of(2022, 1, 1), null, null, null, null),
                new Phase("2", SEP_10, LocalDate.of(2021, 12, 31), null, null, null));
        assertThat(fields(spec)).containsExactly("phases[1].startsOn");
    }

    @Test
    void letsOnlyTheLastPhaseWaitForItsDates() {
        Phase later = new Phase("3", null, null, null, null, null);
        Phase open = new Phase("2", LocalDate.of(2022, 1, 1), null, 100_000, null, null);
        assertThat(withPhases(open, later).problems()).isEmpty();
        assertThat(fields(withPhases(later, open))).contains("phases[0].startsOn");
        assertThat(fields(withPhases(new Phase("x", null, SEP_10, null, null, null))))
                .contains("phases[0].startsOn");
    }

    @Test
    void rejectsNegativeTargets() {
        CampaignSpec spec = withPhases(new Phase("P", SEP_10, null, -1, -2, Money.vnd(-3)));
        assertThat(fields(spec))
                .containsExactlyInAnyOrder(
                        "phases[0].targetDevices", "phases[0].targetStudents", "phases[0].targetCashVnd");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1001, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void rejectsWeightsOutsideZeroToThousand(int weight) {
        CampaignSpec v = valid();
        CampaignSpec spec = new CampaignSpec(
                v.code(),
                v.name(),
                null,
                1L,
                List.of(),
                v.eligibleLevels(),
                v.itemTypes(),
                v.phases(),
                List.of(new PriorityCategory("A", "A", "A", weight)),
                List.of(),
                List.of());
        assertThat(fields(spec)).containsExactly("categories[0].weight");
    }

    @Test
    void acceptsWeightBounds() {
        CampaignSpec v = valid();
        CampaignSpec spec = new CampaignSpec(
                v.code(),
                v.name(),
                null,
                1L,
                List.of(),
                v.eligibleLevels(),
                v.itemTypes(),
                v.phases(),
                List.of(new PriorityCategory("A", "A", "A", 0), new PriorityCategory("B", "B", "B", 1000)),
                List.of(),
                List.of());
        assertThat(spec.problems()).isEmpty();
    }

    @Test
    void rejectsRepeatedCategoryCodes() {
        CampaignSpec v = valid();
        CampaignSpec spec = new CampaignSpec(
                v.code(),
                v.name(),
                null,
                1L,
                List.of(),
                v.eligibleLevels(),
                v.itemTypes(),
                v.phases(),
                List.of(new PriorityCategory("A", "A", "A", 1), new PriorityCategory("A", "B", "B", 2)),
                List.of(),
                List.of());
        assertThat(fields(spec)).containsExactly("categories[1].code");
    }

    @Test
    void requiresMilestoneDateAndTitle() {
        CampaignSpec v = valid();
        CampaignSpec spec = new CampaignSpec(
                v.code(),
                v.name(),
                null,
                1L,
                List.of(),
                v.eligibleLevels(),
                v.itemTypes(),
                v.phases(),
                v.categories(),
                v.requirements(),
                List.of(new Milestone(null, null, "Phát động"), new Milestone(SEP_10, SEP_10.minusDays(3), " ")));
        assertThat(fields(spec))
                .containsExactlyInAnyOrder("milestones[0].startsOn", "milestones[1].endsOn", "milestones[1].title");
    }

    @Test
    void everyProblemHasBothLanguages() {
        CampaignSpec spec = new CampaignSpec(
                null,
                null,
                "x".repeat(5000),
                null,
                null,
                null,
                null,
                List.of(new Phase(null, null, null, -1, null, null), new Phase("", SEP_10, null, null, null, null)),
                List.of(new PriorityCategory("bad code", "", null, 5000)),
                List.of(new DeviceRequirement(null, "", "")),
                List.of(new Milestone(null, null, null)));
        assertThat(spec.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.messageVi()).isNotBlank();
            assertThat(p.messageEn()).isNotBlank();
            assertThat(p.field()).isNotBlank();
        });
    }

    /** Property: random phase lists are accepted exactly when sorted, disjoint windows with end ≥ start. */
    @Test
    void randomPhaseListsAreAcceptedExactlyWhenOrderedAndDisjoint() {
        Random random = new Random(20210910L);
        for (int run = 0; run < 500; run++) {
            int count = 1 + random.nextInt(4);
            List<Phase> phases = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                LocalDate start = SEP_10.plusDays(random.nextInt(200));
                LocalDate end = random.nextInt(5) == 0 ? null : start.plusDays(random.nextInt(80) - 10);
                phases.add(new Phase("P" + i, start, end, random.nextInt(10), null, null));
            }
            boolean expected = true;
            for (int i = 0; i < count; i++) {
                Phase p = phases.get(i);
                if (p.endsOn() != null && p.endsOn().isBefore(p.startsOn())) {
                    expected = false;
                }
                if (i > 0) {
                    Phase prev = phases.get(i - 1);
                    if (prev.endsOn() == null
                            || !p.startsOn().isAfter(prev.endsOn())
                            || !p.startsOn().isAfter(prev.startsOn())) {
                        expected = false;
                    }
                }
            }
            assertThat(withPhases(phases.toArray(Phase[]::new)).problems().isEmpty())
                    .as("phases %s", phases)
                    .isEqualTo(expected);
        }
    }
}
