package vn.cungem.inventory.work;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import vn.cungem.inventory.lifecycle.CheckCode;
import vn.cungem.inventory.lifecycle.CheckResult;
import vn.cungem.inventory.lifecycle.Checklist;
import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.inventory.lifecycle.Lifecycle;
import vn.cungem.inventory.lifecycle.Worded;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.Bundles;

/** The inspection of a device in inspection: its checklist answered; a failure sends it to repair or recycling. */
@Service
public class Inspections {

    private final JdbcClient jdbc;
    private final ItemWork work;

    Inspections(JdbcClient jdbc, ItemWork work) {
        this.jdbc = jdbc;
        this.work = work;
    }

    public record NewInspection(List<Checklist.Answer> checks, boolean beyondRepair) {}

    public record Line(CheckCode code, CheckResult result, String note) {}

    public ItemWork.Outcome record(String tag, NewInspection form, Integer seenVersion, String key, Caller caller) {
        List<Checklist.Answer> answers = form.checks() == null
                ? List.of()
                : form.checks().stream()
                        .map(a -> a == null
                                ? null
                                : new Checklist.Answer(a.code(), a.result(), Texts.optional(a.note(), 300, "note")))
                        .toList();
        return work.perform(tag, seenVersion, key, caller, new Step() {
            Checklist.Outcome outcome;

            @Override
            public String kind() {
                return "INSPECTION";
            }

            @Override
            public ItemMove plan(WorkItem item, Caller who, boolean wiped) {
                if (item.status() != ItemStatus.IN_INSPECTION) {
                    throw Worded.conflict(
                            "inventory.not-in-inspection", "inventory.work.check.not-in-inspection", item.status());
                }
                outcome = Checklist.evaluate(item.type(), answers, form.beyondRepair());
                ItemMove move = Checklist.moveAfter(outcome);
                if (move == null) {
                    // every check passed: the item stays, but only someone who may work on it records that
                    Lifecycle.decide(item.status(), ItemMove.WIPE, who.role(), wiped)
                            .orThrow();
                    return null;
                }
                return Lifecycle.decide(item.status(), move, who.role(), wiped).orThrow();
            }

            @Override
            public String note() {
                return answers.stream()
                        .filter(a -> a.result() == CheckResult.FAIL)
                        // the history is read by people, in the programme's language like the inspector's own note
                        .map(a -> a.note() == null
                                ? Bundles.vi(
                                        "inventory.work.history.failedCheck",
                                        a.code().nameVi())
                                : Bundles.vi(
                                        "inventory.work.history.failedCheckNote",
                                        a.code().nameVi(),
                                        a.note()))
                        .reduce((a, b) -> a + "; " + b)
                        .map(s -> s.length() > 500 ? s.substring(0, 500) : s)
                        .orElse(null);
            }

            @Override
            public void record(WorkItem item, long historyId, Caller who, OffsetDateTime at) {
                var keys = new GeneratedKeyHolder();
                jdbc.sql("""
                                insert into inventory_inspection (item_id, history_id, outcome, inspected_by, created_at)
                                values (?, ?, ?, ?, ?)""")
                        .params(item.id(), historyId, outcome.name(), who.displayName(), at)
                        .update(keys, "id");
                long id = keys.getKeyAs(Number.class).longValue();
                for (Checklist.Answer a : answers) {
                    jdbc.sql(
                                    "insert into inventory_check (inspection_id, check_code, result, note) values (?, ?, ?, ?)")
                            .params(id, a.code().name(), a.result().name(), a.note())
                            .update();
                }
            }
        });
    }

    /** The answers of the item's latest inspection, in checklist order; empty before the first one. */
    public List<Line> latest(long itemId) {
        return jdbc
                .sql("""
                        select c.check_code, c.result, c.note from inventory_check c
                         where c.inspection_id = (select max(id) from inventory_inspection where item_id = ?)""")
                .param(itemId)
                .query((rs, n) -> new Line(
                        CheckCode.valueOf(rs.getString(1)), CheckResult.valueOf(rs.getString(2)), rs.getString(3)))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(Line::code))
                .toList();
    }
}
