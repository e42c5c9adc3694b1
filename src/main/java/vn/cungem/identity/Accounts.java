package vn.cungem.identity;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.identity.account.AccountCreation;
import vn.cungem.identity.account.Grant;
import vn.cungem.identity.account.IdentityText;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.text.VietnameseText;

/**
 * What other modules (demo seeding above all) may ask of identity. Creating is idempotent by natural key: an email
 * that already has an account, or a team name already used in the unit, returns the existing id unchanged.
 */
@Service
public class Accounts implements vn.cungem.shared.security.Responsibles {

    private final AccountCreation accounts;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final IdentityText text;

    Accounts(AccountCreation accounts, JdbcClient jdbc, ApplicationEventPublisher events, IdentityText text) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.events = events;
        this.text = text;
    }

    /**
     * Creates an enabled account with a password the caller chose (it must pass the password policy: 12 characters or
     * more, not the email, not a common password). Pass the id the role needs: unit for a manager, school for an
     * officer, partner for a partner user; use {@link #createTechnician} for volunteer technicians.
     */
    public long createAccount(
            String email, String fullName, Role role, Long unitId, Long schoolId, Long partnerId, String rawPassword) {
        return accounts.createWithPassword(
                email, fullName, new Grant(role, unitId, schoolId, partnerId, null), rawPassword, false);
    }

    /** A volunteer technician, member of the team (the team's unit is their scope). */
    public long createTechnician(String email, String fullName, long volunteerTeamId, String rawPassword) {
        return accounts.createWithPassword(
                email,
                fullName,
                new Grant(Role.VOLUNTEER_TECHNICIAN, null, null, null, volunteerTeamId),
                rawPassword,
                false);
    }

    /** A volunteer team working for a unit (e.g. "IT áo xanh Thủ Đức"); returns the existing id for the same name. */
    @Transactional
    public long createVolunteerTeam(String name, long unitId) {
        String tidy = VietnameseText.tidy(name);
        if (tidy == null || tidy.isEmpty() || tidy.length() > 200) {
            throw text.invalid("team-name");
        }
        long unitExists = jdbc.sql("select count(*) from org_unit where id = ?")
                .param(unitId)
                .query(Long.class)
                .single();
        if (unitExists == 0) {
            throw new NotFoundException("unit", unitId);
        }
        Optional<Long> existing = jdbc.sql("select id from volunteer_team where unit_id = ? and name = ?")
                .params(unitId, tidy)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("insert into volunteer_team (name, name_sort, unit_id, created_at) values (?, ?, ?, ?)")
                .params(tidy, VietnameseText.sortKey(tidy), unitId, OffsetDateTime.now())
                .update();
        long id = jdbc.sql("select max(id) from volunteer_team where unit_id = ? and name = ?")
                .params(unitId, tidy)
                .query(Long.class)
                .single();
        events.publishEvent(DomainChange.created("volunteer_team", id, unitId, Map.of("name", tidy)));
        return id;
    }

    @Override
    public java.util.List<String> partnerEmails(long partnerId) {
        return jdbc.sql("""
                        select email from user_account
                        where enabled = true and role = 'PARTNER_USER' and partner_id = ? order by email""").param(partnerId).query(String.class).list();
    }

    @Override
    public java.util.List<String> managerEmails(long unitId) {
        return jdbc.sql("""
                        select email from user_account
                        where enabled = true and role = 'PROGRAMME_MANAGER'
                          and unit_id in (select ancestor_id from org_unit_tree where descendant_id = ?)
                        order by email""").param(unitId).query(String.class).list();
    }

    @Override
    public java.util.List<String> schoolOfficerEmails(long schoolId) {
        return jdbc.sql("""
                        select email from user_account
                        where enabled = true and role = 'SCHOOL_OFFICER' and school_id = ? order by email""").param(schoolId).query(String.class).list();
    }

    public Optional<Long> findIdByEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id from user_account where email = ?")
                .param(email.trim().toLowerCase(java.util.Locale.ROOT))
                .query(Long.class)
                .optional();
    }
}
