package vn.cungem.inventory.connectivity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.Campaigns;
import vn.cungem.inventory.places.Place;
import vn.cungem.inventory.places.Places;
import vn.cungem.organisation.PartnerDirectory;
import vn.cungem.organisation.PartnerKind;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;

/**
 * SIMs, data packages and Wi-Fi devices: recorded one at a time (page or API) with an idempotency key, read within the
 * caller's scope. A number or serial already in the programme is refused, naming where it is when the caller may see
 * it, so a SIM is never counted twice.
 */
@Service
public class Connections {

    public static final String ENTITY = "inventory_connection";
    public static final int PAGE_SIZE = 50;

    private final ConnectionStore store;
    private final ConnectionScope scope;
    private final Places places;
    private final Campaigns campaigns;
    private final PartnerDirectory partners;
    private final TransactionTemplate tx;

    Connections(
            ConnectionStore store,
            ConnectionScope scope,
            Places places,
            Campaigns campaigns,
            PartnerDirectory partners,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.scope = scope;
        this.places = places;
        this.campaigns = campaigns;
        this.partners = partners;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Where a new connection belongs: a campaign, and a place (collection staff) or a unit (managers); an operator. */
    public record Where(Long campaignId, Long unitId, Long placeId, Long partnerId) {}

    /** The connection, and whether this request had been made before (a retry answers what the first did). */
    public record Recorded(Connection connection, boolean repeated) {}

    public record Filter(Long campaignId, ConnectionKind kind, ConnectionStatus status, Operator operator, String q) {}

    /**
     * {@code total} is exact up to {@link #COUNT_CAP}; past it {@code totalCapped} says "more than". {@code older}: the
     * cursor of the next (older) page, null on the last; {@code newer}: of the page before, null on the first.
     */
    public record Page(List<Connection> items, long total, boolean totalCapped, Long older, Long newer) {}

    /** Counts stop here, so a list of the whole programme never counts every SIM on every view. */
    public static final long COUNT_CAP = 10_000;

    public Recorded record(Where where, Draft.Typed typed, String key, Caller caller) {
        Optional<Long> earlier = store.byKey(key);
        if (earlier.isPresent()) {
            return new Recorded(get(earlier.get(), caller), true);
        }
        ConnectionStore.Owner owner = owner(where, caller);
        Draft.Read read = Draft.read(typed, null);
        if (!read.problems().isEmpty()) {
            throw joined(read.problems());
        }
        Draft d = read.draft();
        try {
            long id = tx.execute(s -> {
                refuseDuplicate(d, caller);
                OffsetDateTime now = OffsetDateTime.now();
                long created = store.insert(d, owner, now);
                store.history(created, "RECORDED", null, d.status(), d.problemReason(), null, null, key, caller, now);
                return created;
            });
            return new Recorded(get(id, caller), false);
        } catch (DuplicateKeyException e) {
            // the same key, or the same SIM, sent twice at the same moment: the other request wrote it
            Optional<Long> other = store.byKey(key);
            if (other.isPresent()) {
                return new Recorded(get(other.get(), caller), true);
            }
            refuseDuplicate(d, caller);
            throw e;
        }
    }

    /** The owner of a new connection, checked against the caller: a place they use, or a unit they manage. */
    ConnectionStore.Owner owner(Where where, Caller caller) {
        if (where.campaignId() == null || campaigns.find(where.campaignId()).isEmpty()) {
            throw InvalidValueException.of("connectivity.campaign.invalid", "connectivity.error.campaign");
        }
        Place place = null;
        if (where.placeId() != null) {
            place = places.find(where.placeId())
                    .filter(p -> places.mayUse(p, caller))
                    .orElseThrow(
                            () -> InvalidValueException.of("connectivity.place.invalid", "connectivity.error.place"));
        }
        Long unit = place != null
                ? Long.valueOf(place.unitId())
                : where.unitId() != null ? where.unitId() : caller.scope().unitId();
        if (unit == null || !scope.mayRecord(caller, unit, place)) {
            throw InvalidValueException.of("connectivity.unit.invalid", "connectivity.error.unit");
        }
        if (place == null && !campaigns.isVisible(where.campaignId(), caller)) {
            throw InvalidValueException.of("connectivity.campaign.invalid", "connectivity.error.campaign");
        }
        Long partner = where.partnerId();
        if (partner != null
                && partners.find(partner)
                        .filter(p -> p.kind() == PartnerKind.TELECOM_OPERATOR && p.retiredOn() == null)
                        .isEmpty()) {
            throw InvalidValueException.of("connectivity.partner.invalid", "connectivity.error.partner");
        }
        return new ConnectionStore.Owner(where.campaignId(), unit, partner, place == null ? null : place.id());
    }

    /** A number or serial already recorded: refused, naming it only to someone who may see it. */
    void refuseDuplicate(Draft d, Caller caller) {
        Optional<Connection> same = store.sameAs(d.phoneNumber(), d.serial());
        if (same.isEmpty()) {
            return;
        }
        Connection c = same.get();
        String what = d.phoneNumber() != null && d.phoneNumber().equals(c.phoneNumber()) ? d.phoneNumber() : d.serial();
        if (scope.sees(caller, c)) {
            throw ConflictException.of(
                    "connectivity.duplicate", "connectivity.error.duplicate-seen", what, Long.toString(c.id()));
        }
        throw ConflictException.of("connectivity.duplicate", "connectivity.error.duplicate", what);
    }

    /** The connection when the caller may see it; otherwise the same 404 as a missing one. */
    public Connection get(long id, Caller caller) {
        return store.find(id).filter(c -> scope.sees(caller, c)).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    /** What the caller may do with a connection they see: change its status, pair it. */
    public record Allowed(boolean status, boolean pair) {}

    public Allowed allowed(Connection c, Caller caller) {
        return new Allowed(scope.mayChangeStatus(caller, c), scope.mayPair(caller, c));
    }

    public List<ConnectionStore.Line> history(long id, Caller caller) {
        return store.lines(get(id, caller).id());
    }

    /**
     * A page of what the caller may see, newest first, filtered; {@code q} finds a number or serial by its digits.
     * By keyset: after an id (older ones) or before one (newer ones), never by an offset.
     */
    public Page list(Filter f, Caller caller, Long after, Long before) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(scope.filter(caller, "c"));
        if (f.campaignId() != null) {
            where.append(" and c.campaign_id = ?");
            params.add(f.campaignId());
        }
        if (f.kind() != null) {
            where.append(" and c.kind = ?");
            params.add(f.kind().name());
        }
        if (f.status() != null) {
            where.append(" and c.status = ?");
            params.add(f.status().name());
        }
        if (f.operator() != null) {
            where.append(" and c.operator = ?");
            params.add(f.operator().name());
        }
        String q = f.q() == null ? "" : f.q().replaceAll("[\\s.]", "").toUpperCase(Locale.ROOT);
        if (!q.isEmpty()) {
            String like = "%" + q.replace("\\", "").replace("%", "").replace("_", "") + "%";
            where.append(" and (c.phone_number like ? or c.serial like ?)");
            params.add(like);
            params.add(like);
        }
        long total = store.count(where.toString(), COUNT_CAP + 1, params.toArray());
        boolean backwards = after == null && before != null;
        List<Object> paged = new ArrayList<>(params);
        String edge = "";
        if (after != null) {
            edge = " and c.id < ?";
            paged.add(after);
        } else if (before != null) {
            edge = " and c.id > ?";
            paged.add(before);
        }
        paged.add(PAGE_SIZE + 1);
        List<Connection> items = new ArrayList<>(store.where(
                where + edge + " order by c.id " + (backwards ? "asc" : "desc") + " fetch first ? rows only",
                paged.toArray()));
        boolean more = items.size() > PAGE_SIZE;
        if (more) {
            items.remove(PAGE_SIZE);
        }
        if (backwards) {
            java.util.Collections.reverse(items);
        }
        Long older = (backwards || more) && !items.isEmpty()
                ? items.get(items.size() - 1).id()
                : null;
        Long newer = (after != null || (backwards && more)) && !items.isEmpty()
                ? items.get(0).id()
                : null;
        return new Page(items, Math.min(total, COUNT_CAP), total > COUNT_CAP, older, newer);
    }

    /** Several problems of one request as one refusal, each sentence in its language. */
    static InvalidValueException joined(List<InvalidValueException> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        return new InvalidValueException(
                problems.get(0).code(),
                String.join(
                        " ",
                        problems.stream().map(InvalidValueException::messageVi).toList()),
                String.join(
                        " ",
                        problems.stream().map(InvalidValueException::messageEn).toList()));
    }
}
