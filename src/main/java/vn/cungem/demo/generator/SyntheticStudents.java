package vn.cungem.demo.generator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.organisation.OrganisationBulkLoad;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.PhoneNumber;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.student.Connectivity;
import vn.cungem.student.DeviceSituation;
import vn.cungem.student.Gender;
import vn.cungem.student.Needs;
import vn.cungem.student.PersonalIdNumber;
import vn.cungem.student.StudentBulkLoad;
import vn.cungem.student.StudentDetails;
import vn.cungem.student.StudentStatus;

/**
 * Loads a generated nation's students into one campaign of the database: the national data set every registry
 * benchmark starts from. One transaction, so a failed load leaves nothing behind; a status mix as a campaign has half
 * way through (most proposed or approved, some returned or rejected), with the history lines that lead there.
 */
@Service
public class SyntheticStudents {

    private static final int CHUNK = 20_000;

    private final StudentBulkLoad students;
    private final Campaigns campaigns;
    private final OrganisationBulkLoad organisation;
    private final TransactionTemplate transactions;

    SyntheticStudents(
            StudentBulkLoad students,
            Campaigns campaigns,
            OrganisationBulkLoad organisation,
            TransactionTemplate transactions) {
        this.students = students;
        this.campaigns = campaigns;
        this.organisation = organisation;
        this.transactions = transactions;
    }

    public record Loaded(long campaignId, String campaignCode, long students, long millis) {}

    /** Creates the campaign under {@code rootUnitId} and loads {@code generator}'s students into it. */
    public Loaded load(DataGenerator generator, SyntheticNation nation, long rootUnitId, Map<String, Long> unitIds) {
        long started = System.nanoTime();
        Map<String, Long> schoolIds = organisation.schoolIds(
                nation.schools().stream().map(SchoolRow::moetCode).toList());
        Map<String, String> schoolUnit = new java.util.HashMap<>();
        nation.schools().forEach(s -> schoolUnit.put(s.moetCode(), s.unitCode()));
        Map<String, String> codeOf = new java.util.HashMap<>();
        List<String> names = DataGenerator.categoryNames();
        for (int i = 0; i < names.size(); i++) {
            codeOf.put(names.get(i), "C" + i);
        }
        long[] count = new long[2];
        String code = "QG-"
                + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
        Callers.asSystem(() -> transactions.executeWithoutResult(tx -> {
            Caller system = Callers.current();
            long campaign = campaigns.create(spec(code, rootUnitId), system).id();
            count[0] = campaign;
            long idsAfter = students.start();
            Instant at = Instant.now();
            Random random = new Random(2021);
            List<StudentBulkLoad.Entry> chunk = new ArrayList<>(CHUNK);
            generator.students(nation, r -> {
                long unit = unitIds.get(schoolUnit.get(r.schoolCode()));
                chunk.add(new StudentBulkLoad.Entry(
                        details(r, schoolIds.get(r.schoolCode()), unit, codeOf, random), status(random)));
                if (chunk.size() == CHUNK) {
                    students.insert(campaign, chunk, system, at);
                    count[1] += chunk.size();
                    chunk.clear();
                }
            });
            students.insert(campaign, chunk, system, at);
            count[1] += chunk.size();
            students.finish(campaign, idsAfter, DataGenerator.LOADED_NOTE, at);
        }));
        return new Loaded(count[0], code, count[1], (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A new campaign of the national data set under {@code rootUnitId}, without students: for a load of items alone
     * ({@code --cungem.generate.students-db=false}).
     */
    public Loaded createCampaign(long rootUnitId) {
        long started = System.nanoTime();
        String code = "QG-"
                + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
        long[] id = new long[1];
        Callers.asSystem(() -> transactions.executeWithoutResult(tx -> id[0] =
                campaigns.create(spec(code, rootUnitId), Callers.current()).id()));
        return new Loaded(id[0], code, 0, (System.nanoTime() - started) / 1_000_000);
    }

    private static CampaignSpec spec(String code, long rootUnitId) {
        List<String> names = DataGenerator.categoryNames();
        List<PriorityCategory> categories = new ArrayList<>();
        int[] weights = {100, 40, 30, 20, 20, 10, 10};
        for (int i = 0; i < names.size(); i++) {
            categories.add(new PriorityCategory("C" + i, names.get(i), "Category " + i, weights[i % weights.length]));
        }
        return new CampaignSpec(
                code,
                DataGenerator.CAMPAIGN_NAME,
                null,
                rootUnitId,
                List.of(),
                List.of(SchoolLevel.PRIMARY, SchoolLevel.LOWER_SECONDARY, SchoolLevel.UPPER_SECONDARY),
                // the devices and connections the generated inventory holds
                List.of(
                        ItemType.LAPTOP,
                        ItemType.DESKTOP_SET,
                        ItemType.TABLET,
                        ItemType.SMARTPHONE,
                        ItemType.SIM_4G,
                        ItemType.WIFI_DEVICE,
                        ItemType.DATA_PACKAGE),
                List.of(),
                categories,
                List.of(),
                List.of());
    }

    private static StudentDetails details(
            StudentRecord r, long schoolId, long unitId, Map<String, String> codeOf, Random random) {
        TreeSet<String> codes = new TreeSet<>();
        r.categories().forEach(c -> codes.add(codeOf.getOrDefault(c, "C1")));
        int device = random.nextInt(10);
        return new StudentDetails(
                r.fullName(),
                r.dateOfBirth(),
                r.female() ? Gender.FEMALE : Gender.MALE,
                PersonalIdNumber.parse(r.personalId()),
                null,
                schoolId,
                unitId,
                r.grade(),
                r.className(),
                unitId,
                r.address(),
                r.guardianName(),
                PhoneNumber.parse(r.guardianPhone()),
                codes,
                device < 6 ? DeviceSituation.NONE : device < 8 ? DeviceSituation.BROKEN : DeviceSituation.SHARED,
                random.nextInt(3) == 0 ? Connectivity.NONE : Connectivity.MOBILE_DATA,
                new Needs(true, random.nextBoolean(), random.nextBoolean(), false),
                null);
    }

    /** Half way through a campaign: 30 % registered, 25 % proposed, 35 % approved, 6 % returned, 4 % rejected. */
    private static StudentStatus status(Random random) {
        int n = random.nextInt(100);
        if (n < 30) return StudentStatus.REGISTERED;
        if (n < 55) return StudentStatus.PROPOSED;
        if (n < 90) return StudentStatus.APPROVED;
        if (n < 96) return StudentStatus.RETURNED;
        return StudentStatus.REJECTED;
    }
}
