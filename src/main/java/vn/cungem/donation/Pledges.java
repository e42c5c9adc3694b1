package vn.cungem.donation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.campaign.Phase;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.mail.OutgoingMail;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;

/**
 * Pledges (đăng ký ủng hộ): anyone may make one for an active campaign without an account; managers whose scope covers
 * the campaign or the pledge's collection point follow them up. The pledge code is the gift's public tracking code and
 * goes into the transfer note, so the bank statement can be matched to it.
 */
@Service
@Transactional(readOnly = true)
public class Pledges {

    public static final String ENTITY = "pledge";
    public static final int PAGE_SIZE = 25;
    public static final long MIN_CASH_VND = 10_000;
    public static final long MAX_CASH_VND = 100_000_000_000L;
    public static final int MAX_QUANTITY = 10_000;

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final CollectionPoints points;
    private final BankAccounts bankAccounts;
    private final Donors donors;
    private final UnitScopes scopes;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final OutgoingMail mail;
    private final String baseUrl;

    Pledges(
            JdbcClient jdbc,
            Campaigns campaigns,
            CollectionPoints points,
            BankAccounts bankAccounts,
            Donors donors,
            UnitScopes scopes,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            OutgoingMail mail,
            @Value("${cungem.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.points = points;
        this.bankAccounts = bankAccounts;
        this.donors = donors;
        this.scopes = scopes;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.mail = mail;
        this.baseUrl = baseUrl;
    }

    public boolean canSeeCampaign(long campaignId, Caller caller) {
        return campaigns.isVisible(campaignId, caller);
    }

    /** Active campaigns anyone may pledge to, newest first. */
    public List<Campaign> openCampaigns() {
        return campaigns.active(200);
    }

    public Optional<Campaign> openCampaignByCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return campaigns
                .findByCode(code.trim().toUpperCase(Locale.ROOT))
                .filter(c -> c.status() == CampaignStatus.ACTIVE);
    }

    public Optional<Campaign> openCampaign(long id) {
        Campaign campaign = campaigns.isVisible(id, Caller.SYSTEM) ? campaigns.get(id, Caller.SYSTEM) : null;
        return Optional.ofNullable(campaign).filter(c -> c.status() == CampaignStatus.ACTIVE);
    }

