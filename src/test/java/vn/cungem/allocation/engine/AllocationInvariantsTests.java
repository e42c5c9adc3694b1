package vn.cungem.allocation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.cungem.allocation.engine.AllocationInstances.Shape;

/**
 * Generated instances (seed printed on failure, so a failure replays with {@code AllocationInstances.generate}) keep
 * the plan's invariants: every item once, every student needing a device once, one device and at most one way online
 * each, quotas within need and adding up to the supply.
 */
class AllocationInvariantsTests {

    @Test
    void everyItemAndEveryStudentAppearsOnceWithOneDeviceAtMost() {
        for (long seed = 1; seed <= 120; seed++) {
            AllocationInput input = medium(seed);
            Plan plan = AllocationEngine.plan(input);
            String replay = "seed " + seed;
            Set<Long> items = new HashSet<>();
            plan.assignments()
                    .forEach(a -> assertThat(items.add(a.itemId())).as(replay).isTrue());
            plan.unused()
                    .forEach(n -> assertThat(items.add(n.itemId())).as(replay).isTrue());
            assertThat(items).as(replay).hasSize(input.items().size());

            Map<Long, Long> devices = plan.assignments().stream()
                    .filter(a -> a.kind().isDevice())
                    .collect(Collectors.groupingBy(Assignment::studentId, Collectors.counting()));
            Map<Long, Long> connections = plan.assignments().stream()
                    .filter(a -> !a.kind().isDevice())
                    .collect(Collectors.groupingBy(Assignment::studentId, Collectors.counting()));
            assertThat(devices.values()).as(replay).allMatch(n -> n == 1);
            assertThat(connections.values()).as(replay).allMatch(n -> n == 1);
            assertThat(devices.keySet()).as(replay).containsAll(connections.keySet());

            Set<Long> outcomes = new HashSet<>();
            devices.keySet().forEach(s -> assertThat(outcomes.add(s)).as(replay).isTrue());
            plan.notes().stream()
                    .filter(n -> n.why().reason() != Reason.NO_CONNECTIVITY_LEFT)
                    .forEach(n -> assertThat(outcomes.add(n.studentId()))
                            .as(replay + " student " + n.studentId())
                            .isTrue());
            Set<Long> needing = input.applicants().stream()
                    .filter(Applicant::needsDevice)
                    .map(Applicant::id)
                    .collect(Collectors.toSet());
            assertThat(outcomes).as(replay).isEqualTo(needing);
        }
    }

    @Test
    void connectivityGoesOnlyToServedHomesWithoutInternetAndRunsOutBeforeAnyoneIsShort() {
        for (long seed = 1; seed <= 120; seed++) {
            AllocationInput input = medium(seed);
            Plan plan = AllocationEngine.plan(input);
            Map<Long, Applicant> students =
                    input.applicants().stream().collect(Collectors.toMap(Applicant::id, Function.identity()));
            Map<Long, ReadyItem> items =
                    input.items().stream().collect(Collectors.toMap(ReadyItem::id, Function.identity()));
            Map<Long, ReadyItem> deviceOf = new HashMap<>();
            plan.assignments().stream()
                    .filter(a -> a.kind().isDevice())
                    .forEach(a -> deviceOf.put(a.studentId(), items.get(a.itemId())));
            for (Assignment a : plan.assignments()) {
                if (!a.kind().isDevice()) {
                    assertThat(students.get(a.studentId()).hasInternet())
                            .as("seed %d", seed)
                            .isFalse();
                    assertThat(deviceOf.get(a.studentId()).pairedConnectivity())
                            .as("seed %d", seed)
                            .isFalse();
                }
            }
            Set<Long> shortDistricts = plan.notes().stream()
                    .filter(n -> n.why().reason() == Reason.NO_CONNECTIVITY_LEFT)
                    .map(n -> n.why().districtId())
                    .collect(Collectors.toSet());
            List<ItemNote> spareConnectivity = plan.unused().stream()
                    .filter(n -> n.why().reason() == Reason.NO_STUDENT_WITHOUT_INTERNET)
                    .toList();
            for (ItemNote spare : spareConnectivity) {
                assertThat(shortDistricts)
                        .as("seed %d", seed)
                        .doesNotContain(spare.why().districtId());
            }
        }
    }

    @Test
    void quotasStayWithinNeedAndAddUpToTheSupply() {
        for (long seed = 1; seed <= 120; seed++) {
            AllocationInput input = medium(seed);
            Plan plan = AllocationEngine.plan(input);
            Map<ItemKind, Long> supply = input.items().stream()
                    .collect(Collectors.groupingBy(
                            ReadyItem::kind, () -> new EnumMap<>(ItemKind.class), Collectors.counting()));
            Map<ItemKind, Integer> handed = new EnumMap<>(ItemKind.class);
            Map<Long, Integer> devicesByDistrict = new HashMap<>();
            for (Quota q : plan.quotas()) {
                assertThat(q.quota()).as("seed %d", seed).isBetween(0, q.need());
                handed.merge(q.kind(), q.quota(), Integer::sum);
                if (q.kind().isDevice()) {
                    devicesByDistrict.merge(q.districtId(), q.quota(), Integer::sum);
                }
            }
            Map<Long, Long> claimsByDistrict = IndependentClaims.of(input).stream()
                    .collect(Collectors.groupingBy(c -> c.recipient().districtId(), Collectors.counting()));
            for (var district : devicesByDistrict.entrySet()) {
                assertThat((long) district.getValue())
                        .as("seed %d", seed)
                        .isLessThanOrEqualTo(claimsByDistrict.get(district.getKey()));
            }
            long claims = claimsByDistrict.values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            long deviceSupply = ItemKind.DEVICES.stream()
                    .mapToLong(k -> supply.getOrDefault(k, 0L))
                    .sum();
            long devicesHanded = devicesByDistrict.values().stream()
                    .mapToLong(Integer::longValue)
                    .sum();
            assertThat(devicesHanded).as("seed %d", seed).isEqualTo(Math.min(claims, deviceSupply));
            for (ItemKind kind : ItemKind.values()) {
                long placed = plan.assignments().stream()
                                .filter(a -> a.kind() == kind)
                                .count()
                        + plan.unused().stream()
                                .filter(n -> n.kind() == kind && n.why().reason() != Reason.NOT_NEEDED)
                                .count();
                assertThat(placed).as("seed %d %s", seed, kind).isEqualTo((long) handed.getOrDefault(kind, 0));
            }
        }
    }

    static AllocationInput medium(long seed) {
        Rules rules = new Rules(seed % 4 != 0, seed % 7 != 0);
        int students = 50 + (int) (seed * 37 % 400);
        int items = (int) (seed * 53 % 500);
        return AllocationInstances.generate(seed, new Shape(students, items, 60, 4, 3), rules);
    }
}
