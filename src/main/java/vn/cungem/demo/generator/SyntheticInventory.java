package vn.cungem.demo.generator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.CollectionPointForm;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.TrackingCode;
import vn.cungem.inventory.InventoryBulkLoad;
import vn.cungem.organisation.OrganisationBulkLoad;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/**
 * Loads a generated nation's inventory into one campaign: collection points (three a province, at schools), two
 * volunteer workshops a province, the schools devices were handed over to, and {@code scale.items} devices in the
 * states of a campaign half way through, each with the history of its way there, plus one SIM, data package or Wi-Fi
 * device for every five devices. One transaction: a failed load leaves nothing behind. Deterministic for a seed.
 */
@Service
public class SyntheticInventory {

    static final int CHUNK = 20_000;
    private static final String ACTOR = "Đội IT áo xanh (dữ liệu tổng hợp)";

    private static final ItemType[] TYPES = {ItemType.LAPTOP, ItemType.DESKTOP_SET, ItemType.TABLET, ItemType.SMARTPHONE
    };
    private static final int[] TYPE_WEIGHT = {30, 15, 25, 30};
    private static final String[] MODELS = {
        "Dell Latitude E7450",
        "Lenovo ThinkPad T460",
        "HP ProBook 440 G5",
        "Bộ máy bàn Dell OptiPlex 7040",
        "Bộ máy bàn HP ProDesk 400",
        "Samsung Galaxy Tab A7",
        "iPad 6",
        "Lenovo Tab M10",
        "Samsung Galaxy A12",
        "Xiaomi Redmi 9A",
        "Oppo A15"
    };
    private static final int[][] MODELS_OF = {{0, 1, 2}, {3, 4}, {5, 6, 7}, {8, 9, 10}};

    /** Half way through a campaign, in the lifecycle's order (the states of ItemStatus), in tenths of a percent. */
    private static final String[] STATUSES = {
        "RECEIVED",
        "IN_INSPECTION",
        "NEEDS_REPAIR",
        "IN_REPAIR",
        "WIPED",
        "SOFTWARE_INSTALLED",
        "READY",
        "RESERVED",
        "HANDED_OVER",
        "RETURNED",
        "RECYCLED",
        "LOST"
    };

    private static final int[] STATUS_WEIGHT = {150, 60, 50, 40, 50, 40, 160, 80, 330, 10, 25, 5};

    private final InventoryBulkLoad inventory;
    private final CollectionPoints points;
    private final OrganisationBulkLoad organisation;
    private final TransactionTemplate transactions;

    SyntheticInventory(
            InventoryBulkLoad inventory,
            CollectionPoints points,
            OrganisationBulkLoad organisation,
            TransactionTemplate transactions) {
        this.inventory = inventory;
        this.points = points;
        this.organisation = organisation;
        this.transactions = transactions;
    }

    public record Loaded(int places, long items, long connections, long millis) {}

    /** The places of one province: its collection points', its workshops' and its schools' (made on first use). */
    private record ProvincePlaces(List<Long> points, List<Long> workshops, List<Long> schools) {}

    public Loaded load(long seed, int items, long campaignId, SyntheticNation nation, Map<String, Long> unitIds) {
        return load(seed, items, campaignId, nation, unitIds, List.of());
    }

