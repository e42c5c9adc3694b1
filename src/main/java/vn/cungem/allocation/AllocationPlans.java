package vn.cungem.allocation;

import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.allocation.engine.AllocationEngine;
import vn.cungem.allocation.engine.Plan;
import vn.cungem.allocation.engine.Quota;
import vn.cungem.allocation.engine.Rules;
import vn.cungem.allocation.plans.PlanAccess;
import vn.cungem.allocation.plans.PlanAccess.PlanRow;
import vn.cungem.allocation.plans.PlanChanges;
import vn.cungem.allocation.plans.PlanInputs;
import vn.cungem.allocation.plans.PlanKind;
import vn.cungem.allocation.plans.PlanStatus;
import vn.cungem.allocation.plans.PlanWriter;
import vn.cungem.campaign.Campaigns;
import vn.cungem.inventory.Reservations;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Scope;

/**
 * Plans made, changed and approved (issue 14, "From plan to reservation"): a thin layer around the engine. A run reads
 * the campaign's approved students and ready items in the manager's units, plans them and stores the plan; a proposal
 * may then be changed by hand, one assignment at a time with a reason, and approved. Approval reserves every item of
 * the plan through inventory's {@link Reservations} in the same transaction as the plan's status change: either the
 * plan is approved and every item reserved for its student, or nothing changes.
 */
@Service
public class AllocationPlans {

    /** What a run did: the plan's id and the times spent reading, planning and writing. */
    public record Run(
            long planId,
            int students,
            int items,
            long readMillis,
            long engineMillis,
            long writeMillis,
            boolean repeated) {}

    /** A withdrawal's outcome: the devices released; {@code repeated}: the plan was already withdrawn. */
    public record Withdrawal(long planId, int released, boolean repeated) {}

    /** An approval's outcome; {@code repeated}: the plan was already approved (a retry or a double click). */
    public record Approval(long planId, int reserved, boolean repeated) {}

