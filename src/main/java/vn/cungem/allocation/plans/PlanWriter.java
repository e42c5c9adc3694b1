package vn.cungem.allocation.plans;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.allocation.engine.AllocationInput;
import vn.cungem.allocation.engine.Plan;
import vn.cungem.allocation.engine.Reason;
import vn.cungem.shared.jdbc.PostgresCopy;
import vn.cungem.shared.security.Caller;

/**
 * Writes a plan: its row, its quotas, one row per decision (an item to a student, with foreign keys to both) and its
 * notes in compact blocks per school ({@link PlanNotes}).
 *
 * <p>On PostgreSQL, outside a caller's transaction, the decisions are written by two connections at once (one insert
 * runs on one core; the machine has two): the plan row is committed first as {@code WRITING}, which nothing shows, one
 * half of the decisions is written by a second thread in its own transaction, the other half and the notes by this
 * thread in a transaction that holds the plan row's lock and, once the other half is committed, makes the plan a
 * {@code DRAFT}. If anything fails, both halves and the plan row are deleted before the failure is thrown again. A
 * plan left {@code WRITING} by a node that stopped (its lock went with its connection) is removed by
 * {@link #discardIfAbandoned}. On H2, or inside a caller's transaction, everything is written in that one transaction.
 */
@Component
public class PlanWriter implements DisposableBean {

    /** A plan still WRITING and unlocked this long after it was made has lost its writer (a node stopped). */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    /** What the plan row records besides the engine's result. */
    public record Header(
            long campaignId,
            Long scopeUnitId,
            PlanKind kind,
            String digest,
            int engineMillis,
            String runKey,
            Caller caller) {}

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final boolean postgres;
    private final NoteBlocks noteBlocks;
    private final TransactionTemplate own;
    private final TransactionTemplate joined;
    private final ExecutorService parts;