    /**
     * As {@link #load(long, int, long, SyntheticNation, Map)}, with the campaign's approved students who may hold the
     * reserved and handed-over devices, one device each; without (enough of) them those devices stay ready or come
     * back returned, since a device is never reserved for nobody.
     */
    public Loaded load(
            long seed,
            int items,
            long campaignId,
            SyntheticNation nation,
            Map<String, Long> unitIds,
            List<Long> holders) {
        long started = System.nanoTime();
        Map<String, Long> schoolIds = organisation.schoolIds(
                nation.schools().stream().map(SchoolRow::moetCode).toList());
        Map<String, List<SchoolRow>> schoolsOf = new LinkedHashMap<>();
        for (SchoolRow s : nation.schools()) {
            String province = nation.communes().get(s.unitCode()).province().code();
            schoolsOf.computeIfAbsent(province, k -> new ArrayList<>()).add(s);
        }
        long[] counts = new long[3];
        Callers.asSystem(() -> transactions.executeWithoutResult(tx -> {
            Caller system = Callers.current();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            InventoryBulkLoad.Start start = inventory.start();
            Random random = new Random(seed * 31 + 3);
            Map<String, ProvincePlaces> places = new LinkedHashMap<>();
            List<InventoryBulkLoad.NewPlace> made = new ArrayList<>();
            for (Map.Entry<String, List<SchoolRow>> p : schoolsOf.entrySet()) {
                long provinceUnit =
                        unitIds.get(codeOfProvince(nation, p.getValue().get(0)));
                String provinceName = nation.communes()
                        .get(p.getValue().get(0).unitCode())
                        .province()
                        .name();
                for (int k = 0; k < 3; k++) {
                    SchoolRow host =
                            p.getValue().get(random.nextInt(p.getValue().size()));
                    long hostId = schoolIds.get(host.moetCode());
                    long point = points.create(
                                    campaignId,
                                    new CollectionPointForm(
                                            "Điểm tiếp nhận " + host.name(),
                                            null,
                                            hostId,
                                            host.address(),
                                            "7:30–17:00, thứ Hai đến thứ Bảy",
                                            true,
                                            null),
                                    system)
                            .id();
                    made.add(new InventoryBulkLoad.NewPlace(
                            "COLLECTION_POINT", null, point, null, hostId, unitIds.get(host.unitCode())));
                }
                for (int k = 1; k <= 2; k++) {
                    made.add(new InventoryBulkLoad.NewPlace(
                            "WORKSHOP",
                            "Xưởng IT áo xanh " + provinceName + " số " + k,
                            null,
                            null,
                            null,
                            provinceUnit));
                }
                // one school in four has received devices so far
                for (int k = 0; k < p.getValue().size(); k += 4) {
                    SchoolRow school = p.getValue().get(k);
                    made.add(new InventoryBulkLoad.NewPlace(
                            "SCHOOL",
                            null,
                            null,
                            schoolIds.get(school.moetCode()),
                            null,
                            unitIds.get(school.unitCode())));
                }
            }
            List<Long> ids = inventory.places(made, system, now);
            int n = 0;
            for (Map.Entry<String, List<SchoolRow>> p : schoolsOf.entrySet()) {
                int schools = (p.getValue().size() + 3) / 4;
                places.put(
                        p.getKey(),
                        new ProvincePlaces(
                                List.of(ids.get(n), ids.get(n + 1), ids.get(n + 2)),
                                List.of(ids.get(n + 3), ids.get(n + 4)),
                                ids.subList(n + 5, n + 5 + schools)));
                n += 5 + schools;
            }
            counts[0] = ids.size();
            List<String> provinces = new ArrayList<>(places.keySet());
            List<InventoryBulkLoad.Entry> chunk = new ArrayList<>(CHUNK);
            int[] nextHolder = {0};
            for (int i = 0; i < items; i++) {
                ProvincePlaces at = places.get(provinces.get(random.nextInt(provinces.size())));
                int t = weighted(random, TYPE_WEIGHT);
                ItemType type = TYPES[t];
                int roll = random.nextInt(100);
                ItemCondition condition = roll < 30
                        ? ItemCondition.NEW
                        : roll < 75 ? ItemCondition.USED_WORKING : ItemCondition.USED_NEEDS_REPAIR;
                String status = STATUSES[weighted(random, STATUS_WEIGHT)];
                Long holder = null;
                if (status.equals("RESERVED") || status.equals("HANDED_OVER")) {
                    if (nextHolder[0] < holders.size()) {
                        holder = holders.get(nextHolder[0]++);
                    } else {
                        status = status.equals("RESERVED") ? "READY" : "RETURNED";
                    }
                }
                long point = at.points().get(random.nextInt(3));
                long place = switch (status) {
                    case "RECEIVED" -> point;
                    case "HANDED_OVER", "RETURNED" ->
                        at.schools().get(random.nextInt(at.schools().size()));
                    default -> at.workshops().get(random.nextInt(2));
                };
                int[] models = MODELS_OF[t];
                chunk.add(new InventoryBulkLoad.Entry(
                        TrackingCode.numbered(TrackingCode.DEVICE, ((campaignId % 1024) << 25) | i)
                                .value(),
                        type,
                        condition,
                        MODELS[models[random.nextInt(models.length)]],
                        String.format("SN%02d%08d", t, random.nextInt(100_000_000)),
                        status,
                        condition == ItemCondition.USED_NEEDS_REPAIR,
                        point,
                        place,
                        now.minus(20 + random.nextInt(90), ChronoUnit.DAYS),
                        holder));
                if (chunk.size() == CHUNK) {
                    inventory.items(campaignId, chunk, system, ACTOR);
                    counts[1] += chunk.size();
                    chunk.clear();
                }
            }
            inventory.items(campaignId, chunk, system, ACTOR);
            counts[1] += chunk.size();
            counts[2] = connections(random, items / 5, campaignId, places, system, now);
            inventory.finish(campaignId, start, "Pin chai, thay pin / battery worn out, replaced");
        }));
        return new Loaded((int) counts[0], counts[1], counts[2], (System.nanoTime() - started) / 1_000_000);
    }

