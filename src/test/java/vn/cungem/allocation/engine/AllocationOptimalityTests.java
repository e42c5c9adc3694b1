package vn.cungem.allocation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.junit.jupiter.api.Test;
import vn.cungem.allocation.engine.AllocationInstances.Shape;

/**
 * The plan serves the most priority possible inside each district, given the items of the district's quotas: checked
 * against a minimum-cost flow computed by JGraphT on the same claims and items (source → claim, cost −priority;
 * claim → every device that suits its level; device → sink; and a free arc source → sink for claims left out). And
 * fairness: nobody is left out while a lower-priority claim of the same district holds a device they could use.
 */
class AllocationOptimalityTests {

    private static final int INSTANCES = 400;

    @Test
    void servesTheMostPriorityPossibleInEveryDistrict() {
        for (long seed = 1; seed <= INSTANCES; seed++) {
            AllocationInput input = small(seed);
            Plan plan = AllocationEngine.plan(input);
            Map<Long, List<IndependentClaims>> claimsByDistrict = IndependentClaims.of(input).stream()
                    .collect(Collectors.groupingBy(c -> c.recipient().districtId()));
            Map<Long, List<ReadyItem>> devicesByDistrict = devicesOfEachDistrict(input, plan);
            Map<Long, Long> served = servedPriorityByDistrict(input, plan);
            for (var district : claimsByDistrict.entrySet()) {
                long optimum = maximumPriority(
                        district.getValue(), devicesByDistrict.getOrDefault(district.getKey(), List.of()));
                assertThat(served.getOrDefault(district.getKey(), 0L))
                        .as("seed %d, district %d:%n%s", seed, district.getKey(), PlanText.write(plan))
                        .isEqualTo(optimum);
            }
        }
    }

    @Test
    void leavesNobodyOutWhileALowerPriorityClaimHoldsADeviceTheyCouldUse() {
        for (long seed = 1; seed <= INSTANCES; seed++) {
            AllocationInput input = small(seed);
            Plan plan = AllocationEngine.plan(input);
            Map<Long, ReadyItem> items =
                    input.items().stream().collect(Collectors.toMap(ReadyItem::id, Function.identity()));
            Map<Long, Applicant> students =
                    input.applicants().stream().collect(Collectors.toMap(Applicant::id, Function.identity()));
            List<Assignment> devices =
                    plan.assignments().stream().filter(a -> a.kind().isDevice()).toList();
            for (IndependentClaims claim : IndependentClaims.of(input)) {
                Applicant waiting = claim.recipient();
                if (devices.stream().anyMatch(a -> a.studentId() == waiting.id())) {
                    continue;
                }
                for (Assignment a : devices) {
                    Applicant holder = students.get(a.studentId());
                    if (holder.districtId() == waiting.districtId() && holder.priority() < waiting.priority()) {
                        assertThat(items.get(a.itemId()).suitsUpTo().compareTo(waiting.level()))
                                .as(
                                        "seed %d: student %d left out, lower student %d holds item %d",
                                        seed, waiting.id(), holder.id(), a.itemId())
                                .isLessThan(0);
                    }
                }
            }
        }
    }

    static AllocationInput small(long seed) {
        int students = 1 + (int) (seed % 24);
        int items = (int) ((seed * 7) % 19);
        Rules rules = new Rules(seed % 3 != 0, seed % 5 != 0);
        return AllocationInstances.generate(seed, new Shape(students, items, 6, 2, 1 + (int) (seed % 2)), rules);
    }

    /** The devices that filled each district's quotas: those handed out there and those it could not use. */
    private static Map<Long, List<ReadyItem>> devicesOfEachDistrict(AllocationInput input, Plan plan) {
        Map<Long, ReadyItem> items =
                input.items().stream().collect(Collectors.toMap(ReadyItem::id, Function.identity()));
        Map<Long, List<ReadyItem>> byDistrict = new HashMap<>();
        for (Assignment a : plan.assignments()) {
            if (a.kind().isDevice()) {
                byDistrict
                        .computeIfAbsent(a.why().districtId(), d -> new ArrayList<>())
                        .add(items.get(a.itemId()));
            }
        }
        for (ItemNote note : plan.unused()) {
            if (note.why().reason() == Reason.NO_SUITABLE_STUDENT) {
                byDistrict
                        .computeIfAbsent(note.why().districtId(), d -> new ArrayList<>())
                        .add(items.get(note.itemId()));
            }
        }
        return byDistrict;
    }

    private static Map<Long, Long> servedPriorityByDistrict(AllocationInput input, Plan plan) {
        Map<Long, Applicant> students =
                input.applicants().stream().collect(Collectors.toMap(Applicant::id, Function.identity()));
        Map<Long, Long> served = new HashMap<>();
        for (Assignment a : plan.assignments()) {
            if (a.kind().isDevice()) {
                Applicant s = students.get(a.studentId());
                served.merge(s.districtId(), (long) s.priority(), Long::sum);
            }
        }
        return served;
    }

    private static long maximumPriority(List<IndependentClaims> claims, List<ReadyItem> devices) {
        Graph<String, DefaultWeightedEdge> graph = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        graph.addVertex("source");
        graph.addVertex("sink");
        Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();
        Function<String[], DefaultWeightedEdge> arc = ends -> graph.addEdge(ends[0], ends[1]);
        DefaultWeightedEdge bypass = arc.apply(new String[] {"source", "sink"});
        graph.setEdgeWeight(bypass, 0);
        capacity.put(bypass, claims.size());
        for (ReadyItem item : devices) {
            String v = "item " + item.id();
            graph.addVertex(v);
            DefaultWeightedEdge e = arc.apply(new String[] {v, "sink"});
            graph.setEdgeWeight(e, 0);
            capacity.put(e, 1);
        }
        for (IndependentClaims claim : claims) {
            String v = "claim " + claim.recipient().id();
            graph.addVertex(v);
            DefaultWeightedEdge in = arc.apply(new String[] {"source", v});
            graph.setEdgeWeight(in, -claim.recipient().priority());
            capacity.put(in, 1);
            for (ReadyItem item : devices) {
                if (item.suitsUpTo().compareTo(claim.recipient().level()) >= 0) {
                    DefaultWeightedEdge e = arc.apply(new String[] {v, "item " + item.id()});
                    graph.setEdgeWeight(e, 0);
                    capacity.put(e, 1);
                }
            }
        }
        int n = claims.size();
        MinimumCostFlowProblem<String, DefaultWeightedEdge> problem =
                new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                        graph, v -> v.equals("source") ? n : v.equals("sink") ? -n : 0, capacity::get);
        double cost = new CapacityScalingMinimumCostFlow<String, DefaultWeightedEdge>()
                .getMinimumCostFlow(problem)
                .getCost();
        return Math.round(-cost);
    }
}
