package vn.cungem.donation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.PhoneNumber;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;
import vn.cungem.shared.text.VietnameseText;

/**
 * Goods received in kind at a collection point (biên nhận): with a pledge, whose lines pre-fill the form, or as a
 * walk-in gift. A receipt is written once and never edited; a retried save with the same idempotency key returns the
 * receipt already written.
 *
 * <p>Issue 9, finding 9: a donor may bring the goods to any collection point of the campaign they pledged to, so a
 * receiver records them at a point of their own against any pledge of that campaign. The receiving side sees what it
 * needs to check the goods (code, status, pledged lines) and the donor's name masked ("Trần V. K.") unless it may
 * follow the pledge up itself ({@link Pledges#isVisible}); an anonymous donor stays anonymous; no contact details. A
 * pledge of another campaign is refused with that reason.
 */
@Service
public class Receipts {

    public static final String ENTITY = "receipt";
    public static final String ANONYMOUS_VI = "Nhà hảo tâm ẩn danh";
    public static final int PAGE_SIZE = 25;
    private static final int MAX_QUANTITY = 10_000;

    private final JdbcClient jdbc;
    private final UnitScopes scopes;
    private final PledgeProgress progress;
    private final ApplicationEventPublisher events;
    private final Campaigns campaigns;
    private final Pledges pledges;
    private final MessageSource messages;
    private final UnitDirectory units;
    private final ObjectProvider<ReceivedItemTags> tags;

    Receipts(
            JdbcClient jdbc,
            UnitScopes scopes,
            PledgeProgress progress,
            ApplicationEventPublisher events,
            Campaigns campaigns,
            Pledges pledges,
            MessageSource messages,
            UnitDirectory units,
            ObjectProvider<ReceivedItemTags> tags) {
        this.jdbc = jdbc;
        this.units = units;
        this.tags = tags;
        this.pledges = pledges;
        this.messages = messages;
        this.campaigns = campaigns;
        this.scopes = scopes;
        this.progress = progress;
        this.events = events;
    }

    /** One line of what arrived. Serial numbers are optional, one per device. */
    public record Line(
            ItemType type,
            Integer quantity,
            ItemCondition condition,
            String accessories,
            String description,
            List<String> serialNumbers) {}

    /** A walk-in donor; {@code anonymous} gives without a name. Kind as in {@code donor.kind}. */
    public record WalkIn(String kind, String name, String phone, Boolean anonymous) {}

    /** What the officer saves. Either a pledge code or a walk-in donor. */
    public record NewReceipt(
            Long collectionPointId,
            String pledgeCode,
            WalkIn walkIn,
            LocalDate receivedOn,
            List<Line> lines,
            String note,
            String idempotencyKey) {}

    public record ReceiptLine(
            ItemType type,
            int quantity,
            ItemCondition condition,
            String accessories,
            String description,
            List<String> serialNumbers) {}

    public record Point(long id, String name, long unitId, String unitName, Long schoolId, String address) {}

    public record Receipt(
            long id,
            String code,
            long campaignId,
            String campaignName,
            Point point,
            Long pledgeId,
            String pledgeCode,
            String donorName,
            boolean anonymous,
            LocalDate receivedOn,
            String receivedByName,
            String note,
            List<ReceiptLine> lines) {

        /** The code the donor follows: the pledge's when there is one, else the receipt's own. */
        public String trackingCode() {
            return pledgeCode != null ? pledgeCode : code;
        }
    }

    public record Summary(
            long id,
            String code,
            LocalDate receivedOn,
            String pointName,
            String donorName,
            String pledgeCode,
            int units) {}

