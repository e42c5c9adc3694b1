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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.allocation.engine.AllocationInput;
import vn.cungem.allocation.engine.Applicant;
import vn.cungem.allocation.engine.ReadyItem;
import vn.cungem.allocation.engine.Rules;
import vn.cungem.inventory.ReadyItems;
import vn.cungem.shared.security.Caller;
import vn.cungem.student.AllocationRoster;

/**
 * Reads what a run decides from, through student's and inventory's APIs, and maps it to the engine's input. The pool
 * (the unit that receives quotas) is the district (quận/huyện/thành phố thuộc tỉnh) above the school's commune where
 * the campaign's area still has one, otherwise the commune itself (after the 2025 reform communes sit right under the
 * province).
 */
@Component
public class PlanInputs {

    /** The engine's input, the item tags it does not carry, and a digest of it all. */
    public record Read(AllocationInput input, Map<Long, String> tags, String digest, long readMillis) {}

    private final AllocationRoster roster;
    private final ReadyItems ready;
    private final JdbcClient jdbc;

    PlanInputs(AllocationRoster roster, ReadyItems ready, JdbcClient jdbc) {
        this.roster = roster;
        this.ready = ready;
        this.jdbc = jdbc;
    }

    public Read read(long campaignId, Rules rules, Caller caller) {
        long start = System.nanoTime();
        Map<Long, Long> pools = pools();
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
        List<ReadyItem> items = new ArrayList<>();
        Map<Long, String> tags = new HashMap<>();
        ready.forEachReady(campaignId, caller, r -> {
            long school = r.schoolId() == null ? 0 : r.schoolId();
            ReadyItem item = new ReadyItem(
                    r.id(),
                    Suitability.kind(r.type()),
                    Suitability.of(r.type(), r.description()),
                    school,
                    r.unitId(),
                    pools.getOrDefault(r.unitId(), r.unitId()),
                    r.pairedConnectivity());
            items.add(item);
            tags.put(r.id(), r.tag());
            buffer.clear();
            buffer.putLong(item.id()).put((byte) item.kind().ordinal()).put((byte)
                    item.suitsUpTo().ordinal());
            buffer.putLong(school).putLong(item.communeId()).putLong(item.districtId());
            buffer.put((byte) (item.pairedConnectivity() ? 1 : 0));
            digest.update(buffer.array(), 0, buffer.position());
        });
        digest.update(
                (rules.siblingsShareDevice() + "/" + rules.connectivityWithDevice()).getBytes(StandardCharsets.UTF_8));
        return new Read(
                new AllocationInput(applicants, items, rules),
                tags,
                HexFormat.of().formatHex(digest.digest()),
                (System.nanoTime() - start) / 1_000_000);
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