    /** SIMs (70 %), Wi-Fi devices (15 %) and data packages (15 %), at the workshops, with unique numbers. */
    private long connections(
            Random random, int count, long campaignId, Map<String, ProvincePlaces> places, Caller system, Instant now) {
        String[] operators = {"VIETTEL", "VINAPHONE", "MOBIFONE", "VIETNAMOBILE"};
        String[] prefixes = {"097", "091", "090", "092"};
        int[] operatorWeight = {50, 25, 20, 5};
        List<ProvincePlaces> all = new ArrayList<>(places.values());
        LocalDate today = LocalDate.now();
        List<InventoryBulkLoad.NewConnection> chunk = new ArrayList<>(CHUNK);
        long written = 0;
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(100);
            String kind = roll < 70 ? "SIM" : roll < 85 ? "WIFI_DEVICE" : "DATA_PACKAGE";
            int o = weighted(random, operatorWeight);
            int s = random.nextInt(100);
            String status = s < 20 ? "NOT_ACTIVATED" : s < 85 ? "ACTIVATED" : s < 90 ? "PROBLEM" : "EXPIRED";
            LocalDate activated = "NOT_ACTIVATED".equals(status) ? null : today.minusDays(30 + random.nextInt(300));
            // a year's plan; about one in forty ends within the next two weeks
            LocalDate expires = activated == null
                    ? null
                    : "EXPIRED".equals(status) ? today.minusDays(1 + random.nextInt(30)) : activated.plusDays(365);
            if (expires != null && "ACTIVATED".equals(status) && random.nextInt(40) == 0) {
                expires = today.plusDays(random.nextInt(14));
                activated = expires.minusDays(365);
            }
            ProvincePlaces at = all.get(random.nextInt(all.size()));
            chunk.add(new InventoryBulkLoad.NewConnection(
                    kind,
                    operators[o],
                    "WIFI_DEVICE".equals(kind)
                            ? null
                            // numbers are unique across the programme: a campaign's numbers apart from another's
                            : prefixes[o] + String.format("%07d", ((campaignId % 100) * 100_000 + i) % 10_000_000),
                    ("SIM".equals(kind) ? "8984" : "WIFI_DEVICE".equals(kind) ? "WF" : "GOI")
                            + String.format("%015d", (campaignId % 1000) * 1_000_000_000L + i),
                    "DATA_PACKAGE".equals(kind) || "SIM".equals(kind) ? "Gói học tập 4G" : null,
                    "WIFI_DEVICE".equals(kind) ? null : new BigDecimal(roll < 35 ? "30" : "60"),
                    activated,
                    expires,
                    status,
                    "PROBLEM".equals(status) ? "Không nhận sóng / no signal" : null,
                    at.workshops().get(random.nextInt(2))));
            if (chunk.size() == CHUNK) {
                inventory.connections(campaignId, chunk, system, ACTOR, now);
                written += chunk.size();
                chunk.clear();
            }
        }
        inventory.connections(campaignId, chunk, system, ACTOR, now);
        return written + chunk.size();
    }

    private static String codeOfProvince(SyntheticNation nation, SchoolRow school) {
        return nation.units().stream()
                .filter(u -> u.code().equals(school.unitCode()))
                .findFirst()
                .map(UnitRow::parentCode)
                .orElseThrow();
    }

    private static int weighted(Random random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
