package vn.cungem.testsupport;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.AccountUserDetailsService;
import vn.cungem.shared.security.Role;

/**
 * Builds the organisation and accounts a test needs with plain SQL, so a module's tests do not depend on another
 * module's services. Codes carry a run-unique suffix: the PostgreSQL run shares one database across test classes.
 */
@TestComponent
public class TestFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final AccountUserDetailsService accounts;
    private final org.springframework.context.ApplicationContext context;

    TestFixtures(
            JdbcClient jdbc,
            PasswordEncoder passwordEncoder,
            AccountUserDetailsService accounts,
            org.springframework.context.ApplicationContext context) {
        this.context = context;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.accounts = accounts;
    }

    /** A service for test data that must go through a module's own API (its kept counts, its history). */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    /** Ensures the four 2021 levels exist (central, province, district, commune). */
    @Transactional
    public void ensureLevels() {
        String[][] levels = {
            {"central", "0", "Trung ương", "Central"},
            {"province", "1", "Tỉnh/Thành phố", "Province"},
            {"district", "2", "Quận/Huyện", "District"},
            {"commune", "3", "Xã/Phường/Thị trấn", "Commune/Ward"}
        };
        for (String[] l : levels) {
            Long exists = jdbc.sql("select count(*) from administrative_level where code = ?")
                    .param(l[0])
                    .query(Long.class)
                    .single();
            if (exists == 0) {
                jdbc.sql("insert into administrative_level (code, rank_order, name_vi, name_en) values (?, ?, ?, ?)")
                        .params(l[0], Integer.parseInt(l[1]), l[2], l[3])
                        .update();
            }
        }
    }

    /** Inserts a unit under {@code parentId} (or a root when null) with its closure rows; returns its id. */
    @Transactional
    public long unit(String name, String level, Long parentId) {
        ensureLevels();
        OffsetDateTime now = OffsetDateTime.now();
        String code = unique("T");
        jdbc.sql("""
                        insert into administrative_unit (code, name, name_folded, name_sort, level_code, parent_id,
                                                         created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        code,
                        name,
                        vn.cungem.shared.text.VietnameseText.fold(name),
                        vn.cungem.shared.text.VietnameseText.sortKey(name),
                        level,
                        parentId,
                        now,
                        now)
                .update();
        long id = jdbc.sql("select id from administrative_unit where code = ?")
                .param(code)
                .query(Long.class)
                .single();
        jdbc.sql("insert into unit_closure (ancestor_id, descendant_id, depth) values (?, ?, 0)")
                .params(id, id)
                .update();
        if (parentId != null) {
            jdbc.sql("""
                            insert into unit_closure (ancestor_id, descendant_id, depth)
                            select ancestor_id, ?, depth + 1 from unit_closure where descendant_id = ?""").params(id, parentId).update();
        }
        return id;
    }

    @Transactional
    public long school(String name, long unitId) {
        OffsetDateTime now = OffsetDateTime.now();
        String code = unique("S");
        jdbc.sql("""
                        insert into school (moet_code, name, name_folded, name_sort, school_level, ownership, unit_id,
                                            created_at, updated_at)
                        values (?, ?, ?, ?, 'PRIMARY', 'PUBLIC', ?, ?, ?)""")
                .params(
                        code,
                        name,
                        vn.cungem.shared.text.VietnameseText.fold(name),
                        vn.cungem.shared.text.VietnameseText.sortKey(name),
                        unitId,
                        now,
                        now)
                .update();
        return jdbc.sql("select id from school where moet_code = ?")
                .param(code)
                .query(Long.class)
                .single();
    }

    public static final String PASSWORD = "Mat-khau-thu-nghiem-2021";

    /** An enabled account with {@link #PASSWORD}; pass the unit, school or partner its role needs. */
    @Transactional
    public AccountDetails account(Role role, Long unitId, Long schoolId, Long partnerId) {
        OffsetDateTime now = OffsetDateTime.now();
        String email = unique("nguoidung") + "@example.vn";
        // a name a person could have, never a role code: the header shows it (issue 12)
        String fullName = switch (role) {
            case SYSTEM_ADMIN -> "Nguyễn Văn Quản Trị";
            case PROGRAMME_MANAGER -> "Trần Thị Điều Phối";
            case SCHOOL_OFFICER -> "Lê Thị Giáo Vụ";
            case VOLUNTEER_TECHNICIAN -> "Phạm Văn Kỹ Thuật";
            case PARTNER_USER -> "Hoàng Thị Đối Tác";
            case DONOR -> "Vũ Văn Hảo Tâm";
        };
        jdbc.sql("""
                        insert into user_account (email, full_name, full_name_folded, full_name_sort, password_hash,
                                                  role, unit_id, school_id, partner_id, enabled, created_at,
                                                  updated_at, password_changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?)""")
                .params(
                        email,
                        fullName,
                        vn.cungem.shared.text.VietnameseText.fold(fullName),
                        vn.cungem.shared.text.VietnameseText.sortKey(fullName),
                        passwordEncoder.encode(PASSWORD),
                        role.name(),
                        unitId,
                        schoolId,
                        partnerId,
                        now,
                        now,
                        now)
                .update();
        return accounts.loadUserByUsername(email);
    }

    public AccountDetails manager(long unitId) {
        return account(Role.PROGRAMME_MANAGER, unitId, null, null);
    }

    public AccountDetails admin() {
        return account(Role.SYSTEM_ADMIN, null, null, null);
    }
}
