package vn.cungem.student.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.cungem.student.internal.Tallies.Group;

/**
 * The kept counts ({@link StudentTallies}) when the tree changes under the students: a unit moved under a new parent,
 * a school moved or changing level. Organisation publishes both inside the change's transaction, holding the tree's
 * lock exclusive, so no writer is counting by the old tree meanwhile.
 */
@Component
class TreeMovedCounts {

    private final StudentTallies tallies;
    private final ProposingSchools proposing;

    TreeMovedCounts(StudentTallies tallies, ProposingSchools proposing) {
        this.tallies = tallies;
        this.proposing = proposing;
    }

    /**
     * The unit {@code moved} and everything below it have moved under a new parent (organisation's event, in the move's
     * transaction): their students' counts leave the old parent's units and join the new parent's, per category where
     * those units keep it, with the schools that have sent their list ({@link ProposingSchools}). The units inside the
     * subtree and the schools keep theirs.
     */
    @EventListener
    void subtreeMoved(vn.cungem.organisation.UnitMoved moved) {
        tallies.timed(() -> {
            List<Group> groups = tallies.groups(
                    "s.unit_id in (select descendant_id from org_unit_tree where ancestor_id = ?)",
                    List.of(moved.unitId()));
            Set<Long> communes = new HashSet<>();
            List<Long> before = moved.oldParentId() == null
                    ? List.of()
                    : tallies.ancestors(List.of(moved.oldParentId()), communes)
                            .getOrDefault(moved.oldParentId(), List.of());
            List<Long> after = tallies.ancestors(List.of(moved.newParentId()), communes)
                    .getOrDefault(moved.newParentId(), List.of());
            if (!groups.isEmpty()) {
                Map<Long, List<Long>> wasUnder = new HashMap<>();
                Map<Long, List<Long>> isUnder = new HashMap<>();
                for (Group g : groups) {
                    wasUnder.put(g.unitId(), before);
                    isUnder.put(g.unitId(), after);
                }
                // the school rows are the same on both sides and cancel out: only the units above the subtree move
                tallies.apply(Tallies.difference(
                        Tallies.count(groups, wasUnder, communes), Tallies.count(groups, isUnder, communes)));
            }
            proposing.subtreeMoved(moved.unitId(), before, after, tallies.isPostgres());
        });
    }

    /**
     * A school moved to another unit or changed level (organisation's event, in the change's transaction; its students'
     * unit has followed by the foreign key): its students' counts leave the old unit's ancestors and level and join the
     * new ones', with the school itself if it has sent its list.
     */
    @EventListener
    void schoolChanged(vn.cungem.organisation.SchoolChanged changed) {
        tallies.timed(() -> {
            List<Group> now = tallies.groups("s.school_id = ?", List.of(changed.schoolId()));
            Set<Long> communes = new HashSet<>();
            Map<Long, List<Long>> ancestors =
                    tallies.ancestors(List.of(changed.oldUnitId(), changed.newUnitId()), communes);
            if (!now.isEmpty()) {
                List<Group> was = now.stream()
                        .map(g -> new Group(
                                g.campaignId(),
                                g.schoolId(),
                                changed.oldUnitId(),
                                changed.oldLevel(),
                                g.status(),
                                g.categories(),
                                g.students()))
                        .toList();
                tallies.apply(Tallies.difference(
                        Tallies.count(was, ancestors, communes), Tallies.count(now, ancestors, communes)));
            }
            proposing.schoolChanged(
                    changed,
                    ancestors.getOrDefault(changed.oldUnitId(), List.of()),
                    ancestors.getOrDefault(changed.newUnitId(), List.of()),
                    tallies.isPostgres());
        });
    }
}
