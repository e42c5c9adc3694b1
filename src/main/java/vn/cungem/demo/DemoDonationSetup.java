package vn.cungem.demo;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.donation.BankAccountForm;
import vn.cungem.donation.BankAccounts;
import vn.cungem.donation.CollectionPointForm;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.PointProgress;
import vn.cungem.organisation.Unit;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/**
 * Gives the demo's Thủ Đức and Phú Giáo campaigns somewhere to hand gifts in and a bank account for VietQR, so a new
 * user can pledge from the public page at once. 004: handover "tại nhà học sinh hoặc tại trường"; 003: donation boxes at
 * every school. Runs after the demo seeder; does nothing when the campaign already has collection points. The bank
 * account numbers are made up.
 */
@Component
@Order(110)
@ConditionalOnProperty(name = "cungem.demo.enabled", havingValue = "true")
class DemoDonationSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDonationSetup.class);

    record DemoPoint(String campaignCode, String unitCode, String name, String address, String hours) {}

    private static final List<DemoPoint> POINTS = List.of(
            new DemoPoint(
                    "TD-2021",
                    "769",
                    "UBMTTQ Việt Nam Thành phố Thủ Đức",
                    "168 Trương Văn Bang, Phường Thạnh Mỹ Lợi, Thành phố Thủ Đức",
                    "Thứ 2–Thứ 7, 7h30–11h30 và 13h30–17h00"),
            new DemoPoint(
                    "TD-2021",
                    "769-01",
                    "Trường Tiểu học Linh Xuân",
                    "Phường Linh Xuân, Thành phố Thủ Đức",
                    "Thứ 2–Thứ 6, 7h00–16h30"),
            new DemoPoint(
                    "PG-2021",
                    "726",
                    "Phòng Giáo dục và Đào tạo huyện Phú Giáo",
                    "Thị trấn Phước Vĩnh, Huyện Phú Giáo, Tỉnh Bình Dương",
                    "07/09–15/10/2021, Thứ 2–Thứ 6, 7h30–16h30"));

    private final Campaigns campaigns;
    private final UnitDirectory units;
    private final TransactionTemplate transactions;
    private final CollectionPoints points;
    private final BankAccounts bankAccounts;
    private final Environment environment;

    DemoDonationSetup(
            Campaigns campaigns,
            UnitDirectory units,
            TransactionTemplate transactions,
            CollectionPoints points,
            BankAccounts bankAccounts,
            Environment environment) {
        this.campaigns = campaigns;
        this.units = units;
        this.transactions = transactions;
        this.points = points;
        this.bankAccounts = bankAccounts;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.containsProperty("cungem.generate.scale")) {
            return;
        }
        Callers.asSystem(() -> transactions.executeWithoutResult(status -> {
            Caller system = Callers.current();
            for (DemoPoint p : POINTS) {
                Long campaignId =
                        campaigns.findByCode(p.campaignCode()).map(Campaign::id).orElse(null);
                Long unitId = units.findByCode(p.unitCode()).map(Unit::id).orElse(null);
                if (campaignId == null || unitId == null || hasPoint(campaignId, p.name(), system)) {
                    continue;
                }
                points.create(
                        campaignId,
                        new CollectionPointForm(p.name(), unitId, null, p.address(), p.hours(), true, null),
                        system);
                if (bankAccounts.of(campaignId).isEmpty()) {
                    bankAccounts.save(
                            campaignId,
                            new BankAccountForm("970436", "0071000" + (100000 + campaignId), "Quy vi hoc sinh ngheo"),
                            system);
                }
                log.info("Demo collection point added to {}: {}", p.campaignCode(), p.name());
            }
        }));
    }

    /** Whether the campaign already has a point of this name (the seeder runs on every start). */
    private boolean hasPoint(long campaignId, String name, Caller system) {
        for (int page = 0; ; page++) {
            List<PointProgress> points = this.points.list(campaignId, system, page);
            if (points.isEmpty()) {
                return false;
            }
            if (points.stream().anyMatch(p -> p.point().name().equals(name))) {
                return true;
            }
        }
    }
}