    PlanWriter(
            JdbcTemplate jdbc, DataSource dataSource, NoteBlocks noteBlocks, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.postgres = PostgresCopy.isPostgres(dataSource);
        this.noteBlocks = noteBlocks;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joined = new TransactionTemplate(transactions);
        AtomicInteger threads = new AtomicInteger();
        this.parts = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "plan-writer-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Writes the plan and returns its id; {@code written} runs in the transaction that makes the plan visible (for the
     * events that must be recorded with it).
     */
    public long write(
            Header header, AllocationInput input, java.util.Map<Long, String> tags, Plan plan, LongConsumer written) {
        if (!postgres || TransactionSynchronizationManager.isActualTransactionActive()) {
            return joined.execute(s -> {
                long planId = insertPlan(header, input, plan);
                PlanRows rows = PlanRows.of(planId, input, tags, plan);
                PlanRows.insertDecisions(rows.decisions(0, rows.size()), postgres, dataSource, jdbc);
                noteBlocks.insert(planId, rows.blocks());
                finish(planId, written);
                return planId;
            });
        }
        long planId = own.execute(s -> insertPlan(header, input, plan));
        Future<?> other = null;
        try {
            PlanRows rows = PlanRows.of(planId, input, tags, plan);
            int middle = rows.middle();
            // each half's rows are built on the thread that writes it: building them is most of the write's JVM time
            other = parts.submit(() -> own.executeWithoutResult(
                    s -> PlanRows.insertDecisions(rows.decisions(middle, rows.size()), true, dataSource, jdbc)));
            Future<?> half = other;
            own.executeWithoutResult(s -> {
                // the plan's lock, held until it is a draft: a retry or the sweep sees its writer still at work
                if (jdbc.queryForList(
                                "select id from allocation_plan where id = ? and status = 'WRITING' for no key update",
                                Long.class,
                                planId)
                        .isEmpty()) {
                    throw new IllegalStateException("plan " + planId + " was removed while it was being written");
                }
                PlanRows.insertDecisions(rows.decisions(0, middle), true, dataSource, jdbc);
                noteBlocks.insert(planId, rows.blocks());
                awaitPart(half);
                finish(planId, written);
            });
            return planId;
        } catch (RuntimeException | Error e) {
            if (other != null) {
                try {
                    other.get();
                } catch (InterruptedException | ExecutionException ignored) {
                    // its failure, if any, is the same write's: the first one is thrown below
                }
            }
            try {
                own.executeWithoutResult(s -> discard(planId));
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Removes a plan left {@code WRITING} with everything written of it, when its writer is gone: the row is not
     * locked (a writer holds its lock until the plan is a draft) and is older than {@link #ABANDONED_AFTER}. Returns
     * whether the plan is gone; false while a writer may still be at work.
     */
    public boolean discardIfAbandoned(long planId) {
        Boolean gone = own.execute(s -> {
            List<Long> found = jdbc.queryForList(
                    "select id from allocation_plan where id = ? and status = 'WRITING' and created_at < ?"
                            + " for update skip locked",
                    Long.class,
                    planId,
                    Timestamp.from(Instant.now().minus(ABANDONED_AFTER)));
            if (found.isEmpty()) {
                return jdbc.queryForList(
                                "select id from allocation_plan where id = ? and status = 'WRITING'",
                                Long.class,
                                planId)
                        .isEmpty();
            }
            discard(planId);
            return true;
        });
        return Boolean.TRUE.equals(gone);
    }

    /** The plans still {@code WRITING} made before {@code before}: the sweep's candidates. */
    List<Long> writingSince(Instant before) {
        return jdbc.queryForList(
                "select id from allocation_plan where status = 'WRITING' and created_at < ? order by id",
                Long.class,
                Timestamp.from(before));
    }

    private void discard(long planId) {
        jdbc.update("delete from allocation_assignment where plan_id = ?", planId);
        jdbc.update("delete from allocation_note_block where plan_id = ?", planId);
        jdbc.update("delete from allocation_quota where plan_id = ?", planId);
        jdbc.update("delete from allocation_plan where id = ? and status = 'WRITING'", planId);
    }

    private static void awaitPart(Future<?> part) {
        try {
            part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the plan was being written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void finish(long planId, LongConsumer written) {
        int made =
                jdbc.update("update allocation_plan set status = 'DRAFT' where id = ? and status = 'WRITING'", planId);
        if (made != 1) {
            throw new IllegalStateException("plan " + planId + " was removed while it was being written");
        }
        written.accept(planId);
    }

    private long insertPlan(Header header, AllocationInput input, Plan plan) {
        // a student is served with a device of their own or through a sibling's
        long served =
                plan.assignments().stream().filter(a -> a.kind().isDevice()).count()
                        + plan.notes().stream()
                                .filter(n -> n.why().reason() == Reason.SHARES_WITH_SIBLING)
                                .count();
        var keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement("""
                            insert into allocation_plan (campaign_id, scope_unit_id, kind, status, input_digest,
                                siblings_share, connectivity_with_device, student_count, item_count, served_count,
                                left_out_count, engine_millis, created_by_account_id, created_by_name, created_at,
                                run_key)
                            values (?, ?, ?, 'WRITING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
                    ps.setLong(1, header.campaignId());
                    ps.setObject(2, header.scopeUnitId());
                    ps.setString(3, header.kind().name());
                    ps.setString(4, header.digest());
                    ps.setBoolean(5, input.rules().siblingsShareDevice());
                    ps.setBoolean(6, input.rules().connectivityWithDevice());
                    ps.setInt(7, input.applicants().size());
                    ps.setInt(8, input.items().size());
                    ps.setInt(9, (int) served);
                    ps.setInt(10, plan.leftOut().size());
                    ps.setInt(11, header.engineMillis());
                    ps.setObject(12, header.caller().accountId());
                    ps.setString(13, header.caller().displayName());
                    ps.setTimestamp(14, now);
                    ps.setString(15, header.runKey());
                    return ps;
                },
                keys);
        long planId = keys.getKeyAs(Number.class).longValue();
        jdbc.batchUpdate(
                "insert into allocation_quota (plan_id, district_id, kind, need, weight, quota) values (?, ?, ?, ?, ?, ?)",
                plan.quotas(),
                1000,
                (ps, q) -> {
                    ps.setLong(1, planId);
                    ps.setLong(2, q.districtId());
                    ps.setString(3, q.kind().name());
                    ps.setInt(4, q.need());
                    ps.setLong(5, q.weight());
                    ps.setInt(6, q.quota());
                });
        return planId;
    }

    @Override
    public void destroy() {
        parts.shutdown();
    }
}
