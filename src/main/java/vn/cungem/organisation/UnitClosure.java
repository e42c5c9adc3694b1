package vn.cungem.organisation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The closure table beside the unit tree: a row for every (ancestor, descendant) pair, a unit with itself at depth 0,
 * so "inside this unit" is one indexed sub-select. Only the unit writers keep it in step with {@code parent_id}.
 */
@Component
class UnitClosure {

    private static final String SELF = "insert into unit_closure (ancestor_id, descendant_id, depth) values (?, ?, 0)";
    private static final String UNDER = "insert into unit_closure (ancestor_id, descendant_id, depth)"
            + " select ancestor_id, ?, depth + 1 from unit_closure where descendant_id = ?";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final TreeLock tree;

    UnitClosure(
            JdbcClient jdbc,
            JdbcTemplate batch,
            org.springframework.context.ApplicationEventPublisher events,
            TreeLock tree) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.events = events;
        this.tree = tree;
    }

    /** The rows of a new unit: itself, then its parent's ancestors one level further away. */
    void add(long id, Long parentId) {
        jdbc.sql(SELF).params(id, id).update();
        if (parentId != null) {
            jdbc.sql(UNDER).params(id, parentId).update();
        }
    }

    /**
     * As {@link #add} for many new units: {@code self} holds {id, id} pairs, {@code under} {id, parentId} pairs in depth
     * order, so a parent's rows exist before its children copy them.
     */
    void addAll(List<Object[]> self, List<Object[]> under) {
        batch.batchUpdate(SELF, self);
        batch.batchUpdate(UNDER, under);
    }

    /** The unit and everything below it. */
    Set<Long> subtree(long id) {
        return new HashSet<>(jdbc.sql("select descendant_id from unit_closure where ancestor_id = ?")
                .param(id)
                .query(Long.class)
                .list());
    }

    /**
     * Detaches the subtree of {@code id} from its old ancestors and attaches it under {@code newParentId}: every
     * (ancestor of new parent, descendant of unit) pair, with depths added up.
     */
    void move(long id, long newParentId) {
        // counts kept by the tree wait for this move, and it for them: see UnitMoved
        tree.forChanging();
        Long oldParentId = jdbc.sql("select ancestor_id from unit_closure where descendant_id = ? and depth = 1")
                .param(id)
                .query(Long.class)
                .optional()
                .orElse(null);
        jdbc.sql("""
                        delete from unit_closure
                        where descendant_id in (select descendant_id from unit_closure where ancestor_id = ?)
                          and ancestor_id not in (select descendant_id from unit_closure where ancestor_id = ?)""").params(id, id).update();
        jdbc.sql("""
                        insert into unit_closure (ancestor_id, descendant_id, depth)
                        select a.ancestor_id, d.descendant_id, a.depth + d.depth + 1
                        from unit_closure a cross join unit_closure d
                        where a.descendant_id = ? and d.ancestor_id = ?""").params(newParentId, id).update();
        events.publishEvent(new UnitMoved(id, oldParentId, newParentId));
    }
}
