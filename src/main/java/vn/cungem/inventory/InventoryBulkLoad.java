package vn.cungem.inventory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.ItemCondition;
import vn.cungem.inventory.bulk.BulkRows;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.inventory.tally.ItemTallies;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;

/**
 * Writes places, items and SIMs already decided, many at a time, for the synthetic national data set (the demo
 * generator): no audit line per item and no checks a person's request goes through, which is why only the system may
 * call it and only for generated data. Each item gets the history lines of the way to its state (the lifecycle's
 * moves, with the inspection, repair and wipe records those steps leave), and {@link #finish} counts the campaign for
 * the kept counts. Call everything of one load in one transaction.
 */
@Service
public class InventoryBulkLoad {

    /**
     * A place: {@code kind} COLLECTION_POINT (with the point's id and its host school, if any), WORKSHOP (with a name)
     * or SCHOOL (with its id).
     */
    public record NewPlace(
            String kind, String name, Long collectionPointId, Long schoolId, Long pointSchoolId, long unitId) {}

    /**
     * One item: where it was received ({@code receivedAtPlaceId}, a collection point's place) and where it stands now;
     * {@code repaired} sends it through repair on its way (a failed check first).
     */
    public record Entry(
            String tag,
            ItemType type,
            ItemCondition condition,
            String description,
            String serial,
            String status,
            boolean repaired,
            long receivedAtPlaceId,
            long placeId,
            Instant receivedAt,
            Long studentId) {

        /** A reserved or handed-over device has its student (the database checks it too). */
        public Entry {
            boolean held = "RESERVED".equals(status) || "HANDED_OVER".equals(status);
            if (held != (studentId != null)) {
                throw new IllegalArgumentException("A device is held by a student exactly when it is reserved or"
                        + " handed over: " + tag + " " + status);
            }
        }
    }

    /** A SIM, data package or Wi-Fi device (kind, operator and status by their constant names). */
    public record NewConnection(
            String kind,
            String operator,
            String phoneNumber,
            String serial,
            String packageName,
            BigDecimal allowanceGb,
            LocalDate activatedOn,
            LocalDate expiresOn,
            String status,
            String problemReason,
            long placeId) {}

    private static final List<String> ITEM_COLUMNS = List.of(
            "tag",
            "campaign_id",
            "item_type",
            "item_condition",
            "description",
            "serial_number",
            "status",
            "source_kind",
            "collection_point_id",
            "unit_id",
            "place_id",
            "created_at",
            "updated_at",
            "version",
            "owner_since",
            "student_id");
    private static final List<String> HISTORY_COLUMNS = List.of(
            "item_id",
            "step",
            "from_status",
            "to_status",
            "outcome",
            "seen_version",
            "actor_name",
            "note",
            "created_at");
    private static final List<String> EVENT_COLUMNS =
            List.of("item_id", "occurred_on", "status", "note", "unit_id", "created_at");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final BulkRows rows;
    private final JdbcClient jdbc;
    private final ItemTallies tallies;
    private final Map<Long, long[]> placeCache = new HashMap<>();

