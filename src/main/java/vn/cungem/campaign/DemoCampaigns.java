package vn.cungem.campaign;

import static vn.cungem.campaign.ItemType.BOOKS_AND_SUPPLIES;
import static vn.cungem.campaign.ItemType.CASH;
import static vn.cungem.campaign.ItemType.DATA_PACKAGE;
import static vn.cungem.campaign.ItemType.DESKTOP_SET;
import static vn.cungem.campaign.ItemType.LAPTOP;
import static vn.cungem.campaign.ItemType.SIM_4G;
import static vn.cungem.campaign.ItemType.SMARTPHONE;
import static vn.cungem.campaign.ItemType.TABLET;
import static vn.cungem.campaign.ItemType.WIFI_DEVICE;
import static vn.cungem.organisation.SchoolLevel.LOWER_SECONDARY;
import static vn.cungem.organisation.SchoolLevel.PRESCHOOL;
import static vn.cungem.organisation.SchoolLevel.PRIMARY;
import static vn.cungem.organisation.SchoolLevel.UPPER_SECONDARY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.organisation.Unit;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/**
 * The five programmes of the source documents as demo campaigns. Units are found by their official codes, which the
 * demo organisation data creates; a campaign whose units are missing is skipped with a log line. Targets the plans do
 * not state stay empty. Idempotent: a campaign whose code exists is left as it is.
 */
@Component
public class DemoCampaigns {

    private static final Logger log = LoggerFactory.getLogger(DemoCampaigns.class);

    private final Campaigns campaigns;
    private final UnitDirectory units;

    DemoCampaigns(Campaigns campaigns, UnitDirectory units) {
        this.campaigns = campaigns;
        this.units = units;
    }

    /** Creates the missing demo campaigns as the system; returns the codes it created. */
    public List<String> seed() {
        List<String> created = new ArrayList<>();
        Callers.asSystem(() -> {
            for (Demo demo : demos()) {
                if (campaigns.existsWithCode(demo.code())) {
                    continue;
                }
                Optional<Long> organiser = unitId(demo.organiser());
                List<Long> participants = new ArrayList<>();
                List<String> missing = new ArrayList<>();
                if (organiser.isEmpty()) {
                    missing.add(demo.organiser());
                }
                for (String code : demo.participants()) {
                    unitId(code).ifPresentOrElse(participants::add, () -> missing.add(code));
                }
                if (!missing.isEmpty()) {
                    log.info("Demo campaign {} skipped: units {} do not exist", demo.code(), missing);
                    continue;
                }
                if (demo.allChildren()) {
                    campaigns.childUnits(organiser.get()).forEach(u -> participants.add(u.id()));
                }
                CampaignSpec spec = new CampaignSpec(
                        demo.code(),
                        demo.name(),
                        demo.description(),
                        organiser.get(),
                        participants,
                        demo.levels(),
                        demo.items(),
                        demo.phases(),
                        demo.categories(),
                        demo.requirements(),
                        demo.milestones());
                Caller system = Callers.current();
                Campaign campaign = campaigns.create(spec, system);
                // The five programmes were running when their plans were issued; the demo shows them under way.
                campaigns.changeStatus(
                        campaign.id(), CampaignStatus.ACTIVE, "Dữ liệu mẫu: chương trình đang triển khai", system);
                created.add(demo.code());
                log.info("Demo campaign {} created", demo.code());
            }
        });
        return created;
    }

    /** The id of a demo campaign by its code, once seeded. */
    public Optional<Long> idOf(String code) {
        return campaigns.findByCode(code).map(Campaign::id);
    }

    private Optional<Long> unitId(String code) {
        return units.findByCode(code).map(Unit::id);
    }

    record Demo(
            String code,
            String name,
            String description,
            String organiser,
            List<String> participants,
            boolean allChildren,
            List<SchoolLevel> levels,
            List<ItemType> items,
            List<Phase> phases,
            List<PriorityCategory> categories,
            List<DeviceRequirement> requirements,
            List<Milestone> milestones) {}

    private static LocalDate d(int day, int month, int year) {
        return LocalDate.of(year, month, day);
    }

    /** The 001 and 000 target groups: workers who lost their jobs, poor and freelance families, minorities, front line. */
    private static List<PriorityCategory> youthUnionGroups() {
        Set<String> codes = Set.of(
                "INDUSTRIAL_WORKER_JOBLESS",
                "POOR_HOUSEHOLD",
                "FREELANCE_WORKER_JOBLESS",
                "ETHNIC_MINORITY_HARDSHIP",
                "FRONTLINE_WORKER_HARDSHIP");
        return CampaignDefaults.PRIORITY_CATEGORIES.stream()
                .filter(c -> codes.contains(c.code()))
                .toList();
    }

