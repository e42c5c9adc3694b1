package vn.cungem.allocation.plans;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.allocation.engine.AllocationInput;
import vn.cungem.allocation.engine.Applicant;
import vn.cungem.allocation.engine.ReadyItem;
import vn.cungem.allocation.engine.Rules;
import vn.cungem.inventory.ReadyItems;
import vn.cungem.shared.jdbc.PostgresCopy;
import vn.cungem.shared.security.Caller;
import vn.cungem.student.AllocationRoster;

/**
 * Reads what a run decides from, through student's and inventory's APIs, and maps it to the engine's input. The pool
 * (the unit that receives quotas) is the district (quận/huyện/thành phố thuộc tỉnh) above the school's commune where
 * the campaign's area still has one, otherwise the commune itself (after the 2025 reform communes sit right under the
 * province).
 */
@Component
public class PlanInputs implements DisposableBean {

    /** The engine's input, the item tags it does not carry, and a digest of it all. */
    public record Read(AllocationInput input, Map<Long, String> tags, String digest, long readMillis) {}

    private final AllocationRoster roster;
    private final ReadyItems ready;
    private final JdbcClient jdbc;

    private final boolean postgres;
    private final TransactionTemplate readOnly;
    private final ExecutorService itemReaders;

    PlanInputs(
            AllocationRoster roster,
            ReadyItems ready,
            JdbcClient jdbc,
            DataSource dataSource,
            PlatformTransactionManager transactions) {
        this.roster = roster;
        this.ready = ready;
        this.jdbc = jdbc;
        this.postgres = PostgresCopy.isPostgres(dataSource);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        AtomicInteger threads = new AtomicInteger();
        this.itemReaders = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "plan-items-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void destroy() {
        itemReaders.shutdown();
    }

    /**
     * Reads the input. Called outside a transaction on PostgreSQL, the ready items are read by a second connection
     * while this thread reads the students (one query runs on one core; the machine has two); the digest is the same
     * either way (students, then items, in the order read). Inside a transaction, or on H2, everything is read in that
     * one transaction (or one of its own).
     */
    public Read read(long campaignId, Rules rules, Caller caller) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return readAll(campaignId, rules, caller, false);
        }
        return readOnly.execute(s -> readAll(campaignId, rules, caller, postgres));
    }

    private Read readAll(long campaignId, Rules rules, Caller caller, boolean beside) {
        long start = System.nanoTime();
        Map<Long, Long> pools = pools();
        List<ReadyItem> items = new ArrayList<>();
        Map<Long, String> tags = new HashMap<>();
        Runnable readItems = () -> ready.forEachReady(campaignId, caller, r -> {
            long school = r.schoolId() == null ? 0 : r.schoolId();
            items.add(new ReadyItem(
                    r.id(),
                    Suitability.kind(r.type()),
                    Suitability.of(r.type(), r.description()),
                    school,
                    r.unitId(),
                    pools.getOrDefault(r.unitId(), r.unitId()),
                    r.pairedConnectivity()));
            tags.put(r.id(), r.tag());
        });
        // its own read-only transaction on its own thread (ReadyItems is transactional)
        Future<?> itemsRead = beside ? itemReaders.submit(readItems) : null;
        MessageDigest digest = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(64);
        List<Applicant> applicants = new ArrayList<>();
        java.util.Set<Long> holders = new java.util.HashSet<>();
        ready.forEachHolder(campaignId, holders::add);
        roster.forEachApproved(campaignId, caller, s -> {
            if (!holders.isEmpty() && holders.contains(s.id())) {
                return; // already holds a device of this campaign from an approved plan
            }
            Applicant a = new Applicant(
                    s.id(),
                    Math.max(0, Math.min(Applicant.MAX_PRIORITY, s.priority())),
                    s.schoolId(),
                    s.unitId(),
                    pools.getOrDefault(s.unitId(), s.unitId()),
                    Suitability.level(s.grade()),
                    s.needsDevice(),
                    s.hasInternet(),
                    s.householdKey());
            applicants.add(a);
            buffer.clear();
            buffer.putLong(a.id()).putInt(a.priority()).putLong(a.schoolId()).putLong(a.communeId());
            buffer.putLong(a.districtId()).put((byte) a.level().ordinal()).put((byte) (a.needsDevice() ? 1 : 0));
            buffer.put((byte) (a.hasInternet() ? 1 : 0)).putLong(a.householdKey());
            digest.update(buffer.array(), 0, buffer.position());
        });
        if (itemsRead == null) {
            readItems.run();
        } else {
            await(itemsRead);
        }
        for (ReadyItem item : items) {
            buffer.clear();
            buffer.putLong(item.id()).put((byte) item.kind().ordinal()).put((byte)
                    item.suitsUpTo().ordinal());
            buffer.putLong(item.schoolId()).putLong(item.communeId()).putLong(item.districtId());
            buffer.put((byte) (item.pairedConnectivity() ? 1 : 0));
            digest.update(buffer.array(), 0, buffer.position());
        }
        digest.update(
                (rules.siblingsShareDevice() + "/" + rules.connectivityWithDevice()).getBytes(StandardCharsets.UTF_8));
        return new Read(
                new AllocationInput(applicants, items, rules),
                tags,
                HexFormat.of().formatHex(digest.digest()),
                (System.nanoTime() - start) / 1_000_000);
    }

    private static void await(Future<?> read) {
        try {
            read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the items were read", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Every unit below a district, mapped to that district (organisation's published views). */
    private Map<Long, Long> pools() {
        Map<Long, Long> pools = new HashMap<>();
        jdbc.sql("""
                        select t.descendant_id, t.ancestor_id from org_unit_tree t
                          join org_unit u on u.id = t.ancestor_id
                         where u.level_code = 'district'""").query(rs -> {
            pools.put(rs.getLong(1), rs.getLong(2));
        });
        return pools;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
