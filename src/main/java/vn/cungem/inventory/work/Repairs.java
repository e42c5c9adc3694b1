package vn.cungem.inventory.work;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.inventory.lifecycle.Lifecycle;
import vn.cungem.inventory.lifecycle.Worded;
import vn.cungem.inventory.tally.ItemTallies;
import vn.cungem.shared.Money;
import vn.cungem.shared.security.Caller;

/**
 * The repair log of a device in repair: the fault, the parts with their cost, the hours and the technician (001:
 * "partly broken devices repaired at low cost"), and what repairs cost per device made ready, per campaign.
 */
@Service
public class Repairs {

    static final int MAX_PARTS = 20;

    private final JdbcClient jdbc;
    private final ItemWork work;
    private final ItemTallies tallies;

    Repairs(JdbcClient jdbc, ItemWork work, ItemTallies tallies) {
        this.jdbc = jdbc;
        this.work = work;
        this.tallies = tallies;
    }

    public record Part(String name, Money costVnd) {}

    /** {@code technician} defaults to the person recording the repair. */
    public record NewRepair(String fault, List<Part> parts, BigDecimal hours, String technician) {}

    public record Repair(long id, String fault, List<Part> parts, BigDecimal hours, String technician) {}

    /**
     * A campaign's repairs in the caller's units: what was spent on parts and hours in all, how many devices were made
     * ready (ready, reserved or handed over), and the cost per ready device, which carries what was spent on devices
     * that were recycled in the end.
     */
    public record CostRollUp(Money partsCost, BigDecimal hours, long readyDevices, Money costPerReadyDevice) {}

    public ItemWork.Outcome record(String tag, NewRepair form, Integer seenVersion, String key, Caller caller) {
        String fault = Texts.required(form.fault(), 300, "fault");
        String technician = Texts.optional(form.technician(), 200, "technician");
        int minutes = minutes(form.hours());
        List<Part> parts = form.parts() == null ? List.of() : form.parts();
        if (parts.size() > MAX_PARTS) {
            throw Worded.invalid("inventory.repair-parts", "inventory.work.repair.parts", MAX_PARTS);
        }
        List<Part> clean = parts.stream()
                .map(p -> {
                    if (p == null
                            || p.costVnd() == null
                            || p.costVnd().isNegative()
                            || p.costVnd().vnd() > 100_000_000) {
                        throw Worded.invalid("inventory.repair-cost", "inventory.work.repair.cost");
                    }
                    return new Part(Texts.required(p.name(), 200, "part"), p.costVnd());
                })
                .toList();
        return work.perform(tag, seenVersion, key, caller, new Step() {
            @Override
            public String kind() {
                return "REPAIR";
            }

            @Override
            public ItemMove plan(WorkItem item, Caller who, boolean wiped) {
                if (item.status() != ItemStatus.IN_REPAIR) {
                    throw Worded.conflict(
                            "inventory.not-in-repair", "inventory.work.repair.not-in-repair", item.status());
                }
                // whoever may send it back to waiting for a part may log work on it
                Lifecycle.decide(item.status(), ItemMove.NEEDS_REPAIR, who.role(), wiped)
                        .orThrow();
                return null;
            }

            @Override
            public String note() {
                return fault;
            }

            @Override
            public void record(WorkItem item, long historyId, Caller who, OffsetDateTime at) {
                var keys = new GeneratedKeyHolder();
                jdbc.sql("""
                                insert into inventory_repair (item_id, history_id, campaign_id, fault, minutes,
                                                              technician, created_at)
                                values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                item.id(),
                                historyId,
                                item.campaignId(),
                                fault,
                                minutes,
                                technician == null ? who.displayName() : technician,
                                at)
                        .update(keys, "id");
                long id = keys.getKeyAs(Number.class).longValue();
                long cost = 0;
                for (Part p : clean) {
                    jdbc.sql("insert into inventory_repair_part (repair_id, part_name, cost_vnd) values (?, ?, ?)")
                            .params(id, p.name(), p.costVnd().vnd())
                            .update();
                    cost += p.costVnd().vnd();
                }
                long spent = cost;
                // the item's sums and the kept roll-up move with the log, in its transaction
                tallies.aroundItem(
                        item.id(),
                        () -> jdbc.sql("""
                                update inventory_item set repair_minutes = repair_minutes + ?,
                                                          repair_parts_vnd = repair_parts_vnd + ? where id = ?""").params(minutes, spent, item.id()).update());
            }
        });
    }

    /** Hours as typed (1.5), kept as whole minutes; at most 100 hours in one entry. */
    static int minutes(BigDecimal hours) {
        if (hours == null) {
            return 0;
        }
        if (hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw Worded.invalid("inventory.repair-hours", "inventory.work.repair.hours");
        }
        return hours.multiply(BigDecimal.valueOf(60))
                .setScale(0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    public List<Repair> of(long itemId) {
        return jdbc.sql("select id, fault, minutes, technician from inventory_repair where item_id = ? order by id")
                .param(itemId)
                .query((rs, n) -> new Repair(
                        rs.getLong(1),
                        rs.getString(2),
                        jdbc.sql(
                                        "select part_name, cost_vnd from inventory_repair_part where repair_id = ? order by id")
                                .param(rs.getLong(1))
                                .query((r, m) -> new Part(r.getString(1), Money.vnd(r.getLong(2))))
                                .list(),
                        BigDecimal.valueOf(rs.getInt(3)).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP),
                        rs.getString(4)))
                .list();
    }

    /**
     * From the kept counts ({@code inventory_tally}, V310): a few rows whatever the campaign's size. The repairs and
     * the ready devices of the caller's units are those of the items that stand in those units now.
     */
    public CostRollUp costs(long campaignId, Caller caller) {
        Long unit;
        switch (caller.scope().kind()) {
            case EVERYTHING -> unit = null;
            case UNIT -> unit = caller.scope().unitId();
            default -> {
                return new CostRollUp(Money.ZERO, BigDecimal.ZERO.setScale(2), 0, Money.ZERO);
            }
        }
        ItemTallies.Counts spent = tallies.repairs(campaignId, unit);
        long ready = tallies.of(campaignId, unit).entrySet().stream()
                .filter(e -> READY.contains(e.getKey().status()))
                .mapToLong(java.util.Map.Entry::getValue)
                .sum();
        Money perReady = ready == 0
                ? Money.ZERO
                : Money.vnd(BigDecimal.valueOf(spent.repairPartsVnd())
                        .divide(BigDecimal.valueOf(ready), 0, RoundingMode.HALF_UP)
                        .longValueExact());
        return new CostRollUp(
                Money.vnd(spent.repairPartsVnd()),
                BigDecimal.valueOf(spent.repairMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP),
                ready,
                perReady);
    }

    /** Made ready: ready, reserved or handed over. */
    private static final List<String> READY = List.of("READY", "RESERVED", "HANDED_OVER");
}
