package vn.cungem.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.demo.generator.VietnameseNames;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.student.Registration;
import vn.cungem.student.StudentFilter;
import vn.cungem.student.StudentInput;
import vn.cungem.student.Students;

/**
 * Puts a few dozen students in need on the demo's Thủ Đức campaign so a new user sees the registry at work: most
 * proposed by their school, some approved by the city, one returned with a reason. Names, ids and phones are made up
 * (fixed seed, so every demo looks the same). Does nothing when the campaign already has students.
 */
@Component
@Order(120)
@ConditionalOnProperty(name = "cungem.demo.enabled", havingValue = "true")
class DemoStudentSetup implements ApplicationRunner {

    static final String CAMPAIGN = "TD-2021";
    static final int STUDENTS = 40;
    /** Fixed, so every demo shows the same students. */
    static final long SEED = 2021_09_13L;

    private static final Logger log = LoggerFactory.getLogger(DemoStudentSetup.class);

    private static final String[] CATEGORY_CHOICES = {
        "ORPHAN_BOTH_PARENTS",
        "ORPHAN_ONE_PARENT",
        "POOR_HOUSEHOLD",
        "NEAR_POOR_HOUSEHOLD",
        "FREELANCE_WORKER_JOBLESS",
        "INDUSTRIAL_WORKER_JOBLESS",
        ""
    };
    private static final String[] DEVICES = {"NONE", "NONE", "SHARED", "BROKEN"};
    private static final String[] CONNECTIONS = {"NONE", "MOBILE_DATA", "HOME_INTERNET"};
    private static final String[] NEEDS = {"DEVICE", "DEVICE,SIM", "DEVICE,SIM,DATA", "DEVICE,WIFI"};

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final TransactionTemplate transactions;
    private final Students students;
    private final Environment environment;

    DemoStudentSetup(
            JdbcClient jdbc,
            Campaigns campaigns,
            TransactionTemplate transactions,
            Students students,
            Environment environment) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.transactions = transactions;
        this.students = students;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.containsProperty("cungem.generate.scale")) {
            return;
        }
        int seeded = seed(CAMPAIGN, STUDENTS, SEED);
        if (seeded > 0) {
            log.info("Demo students added to {}: {}", CAMPAIGN, seeded);
        }
    }

    /** Seeds the campaign with this code; returns how many students it registered (0 when it already had some). */
    int seed(String campaignCode, int howMany, long randomSeed) {
        Campaign campaign = campaigns.findByCode(campaignCode).orElse(null);
        if (campaign == null
                || !students.list(StudentFilter.campaign(campaign.id()), Caller.SYSTEM)
                        .rows()
                        .isEmpty()) {
            return 0;
        }
        long campaignId = campaign.id();
        // Organisation's published views (docs/architecture.md): the first schools inside the organising unit.
        List<Long> schools = jdbc.sql("""
                        select s.id from org_school s
                        where s.retired_on is null and s.school_level in ('PRIMARY', 'LOWER_SECONDARY')
                          and s.unit_id in (select descendant_id from org_unit_tree where ancestor_id = ?)
                        order by s.id fetch first 4 rows only""")
                .param(campaign.organisingUnit().id())
                .query(Long.class)
                .list();
        if (schools.isEmpty()) {
            return 0;
        }
        int[] count = {0};
        Callers.asSystem(() -> transactions.executeWithoutResult(status -> {
            Caller system = Callers.current();
            Random random = new Random(randomSeed);
            List<List<Long>> bySchool = new ArrayList<>();
            schools.forEach(s -> bySchool.add(new ArrayList<>()));
            for (int i = 0; i < howMany; i++) {
                int s = i % schools.size();
                Registration r = students.register(campaignId, schools.get(s), input(random, i), true, null, system);
                if (r.created()) {
                    bySchool.get(s).add(r.student().id());
                    count[0]++;
                }
            }
            // the first schools have proposed; the city approved most of the first school's list and returned one
            for (int s = 0; s < bySchool.size(); s++) {
                List<Long> ids = bySchool.get(s);
                if (ids.isEmpty() || s == bySchool.size() - 1 && bySchool.size() > 1) {
                    continue;
                }
                students.propose(ids, system);
                if (s == 0) {
                    students.approve(ids.subList(0, ids.size() - 1), system);
                    students.returnForCorrection(
                            ids.subList(ids.size() - 1, ids.size()),
                            "Thiếu giấy xác nhận hộ nghèo của phường; bổ sung rồi đề xuất lại.",
                            system);
                }
            }
        }));
        return count[0];
    }

    private static StudentInput input(Random random, int i) {
        boolean female = random.nextBoolean();
        int grade = 1 + random.nextInt(9);
        LocalDate born = LocalDate.of(2021 - 6 - grade, 1 + random.nextInt(12), 1 + random.nextInt(28));
        int century = (born.getYear() >= 2000 ? 2 : 0) + (female ? 1 : 0);
        String personalId = i % 3 == 0
                ? null
                : "079" + century + String.format("%02d", born.getYear() % 100)
                        + String.format("%06d", random.nextInt(1_000_000));
        String category = CATEGORY_CHOICES[random.nextInt(CATEGORY_CHOICES.length)];
        return new StudentInput(
                VietnameseNames.fullName(random, female),
                String.format("%02d/%02d/%d", born.getDayOfMonth(), born.getMonthValue(), born.getYear()),
                female ? "Nữ" : "Nam",
                personalId,
                null,
                null,
                Integer.toString(grade),
                grade + "A" + (1 + random.nextInt(4)),
                null,
                "Khu phố " + (1 + random.nextInt(9)) + ", Thành phố Thủ Đức",
                VietnameseNames.fullName(random, random.nextBoolean()),
                "09" + String.format("%08d", random.nextInt(100_000_000)),
                category,
                DEVICES[random.nextInt(DEVICES.length)],
                CONNECTIONS[random.nextInt(CONNECTIONS.length)],
                NEEDS[random.nextInt(NEEDS.length)],
                null);
    }
}
