package vn.cungem.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.organisation.tree.TreeRules;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.PhoneNumber;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.text.VietnameseText;

/**
 * Partner organisations beside the tree (000: telecom partners; 001: Youth Union chain; 004: Fatherland Front), each
 * with a home unit that decides who manages it. Known by name within the home unit.
 */
@Service
public class PartnerDirectory extends UnitRecordDirectory<Partner> {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Shape<Partner> SHAPE = new Shape<>(
            "partner",
            "PartnerOrganisation",
            "partner_organisation",
            "p.id, p.name, p.kind, p.home_unit_id, p.contact_email, p.contact_phone, p.retired_on",
            "home_unit_id",
            PartnerDirectory::partner,
            Role.PARTNER_USER,
            Scope.Kind.PARTNER,
            Scope::partnerId,
            PartnerDirectory::snapshot,
            Bundles.vi("org.error.partner-retired-already"),
            Bundles.en("org.error.partner-retired-already"));

    PartnerDirectory(JdbcClient jdbc, ApplicationEventPublisher events, Access access, UnitDirectory units) {
        super(jdbc, events, access, units, SHAPE);
    }

    /** Partners in scope whose folded name contains the query, optionally of one kind and within one unit's subtree. */
    public ResultPage<Partner> search(
            String query, PartnerKind kind, Long unitId, boolean includeRetired, int page, Caller caller) {
        return search(caller, unitId, includeRetired, page, where -> {
            String folded = VietnameseText.fold(query);
            if (!folded.isEmpty()) {
                where.and("p.name_folded like ?", VietnameseText.likeContains(folded));
            }
            if (kind != null) {
                where.and("p.kind = ?", kind.name());
            }
        });
    }

    /**
     * Creates a partner. The same name in the same home unit is the same partner: retrying returns it; a different
     * kind under that name is a 409.
     */
    @Transactional
    public Created<Partner> create(NewPartner command, Caller caller) {
        String name = TreeRules.requireName(command.name(), 200);
        PartnerKind kind = requireKind(command.kind());
        String email = email(command.contactEmail());
        String phone = phone(command.contactPhone());
        Unit unit = unitToChangeIn(command.homeUnitId(), caller);
        Optional<Partner> existing = named(unit.id(), name);
        if (existing.isPresent()) {
            Partner partner = existing.get();
            if (partner.kind() == kind) {
                return new Created<>(partner, false);
            }
            throw nameTaken(partner.name());
        }
        requireActive(unit);
        OffsetDateTime now = OffsetDateTime.now();
        try {
            jdbc.sql("""
                        insert into partner_organisation (name, name_folded, name_sort, kind, home_unit_id,
                                                          contact_email, contact_phone, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            name,
                            VietnameseText.fold(name),
                            VietnameseText.sortKey(name),
                            kind.name(),
                            unit.id(),
                            email,
                            phone,
                            now,
                            now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        return new Created<>(created(named(unit.id(), name).orElseThrow()), true);
    }

    /** Changes name, kind and contacts (null leaves a field as it is, blank clears a contact). */
    @Transactional
    public Partner update(
            long id, String name, PartnerKind kind, String email, String phone, String reason, Caller caller) {
        Partner before = changeable(id, caller);
        String newName = name == null ? before.name() : TreeRules.requireName(name, 200);
        PartnerKind newKind = kind == null ? before.kind() : kind;
        String newEmail = email == null ? before.contactEmail() : email(email);
        String newPhone = phone == null ? before.contactPhone() : phone(phone);
        if (!VietnameseText.fold(newName).equals(VietnameseText.fold(before.name()))) {
            requireNameFree(before.homeUnitId(), newName);
        }
        jdbc.sql("""
                        update partner_organisation set name = ?, name_folded = ?, name_sort = ?, kind = ?,
                               contact_email = ?, contact_phone = ?, updated_at = ?, version = version + 1 where id = ?""")
                .params(
                        newName,
                        VietnameseText.fold(newName),
                        VietnameseText.sortKey(newName),
                        newKind.name(),
                        newEmail,
                        newPhone,
                        OffsetDateTime.now(),
                        id)
                .update();
        return audited(before, reason, "UPDATED");
    }

    /** A partner is known by its name within its home unit, so the new home unit must not have one by that name. */
    @Override
    void checkMove(Partner before, Unit unit) {
        requireNameFree(unit.id(), before.name());
    }

    private Optional<Partner> named(long homeUnitId, String name) {
        return jdbc.sql("select " + SHAPE.columns()
                        + " from partner_organisation p where p.home_unit_id = ? and p.name_folded = ?")
                .params(homeUnitId, VietnameseText.fold(name))
                .query(PartnerDirectory::partner)
                .optional();
    }

    private void requireNameFree(long homeUnitId, String name) {
        long taken = jdbc.sql("select count(*) from partner_organisation where home_unit_id = ? and name_folded = ?")
                .params(homeUnitId, VietnameseText.fold(name))
                .query(Long.class)
                .single();
        if (taken > 0) {
            throw nameTaken(name);
        }
    }

    private static ConflictException nameTaken(String name) {
        return ConflictException.of("partner.exists", "org.error.partner-exists", name);
    }

    private static PartnerKind requireKind(PartnerKind kind) {
        if (kind == null) {
            throw InvalidValueException.of("partner.kind.missing", "org.error.partner-kind-missing");
        }
        return kind;
    }

    private static String email(String raw) {
        String email = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            return null;
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw InvalidValueException.of("partner.email.invalid", "org.error.partner-email-invalid");
        }
        return email;
    }

    private static String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return PhoneNumber.parse(raw).national();
    }

    private static Map<String, Object> snapshot(Partner p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", p.name());
        map.put("kind", p.kind().name());
        map.put("homeUnitId", p.homeUnitId());
        map.put("contactEmail", p.contactEmail());
        map.put("contactPhone", p.contactPhone());
        map.put("retiredOn", p.retiredOn() == null ? null : p.retiredOn().toString());
        return map;
    }

    private static Partner partner(ResultSet rs, int n) throws SQLException {
        java.sql.Date retired = rs.getDate(7);
        return new Partner(
                rs.getLong(1),
                rs.getString(2),
                PartnerKind.valueOf(rs.getString(3)),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                retired == null ? null : retired.toLocalDate());
    }
}