    static List<Demo> demos() {
        return List.of(
                // 001: Kế hoạch 417-KH/TWĐTN-CTTN of the Central Youth Union.
                new Demo(
                        "CEHTT-2021",
                        "Cùng em học trực tuyến",
                        "Chương trình của Trung ương Đoàn TNCS Hồ Chí Minh: vận động trao tặng thiết bị học trực tuyến cho"
                                + " học sinh có hoàn cảnh khó khăn do đại dịch Covid-19. Bốn nhóm hoạt động: tuyên truyền,"
                                + " vận động xã hội; vận động nguồn lực đầu tư trang thiết bị (kể cả máy đã qua sử dụng,"
                                + " hư hỏng một phần có thể sửa chữa); hỗ trợ nền tảng kết nối (phần mềm, gói cước data,"
                                + " thiết bị kết nối); đội hình tình nguyện \"IT áo xanh\" tiếp nhận, cài đặt, sửa chữa và"
                                + " trao tặng. Trước mắt tập trung tại TP Hồ Chí Minh, Hà Nội, Bình Dương, Long An, Đồng Nai"
                                + " và các tỉnh, thành phố bị ảnh hưởng nặng. Tiếp nhận ủng hộ qua Cổng thông tin"
                                + " inhandao.vn.",
                        "VN",
                        List.of("79", "74", "91"),
                        false,
                        List.of(PRIMARY, LOWER_SECONDARY, UPPER_SECONDARY),
                        List.of(LAPTOP, DESKTOP_SET, TABLET, WIFI_DEVICE, DATA_PACKAGE, CASH),
                        List.of(
                                new Phase("Giai đoạn 1", d(10, 9, 2021), d(31, 12, 2021), 50_000, null, null),
                                new Phase(
                                        "Giai đoạn 2: đến khi dịch được kiểm soát",
                                        d(1, 1, 2022),
                                        null,
                                        100_000,
                                        null,
                                        null),
                                new Phase(
                                        "Giai đoạn 3: sau khi dịch được kiểm soát — địa bàn khó khăn, vùng sâu vùng xa,"
                                                + " biên giới, hải đảo",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null)),
                        youthUnionGroups(),
                        List.of(),
                        List.of(
                                new Milestone(d(8, 9, 2021), null, "Ban hành Kế hoạch số 417-KH/TWĐTN-CTTN"),
                                new Milestone(d(10, 9, 2021), null, "Bắt đầu chương trình"))),
                // 000: Kiên Giang provincial Youth Union, traditional supplies too.
                new Demo(
                        "KG-2021",
                        "Đồng hành cùng học sinh vượt qua đại dịch, cùng em học trực tuyến",
                        "Chương trình của Tỉnh đoàn Kiên Giang: hỗ trợ dụng cụ học tập truyền thống và trực tuyến (laptop,"
                                + " máy tính bảng, điện thoại di động, sách, tập…) mới hoặc đã qua sử dụng và kinh phí cho"
                                + " học sinh gặp khó khăn do dịch Covid-19, từ đầu năm học 2021-2022 đến khi công bố hết"
                                + " dịch. Các huyện, thành đoàn báo cáo kết quả về Ban Thường vụ Tỉnh đoàn.",
                        "91",
                        List.of(),
                        false,
                        List.of(PRIMARY, LOWER_SECONDARY, UPPER_SECONDARY),
                        List.of(LAPTOP, TABLET, SMARTPHONE, BOOKS_AND_SUPPLIES, CASH),
                        List.of(),
                        youthUnionGroups(),
                        List.of(new DeviceRequirement(null, "Mới hoặc đã qua sử dụng", "New or used")),
                        List.of()),
                // 002: Nhà Bè district education office, orphans first, lists published on the website.
                new Demo(
                        "NB-2021",
                        "Hỗ trợ trang thiết bị học tập trực tuyến cho học sinh huyện Nhà Bè",
                        "Ưu tiên học sinh bị mồ côi cha, mẹ do dịch bệnh Covid-19, rồi đến học sinh có hoàn cảnh khó khăn"
                                + " không có thiết bị học trực tuyến. Các trường đề xuất danh sách, Phòng Giáo dục và Đào tạo"
                                + " duyệt và công khai danh sách trên trang web; theo dõi việc học trực tuyến của các em"
                                + " sau khi nhận thiết bị.",
                        "786",
                        List.of(),
                        false,
                        List.of(PRIMARY, LOWER_SECONDARY),
                        List.of(LAPTOP, DESKTOP_SET, TABLET, SMARTPHONE),
                        List.of(),
                        CampaignDefaults.PRIORITY_CATEGORIES,
                        List.of(),
                        List.of(new Milestone(
                                d(5, 10, 2021), null, "Phòng Giáo dục và Đào tạo ban hành kế hoạch thực hiện"))),
                // 003: Phú Giáo district education office, donation boxes at every school, fixed window and report.
                new Demo(
                        "PG-2021",
                        "Vận động quyên góp ủng hộ thiết bị học tập trực tuyến cho học sinh có hoàn cảnh khó khăn trên địa"
                                + " bàn huyện Phú Giáo",
                        "Quyên góp bằng tiền mặt và hiện vật (máy vi tính để bàn, laptop, máy tính bảng, điện thoại thông"
                                + " minh…) tại các trường mầm non, tiểu học, THCS; thùng quyên góp đặt tại trường. Cấp phát"
                                + " theo thứ tự ưu tiên: đối tượng khó khăn nhất rồi đến các đối tượng còn lại. Báo cáo theo"
                                + " mẫu về Phòng GDĐT.",
                        "726",
                        List.of(),
                        false,
                        List.of(PRESCHOOL, PRIMARY, LOWER_SECONDARY),
                        List.of(CASH, DESKTOP_SET, LAPTOP, TABLET, SMARTPHONE),
                        List.of(new Phase(
                                "Vận động quyên góp và tiếp nhận", d(7, 9, 2021), d(15, 10, 2021), null, null, null)),
                        CampaignDefaults.PRIORITY_CATEGORIES,
                        List.of(new DeviceRequirement(
                                null,
                                "Máy mới hay cũ, miễn sử dụng được phần mềm học trực tuyến",
                                "New or used, as long as it runs the online-learning software")),
                        List.of(
                                new Milestone(d(7, 9, 2021), null, "Bắt đầu vận động quyên góp và tiếp nhận ủng hộ"),
                                new Milestone(
                                        d(15, 9, 2021),
                                        null,
                                        "Phát động quyên góp sau Lễ Khai giảng năm học 2021-2022"),
                                new Milestone(d(15, 10, 2021), null, "Kết thúc vận động quyên góp"),
                                new Milestone(
                                        d(25, 10, 2021),
                                        null,
                                        "Hạn gửi báo cáo kết quả về Phòng GDĐT (trước ngày này)"))),
                // 004: Thủ Đức city, 34 wards, dated timeline, device requirements.
                new Demo(
                        "TD-2021",
                        "Sóng và máy tính cho em",
                        "Kế hoạch phối hợp số 879/KHPH-UBND-UBMTTQ của UBND và Ủy ban MTTQ Việt Nam thành phố Thủ Đức:"
                                + " 3.200 học sinh có hoàn cảnh khó khăn chưa có thiết bị học trực tuyến (thống kê đến"
                                + " 13/9/2021) tại 34 phường. Nhà hảo tâm đăng ký đóng góp; trao tặng tại nhà hoặc tại"
                                + " trường.",
                        "769",
                        List.of(),
                        true,
                        List.of(PRIMARY, LOWER_SECONDARY, UPPER_SECONDARY),
                        List.of(LAPTOP, DESKTOP_SET, TABLET, SMARTPHONE, SIM_4G, WIFI_DEVICE, DATA_PACKAGE),
                        List.of(new Phase("Phát động và trao tặng", d(15, 9, 2021), d(30, 9, 2021), null, 3_200, null)),
                        CampaignDefaults.PRIORITY_CATEGORIES,
                        CampaignDefaults.DEVICE_REQUIREMENTS,
                        List.of(
                                new Milestone(d(13, 9, 2021), null, "Triển khai kế hoạch phối hợp"),
                                new Milestone(d(15, 9, 2021), null, "Tổ chức Lễ phát động cuộc vận động"),
                                new Milestone(d(17, 9, 2021), d(30, 9, 2021), "Tổ chức trao máy tính đến học sinh"),
                                new Milestone(d(1, 10, 2021), null, "Tổng kết cuộc vận động"))));
    }
}
