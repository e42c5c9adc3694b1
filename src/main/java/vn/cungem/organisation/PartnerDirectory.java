package vn.cungem.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.organisation.tree.TreeRules;
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
 * Partner organisations beside the tree (000: telecom partners; 001: Youth Union chain; 004: Fatherland Front), each
 * with a home unit that decides who manages it. Known by name within the home unit.
 */
@Service
public class PartnerDirectory {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final String COLUMNS =
            "p.id, p.name, p.kind, p.home_unit_id, p.contact_email, p.contact_phone, p.retired_on";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Access access;
    private final UnitDirectory units;

    PartnerDirectory(JdbcClient jdbc, ApplicationEventPublisher events, Access access, UnitDirectory units) {
        this.jdbc = jdbc;
        this.events = events;
        this.access = access;
        this.units = units;
    }

    public Optional<Partner> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from partner_organisation p where p.id = ?")
                .param(id)
                .query(PartnerDirectory::partner)
                .optional();
    }

    public Partner get(long id, Caller caller) {
        Partner partner = find(id).orElseThrow(() -> new NotFoundException("partner", id));
        if (!canSee(caller, partner)) {
            throw new NotFoundException("partner", id);
        }
        return partner;
    }

    public boolean canSee(Caller caller, Partner partner) {
        if (caller.is(Role.PARTNER_USER)) {
            return caller.scope().kind() == Scope.Kind.PARTNER
                    && Objects.equals(caller.scope().partnerId(), partner.id());
        }
        return access.canManage(caller) && access.canSeeUnit(caller, partner.homeUnitId());
    }

    public boolean canChange(Caller caller, Partner partner) {
        return access.canManage(caller) && access.canSeeUnit(caller, partner.homeUnitId());
    }

    public ResultPage<Partner> search(
            String query, PartnerKind kind, Long unitId, boolean includeRetired, int page, Caller caller) {
        int p = Math.max(page, 0);
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        if (caller.is(Role.PARTNER_USER)) {
            where.append("p.id = ")
                    .append(
                            caller.scope().partnerId() == null
                                    ? -1
                                    : caller.scope().partnerId());
        } else if (access.canManage(caller)) {
            where.append(access.visibleUnits(caller, "p.home_unit_id"));
        } else {
            where.append("1=0");
        }
        if (!includeRetired) {
            where.append(" and p.retired_on is null");
        }
        String folded = VietnameseText.fold(query);
        if (!folded.isEmpty()) {
            where.append(" and p.name_folded like ?");
            params.add(VietnameseText.likeContains(folded));
        }
        if (kind != null) {
            where.append(" and p.kind = ?");
            params.add(kind.name());
        }
        if (unitId != null) {
            units.get(unitId, caller);
            where.append(" and p.home_unit_id in (select descendant_id from unit_closure where ancestor_id = ?)");
            params.add(unitId);
        }
        long total = jdbc.sql("select count(*) from partner_organisation p where " + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(UnitDirectory.PAGE_SIZE);
        pageParams.add(p * UnitDirectory.PAGE_SIZE);
        List<Partner> items = jdbc.sql("select " + COLUMNS + " from partner_organisation p where " + where
                        // Vietnamese dictionary order; id keeps equal names in a stable page order.
                        + " order by p.name_sort nulls last, p.id limit ? offset ?")
                .params(pageParams)
                .query(PartnerDirectory::partner)
                .list();
        return new ResultPage<>(items, p, UnitDirectory.PAGE_SIZE, total);
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
        Unit unit =
                units.find(command.homeUnitId()).orElseThrow(() -> new NotFoundException("unit", command.homeUnitId()));
        access.requireChangeIn(caller, unit.id(), "unit", unit.id());
        Optional<Partner> existing = jdbc.sql("select " + COLUMNS
                        + " from partner_organisation p where p.home_unit_id = ? and p.name_folded = ?")
                .params(unit.id(), VietnameseText.fold(name))
                .query(PartnerDirectory::partner)
                .optional();
        if (existing.isPresent()) {
            Partner partner = existing.get();
            if (partner.kind() == kind) {
                return new Created<>(partner, false);
            }
            throw new ConflictException(
                    "partner.exists",
                    "Đơn vị này đã có đối tác tên \"" + partner.name() + "\".",
                    "This unit already has a partner named \"" + partner.name() + "\".");
        }
        if (!unit.active()) {
            throw new InvalidValueException(
                    "unit.retired", "Đơn vị " + unit.name() + " đã giải thể.", "Unit " + unit.name() + " is retired.");
        }
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
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConflictException(
                    "partner.exists",
                    "Đơn vị này đã có đối tác tên \"" + name + "\".",
                    "This unit already has a partner named \"" + name + "\".");
        }
        Partner partner = jdbc.sql("select " + COLUMNS
                        + " from partner_organisation p where p.home_unit_id = ? and p.name_folded = ?")
                .params(unit.id(), VietnameseText.fold(name))
                .query(PartnerDirectory::partner)
                .single();
        events.publishEvent(
                DomainChange.created("PartnerOrganisation", partner.id(), partner.homeUnitId(), snapshot(partner)));
        return new Created<>(partner, true);
    }

    /** Changes name, kind and contacts (null leaves a field as it is, blank clears a contact). */
    @Transactional
    public Partner update(
            long id, String name, PartnerKind kind, String email, String phone, String reason, Caller caller) {
        Partner before = get(id, caller);
        access.requireChangeIn(caller, before.homeUnitId(), "partner", id);
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
        Partner after = find(id).orElseThrow();
        publishUpdate(before, after, reason, "UPDATED");
        return after;
    }

    @Transactional
    public Partner move(long id, long homeUnitId, String reason, Caller caller) {
        Partner before = get(id, caller);
        access.requireChangeIn(caller, before.homeUnitId(), "partner", id);
        Unit unit = units.find(homeUnitId).orElseThrow(() -> new NotFoundException("unit", homeUnitId));
        access.requireChangeIn(caller, homeUnitId, "unit", homeUnitId);
        if (before.homeUnitId() == homeUnitId) {
            return before;
        }
        if (!unit.active()) {
            throw new InvalidValueException(
                    "unit.retired", "Đơn vị " + unit.name() + " đã giải thể.", "Unit " + unit.name() + " is retired.");
        }
        requireNameFree(homeUnitId, before.name());
        jdbc.sql("update partner_organisation set home_unit_id = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(homeUnitId, OffsetDateTime.now(), id)
                .update();
        Partner after = find(id).orElseThrow();
        publishUpdate(before, after, reason, "MOVED");
        return after;
    }

    @Transactional
    public Partner retire(long id, LocalDate on, String reason, Caller caller) {
        Partner before = get(id, caller);
        access.requireChangeIn(caller, before.homeUnitId(), "partner", id);
        if (!before.active()) {
            throw new ConflictException(
                    "partner.retired.already", "Đối tác này đã ngừng hoạt động.", "This partner is already retired.");
        }
        jdbc.sql("update partner_organisation set retired_on = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(on == null ? LocalDate.now(UnitDirectory.VIETNAM) : on, OffsetDateTime.now(), id)
                .update();
        Partner after = find(id).orElseThrow();
        publishUpdate(before, after, reason, "RETIRED");
        return after;
    }

    private void requireNameFree(long homeUnitId, String name) {
        long taken = jdbc.sql("select count(*) from partner_organisation where home_unit_id = ? and name_folded = ?")
                .params(homeUnitId, VietnameseText.fold(name))
                .query(Long.class)
                .single();
        if (taken > 0) {
            throw new ConflictException(
                    "partner.exists",
                    "Đơn vị này đã có đối tác tên \"" + name + "\".",
                    "This unit already has a partner named \"" + name + "\".");
        }
    }

    private void publishUpdate(Partner before, Partner after, String reason, String action) {
        events.publishEvent(DomainChange.updated(
                        "PartnerOrganisation",
                        after.id(),
                        after.homeUnitId(),
                        snapshot(before),
                        snapshot(after),
                        UnitDirectory.tidyReason(reason))
                .withAction(action));
    }

    private static PartnerKind requireKind(PartnerKind kind) {
        if (kind == null) {
            throw new InvalidValueException(
                    "partner.kind.missing", "Chưa chọn loại đối tác.", "The kind of partner is missing.");
        }
        return kind;
    }

    private static String email(String raw) {
        String email = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            return null;
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new InvalidValueException(
                    "partner.email.invalid", "Địa chỉ email không hợp lệ.", "The email address is not valid.");
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

    static Partner partner(ResultSet rs, int n) throws SQLException {
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
