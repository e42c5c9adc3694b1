package vn.cungem.demo;

import java.security.SecureRandom;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.DemoCampaigns;
import vn.cungem.demo.generator.SchoolRow;
import vn.cungem.demo.generator.UnitRow;
import vn.cungem.identity.AccountBulkLoad;
import vn.cungem.organisation.OrganisationBulkLoad;
import vn.cungem.organisation.PartnerKind;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.web.SignInAddress;
import vn.cungem.volunteer.VolunteerBulkLoad;

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

    private final OrganisationBulkLoad organisation;
    private final AccountBulkLoad identity;
    private final TransactionTemplate transactions;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final DemoCampaigns campaigns;
    private final VolunteerBulkLoad volunteers;
    private final Environment environment;

    DemoDataSeeder(
            OrganisationBulkLoad organisation,
            AccountBulkLoad identity,
            TransactionTemplate transactions,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            DemoCampaigns campaigns,
            VolunteerBulkLoad volunteers,
            Environment environment) {
        this.volunteers = volunteers;
        this.organisation = organisation;
        this.identity = identity;
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
            if (organisation.countUnits() > 0) {
                return;
            }
            result[0] = seed();
        }));
        return java.util.Optional.ofNullable(result[0]);
    }

    private SeededAccounts seed() {
        int perCommune =
                Math.max(1, Math.min(9, environment.getProperty("cungem.demo.schools-per-commune", Integer.class, 2)));
        List<SchoolRow> schools = DemoOrganisation.schools(perCommune);
        Map<String, Long> units = organisation
                .load(
                        DemoOrganisation.units().stream().map(UnitRow::line).toList(),
                        schools.stream().map(SchoolRow::line).toList())
                .unitIds();

        long thuDuc = units.get("769");
        List<Long> partners = organisation.insertPartners(List.of(
                partner("Thành Đoàn Thủ Đức", PartnerKind.YOUTH_UNION, thuDuc, "thanhdoan"),
                partner("Hội LHPN Thủ Đức", PartnerKind.WOMENS_UNION, thuDuc, "hoilhpn"),
                partner("UBMTTQ Việt Nam Thành phố Thủ Đức", PartnerKind.FATHERLAND_FRONT, thuDuc, "mttq"),
                partner("Nhà mạng Sóng Việt, chi nhánh Thủ Đức", PartnerKind.TELECOM_OPERATOR, thuDuc, "songviet"),
                partner("Công ty TNHH Công nghệ Bình Minh", PartnerKind.BUSINESS, thuDuc, "binhminh"),
                partner("Chùa Phước Hòa", PartnerKind.RELIGIOUS_ESTABLISHMENT, thuDuc, "chuaphuochoa")));
        long womensUnion = partners.get(1);

        long team = identity.createVolunteerTeam("IT áo xanh Thủ Đức", thuDuc);

        String password = generatePassword();
        String hash = passwordEncoder.encode(password);
        String linhXuan = schools.get(0).moetCode();
        long linhXuanSchool = organisation.schoolIds(List.of(linhXuan)).get(linhXuan);
        List<DemoAccount> accounts = List.of(
                new DemoAccount("quanly.thuduc", "Trần Thị Thu Hà", "PROGRAMME_MANAGER", thuDuc, null, null, null),
                new DemoAccount("quanly.nhabe", "Lê Văn Phúc", "PROGRAMME_MANAGER", units.get("786"), null, null, null),
                new DemoAccount(
                        "truong.linhxuan", "Nguyễn Thị Mai", "SCHOOL_OFFICER", null, linhXuanSchool, null, null),
                new DemoAccount("kythuat.thuduc", "Phạm Minh Khoa", "VOLUNTEER_TECHNICIAN", thuDuc, null, null, team),
                new DemoAccount(
                        "kythuat2.thuduc", "Đặng Thị Bích Ngọc", "VOLUNTEER_TECHNICIAN", thuDuc, null, null, team),
                new DemoAccount("hoilhpn.thuduc", "Võ Thị Ngọc Lan", "PARTNER_USER", null, null, womensUnion, null));
        DemoAccount admin = null;
        if (!identity.hasSystemAdmin()) {
            // Without an administrator the demo could not show accounts or the audit log.
            admin = new DemoAccount("quantri", "Quản trị hệ thống", "SYSTEM_ADMIN", null, null, null, null);
        }
        List<DemoAccount> all = admin == null
                ? accounts
                : java.util.stream.Stream.concat(accounts.stream(), java.util.stream.Stream.of(admin))
                        .toList();
        identity.createAccounts(all.stream().map(DemoAccount::line).toList(), hash);

        campaigns.seed();
        seedShifts(team, all);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("units", units.size());
        summary.put("schools", schools.size());
        summary.put("partners", partners.size());
        summary.put("accounts", all.size());
        // One summary entry rather than one per row: the seed is a single act of the platform, not of a person.
        events.publishEvent(new DomainChange("DemoData", "2021", "SEEDED", null, Map.of(), summary, null));
        log.info("Demo data seeded: {}", summary);
        return new SeededAccounts(all, password);
    }

    /** The Thủ Đức team's two technicians have each logged a day's work for the Thủ Đức campaign. */
    private void seedShifts(long team, List<DemoAccount> accounts) {
        java.util.Optional<Long> campaign = campaigns.idOf("TD-2021");
        if (campaign.isEmpty()) {
            return;
        }
        Map<String, Long> ids = identity.idsByEmail(accounts.stream()
                .filter(a -> "VOLUNTEER_TECHNICIAN".equals(a.role()))
                .map(DemoAccount::email)
                .toList());
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        List<VolunteerBulkLoad.ShiftLine> shifts = new java.util.ArrayList<>();
        int day = 1;
        for (long id : ids.values().stream().sorted().toList()) {
            shifts.add(new VolunteerBulkLoad.ShiftLine(id, team, campaign.get(), today.minusDays(day), 240, null));
            shifts.add(new VolunteerBulkLoad.ShiftLine(id, team, campaign.get(), today.minusDays(day + 7), 180, null));
            day++;
        }
        volunteers.logShifts(shifts);
    }

    private static OrganisationBulkLoad.PartnerLine partner(
            String name, PartnerKind kind, long unitId, String mailbox) {
        return new OrganisationBulkLoad.PartnerLine(name, kind, unitId, mailbox + EMAIL_DOMAIN);
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

    record DemoAccount(
            String mailbox, String fullName, String role, Long unitId, Long schoolId, Long partnerId, Long teamId) {

        String email() {
            return mailbox + EMAIL_DOMAIN;
        }

        AccountBulkLoad.AccountLine line() {
            return new AccountBulkLoad.AccountLine(
                    email(), fullName, Role.valueOf(role), unitId, schoolId, partnerId, teamId);
        }
    }

    record SeededAccounts(List<DemoAccount> accounts, String password) {}
}