    InventoryBulkLoad(BulkRows rows, JdbcClient jdbc, ItemTallies tallies) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.tallies = tallies;
    }

    /** Where this load starts: pass it to {@link #finish}. */
    public record Start(long items, long history, long connections) {}

    public Start start() {
        placeCache.clear();
        return new Start(
                rows.highestId("inventory_item"),
                rows.highestId("inventory_item_history"),
                rows.highestId("inventory_connection"));
    }

    /** Writes the places and answers their ids, in the order given. */
    public List<Long> places(List<NewPlace> places, Caller caller, Instant at) {
        requireSystem(caller);
        long after = rows.highestId("inventory_place");
        List<Object[]> values = new ArrayList<>();
        for (NewPlace p : places) {
            values.add(new Object[] {
                p.kind(), p.name(), p.collectionPointId(), p.schoolId(), p.pointSchoolId(), p.unitId(), at
            });
        }
        rows.write(
                "inventory_place",
                List.of("kind", "name", "collection_point_id", "school_id", "point_school_id", "unit_id", "created_at"),
                values);
        return jdbc.sql("select id from inventory_place where id > ? order by id")
                .param(after)
                .query(Long.class)
                .list();
    }

    /** Writes one chunk (a few thousand) of a campaign's items with their history. */
    public void items(long campaignId, List<Entry> entries, Caller caller, String actor) {
        requireSystem(caller);
        if (entries.isEmpty()) {
            return;
        }
        places(entries);
        long after = rows.highestId("inventory_item");
        List<Object[]> items = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            long[] place = placeCache.get(e.placeId());
            long[] point = placeCache.get(e.receivedAtPlaceId());
            List<String[]> path = path(ItemStatus.valueOf(e.status()), e.repaired());
            Instant changed = e.receivedAt().plus(Duration.ofDays(path.size()));
            items.add(new Object[] {
                e.tag(),
                campaignId,
                e.type().name(),
                e.condition().name(),
                e.description(),
                e.serial(),
                e.status(),
                "RECEIPT",
                point[1] == 0 ? null : point[1],
                place[0],
                e.placeId(),
                e.receivedAt(),
                changed,
                path.size(),
                e.receivedAt(),
                e.studentId()
            });
        }
        rows.write("inventory_item", ITEM_COLUMNS, items);
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, tag from inventory_item where id > ?")
                .param(after)
                .query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1)))
                .list();
        List<Object[]> history = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        for (Entry e : entries) {
            long id = ids.get(e.tag());
            long pointUnit = placeCache.get(e.receivedAtPlaceId())[0];
            long unit = placeCache.get(e.placeId())[0];
            events.add(new Object[] {
                id,
                day(e.receivedAt()),
                "RECEIVED",
                vn.cungem.shared.text.Bundles.vi("inventory.history.received.RECEIPT"),
                pointUnit,
                e.receivedAt()
            });
            List<String[]> path = path(ItemStatus.valueOf(e.status()), e.repaired());
            for (int k = 0; k < path.size(); k++) {
                String[] step = path.get(k);
                Instant at = e.receivedAt().plus(Duration.ofDays(k + 1));
                history.add(new Object[] {id, step[0], step[1], step[2], "APPLIED", k, actor, null, at});
                if (step[3] != null) {
                    events.add(new Object[] {id, day(at), step[3], null, unit, at});
                }
            }
        }
        rows.write("inventory_item_history", HISTORY_COLUMNS, history);
        rows.write("inventory_item_event", EVENT_COLUMNS, events);
    }

    /** Writes one chunk of a campaign's SIMs, data packages and Wi-Fi devices, each with its "recorded" line. */
    public void connections(long campaignId, List<NewConnection> entries, Caller caller, String actor, Instant at) {
        requireSystem(caller);
        if (entries.isEmpty()) {
            return;
        }
        known(entries.stream().map(NewConnection::placeId).toList());
        long after = rows.highestId("inventory_connection");
        List<Object[]> values = new ArrayList<>(entries.size());
        for (NewConnection c : entries) {
            values.add(new Object[] {
                c.kind(),
                c.operator(),
                c.phoneNumber(),
                c.serial(),
                c.packageName(),
                c.allowanceGb(),
                c.activatedOn(),
                c.expiresOn(),
                c.status(),
                c.problemReason(),
                campaignId,
                placeCache.get(c.placeId())[0],
                c.placeId(),
                at,
                at,
                0
            });
        }
        rows.write(
                "inventory_connection",
                List.of(
                        "kind",
                        "operator",
                        "phone_number",
                        "serial",
                        "package_name",
                        "allowance_gb",
                        "activated_on",
                        "expires_on",
                        "status",
                        "problem_reason",
                        "campaign_id",
                        "unit_id",
                        "place_id",
                        "created_at",
                        "updated_at",
                        "version"),
                values);
        jdbc.sql("""
                        insert into inventory_connection_history (connection_id, action, to_status, actor_name,
                                                                  created_at)
                        select id, 'RECORDED', status, ?, created_at from inventory_connection where id > ?""").params(actor, after).update();
    }

    /**
     * The records the workshop's steps leave (an inspection per inspection line, a repair per repair line, a
     * successful wipe per wipe line) for everything written since {@code start}, each repair of 90 minutes for
     * {@code repairFault}; and the campaign's kept counts.
     */
    public void finish(long campaignId, Start start, String repairFault) {
        StepRecords.write(jdbc, start.history(), campaignId, repairFault);
        tallies.recount(campaignId);
    }

    /**
     * The steps (history step, from, to, public journey step or null) that take a received device to {@code status}
     * by the lifecycle's moves: inspected, repaired when it needed it, wiped, given software, made ready, reserved,
     * handed over, taken back; or recycled after a check, or lost.
     */
    static List<String[]> path(ItemStatus status, boolean repaired) {
        List<String[]> steps = new ArrayList<>();
        if (status == ItemStatus.RECEIVED) {
            return steps;
        }
        steps.add(step("MOVE", "RECEIVED", "IN_INSPECTION", null));
        switch (status) {
            case IN_INSPECTION -> {
                return steps;
            }
            case RECYCLED -> {
                steps.add(step("INSPECTION", "IN_INSPECTION", "RECYCLED", "SCRAPPED"));
                return steps;
            }
            case LOST -> {
                steps.add(step("MOVE", "IN_INSPECTION", "LOST", null));
                return steps;
            }
            default -> {}
        }
        boolean repair = repaired || status == ItemStatus.NEEDS_REPAIR || status == ItemStatus.IN_REPAIR;
        if (repair) {
            steps.add(step("INSPECTION", "IN_INSPECTION", "NEEDS_REPAIR", null));
            if (status == ItemStatus.NEEDS_REPAIR) {
                return steps;
            }
            steps.add(step("MOVE", "NEEDS_REPAIR", "IN_REPAIR", null));
            if (status == ItemStatus.IN_REPAIR) {
                return steps;
            }
            steps.add(step("REPAIR", "IN_REPAIR", "IN_REPAIR", null));
            steps.add(step("WIPE", "IN_REPAIR", "WIPED", "WIPED"));
        } else {
            steps.add(step("INSPECTION", "IN_INSPECTION", "IN_INSPECTION", "INSPECTED"));
            steps.add(step("WIPE", "IN_INSPECTION", "WIPED", "WIPED"));
        }
        List<String[]> rest = List.of(
                step("SOFTWARE", "WIPED", "SOFTWARE_INSTALLED", null),
                step("MOVE", "SOFTWARE_INSTALLED", "READY", "PREPARED"),
                step("MOVE", "READY", "RESERVED", "ALLOCATED"),
                step("MOVE", "RESERVED", "HANDED_OVER", "HANDED_OVER"),
                step("MOVE", "HANDED_OVER", "RETURNED", "RETURNED"));
        for (String[] s : rest) {
            if (steps.get(steps.size() - 1)[2].equals(status.name())) {
                break;
            }
            steps.add(s);
        }
        return steps;
    }

    private static String[] step(String kind, String from, String to, String publicStep) {
        return new String[] {kind, from, to, publicStep};
    }

    private static LocalDate day(Instant at) {
        return at.atZone(VIETNAM).toLocalDate();
    }

    private void places(List<Entry> entries) {
        List<Long> ids = new ArrayList<>();
        entries.forEach(e -> {
            ids.add(e.placeId());
            ids.add(e.receivedAtPlaceId());
        });
        known(ids);
    }

    /** Each place's unit and collection point (0 when none), read once per load. */
    private void known(List<Long> ids) {
        List<Long> missing = ids.stream()
                .distinct()
                .filter(id -> !placeCache.containsKey(id))
                .toList();
        for (int from = 0; from < missing.size(); from += 1_000) {
            String in = missing.subList(from, Math.min(missing.size(), from + 1_000)).stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining(","));
            jdbc.sql("select id, unit_id, collection_point_id from inventory_place where id in (" + in + ")")
                    .query((rs, n) -> placeCache.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)}))
                    .list();
        }
        for (Long id : missing) {
            if (!placeCache.containsKey(id)) {
                throw new NotFoundException("inventory_place", id);
            }
        }
    }

    private static void requireSystem(Caller caller) {
        if (!caller.isAdmin()) {
            throw new NotFoundException("inventory_place", 0);
        }
    }
}