    /**
     * Records a pledge, or returns the one an earlier submission with the same idempotency key created. A confirmation
     * email (Vietnamese, then English) goes out once, after the pledge is committed, when an email was given.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public PledgeSaved submit(PledgeRequest request) {
        String key = cleanKey(request.idempotencyKey());
        if (key != null) {
            Optional<PledgeSaved> earlier = byKey(key);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String email =
                request.donor() == null ? null : request.donor().normalised().email();
        PledgeSaved saved;
        try {
            saved = tx.execute(status -> {
                PledgeSaved inserted = insert(request, key);
                if (email != null) {
                    // stored with the pledge, sent once it has committed; never when the insert rolls back
                    sendConfirmation(email, inserted.code());
                }
                return inserted;
            });
        } catch (DuplicateKeyException e) {
            // Two submissions with one key raced; the other one won and this one returns its pledge.
            saved = key == null ? null : byKey(key).orElse(null);
            if (saved == null) {
                throw e;
            }
            return saved;
        }
        return saved;
    }

    /** What anyone holding the code may see. */
    public Optional<PublicPledge> publicView(String code) {
        TrackingCode parsed;
        try {
            parsed = TrackingCode.parse(code);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!TrackingCode.PLEDGE.equals(parsed.prefix())) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select p.id, p.code, p.campaign_id, p.status,
                               p.cash_amount_vnd, p.cash_received_vnd, cp.name point_name, cp.address point_address,
                               cp.opening_hours, p.expected_on, d.name donor_name, d.named_publicly, d.anonymous,
                               p.wants_certificate, p.created_at
                          from pledge p join donor d on d.id = p.donor_id
                          left join collection_point cp on cp.id = p.collection_point_id
                         where p.code = ?""")
                .param(parsed.value())
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    Long cash = rs.getObject("cash_amount_vnd", Long.class);
                    long campaignId = rs.getLong("campaign_id");
                    Campaign campaign = campaigns.find(campaignId).orElseThrow();
                    return new PublicPledge(
                            rs.getString("code"),
                            campaignId,
                            campaign.code(),
                            campaign.name(),
                            PledgeStatus.valueOf(rs.getString("status")),
                            lines(id),
                            cash,
                            rs.getLong("cash_received_vnd"),
                            rs.getString("point_name"),
                            rs.getString("point_address"),
                            rs.getString("opening_hours"),
                            rs.getObject("expected_on", LocalDate.class),
                            DonorDetails.publicName(
                                    rs.getString("donor_name"),
                                    rs.getBoolean("named_publicly"),
                                    rs.getBoolean("anonymous")),
                            rs.getBoolean("wants_certificate"),
                            rs.getObject("created_at", OffsetDateTime.class),
                            transfer(campaignId, rs.getString("code"), cash).orElse(null));
                })
                .optional();
    }

    /** Transfer details for a money pledge, when the campaign has a bank account. */
    public Optional<TransferDetails> transfer(long campaignId, String code, Long cashAmountVnd) {
        if (cashAmountVnd == null || cashAmountVnd <= 0) {
            return Optional.empty();
        }
        return bankAccounts.of(campaignId).map(a -> {
            String note = VietQr.noteFor(new TrackingCode(code));
            return new TransferDetails(
                    a.bankName(),
                    a.bankBin(),
                    a.accountNumber(),
                    a.accountName(),
                    cashAmountVnd,
                    note,
                    VietQr.payload(a.bankBin(), a.accountNumber(), cashAmountVnd, note));
        });
    }

    /** A campaign's pledges the caller manages, filtered by status and a folded search on the donor's name or code. */
    public PledgePage search(long campaignId, PledgeStatus status, String query, Caller caller, int page) {
        Campaign campaign = points.requireManagerOf(campaignId, caller);
        int safePage = Math.max(0, page);
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where p.campaign_id = ?");
        params.add(campaignId);
        where.append(scopeCondition(campaign, caller));
        if (status != null) {
            where.append(" and p.status = ?");
            params.add(status.name());
        }
        String folded = VietnameseText.fold(query);
        if (folded != null && !folded.isBlank()) {
            where.append(" and (d.name_folded like ? or p.code = ? or d.phone = ?)");
            params.add(VietnameseText.likeContains(folded));
            params.add(query.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", ""));
            params.add(query.replaceAll("[\\s.]", ""));
        }
        params.add(PAGE_SIZE + 1);
        params.add((long) safePage * PAGE_SIZE);
        List<PledgeSummary> rows = jdbc.sql(SUMMARY + where + " order by p.id desc limit ? offset ?")
                .params(params)
                .query(Pledges::summary)
                .list();
        boolean hasNext = rows.size() > PAGE_SIZE;
        return new PledgePage(hasNext ? rows.subList(0, PAGE_SIZE) : rows, safePage, PAGE_SIZE, hasNext);
    }

    public PledgeDetail detail(long campaignId, long pledgeId, Caller caller) {
        Campaign campaign = points.requireManagerOf(campaignId, caller);
        return jdbc.sql(SUMMARY.replaceFirst(
                                "select ",
                                "select d.email, d.tax_code, d.named_publicly, d.anonymous,"
                                        + " p.wants_certificate, p.note, ")
                        + " where p.campaign_id = ? and p.id = ?"
                        + scopeCondition(campaign, caller))
                .params(campaignId, pledgeId)
                .query((rs, n) -> new PledgeDetail(
                        summary(rs, n),
                        rs.getString("email"),
                        rs.getString("tax_code"),
                        rs.getBoolean("named_publicly"),
                        rs.getBoolean("anonymous"),
                        rs.getBoolean("wants_certificate"),
                        rs.getString("note"),
                        lines(pledgeId),
                        receipts(pledgeId),
                        transfers(pledgeId)))
                .optional()
                .orElseThrow(() -> new NotFoundException(ENTITY, pledgeId));
    }

    /** Whether the caller may open this pledge's detail (the same rule as {@link #detail}); false when there is none. */
    public boolean isVisible(long pledgeId, Caller caller) {
        return jdbc.sql("select campaign_id from pledge where id = ?")
                .param(pledgeId)
                .query(Long.class)
                .optional()
                .filter(campaignId -> isVisible(campaignId, pledgeId, caller))
                .isPresent();
    }

    /** Whether the caller may open at least one pledge this donor made, and so see who the donor is. */
    public boolean isDonorVisible(long donorId, Caller caller) {
        return jdbc
                .sql("select id from pledge where donor_id = ? order by id limit 50")
                .param(donorId)
                .query(Long.class)
                .list()
                .stream()
                .anyMatch(pledgeId -> isVisible(pledgeId, caller));
    }

    private boolean isVisible(long campaignId, long pledgeId, Caller caller) {
        if (!Campaigns.canManage(caller) || !campaigns.isVisible(campaignId, caller)) {
            return false;
        }
        Campaign campaign = campaigns.get(campaignId, caller);
        return jdbc.sql("select count(*) from pledge p where p.campaign_id = ? and p.id = ?"
                                + scopeCondition(campaign, caller))
                        .params(campaignId, pledgeId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Cancels a pledge the donor withdrew; once everything has arrived there is nothing left to cancel. */
    @Transactional
    public PledgeDetail cancel(long campaignId, long pledgeId, String reason, Caller caller) {
        PledgeDetail before = detail(campaignId, pledgeId, caller);
        if (reason == null || reason.isBlank()) {
            throw new DonationInvalidException(List.of(new FieldProblem(
                    "reason",
                    "pledge.cancel.reason",
                    "Cho biết lý do huỷ đăng ký.",
                    "Give the reason for cancelling the pledge.")));
        }
        PledgeStatus current = before.summary().status();
        if (current == PledgeStatus.CANCELLED || current == PledgeStatus.RECEIVED) {
            throw new ConflictException(
                    "pledge.cancel.state",
                    "Không thể huỷ: đăng ký này đã " + (current == PledgeStatus.CANCELLED ? "bị huỷ." : "nhận đủ."),
                    "Cannot cancel: this pledge is already "
                            + (current == PledgeStatus.CANCELLED ? "cancelled." : "fully received."));
        }
        jdbc.sql("update pledge set status = 'CANCELLED', updated_at = ?, version = version + 1 where id = ?")
                .params(OffsetDateTime.now(), pledgeId)
                .update();
        events.publishEvent(DomainChange.updated(
                ENTITY,
                pledgeId,
                unitOf(pledgeId),
                Map.of("status", current.name()),
                Map.of("status", PledgeStatus.CANCELLED.name()),
                VietnameseText.tidy(reason)));
        return detail(campaignId, pledgeId, caller);
    }

    /** Counts for the campaign's donation overview, limited to what the caller manages. */
    public DonationOverview overview(long campaignId, Caller caller) {
        Campaign campaign = points.requireManagerOf(campaignId, caller);
        String scope = scopeCondition(campaign, caller);
        Map<PledgeStatus, Long> byStatus = new EnumMap<>(PledgeStatus.class);
        long[] cash = new long[2];
        jdbc.sql("select p.status, count(*), coalesce(sum(p.cash_amount_vnd), 0), coalesce(sum(p.cash_received_vnd), 0)"
                        + " from pledge p where p.campaign_id = ?" + scope + " group by p.status")
                .param(campaignId)
                .query((rs, n) -> {
                    PledgeStatus s = PledgeStatus.valueOf(rs.getString(1));
                    byStatus.put(s, rs.getLong(2));
                    if (s != PledgeStatus.CANCELLED) {
                        cash[0] += rs.getLong(3);
                    }
                    cash[1] += rs.getLong(4);
                    return s;
                })
                .list();
        boolean all = campaigns.canEdit(campaign, caller);
        String pointScope = all ? "1=1" : scopes.unitFilter(caller, "unit_id");
        long pointCount =
                count("select count(*) from collection_point where campaign_id = ? and " + pointScope, campaignId);
        long receipts = count(
                "select count(*) from receipt where campaign_id = ? and collection_point_id in"
                        + " (select id from collection_point where " + pointScope + ")",
                campaignId);
        long ledger = all ? count("select count(*) from ledger_entry where campaign_id = ?", campaignId) : 0;
        long unmatched = all
                ? count(
                        "select count(*) from bank_statement_line where campaign_id = ? and status = 'UNMATCHED'",
                        campaignId)
                : 0;
        long purchases = all ? count("select count(*) from purchase where campaign_id = ?", campaignId) : 0;
        return new DonationOverview(
                pointCount,
                byStatus,
                cash[0],
                cash[1],
                receipts,
                ledger,
                unmatched,
                purchases,
                bankAccounts.of(campaignId).isPresent());
    }

    private long count(String sql, long campaignId) {
        return jdbc.sql(sql).param(campaignId).query(Long.class).single();
    }

    private static final String SUMMARY = """
            select p.id, p.code, d.name donor_name, d.kind donor_kind, d.phone, p.status, p.cash_amount_vnd,
                   p.cash_received_vnd, cp.name point_name, p.expected_on, p.created_at,
                   (select coalesce(sum(l.quantity), 0) from pledge_line l where l.pledge_id = p.id) items
              from pledge p join donor d on d.id = p.donor_id
              left join collection_point cp on cp.id = p.collection_point_id
            """;

    /** Managers who may edit the campaign see all its pledges; others those brought to points in their scope. */
    private String scopeCondition(Campaign campaign, Caller caller) {
        if (campaigns.canEdit(campaign, caller)) {
            return "";
        }
        return " and p.collection_point_id in (select cp2.id from collection_point cp2 where "
                + scopes.unitFilter(caller, "cp2.unit_id") + ")";
    }

    private PledgeSaved insert(PledgeRequest request, String key) {
        Campaign campaign = request.campaignId() == null
                ? null
                : openCampaign(request.campaignId()).orElse(null);
        List<FieldProblem> problems = new ArrayList<>();
        if (campaign == null) {
            problems.add(new FieldProblem(
                    "campaignId",
                    "pledge.campaign",
                    "Chọn một chương trình đang nhận ủng hộ.",
                    "Choose a campaign that is taking donations."));
            throw new DonationInvalidException(problems);
        }
        CollectionPoint point = checkGoodsAndPlace(request, campaign, problems);
        DonorDetails donor = request.donor() == null
                ? new DonorDetails(DonorKind.INDIVIDUAL, null, null, null, null, null, false, false)
                : request.donor();
        problems.addAll(donor.problems("donor."));
        if (request.note() != null && request.note().length() > 1000) {
            problems.add(new FieldProblem(
                    "note", "pledge.note.long", "Lời nhắn dài quá 1000 ký tự.", "The note is over 1000 characters."));
        }
        if (!problems.isEmpty()) {
            throw new DonationInvalidException(problems);
        }
        Long unitId = point == null ? campaign.spec().organisingUnitId() : point.unitId();
        long donorId = donors.create(donor, unitId);
        TrackingCode code = freshCode();
        OffsetDateTime now = OffsetDateTime.now();
        Long cash = request.cashAmountVnd() == null || request.cashAmountVnd() == 0 ? null : request.cashAmountVnd();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into pledge (code, campaign_id, donor_id, collection_point_id, expected_on,
                          cash_amount_vnd, status, wants_certificate, note, idempotency_key, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, 'PLEDGED', ?, ?, ?, ?, ?)""")
                .params(
                        code.value(),
                        campaign.id(),
                        donorId,
                        point == null ? null : point.id(),
                        request.expectedOn(),
                        cash,
                        request.wantsCertificate(),
                        request.note() == null || request.note().isBlank()
                                ? null
                                : request.note().trim(),
                        key,
                        now,
                        now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        int ordinal = 0;
        for (PledgeLineRequest line : request.lines()) {
            jdbc.sql("""
                            insert into pledge_line (pledge_id, item_type, quantity, item_condition, accessories,
                              description, ordinal) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            line.itemType().name(),
                            line.quantity(),
                            line.condition().name(),
                            blankToNull(line.accessories()),
                            blankToNull(line.description()),
                            ordinal++)
                    .update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("code", code.value());
        after.put("campaignId", campaign.id());
        after.put("donorId", donorId);
        after.put("collectionPointId", point == null ? null : point.id());
        after.put("cashAmountVnd", cash);
        after.put("lines", request.lines().size());
        events.publishEvent(DomainChange.created(ENTITY, id, unitId, after));
        return new PledgeSaved(id, code, true);
    }

    private CollectionPoint checkGoodsAndPlace(PledgeRequest request, Campaign campaign, List<FieldProblem> problems) {
        List<ItemType> accepted = campaign.spec().itemTypes();
        for (int i = 0; i < request.lines().size(); i++) {
            PledgeLineRequest line = request.lines().get(i);
            String f = "lines[" + i + "].";
            if (line.itemType() == null || line.itemType() == ItemType.CASH) {
                problems.add(new FieldProblem(
                        f + "itemType",
                        "pledge.line.type",
                        "Dòng " + (i + 1) + ": chọn loại hiện vật.",
                        "Line " + (i + 1) + ": choose the kind of item."));
            } else if (!accepted.isEmpty() && !accepted.contains(line.itemType())) {
                problems.add(new FieldProblem(
                        f + "itemType",
                        "pledge.line.type.notAccepted",
                        "Dòng " + (i + 1) + ": chương trình không nhận "
                                + line.itemType().nameVi() + ".",
                        "Line " + (i + 1) + ": the campaign does not accept "
                                + line.itemType().nameEn() + "."));
            }
            if (line.quantity() == null || line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                problems.add(new FieldProblem(
                        f + "quantity",
                        "pledge.line.quantity",
                        "Dòng " + (i + 1) + ": số lượng từ 1 đến 10.000.",
                        "Line " + (i + 1) + ": the quantity must be 1 to 10,000."));
            }
            if (line.condition() == null) {
                problems.add(new FieldProblem(
                        f + "condition",
                        "pledge.line.condition",
                        "Dòng " + (i + 1) + ": chọn tình trạng (mới, cũ còn tốt, cũ cần sửa).",
                        "Line " + (i + 1) + ": choose the condition (new, used working, used needing repair)."));
            }
            if ((line.accessories() != null && line.accessories().length() > 300)
                    || (line.description() != null && line.description().length() > 300)) {
                problems.add(new FieldProblem(
                        f + "description",
                        "pledge.line.long",
                        "Dòng " + (i + 1) + ": mô tả hoặc phụ kiện dài quá 300 ký tự.",
                        "Line " + (i + 1) + ": the description or accessories are over 300 characters."));
            }
        }
        Long cash = request.cashAmountVnd();
        if (cash != null && cash != 0 && (cash < MIN_CASH_VND || cash > MAX_CASH_VND)) {
            problems.add(new FieldProblem(
                    "cashAmountVnd",
                    "pledge.cash.range",
                    "Số tiền ủng hộ từ 10.000 ₫ trở lên.",
                    "The amount must be at least 10,000 ₫."));
        }
        boolean hasCash = cash != null && cash > 0;
        if (request.lines().isEmpty() && !hasCash) {
            problems.add(new FieldProblem(
                    "lines",
                    "pledge.empty",
                    "Xin cho biết hiện vật sẽ ủng hộ, số tiền, hoặc cả hai.",
                    "Please say what you will give: items, an amount of money, or both."));
        }
        CollectionPoint point = null;
        if (request.collectionPointId() != null) {
            point = points.find(request.collectionPointId())
                    .filter(p -> p.campaignId() == campaign.id() && p.active())
                    .orElse(null);
            if (point == null) {
                problems.add(new FieldProblem(
                        "collectionPointId",
                        "pledge.point.unknown",
                        "Điểm tiếp nhận này không thuộc chương trình hoặc đã ngừng nhận.",
                        "This collection point is not part of the campaign or no longer open."));
            }
        } else if (!request.lines().isEmpty()) {
            problems.add(new FieldProblem(
                    "collectionPointId",
                    "pledge.point.required",
                    "Chọn điểm tiếp nhận sẽ mang hiện vật đến.",
                    "Choose the collection point you will bring the items to."));
        }
        LocalDate expected = request.expectedOn();
        if (expected != null) {
            LocalDate today = LocalDate.now(VIETNAM);
            if (expected.isBefore(today)) {
                problems.add(new FieldProblem(
                        "expectedOn",
                        "pledge.date.past",
                        "Ngày dự kiến mang đến không thể ở trong quá khứ.",
                        "The expected date cannot be in the past."));
            } else if (!withinPhases(campaign.spec().phases(), expected)) {
                problems.add(new FieldProblem(
                        "expectedOn",
                        "pledge.date.phase",
                        "Ngày dự kiến phải nằm trong thời gian của chương trình.",
                        "The expected date must fall within the campaign's phases."));
            }
        }
        return point;
    }

    /** A campaign without phases takes gifts any day; otherwise the date must fall in one (open ends allowed). */
    static boolean withinPhases(List<Phase> phases, LocalDate date) {
        if (phases.isEmpty()) {
            return true;
        }
        return phases.stream()
                .anyMatch(p -> (p.startsOn() == null || !date.isBefore(p.startsOn()))
                        && (p.endsOn() == null || !date.isAfter(p.endsOn())));
    }

    private TrackingCode freshCode() {
        for (int i = 0; i < 10; i++) {
            TrackingCode code = TrackingCode.generate(TrackingCode.PLEDGE);
            if (jdbc.sql("select count(*) from pledge where code = ?")
                            .param(code.value())
                            .query(Long.class)
                            .single()
                    == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no free pledge code after 10 tries");
    }

    private Optional<PledgeSaved> byKey(String key) {
        return jdbc.sql("select id, code from pledge where idempotency_key = ?")
                .param(key)
                .query((rs, n) -> new PledgeSaved(rs.getLong(1), new TrackingCode(rs.getString(2)), false))
                .optional();
    }

    private static String cleanKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String trimmed = key.trim();
        if (trimmed.length() > 64 || !trimmed.matches("[A-Za-z0-9_-]+")) {
            throw new DonationInvalidException(List.of(new FieldProblem(
                    "idempotencyKey",
                    "pledge.idempotency",
                    "Khoá chống gửi trùng chỉ gồm chữ, số, '-' và '_', tối đa 64 ký tự.",
                    "The idempotency key has at most 64 letters, digits, '-' or '_'.")));
        }
        return trimmed;
    }

    private Long unitOf(long pledgeId) {
        // The collection point's unit, or the campaign organiser's when the pledge names no point.
        return jdbc.sql("""
                        select cp.unit_id, p.campaign_id from pledge p
                          left join collection_point cp on cp.id = p.collection_point_id where p.id = ?""")
                .param(pledgeId)
                .query((rs, n) -> {
                    Long pointUnit = rs.getObject(1, Long.class);
                    return pointUnit != null
                            ? pointUnit
                            : campaigns
                                    .find(rs.getLong(2))
                                    .orElseThrow()
                                    .organisingUnit()
                                    .id();
                })
                .single();
    }

    private List<PledgeLine> lines(long pledgeId) {
        return jdbc.sql("select item_type, quantity, item_condition, accessories, description from pledge_line"
                        + " where pledge_id = ? order by ordinal")
                .param(pledgeId)
                .query((rs, n) -> new PledgeLine(
                        ItemType.valueOf(rs.getString(1)),
                        rs.getInt(2),
                        ItemCondition.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    private List<PledgeDetail.ReceiptRow> receipts(long pledgeId) {
        return jdbc.sql("""
                        select r.code, r.received_on, cp.name,
                               (select coalesce(sum(l.quantity), 0) from receipt_line l where l.receipt_id = r.id)
                          from receipt r join collection_point cp on cp.id = r.collection_point_id
                         where r.pledge_id = ? order by r.received_on, r.id""")
                .param(pledgeId)
                .query((rs, n) -> new PledgeDetail.ReceiptRow(
                        rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getLong(4)))
                .list();
    }

    private List<PledgeDetail.TransferRow> transfers(long pledgeId) {
        return jdbc.sql("""
                        select booked_on, credit_vnd, description, match_method from bank_statement_line
                         where pledge_id = ? and status = 'MATCHED' order by booked_on, id""")
                .param(pledgeId)
                .query((rs, n) -> new PledgeDetail.TransferRow(
                        rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private void sendConfirmation(String email, TrackingCode code) {
        String link = baseUrl + "/public/pledges/" + code.value();
        String track = baseUrl + "/public/track/" + code.value();
        String body = """
                Cảm ơn anh/chị đã đăng ký ủng hộ chương trình Cùng Em.

                Mã đăng ký (mã theo dõi): %1$s
                Xem lại đăng ký và thông tin chuyển khoản: %2$s
                Theo dõi món quà của anh/chị: %3$s

                Nếu chuyển khoản, xin ghi mã %1$s trong nội dung chuyển khoản.

                ---

                Thank you for your pledge to the Cùng Em programme.

                Pledge (tracking) code: %1$s
                Your pledge and transfer details: %2$s
                Follow your gift: %3$s

                If you transfer money, please put %1$s in the transfer note.
                """.formatted(code.value(), link, track);
        // The key makes a second confirmation of the same pledge impossible; a mail server that is down delays it only.
        mail.send(
                email,
                "Cùng Em: mã đăng ký ủng hộ " + code.value() + " / your pledge code",
                body,
                "pledge-confirmation:" + code.value());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : VietnameseText.tidy(s);
    }

    private static PledgeSummary summary(ResultSet rs, int n) throws SQLException {
        return new PledgeSummary(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("donor_name"),
                DonorKind.valueOf(rs.getString("donor_kind")),
                rs.getString("phone"),
                PledgeStatus.valueOf(rs.getString("status")),
                rs.getObject("cash_amount_vnd", Long.class),
                rs.getLong("cash_received_vnd"),
                rs.getLong("items"),
                rs.getString("point_name"),
                rs.getObject("expected_on", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
