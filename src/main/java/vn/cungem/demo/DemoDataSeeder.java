package vn.cungem.demo;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.DemoCampaigns;
import vn.cungem.demo.generator.OrganisationLoader;
import vn.cungem.demo.generator.SchoolRow;
import vn.cungem.organisation.PartnerKind;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.shared.web.SignInAddress;

/**
 * Seeds the demo organisation, partners, a volunteer team and one account per role on the first start of the
 * try-it-out profile (when the database has no units). The accounts share one password generated at startup and
 * printed once: a fixed demo password would end up working on some forgotten public server.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "cungem.demo.enabled", havingValue = "true")
class DemoDataSeeder implements ApplicationRunner {

    static final String EMAIL_DOMAIN = "@demo.cungem.local";

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final DemoCampaigns campaigns;
    private final Environment environment;

    DemoDataSeeder(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            DemoCampaigns campaigns,
            Environment environment) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.campaigns = campaigns;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.containsProperty("cungem.generate.scale")) {
            return; // the generator loads its own data into the database
        }
        try {
            seedIfEmpty().ifPresent(this::announce);
        } catch (DuplicateKeyException raced) {
            // Several nodes started together on an empty database: one of them seeded it, this one stops here.
            log.info("Demo data was seeded by another node");
        }
    }

    /** Seeds everything in one transaction and returns the accounts' password, or nothing when units exist already. */
    java.util.Optional<SeededAccounts> seedIfEmpty() {
        SeededAccounts[] result = new SeededAccounts[1];
        Callers.asSystem(() -> transactions.executeWithoutResult(status -> {
            OrganisationLoader loader = new OrganisationLoader(jdbc);
            if (loader.countUnits() > 0) {
                return;
            }
            result[0] = seed(loader);
        }));
        return java.util.Optional.ofNullable(result[0]);
    }

    private SeededAccounts seed(OrganisationLoader loader) {
        loader.ensureLevels();
        Map<String, Long> units = loader.insertUnits(DemoOrganisation.units());
        int perCommune =
                Math.max(1, Math.min(9, environment.getProperty("cungem.demo.schools-per-commune", Integer.class, 2)));
        List<SchoolRow> schools = DemoOrganisation.schools(perCommune);
        loader.insertSchools(schools, units);

        long thuDuc = units.get("769");
        Map<String, Long> partners = new LinkedHashMap<>();
        partners.put("YOUTH_UNION", partner("Thành Đoàn Thủ Đức", PartnerKind.YOUTH_UNION.name(), thuDuc, "thanhdoan"));
        partners.put("WOMENS_UNION", partner("Hội LHPN Thủ Đức", PartnerKind.WOMENS_UNION.name(), thuDuc, "hoilhpn"));
        partners.put(
                "FATHERLAND_FRONT",
                partner("UBMTTQ Việt Nam Thành phố Thủ Đức", PartnerKind.FATHERLAND_FRONT.name(), thuDuc, "mttq"));
        partners.put(
                "TELECOM",
                partner(
                        "Nhà mạng Sóng Việt, chi nhánh Thủ Đức",
                        PartnerKind.TELECOM_OPERATOR.name(),
                        thuDuc,
                        "songviet"));
        partners.put(
                "BUSINESS",
                partner("Công ty TNHH Công nghệ Bình Minh", PartnerKind.BUSINESS.name(), thuDuc, "binhminh"));
        partners.put(
                "RELIGIOUS",
                partner("Chùa Phước Hòa", PartnerKind.RELIGIOUS_ESTABLISHMENT.name(), thuDuc, "chuaphuochoa"));

        long team = insertReturningId(
                "insert into volunteer_team (name, name_sort, unit_id, created_at) values (?, ?, ?, ?)",
                "select max(id) from volunteer_team where name = ?",
                new Object[] {"IT áo xanh Thủ Đức", VietnameseText.sortKey("IT áo xanh Thủ Đức"), thuDuc, now()},
                "IT áo xanh Thủ Đức");

        String password = generatePassword();
        String hash = passwordEncoder.encode(password);
        long linhXuanSchool = jdbc.queryForObject(
                "select id from school where moet_code = ?",
                Long.class,
                schools.get(0).moetCode());
        List<DemoAccount> accounts = List.of(
                new DemoAccount("quanly.thuduc", "Trần Thị Thu Hà", "PROGRAMME_MANAGER", thuDuc, null, null, null),
                new DemoAccount("quanly.nhabe", "Lê Văn Phúc", "PROGRAMME_MANAGER", units.get("786"), null, null, null),
                new DemoAccount(
                        "truong.linhxuan", "Nguyễn Thị Mai", "SCHOOL_OFFICER", null, linhXuanSchool, null, null),
                new DemoAccount("kythuat.thuduc", "Phạm Minh Khoa", "VOLUNTEER_TECHNICIAN", thuDuc, null, null, team),
                new DemoAccount(
                        "hoilhpn.thuduc",
                        "Võ Thị Ngọc Lan",
                        "PARTNER_USER",
                        null,
                        null,
                        partners.get("WOMENS_UNION"),
                        null));
        for (DemoAccount account : accounts) {
            insertAccount(account, hash);
        }
        Integer admins =
                jdbc.queryForObject("select count(*) from user_account where role = 'SYSTEM_ADMIN'", Integer.class);
        DemoAccount admin = null;
        if (admins != null && admins == 0) {
            // Without an administrator the demo could not show accounts or the audit log.
            admin = new DemoAccount("quantri", "Quản trị hệ thống", "SYSTEM_ADMIN", null, null, null, null);
            insertAccount(admin, hash);
        }

        campaigns.seed();

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("units", units.size());
        summary.put("schools", schools.size());
        summary.put("partners", partners.size());
        summary.put("accounts", accounts.size() + (admin == null ? 0 : 1));
        // One summary entry rather than one per row: the seed is a single act of the platform, not of a person.
        events.publishEvent(new DomainChange("DemoData", "2021", "SEEDED", null, Map.of(), summary, null));
        log.info("Demo data seeded: {}", summary);
        List<DemoAccount> all = admin == null
                ? accounts
                : java.util.stream.Stream.concat(accounts.stream(), java.util.stream.Stream.of(admin))
                        .toList();
        return new SeededAccounts(all, password);
    }

    private long partner(String name, String kind, long unitId, String mailbox) {
        return insertReturningId(
                """
                insert into partner_organisation (name, name_folded, name_sort, kind, home_unit_id, contact_email,
                                                  created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                "select max(id) from partner_organisation where name = ?",
                new Object[] {
                    name,
                    VietnameseText.fold(name),
                    VietnameseText.sortKey(name),
                    kind,
                    unitId,
                    mailbox + EMAIL_DOMAIN,
                    now(),
                    now()
                },
                name);
    }

    private void insertAccount(DemoAccount account, String hash) {
        jdbc.update(
                """
                insert into user_account (email, full_name, full_name_folded, full_name_sort, password_hash, role,
                                          unit_id, school_id, partner_id, volunteer_team_id, enabled, created_at,
                                          updated_at, password_changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?)""",
                account.email(),
                account.fullName(),
                VietnameseText.fold(account.fullName()),
                VietnameseText.sortKey(account.fullName()),
                hash,
                account.role(),
                account.unitId(),
                account.schoolId(),
                account.partnerId(),
                account.teamId(),
                now(),
                now(),
                now());
    }

    private long insertReturningId(String insert, String select, Object[] values, String key) {
        jdbc.update(insert, values);
        return jdbc.queryForObject(select, Long.class, key);
    }

    private void announce(SeededAccounts seeded) {
        log.warn(banner(seeded));
    }

    /** The accounts, their password and where to sign in: on the port the server listens on, not always 8080. */
    String banner(SeededAccounts seeded) {
        StringBuilder out = new StringBuilder();
        out.append("\n================ Cùng Em — dữ liệu mẫu / demo data ================\n");
        out.append("Mật khẩu chung của các tài khoản mẫu (chỉ hiện một lần) / shared demo password (shown once):\n  ");
        out.append(seeded.password()).append('\n');
        for (DemoAccount account : seeded.accounts()) {
            out.append(String.format("  %-40s %s%n", account.email(), account.role()));
        }
        out.append("Đăng nhập tại / sign in at ")
                .append(SignInAddress.of(environment))
                .append('\n');
        out.append("===================================================================");
        return out.toString();
    }

    /** 16 characters from an alphabet without look-alikes (0/O, 1/l/I), grouped for reading off a terminal. */
    static String generatePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder("CungEm");
        for (int i = 0; i < 16; i++) {
            if (i % 4 == 0) {
                out.append('-');
            }
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    record DemoAccount(
            String mailbox, String fullName, String role, Long unitId, Long schoolId, Long partnerId, Long teamId) {

        String email() {
            return mailbox + EMAIL_DOMAIN;
        }
    }

    record SeededAccounts(List<DemoAccount> accounts, String password) {}
}
