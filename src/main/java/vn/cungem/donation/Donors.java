package vn.cungem.donation;

import static vn.cungem.donation.ReceiptRules.blankToNull;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.shared.PhoneNumber;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.text.VietnameseText;

/** Donor records. Other parts of the donation module call {@link #create} for walk-in gifts without a pledge. */
@Service
public class Donors {

    public static final String ENTITY = "donor";
    /** The name an anonymous donor's record holds; stored names are Vietnamese, as the donor wrote them. */
    static final String ANONYMOUS_NAME = Bundles.vi("donation.donor.anonymous");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Donors(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Saves a new donor record (a donor may give many times; each pledge records who gave it). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long create(DonorDetails raw, Long unitId) {
        List<FieldProblem> problems = raw.problems("donor.");
        if (!problems.isEmpty()) {
            throw new DonationInvalidException(problems);
        }
        DonorDetails d = raw.normalised();
        String name = d.anonymous() && d.name() == null ? ANONYMOUS_NAME : d.name();
        OffsetDateTime now = OffsetDateTime.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into donor (kind, name, name_folded, name_sort, phone, email, tax_code, address,
                          named_publicly, anonymous, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        d.kind().name(),
                        name,
                        VietnameseText.fold(name),
                        VietnameseText.sortKey(name),
                        d.phone(),
                        d.email(),
                        d.taxCode(),
                        d.address(),
                        d.namedPublicly(),
                        d.anonymous(),
                        now,
                        now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", d.kind().name());
        after.put("name", name);
        after.put("namedPublicly", d.namedPublicly());
        after.put("anonymous", d.anonymous());
        events.publishEvent(DomainChange.created(ENTITY, id, unitId, after));
        return id;
    }

    /** A walk-in donor written down at the collection point; a missing name gives anonymously. */
    @Transactional(propagation = Propagation.MANDATORY)
    long walkIn(Receipts.WalkIn w) {
        if (w == null) {
            throw ReceiptRules.invalid("receipt.donor");
        }
        String name = VietnameseText.tidy(w.name());
        boolean anonymous = Boolean.TRUE.equals(w.anonymous()) || name == null || name.isEmpty();
        if (anonymous) {
            name = ANONYMOUS_NAME;
        }
        ReceiptRules.limit(name, 200, "receipt.donor-name", "receipt.donor.name");
        String kind = blankToNull(w.kind()) == null ? "INDIVIDUAL" : w.kind().trim();
        if (!List.of("INDIVIDUAL", "BUSINESS", "ORGANISATION", "RELIGIOUS_ESTABLISHMENT", "TELECOM_OPERATOR")
                .contains(kind)) {
            throw ReceiptRules.invalid("receipt.donor-kind");
        }
        String phone = blankToNull(w.phone()) == null || anonymous
                ? null
                : PhoneNumber.parse(w.phone()).national();
        OffsetDateTime now = OffsetDateTime.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into donor (kind, name, name_folded, name_sort, phone, named_publicly, anonymous,
                                           created_at, updated_at)
                        values (?, ?, ?, ?, ?, false, ?, ?, ?)""")
                .params(kind, name, VietnameseText.fold(name), VietnameseText.sortKey(name), phone, anonymous, now, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }
}
