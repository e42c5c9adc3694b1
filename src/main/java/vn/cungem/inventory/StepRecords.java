package vn.cungem.inventory;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.inventory.lifecycle.ItemStatus;

/**
 * The records the workshop's steps leave, for devices written in bulk (the generator, the demo's ready shelf): an
 * inspection per inspection line of the history, a repair per repair line and a successful wipe per wipe line, so that
 * a bulk-loaded data set keeps the rules the workshop keeps (issue 13: never ready without a successful wipe after the
 * last owner).
 */
final class StepRecords {

    private StepRecords() {}

    /** The records for the history lines written after {@code historyAfter}; repairs of 90 minutes for the fault. */
    static void write(JdbcClient jdbc, long historyAfter, long campaignId, String repairFault) {
        jdbc.sql("""
                        insert into inventory_inspection (item_id, history_id, outcome, inspected_by, created_at)
                        select h.item_id, h.id, case h.to_status when 'NEEDS_REPAIR' then 'FAILED'
                                                 when 'RECYCLED' then 'BEYOND_REPAIR' else 'PASSED' end,
                               h.actor_name, h.created_at
                          from inventory_item_history h where h.id > ? and h.step = 'INSPECTION'""").param(historyAfter).update();
        jdbc.sql("""
                        insert into inventory_repair (item_id, history_id, campaign_id, fault, minutes, technician,
                                                      created_at)
                        select h.item_id, h.id, ?, ?, 90, h.actor_name, h.created_at
                          from inventory_item_history h where h.id > ? and h.step = 'REPAIR'""").params(campaignId, repairFault, historyAfter).update();
        // the items carry their repair log's sums (V310); the caller recounts or adds the kept counts afterwards
        jdbc.sql("""
                        update inventory_item set repair_minutes = repair_minutes
                                + (select 90 * count(*) from inventory_item_history h
                                    where h.item_id = inventory_item.id and h.id > ? and h.step = 'REPAIR')
                         where id in (select h.item_id from inventory_item_history h
                                       where h.id > ? and h.step = 'REPAIR')""").params(historyAfter, historyAfter).update();
        jdbc.sql("""
                        insert into inventory_wipe (item_id, history_id, method, result, wiped_by, wiped_at)
                        select h.item_id, h.id, 'FACTORY_RESET', 'SUCCEEDED', h.actor_name, h.created_at
                          from inventory_item_history h where h.id > ? and h.step = 'WIPE'""").param(historyAfter).update();
    }

    /**
     * The history lines of a received device's way to {@code status} by the lifecycle's moves, for every item the
     * condition selects ({@code where} on {@code inventory_item i}), all at {@code at}: the same lines the generator
     * writes one item at a time.
     */
    static void path(JdbcClient jdbc, ItemStatus status, String actor, Instant at, String where, List<?> params) {
        List<String[]> steps = InventoryBulkLoad.path(status, false);
        for (int k = 0; k < steps.size(); k++) {
            String[] step = steps.get(k);
            jdbc.sql("""
                            insert into inventory_item_history (item_id, step, from_status, to_status, outcome,
                                                                seen_version, actor_name, created_at)
                            select i.id, ?, ?, ?, 'APPLIED', ?, ?, ? from inventory_item i where\s""" + where)
                    .params(step[0], step[1], step[2], k, actor, java.sql.Timestamp.from(at))
                    .params(params)
                    .update();
        }
    }
}