    private final PlanInputs inputs;
    private final PlanWriter writer;
    private final PlanAccess access;
    private final PlanChanges changes;
    private final Reservations reservations;
    private final Campaigns campaigns;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AllocationPlans(
            PlanInputs inputs,
            PlanWriter writer,
            PlanAccess access,
            PlanChanges changes,
            Reservations reservations,
            Campaigns campaigns,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.inputs = inputs;
        this.writer = writer;
        this.access = access;
        this.changes = changes;
        this.reservations = reservations;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Runs quotas and matching on the campaign's approved students and ready items, and stores the plan. */
    @Transactional
    public Run run(long campaignId, PlanKind kind, Rules rules, String idempotencyKey, Caller caller) {
        access.requirePlanner(caller);
        campaigns.get(campaignId, caller);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null) {
            var earlier = jdbc.sql("select id, student_count, item_count from allocation_plan where run_key = ?")
                    .param(key)
                    .query((rs, n) -> new Run(rs.getLong(1), rs.getInt(2), rs.getInt(3), 0, 0, 0, true))
                    .optional();
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        PlanInputs.Read read = inputs.read(campaignId, rules, caller);
        long start = System.nanoTime();
        Plan plan = AllocationEngine.plan(read.input());
        long engine = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        long planId = writer.write(
                new PlanWriter.Header(
                        campaignId, access.scopeUnit(caller), kind, read.digest(), (int) engine, key, caller),
                read.input(),
                read.tags(),
                plan);
        long write = (System.nanoTime() - start) / 1_000_000;
        events.publishEvent(DomainChange.created(
                "AllocationPlan",
                planId,
                access.scopeUnit(caller),
                Map.of(
                        "campaignId", campaignId,
                        "kind", kind.name(),
                        "students", read.input().applicants().size(),
                        "items", read.input().items().size(),
                        "digest", read.digest())));
        return new Run(
                planId,
                read.input().applicants().size(),
                read.input().items().size(),
                read.readMillis(),
                engine,
                write,
                false);
    }

    /** Stage 1 alone: how the ready items would be split among districts now. Writes nothing. */
    @Transactional(readOnly = true)
    public List<Quota> quotas(long campaignId, Rules rules, Caller caller) {
        access.requirePlanner(caller);
        campaigns.get(campaignId, caller);
        return AllocationEngine.quotas(inputs.read(campaignId, rules, caller).input());
    }

    /**
     * Gives one item of a draft proposal to one student, with the manager's reason (required): the student's previous
     * item of the same sort (device, or SIM/Wi-Fi) goes to whoever had this item, or back to the unused items; a
     * student who loses their device without one in exchange gets a note saying so. The plan's invariants (an item
     * once, a student at most one device and one connectivity item) are checked again before the change is kept.
     */
    @Transactional
    public PlanChanges.Changed change(
            long campaignId, long planId, String itemTag, long studentId, String reason, Caller caller) {
        PlanRow plan = access.changeable(campaignId, planId, caller);
        requireDraftProposal(plan);
        PlanChanges.Changed changed = changes.reassign(plan, itemTag, studentId, reason, caller);
        events.publishEvent(DomainChange.updated(
                "AllocationPlan", planId, plan.scopeUnitId(), changed.before(), changed.after(), reason.strip()));
        return changed;
    }

    /**
     * Approves a draft proposal and reserves every item of it for its student, all in one transaction. An approval
     * already made answers the same outcome again and writes nothing (a retry, a double click); a refusal from
     * inventory (an item no longer ready, reserved meanwhile by another plan) rolls everything back and names the
     * items, in both languages.
     */
    @Transactional
    public Approval approve(long campaignId, long planId, String idempotencyKey, Caller caller) {
        PlanRow plan = access.changeable(campaignId, planId, caller);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (plan.status() == PlanStatus.APPROVED) {
            return new Approval(
                    planId, reservations.ofReference(reference(planId)).size(), true);
        }
        requireDraftProposal(plan);
        requireSameInputs(campaignId, plan, caller);
        // the conditional update takes the plan's row lock: a second approval of the same plan waits, then sees it done
        int updated = jdbc.sql("""
                        update allocation_plan set status = 'APPROVED', decided_by_account_id = ?, decided_by_name = ?,
                               decided_at = current_timestamp, approval_key = ?, version = version + 1
                         where id = ? and status = 'DRAFT' and kind = 'PROPOSAL'""")
                .params(caller.accountId(), caller.displayName(), key, planId)
                .update();
        if (updated == 0) {
            PlanRow now = access.find(planId).orElseThrow();
            if (now.status() == PlanStatus.APPROVED) {
                return new Approval(
                        planId, reservations.ofReference(reference(planId)).size(), true);
            }
            throw ConflictException.of("allocation.plan.not-draft", "allocation.error.not-draft");
        }
        List<Reservations.Claim> claims = jdbc.sql("""
                        select item_id, student_id from allocation_assignment where plan_id = ? order by item_id""")
                .param(planId)
                .query((rs, n) -> new Reservations.Claim(rs.getLong(1), rs.getLong(2)))
                .list();
        int reserved = reservations.reserveAll(campaignId, reference(planId), claims, caller);
        events.publishEvent(DomainChange.updated(
                        "AllocationPlan",
                        planId,
                        plan.scopeUnitId(),
                        Map.of("status", PlanStatus.DRAFT.name()),
                        Map.of("status", PlanStatus.APPROVED.name(), "reserved", reserved),
                        null)
                .withAction("APPROVED"));
        return new Approval(planId, reserved, false);
    }

    /**
     * Withdraws an approved plan: every device it reserved goes back to ready through inventory's
     * {@link Reservations#release}, with the manager's reason (required), all in one transaction. Refused while a
     * device of the plan has already been handed to a child (take it back first); a withdrawal already made answers
     * again and writes nothing.
     */
    @Transactional
    public Withdrawal withdraw(long campaignId, long planId, String reason, Caller caller) {
        PlanRow plan = access.changeable(campaignId, planId, caller);
        if (reason == null || reason.isBlank()) {
            throw InvalidValueException.of("allocation.withdraw.reason", "allocation.error.withdraw-reason-required");
        }
        if (reason.strip().length() > 500) {
            throw InvalidValueException.of("allocation.withdraw.reason", "allocation.error.reason-long");
        }
        if (plan.status() == PlanStatus.WITHDRAWN) {
            return new Withdrawal(planId, 0, true);
        }
        if (plan.status() != PlanStatus.APPROVED) {
            throw ConflictException.of("allocation.plan.not-approved", "allocation.error.not-approved");
        }
        int updated = jdbc.sql("""
                        update allocation_plan set status = 'WITHDRAWN', withdrawn_by_account_id = ?,
                               withdrawn_by_name = ?, withdrawn_at = current_timestamp, withdrawal_reason = ?,
                               version = version + 1
                         where id = ? and status = 'APPROVED'""")
                .params(caller.accountId(), caller.displayName(), reason.strip(), planId)
                .update();
        if (updated == 0) {
            return new Withdrawal(planId, 0, true); // withdrawn meanwhile by the same click or another manager
        }
        List<Reservations.Holding> held = reservations.ofReference(reference(planId));
        List<String> handedOver = held.stream()
                // by name: inventory's lifecycle states are its own, the word "RESERVED" is what its API shows
                .filter(h -> !"RESERVED".equals(String.valueOf(h.status())))
                .map(Reservations.Holding::tag)
                .limit(5)
                .toList();
        if (!handedOver.isEmpty()) {
            throw ConflictException.of(
                    "allocation.plan.handed-over",
                    "allocation.error.withdraw-handed-over",
                    String.join(", ", handedOver));
        }
        // a student's SIM or Wi-Fi device is released with their device (Reservations.release takes its companions)
        java.util.Set<Long> withDevice = held.stream()
                .filter(h -> h.type().isDevice())
                .map(Reservations.Holding::studentId)
                .collect(java.util.stream.Collectors.toSet());
        for (Reservations.Holding h : held) {
            if (!h.type().isDevice() && withDevice.contains(h.studentId())) {
                continue;
            }
            reservations.release(h.tag(), reason.strip(), "withdraw-" + planId + "-" + h.itemId(), caller);
        }
        events.publishEvent(DomainChange.updated(
                        "AllocationPlan",
                        planId,
                        plan.scopeUnitId(),
                        Map.of("status", PlanStatus.APPROVED.name()),
                        Map.of("status", PlanStatus.WITHDRAWN.name(), "released", held.size()),
                        reason.strip())
                .withAction("WITHDRAWN"));
        return new Withdrawal(planId, held.size(), false);
    }

    /**
     * A plan is approved only on the inputs it was made from: students approved or withdrawn since, devices made
     * ready or reserved elsewhere, change the digest, and the manager is asked to run the plan again.
     */
    private void requireSameInputs(long campaignId, PlanRow plan, Caller caller) {
        var made = jdbc.sql("""
                        select input_digest, siblings_share, connectivity_with_device from allocation_plan
                         where id = ?""")
                .param(plan.id())
                .query((rs, n) -> new Object[] {rs.getString(1), new Rules(rs.getBoolean(2), rs.getBoolean(3))})
                .single();
        // read as the plan's run read: the plan's units, whoever approves it
        Caller asRun = new Caller(
                caller.accountId(),
                caller.displayName(),
                caller.role(),
                plan.scopeUnitId() == null ? Scope.EVERYTHING : Scope.unit(plan.scopeUnitId()));
        String now = inputs.read(campaignId, (Rules) made[1], asRun).digest();
        if (!now.equals(made[0])) {
            throw ConflictException.of("allocation.plan.inputs-changed", "allocation.error.inputs-changed");
        }
    }

    /** What inventory keeps on each item an approved plan reserved. */
    public static String reference(long planId) {
        return "ALLOC-" + planId;
    }

    private static void requireDraftProposal(PlanRow plan) {
        if (plan.kind() != PlanKind.PROPOSAL) {
            throw InvalidValueException.of("allocation.plan.what-if", "allocation.error.what-if");
        }
        if (plan.status() != PlanStatus.DRAFT) {
            throw ConflictException.of("allocation.plan.not-draft", "allocation.error.not-draft");
        }
    }
}