    public record Page(List<Summary> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** A pledge as the receiving form pre-fills it. */
    public record PledgeToReceive(
            long id, String code, String status, String donorName, Long collectionPointId, List<ReceiptLine> lines) {}

    /** The same 404 as a missing campaign when the caller may not see it. */
    public void requireCampaign(long campaignId, Caller caller) {
        if (!campaigns.isVisible(campaignId, caller)) {
            throw new NotFoundException(Campaigns.ENTITY, campaignId);
        }
    }

    public Point point(long campaignId, long pointId, Caller caller) {
        requireCampaign(campaignId, caller);
        Point p = jdbc.sql("""
                        select p.id, p.name, p.unit_id, p.school_id, p.address
                          from collection_point p
                         where p.id = ? and p.campaign_id = ?""")
                .params(pointId, campaignId)
                .query(Receipts::pointWithoutUnitName)
                .optional()
                .map(found -> withUnitNames(List.of(found)).get(0))
                .orElseThrow(() -> new NotFoundException("collection_point", pointId));
        if (!mayReceiveAt(caller, p)) {
            throw new NotFoundException("collection_point", pointId);
        }
        return p;
    }

    private static Point pointWithoutUnitName(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Point(
                rs.getLong(1), rs.getString(2), rs.getLong(3), null, rs.getObject(4, Long.class), rs.getString(5));
    }

    /** Unit names come from the organisation module's API, not from its table. */
    private List<Point> withUnitNames(List<Point> points) {
        Map<Long, String> names = units.names(points.stream().map(Point::unitId).toList());
        return points.stream()
                .map(p -> new Point(
                        p.id(), p.name(), p.unitId(), names.getOrDefault(p.unitId(), ""), p.schoolId(), p.address()))
                .toList();
    }

    /** Active collection points of the campaign where the caller may receive goods. */
    public List<Point> pointsFor(long campaignId, Caller caller) {
        requireCampaign(campaignId, caller);
        return withUnitNames(jdbc.sql("""
                        select p.id, p.name, p.unit_id, p.school_id, p.address
                          from collection_point p
                         where p.campaign_id = ? and p.active = true and (""" + pointFilter(caller, "p") + """
                        ) order by p.name fetch first 200 rows only""")
                .param(campaignId)
                .query(Receipts::pointWithoutUnitName)
                .list());
    }

    /** 004: officers at the point, volunteers of the area, or the school's own officer receive goods. */
    public boolean mayReceiveAt(Caller caller, Point p) {
        if (caller.isAdmin()) {
            return true;
        }
        if (caller.is(Role.PROGRAMME_MANAGER) || caller.is(Role.VOLUNTEER_TECHNICIAN)) {
            return scopes.covers(caller, p.unitId());
        }
        return caller.is(Role.SCHOOL_OFFICER)
                && caller.scope().kind() == Scope.Kind.SCHOOL
                && p.schoolId() != null
                && p.schoolId().equals(caller.scope().schoolId());
    }

    private String pointFilter(Caller caller, String alias) {
        if (caller.isAdmin()) {
            return "1=1";
        }
        if (caller.is(Role.PROGRAMME_MANAGER) || caller.is(Role.VOLUNTEER_TECHNICIAN)) {
            return scopes.unitFilter(caller, alias + ".unit_id");
        }
        if (caller.is(Role.SCHOOL_OFFICER) && caller.scope().schoolId() != null) {
            return alias + ".school_id = " + Long.valueOf(caller.scope().schoolId());
        }
        return "1=0";
    }

    /**
     * The pledge with this code in this campaign, for pre-filling, as a receiver may see it (see the class comment);
     * empty when there is none or the caller receives at no point of the campaign. A pledge of another campaign is
     * refused: goods are received into the campaign the donor pledged to.
     */
    public Optional<PledgeToReceive> pledgeByCode(long campaignId, String typedCode, Caller caller) {
        TrackingCode code = TrackingCode.parse(typedCode);
        if (!TrackingCode.PLEDGE.equals(code.prefix())) {
            throw new InvalidValueException(
                    "receipt.pledge-code",
                    "Đây không phải mã đăng ký ủng hộ (mã bắt đầu bằng CE).",
                    "This is not a pledge code (pledge codes start with CE).");
        }
        if (pointsFor(campaignId, caller).isEmpty()) {
            return Optional.empty();
        }
        record Found(long id, String status, String name, boolean anonymous, Long pointId, long campaignId) {}
        Optional<Found> found = jdbc.sql("""
                        select p.id, p.status, d.name, d.anonymous, p.collection_point_id, p.campaign_id
                          from pledge p join donor d on d.id = p.donor_id
                         where p.code = ?""")
                .param(code.value())
                .query((rs, n) -> new Found(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getObject(5, Long.class),
                        rs.getLong(6)))
                .optional();
        if (found.isPresent() && found.get().campaignId() != campaignId) {
            throw new ConflictException(
                    "receipt.pledge-other-campaign",
                    messages.getMessage("receipt.pledge.otherCampaign", null, VIETNAMESE),
                    messages.getMessage("receipt.pledge.otherCampaign", null, Locale.ENGLISH));
        }
        return found.map(p -> new PledgeToReceive(
                p.id(),
                code.value(),
                p.status(),
                donorNameFor(p.id(), p.name(), p.anonymous(), caller),
                p.pointId(),
                pledgeLines(p.id())));
    }

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /**
     * The donor's name as the receiving side shows it: anonymous stays anonymous; whoever follows the pledge up (its
     * campaign's or its collection point's managers) sees the name; any other receiver a masked one.
     */
    private String donorNameFor(Long pledgeId, String name, boolean anonymous, Caller caller) {
        if (anonymous) {
            return ANONYMOUS_VI;
        }
        if (pledgeId == null || pledges.isVisible(pledgeId, caller)) {
            return name;
        }
        return DonorDetails.maskedName(name);
    }

    private List<ReceiptLine> pledgeLines(long pledgeId) {
        return jdbc.sql("""
                        select item_type, quantity, item_condition, accessories, description from pledge_line
                         where pledge_id = ? order by ordinal""")
                .param(pledgeId)
                .query((rs, n) -> new ReceiptLine(
                        ItemType.valueOf(rs.getString(1)),
                        rs.getInt(2),
                        ItemCondition.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        List.of()))
                .list();
    }

    /** Records what arrived, in one transaction with its inventory items, the pledge's new status and the audit. */
    @Transactional
    public Receipt record(long campaignId, NewReceipt in, Caller caller) {
        String key = blankToNull(in.idempotencyKey());
        if (key != null && key.length() > 64) {
            throw invalid(
                    "receipt.key", "Khoá chống gửi trùng quá dài (tối đa 64 ký tự).", "Idempotency key too long.");
        }
        if (key != null) {
            Optional<Long> existing = byKey(key);
            if (existing.isPresent()) {
                return get(campaignId, existing.get(), caller);
            }
        }
        if (in.collectionPointId() == null) {
            throw invalid("receipt.point", "Chọn điểm tiếp nhận.", "Choose the collection point.");
        }
        Point point = point(campaignId, in.collectionPointId(), caller);
        List<GoodsLine> lines = validLines(in.lines());
        LocalDate receivedOn = in.receivedOn() == null ? LocalDate.now() : in.receivedOn();
        if (receivedOn.isAfter(LocalDate.now().plusDays(1))) {
            throw invalid(
                    "receipt.date", "Ngày nhận không thể ở tương lai.", "The date received cannot be in the future.");
        }
        String note = limit(VietnameseText.tidy(in.note()), 1000, "receipt.note", "Ghi chú", "Note");

        Long pledgeId = null;
        long donorId;
        if (blankToNull(in.pledgeCode()) != null) {
            PledgeToReceive pledge = pledgeByCode(campaignId, in.pledgeCode(), caller)
                    .orElseThrow(() -> invalid(
                            "receipt.pledge-unknown",
                            "Không có đăng ký ủng hộ nào với mã này trong chương trình.",
                            "No pledge with this code in this campaign."));
            if (PledgeStatus.CANCELLED.name().equals(pledge.status())) {
                throw new ConflictException(
                        "receipt.pledge-cancelled",
                        "Đăng ký ủng hộ này đã huỷ; hãy ghi nhận như quà không đăng ký trước.",
                        "This pledge was cancelled; record the goods as a walk-in gift.");
            }
            pledgeId = pledge.id();
            donorId = jdbc.sql("select donor_id from pledge where id = ?")
                    .param(pledgeId)
                    .query(Long.class)
                    .single();
        } else {
            donorId = insertDonor(in.walkIn());
        }

        OffsetDateTime now = OffsetDateTime.now();
        String code = newCode();
        jdbc.sql("""
                        insert into receipt (code, campaign_id, collection_point_id, pledge_id, donor_id, received_on,
                                             received_by_account_id, received_by_name, note, idempotency_key,
                                             created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        code,
                        campaignId,
                        point.id(),
                        pledgeId,
                        donorId,
                        receivedOn,
                        caller.accountId(),
                        caller.displayName(),
                        note,
                        key,
                        now)
                .update();
        long receiptId = jdbc.sql("select id from receipt where code = ?")
                .param(code)
                .query(Long.class)
                .single();
        int ordinal = 0;
        for (GoodsLine l : lines) {
            jdbc.sql("""
                            insert into receipt_line (receipt_id, item_type, quantity, item_condition, accessories,
                                                      description, serial_numbers, ordinal)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            receiptId,
                            l.type().name(),
                            l.quantity(),
                            l.condition().name(),
                            l.accessories(),
                            l.description(),
                            l.serialNumbers().isEmpty() ? null : String.join(",", l.serialNumbers()),
                            ordinal++)
                    .update();
        }
        events.publishEvent(new GoodsReceived(
                receiptId, code, campaignId, point.id(), point.unitId(), pledgeId, receivedOn, lines));
        if (pledgeId != null) {
            progress.recompute(pledgeId);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("code", code);
        after.put("collectionPointId", point.id());
        after.put("pledgeId", pledgeId);
        after.put("receivedOn", receivedOn.toString());
        after.put(
                "lines",
                lines.stream()
                        .map(l -> l.type().name() + " x" + l.quantity() + " "
                                + l.condition().name())
                        .toList());
        events.publishEvent(DomainChange.created(ENTITY, receiptId, point.unitId(), after));
        return get(campaignId, receiptId, caller);
    }

    /** A device tag the inventory gave one unit of this receipt. */
    public record Tag(String tag, ItemType type, String serialNumber, String status) {}

    /**
     * The tags of the receipt's devices, in the order they were made. The inventory module, which depends on this one,
     * answers through {@link ReceivedItemTags}; none when it is absent (a module test without it).
     */
    public List<Tag> tagsOf(long receiptId) {
        ReceivedItemTags inventory = tags.getIfAvailable();
        return inventory == null ? List.of() : inventory.tagsOf(receiptId);
    }

    public Optional<Long> byKey(String key) {
        return jdbc.sql("select id from receipt where idempotency_key = ?")
                .param(key)
                .query(Long.class)
                .optional();
    }

    private long insertDonor(WalkIn w) {
        if (w == null) {
            throw invalid(
                    "receipt.donor",
                    "Nhập mã đăng ký ủng hộ, hoặc tên người tặng (hoặc chọn ẩn danh).",
                    "Enter the pledge code, or the donor's name (or choose anonymous).");
        }
        String name = VietnameseText.tidy(w.name());
        boolean anonymous = Boolean.TRUE.equals(w.anonymous()) || name == null || name.isEmpty();
        if (anonymous) {
            name = ANONYMOUS_VI;
        }
        limit(name, 200, "receipt.donor-name", "Tên người tặng", "Donor name");
        String kind = blankToNull(w.kind()) == null ? "INDIVIDUAL" : w.kind().trim();
        if (!List.of("INDIVIDUAL", "BUSINESS", "ORGANISATION", "RELIGIOUS_ESTABLISHMENT", "TELECOM_OPERATOR")
                .contains(kind)) {
            throw invalid("receipt.donor-kind", "Loại người tặng không đúng.", "Unknown donor kind.");
        }
        String phone = blankToNull(w.phone()) == null || anonymous
                ? null
                : PhoneNumber.parse(w.phone()).national();
        OffsetDateTime now = OffsetDateTime.now();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into donor (kind, name, name_folded, name_sort, phone, named_publicly, anonymous,
                                           created_at, updated_at)
                        values (?, ?, ?, ?, ?, false, ?, ?, ?)""")
                .params(kind, name, VietnameseText.fold(name), VietnameseText.sortKey(name), phone, anonymous, now, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private String newCode() {
        for (int attempt = 0; attempt < 10; attempt++) {
            String code = TrackingCode.generate(TrackingCode.RECEIPT).value();
            if (jdbc.sql("select count(*) from receipt where code = ?")
                            .param(code)
                            .query(Long.class)
                            .single()
                    == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no free receipt code after 10 attempts");
    }

    /** Validates the lines; exposed for tests of the rule without a database. */
    public static List<GoodsLine> validLines(List<Line> raw) {
        List<GoodsLine> out = new ArrayList<>();
        if (raw != null) {
            for (Line l : raw) {
                if (l == null || (l.type() == null && (l.quantity() == null || l.quantity() == 0))) {
                    continue;
                }
                int n = out.size() + 1;
                if (l.type() == null || l.type() == ItemType.CASH) {
                    throw invalid(
                            "receipt.line-type",
                            "Dòng " + n + ": chọn loại hiện vật (tiền mặt ghi vào sổ quỹ, không ghi ở đây).",
                            "Line " + n + ": choose the kind of goods (cash goes to the cash ledger, not here).");
                }
                if (l.quantity() == null || l.quantity() < 1 || l.quantity() > MAX_QUANTITY) {
                    throw invalid(
                            "receipt.line-quantity",
                            "Dòng " + n + ": số lượng phải từ 1 đến " + MAX_QUANTITY + ".",
                            "Line " + n + ": quantity must be 1 to " + MAX_QUANTITY + ".");
                }
                if (l.condition() == null) {
                    throw invalid(
                            "receipt.line-condition",
                            "Dòng " + n + ": chọn tình trạng (mới, cũ còn tốt, cần sửa).",
                            "Line " + n + ": choose the condition (new, used working, needs repair).");
                }
                List<String> serials = l.serialNumbers() == null
                        ? List.of()
                        : l.serialNumbers().stream()
                                .flatMap(s -> s == null
                                        ? java.util.stream.Stream.empty()
                                        : java.util.Arrays.stream(s.split("[,;\\n]")))
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .toList();
                if (serials.size() > l.quantity() || serials.stream().anyMatch(s -> s.length() > 100)) {
                    throw invalid(
                            "receipt.line-serials",
                            "Dòng " + n + ": số số sê-ri nhiều hơn số lượng, hoặc có số sê-ri dài quá 100 ký tự.",
                            "Line " + n + ": more serial numbers than units, or a serial longer than 100 characters.");
                }
                if (!serials.isEmpty() && !GoodsLine.isTagged(l.type())) {
                    throw invalid(
                            "receipt.line-serials-untagged",
                            "Dòng " + n + ": loại này không có số sê-ri.",
                            "Line " + n + ": this kind of goods has no serial numbers.");
                }
                out.add(new GoodsLine(
                        l.type(),
                        l.quantity(),
                        l.condition(),
                        limit(
                                VietnameseText.tidy(l.accessories()),
                                300,
                                "receipt.line-accessories",
                                "Phụ kiện",
                                "Accessories"),
                        limit(
                                VietnameseText.tidy(l.description()),
                                300,
                                "receipt.line-description",
                                "Mô tả",
                                "Description"),
                        serials));
            }
        }
        if (out.isEmpty()) {
            throw invalid(
                    "receipt.no-lines",
                    "Ghi ít nhất một dòng hiện vật đã nhận.",
                    "Record at least one line of goods received.");
        }
        if (out.size() > 100) {
            throw invalid("receipt.too-many-lines", "Tối đa 100 dòng mỗi biên nhận.", "At most 100 lines per receipt.");
        }
        return out;
    }

    /** The receipt, when the caller may receive at its collection point; otherwise 404. */
    public Receipt get(long campaignId, long receiptId, Caller caller) {
        Receipt r = load(receiptId)
                .filter(x -> x.campaignId() == campaignId)
                .orElseThrow(() -> new NotFoundException(ENTITY, receiptId));
        if (!mayReceiveAt(caller, r.point())) {
            throw new NotFoundException(ENTITY, receiptId);
        }
        if (r.anonymous() || r.pledgeId() == null || pledges.isVisible(r.pledgeId(), caller)) {
            return r;
        }
        return new Receipt(
                r.id(),
                r.code(),
                r.campaignId(),
                r.campaignName(),
                r.point(),
                r.pledgeId(),
                r.pledgeCode(),
                DonorDetails.maskedName(r.donorName()),
                r.anonymous(),
                r.receivedOn(),
                r.receivedByName(),
                r.note(),
                r.lines());
    }

    /** Without a scope check: for documents the system itself renders (the public tracking page reads its own way). */
    public Optional<Receipt> load(long receiptId) {
        return jdbc.sql("""
                        select r.id, r.code, r.campaign_id, null, r.collection_point_id, p.name, p.unit_id, null,
                               p.school_id, p.address, r.pledge_id, pl.code, d.name, d.anonymous, r.received_on,
                               r.received_by_name, r.note
                          from receipt r
                          join collection_point p on p.id = r.collection_point_id
                          join donor d on d.id = r.donor_id
                          left join pledge pl on pl.id = r.pledge_id
                         where r.id = ?""")
                .param(receiptId)
                .query((rs, n) -> new Receipt(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        new Point(
                                rs.getLong(5),
                                rs.getString(6),
                                rs.getLong(7),
                                rs.getString(8),
                                rs.getObject(9, Long.class),
                                rs.getString(10)),
                        rs.getObject(11, Long.class),
                        rs.getString(12),
                        rs.getBoolean(14) ? ANONYMOUS_VI : rs.getString(13),
                        rs.getBoolean(14),
                        rs.getObject(15, LocalDate.class),
                        rs.getString(16),
                        rs.getString(17),
                        List.of()))
                .optional()
                .map(r -> new Receipt(
                        r.id(),
                        r.code(),
                        r.campaignId(),
                        campaigns.nameOf(r.campaignId()),
                        withUnitNames(List.of(r.point())).get(0),
                        r.pledgeId(),
                        r.pledgeCode(),
                        r.donorName(),
                        r.anonymous(),
                        r.receivedOn(),
                        r.receivedByName(),
                        r.note(),
                        lines(r.id())));
    }

    private List<ReceiptLine> lines(long receiptId) {
        return jdbc.sql("""
                        select item_type, quantity, item_condition, accessories, description, serial_numbers
                          from receipt_line where receipt_id = ? order by ordinal""")
                .param(receiptId)
                .query((rs, n) -> new ReceiptLine(
                        ItemType.valueOf(rs.getString(1)),
                        rs.getInt(2),
                        ItemCondition.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6) == null
                                ? List.of()
                                : List.of(rs.getString(6).split(","))))
                .list();
    }

    /** Receipts of the campaign at the points the caller may receive at, newest first. */
    public Page list(long campaignId, String query, Caller caller, int page) {
        requireCampaign(campaignId, caller);
        int p = Math.max(0, page);
        String filter = pointFilter(caller, "p");
        String search = blankToNull(query) == null ? null : VietnameseText.likeContains(VietnameseText.fold(query));
        String where = " where r.campaign_id = ? and (" + filter + ")"
                + (search == null
                        ? ""
                        : " and (d.name_folded like ? or lower(r.code) like ? or lower(pl.code) like ?)");
        String from = """
                 from receipt r
                 join collection_point p on p.id = r.collection_point_id
                 join donor d on d.id = r.donor_id
                 left join pledge pl on pl.id = r.pledge_id""";
        List<Object> params = new ArrayList<>();
        params.add(campaignId);
        if (search != null) {
            params.add(search);
            params.add(search);
            params.add(search);
        }
        long total = jdbc.sql("select count(*)" + from + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(p * PAGE_SIZE);
        pageParams.add(PAGE_SIZE);
        List<Summary> items = jdbc.sql("select r.id, r.code, r.received_on, p.name, d.name, d.anonymous, pl.code,"
                        + " (select coalesce(sum(quantity), 0) from receipt_line l where l.receipt_id = r.id),"
                        + " r.pledge_id "
                        + from + where + " order by r.id desc offset ? rows fetch next ? rows only")
                .params(pageParams)
                .query((rs, n) -> new Summary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        donorNameFor(rs.getObject(9, Long.class), rs.getString(5), rs.getBoolean(6), caller),
                        rs.getString(7),
                        rs.getInt(8)))
                .list();
        return new Page(items, total, p, PAGE_SIZE);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String limit(String value, int max, String code, String fieldVi, String fieldEn) {
        if (value != null && value.length() > max) {
            throw invalid(code, fieldVi + " dài quá " + max + " ký tự.", fieldEn + " is longer than " + max + ".");
        }
        return value == null || value.isEmpty() ? null : value;
    }

    private static InvalidValueException invalid(String code, String vi, String en) {
        return new InvalidValueException(code, vi, en);
    }
}
