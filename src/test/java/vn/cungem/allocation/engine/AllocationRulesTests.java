package vn.cungem.allocation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cungem.allocation.engine.ItemKind.LAPTOP;
import static vn.cungem.allocation.engine.ItemKind.SIM_4G;
import static vn.cungem.allocation.engine.ItemKind.SMARTPHONE;
import static vn.cungem.allocation.engine.ItemKind.TABLET;
import static vn.cungem.allocation.engine.ItemKind.WIFI_DEVICE;
import static vn.cungem.allocation.engine.SchoolLevel.LOWER_SECONDARY;
import static vn.cungem.allocation.engine.SchoolLevel.PRIMARY;
import static vn.cungem.allocation.engine.SchoolLevel.UPPER_SECONDARY;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The matching rules one at a time, on inputs small enough to read. District 1 has communes 10, 11; district 2: 20. */
class AllocationRulesTests {

    @Test
    void upperSecondaryGetsALaptopBeforeASmartphoneWhileOneIsLeft() {
        Plan plan = plan(
                List.of(student(1, 90, 100, UPPER_SECONDARY), student(2, 80, 100, UPPER_SECONDARY)),
                List.of(item(11, SMARTPHONE, 100), item(12, LAPTOP, 0)));
        assertThat(deviceOf(plan, 1)).isEqualTo(12);
        assertThat(why(plan, 1).reason()).isEqualTo(Reason.SERVED);
        assertThat(deviceOf(plan, 2)).isEqualTo(11);
        assertThat(why(plan, 2).reason()).isEqualTo(Reason.SERVED_FALLBACK);
        assertThat(why(plan, 2).missed()).isEqualTo(LAPTOP);
    }

    @Test
    void theNearestItemGoesFirstSameSchoolThenCommune() {
        Plan plan = plan(
                List.of(student(1, 50, 100, LOWER_SECONDARY)),
                List.of(
                        new ReadyItem(21, LAPTOP, UPPER_SECONDARY, 0, 11, 1, false),
                        new ReadyItem(22, LAPTOP, UPPER_SECONDARY, 0, 10, 1, false),
                        new ReadyItem(23, LAPTOP, UPPER_SECONDARY, 100, 10, 1, false)));
        assertThat(deviceOf(plan, 1)).isEqualTo(23);
        assertThat(why(plan, 1).distance()).isEqualTo(Distance.SAME_SCHOOL);
    }

    @Test
    void aVersatileDeviceIsKeptForTheStudentWhoCannotUseAnyOther() {
        // the primary pupil ranks first but takes the primary-only tablet: the older student still gets the other
        Plan plan = plan(
                List.of(student(1, 90, 100, PRIMARY), student(2, 10, 100, UPPER_SECONDARY)),
                List.of(
                        new ReadyItem(31, TABLET, UPPER_SECONDARY, 100, 10, 1, false),
                        new ReadyItem(32, TABLET, PRIMARY, 100, 10, 1, false)));
        assertThat(deviceOf(plan, 1)).isEqualTo(32);
        assertThat(deviceOf(plan, 2)).isEqualTo(31);
    }

    @Test
    void aStudentNobodyCanServeIsToldWhy() {
        Plan plan = plan(
                List.of(student(1, 90, 100, UPPER_SECONDARY), student(2, 10, 100, PRIMARY)),
                List.of(new ReadyItem(41, TABLET, PRIMARY, 100, 10, 1, false)));
        assertThat(deviceOf(plan, 2)).isEqualTo(41);
        assertThat(note(plan, 1).reason()).isEqualTo(Reason.NO_SUITABLE_ITEM);
        assertThat(note(plan, 1).rank()).isEqualTo(1);
    }

    @Test
    void siblingsAtOneAddressShareOneDeviceUnlessTheCampaignSaysOtherwise() {
        List<Applicant> siblings = List.of(
                new Applicant(1, 40, 100, 10, 1, PRIMARY, true, true, 777),
                new Applicant(2, 70, 100, 10, 1, UPPER_SECONDARY, true, true, 777),
                student(3, 20, 100, LOWER_SECONDARY));
        List<ReadyItem> items = List.of(item(51, LAPTOP, 100), item(52, LAPTOP, 100));
        Plan sharing = AllocationEngine.plan(new AllocationInput(siblings, items, Rules.DEFAULT));
        assertThat(deviceOf(sharing, 2)).isEqualTo(51);
        assertThat(note(sharing, 1).reason()).isEqualTo(Reason.SHARES_WITH_SIBLING);
        assertThat(note(sharing, 1).relatedStudentId()).isEqualTo(2);
        assertThat(deviceOf(sharing, 3)).isEqualTo(52);

        Plan apart = AllocationEngine.plan(new AllocationInput(siblings, items, new Rules(false, true)));
        assertThat(deviceOf(apart, 2)).isEqualTo(51);
        assertThat(deviceOf(apart, 1)).isEqualTo(52);
        assertThat(note(apart, 3).reason()).isEqualTo(Reason.QUOTA_USED_UP);
    }

    @Test
    void aHomeWithoutInternetGetsASimOrWifiWhileTheyLastAndAComputerGetsWifiFirst() {
        Plan plan = plan(
                List.of(
                        new Applicant(1, 90, 100, 10, 1, UPPER_SECONDARY, true, false, 0),
                        new Applicant(2, 80, 100, 10, 1, UPPER_SECONDARY, true, false, 0),
                        new Applicant(3, 70, 100, 10, 1, UPPER_SECONDARY, true, false, 0)),
                List.of(
                        item(61, LAPTOP, 100),
                        item(62, LAPTOP, 100),
                        item(63, LAPTOP, 100),
                        item(64, SIM_4G, 100),
                        item(65, WIFI_DEVICE, 0)));
        assertThat(connectionOf(plan, 1)).isEqualTo(65);
        assertThat(connectionOf(plan, 2)).isEqualTo(64);
        assertThat(note(plan, 3).reason()).isEqualTo(Reason.NO_CONNECTIVITY_LEFT);
    }

