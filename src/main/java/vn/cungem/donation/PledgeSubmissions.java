package vn.cungem.donation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.Money;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;

/** A donor making a pledge: checked, stored once per idempotency key, confirmed by email after it commits. */
@Component
class PledgeSubmissions {

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final PledgeChecks checks;
    private final Donors donors;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final PledgeConfirmation confirmation;

    PledgeSubmissions(
            JdbcClient jdbc,
            Campaigns campaigns,
            PledgeChecks checks,
            Donors donors,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            PledgeConfirmation confirmation) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.checks = checks;
        this.donors = donors;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.confirmation = confirmation;
    }

    Optional<Campaign> openCampaign(long id) {
        Campaign campaign = campaigns.isVisible(id, Caller.SYSTEM) ? campaigns.get(id, Caller.SYSTEM) : null;
        return Optional.ofNullable(campaign).filter(c -> c.status() == CampaignStatus.ACTIVE);
    }

    /** Everything {@link #submit} would refuse, without storing anything: the pledge form's steps check as they go. */
    List<FieldProblem> check(PledgeRequest request, Campaign campaign) {
        List<FieldProblem> problems = new ArrayList<>();
        checks.goodsAndPlace(request, campaign, problems);
        donorAndNote(request, donorOf(request), problems);
        return problems;
    }

    private static DonorDetails donorOf(PledgeRequest request) {
        return request.donor() == null
                ? new DonorDetails(DonorKind.INDIVIDUAL, null, null, null, null, null, false, false)
                : request.donor();
    }

    private static void donorAndNote(PledgeRequest request, DonorDetails donor, List<FieldProblem> problems) {
        problems.addAll(donor.problems("donor."));
        if (request.note() != null && request.note().length() > 1000) {
            problems.add(FieldProblem.of("note", "pledge.note.long", "donation.error.pledge.note.long"));
        }
    }

    PledgeSaved submit(PledgeRequest request) {
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
                    confirmation.send(email, inserted.code());
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

    private PledgeSaved insert(PledgeRequest request, String key) {
        Campaign campaign = request.campaignId() == null
                ? null
                : openCampaign(request.campaignId()).orElse(null);
        List<FieldProblem> problems = new ArrayList<>();
        if (campaign == null) {
            problems.add(FieldProblem.of("campaignId", "pledge.campaign", "donation.error.pledge.campaign"));
            throw new DonationInvalidException(problems);
        }
        CollectionPoint point = checks.goodsAndPlace(request, campaign, problems);
        DonorDetails donor = donorOf(request);
        donorAndNote(request, donor, problems);
        if (!problems.isEmpty()) {
            throw new DonationInvalidException(problems);
        }
        Long unitId = point == null ? campaign.spec().organisingUnitId() : point.unitId();
        long donorId = donors.create(donor, unitId);
        TrackingCode code = freshCode();
        OffsetDateTime now = OffsetDateTime.now();
        Money cash =
                request.cashAmountVnd() == null || request.cashAmountVnd().isZero() ? null : request.cashAmountVnd();
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
                        Money.vndOrNull(cash),
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
        after.put("cashAmountVnd", Money.vndOrNull(cash));
        after.put("lines", request.lines().size());
        events.publishEvent(DomainChange.created(Pledges.ENTITY, id, unitId, after));
        return new PledgeSaved(id, code, true);
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
            throw DonationInvalidException.of(
                    "idempotencyKey", "pledge.idempotency", "donation.error.pledge.idempotency");
        }
        return trimmed;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : VietnameseText.tidy(s);
    }
}