    @Test
    void aSimMarkedAsPairedIsStillHandedOut() {
        // "paired" describes a device that brings its own SIM; on a SIM itself the flag means nothing
        Plan plan = plan(
                List.of(new Applicant(1, 90, 100, 10, 1, UPPER_SECONDARY, true, false, 0)),
                List.of(item(66, SMARTPHONE, 100), new ReadyItem(67, SIM_4G, UPPER_SECONDARY, 100, 10, 1, true)));
        assertThat(connectionOf(plan, 1)).isEqualTo(67);
    }

    @Test
    void quotasFollowPriorityWeightedNeedAndItemsMoveToWhereTheQuotaIs() {
        // district 1: one claim of priority 9; district 2: two claims of priority 4 → weights 10 and 10 → 1 each
        Plan plan = plan(
                List.of(
                        student(1, 9, 100, UPPER_SECONDARY),
                        new Applicant(2, 4, 200, 20, 2, UPPER_SECONDARY, true, true, 0),
                        new Applicant(3, 4, 200, 20, 2, UPPER_SECONDARY, true, true, 0)),
                List.of(item(71, LAPTOP, 100), item(72, LAPTOP, 100)));
        assertThat(plan.quotas())
                .extracting(Quota::districtId, Quota::quota)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, 1), org.assertj.core.groups.Tuple.tuple(2L, 1));
        assertThat(deviceOf(plan, 2)).isEqualTo(72);
        assertThat(why(plan, 2).distance()).isEqualTo(Distance.OTHER_DISTRICT);
        assertThat(note(plan, 3).reason()).isEqualTo(Reason.QUOTA_USED_UP);
        assertThat(note(plan, 3).poolDevices()).isEqualTo(1);
    }

    @Test
    void aDistrictWithoutAnyDeviceThisRunIsToldSo() {
        // one laptop, weights 91 against 2: district 1 gets it, district 2 is told it has none this run
        Plan plan = plan(
                List.of(
                        student(1, 90, 100, UPPER_SECONDARY),
                        new Applicant(2, 1, 200, 20, 2, UPPER_SECONDARY, true, true, 0)),
                List.of(item(95, LAPTOP, 100)));
        assertThat(note(plan, 2).reason()).isEqualTo(Reason.NO_DEVICE_FOR_DISTRICT);
    }

    @Test
    void itemsNoDistrictNeedsAreLeftForLaterWithTheReason() {
        Plan plan = plan(List.of(student(1, 9, 100, PRIMARY)), List.of(item(81, TABLET, 100), item(82, TABLET, 100)));
        assertThat(plan.unused()).singleElement().satisfies(n -> {
            assertThat(n.itemId()).isEqualTo(82);
            assertThat(n.why().reason()).isEqualTo(Reason.NOT_NEEDED);
        });
    }

    @Test
    void stageTwoRunsWithQuotasAManagerAdjusted() {
        AllocationInput input = new AllocationInput(
                List.of(
                        student(1, 9, 100, UPPER_SECONDARY),
                        new Applicant(2, 4, 200, 20, 2, UPPER_SECONDARY, true, true, 0)),
                List.of(item(91, LAPTOP, 100)),
                Rules.DEFAULT);
        List<Quota> quotas = AllocationEngine.quotas(input);
        assertThat(quotas).extracting(Quota::quota).containsExactly(1, 0);
        Plan adjusted =
                AllocationEngine.match(input, List.of(new Quota(1, LAPTOP, 1, 10, 0), new Quota(2, LAPTOP, 1, 5, 1)));
        assertThat(deviceOf(adjusted, 2)).isEqualTo(91);
        assertThat(note(adjusted, 1).reason()).isEqualTo(Reason.NO_DEVICE_FOR_DISTRICT);
    }

    static Applicant student(long id, int priority, long school, SchoolLevel level) {
        return new Applicant(id, priority, school, 10, 1, level, true, true, 0);
    }

    /** An item of district 1: at school {@code school} (commune 10), or at the district's workshop when 0. */
    static ReadyItem item(long id, ItemKind kind, long school) {
        return new ReadyItem(id, kind, UPPER_SECONDARY, school, 10, 1, false);
    }

    static Plan plan(List<Applicant> students, List<ReadyItem> items) {
        return AllocationEngine.plan(new AllocationInput(students, items, Rules.DEFAULT));
    }

    static long deviceOf(Plan plan, long student) {
        return plan.assignments().stream()
                .filter(a -> a.studentId() == student && a.kind().isDevice())
                .mapToLong(Assignment::itemId)
                .findFirst()
                .orElse(0);
    }

    static long connectionOf(Plan plan, long student) {
        return plan.assignments().stream()
                .filter(a -> a.studentId() == student && !a.kind().isDevice())
                .mapToLong(Assignment::itemId)
                .findFirst()
                .orElse(0);
    }

    static Why why(Plan plan, long student) {
        return plan.assignments().stream()
                .filter(a -> a.studentId() == student && a.kind().isDevice())
                .map(Assignment::why)
                .findFirst()
                .orElseThrow();
    }

    static Why note(Plan plan, long student) {
        return plan.notes().stream()
                .filter(n -> n.studentId() == student)
                .map(StudentNote::why)
                .findFirst()
                .orElseThrow();
    }
}
