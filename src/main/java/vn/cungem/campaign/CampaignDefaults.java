package vn.cungem.campaign;

import java.util.List;
import vn.cungem.organisation.SchoolLevel;

/**
 * What a new campaign starts from, taken from the 2021 plans. The weights are defaults, not policy: each campaign's
 * managers edit them on the campaign form. They only have to order the groups the way the plans do — orphans first
 * (002: “học sinh bị mồ côi cha, mẹ do dịch bệnh Covid-19”), then the most difficult (003: “hỗ trợ đối tượng khó khăn nhất rồi đến các đối tượng khó khăn còn lại”).
 */
public final class CampaignDefaults {

    private CampaignDefaults() {}

    public static final List<ItemType> ITEM_TYPES = List.of(ItemType.values());

    public static final List<SchoolLevel> ELIGIBLE_LEVELS =
            List.of(SchoolLevel.PRIMARY, SchoolLevel.LOWER_SECONDARY, SchoolLevel.UPPER_SECONDARY);

    public static final List<PriorityCategory> PRIORITY_CATEGORIES = List.of(
            new PriorityCategory(
                    "ORPHAN_BOTH_PARENTS",
                    "Mồ côi cả cha và mẹ do dịch Covid-19",
                    "Lost both parents to COVID-19",
                    100),
            new PriorityCategory(
                    "ORPHAN_ONE_PARENT", "Mồ côi cha hoặc mẹ do dịch Covid-19", "Lost a parent to COVID-19", 70),
            new PriorityCategory("POOR_HOUSEHOLD", "Hộ nghèo", "Poor household", 40),
            new PriorityCategory("NEAR_POOR_HOUSEHOLD", "Hộ cận nghèo", "Near-poor household", 30),
            // 000, 001: "con em gia đình công nhân đang làm việc tại các khu công nghiệp bị mất việc"
            new PriorityCategory(
                    "INDUSTRIAL_WORKER_JOBLESS",
                    "Con công nhân khu công nghiệp bị mất việc làm",
                    "Child of an industrial-zone worker who lost the job",
                    30),
            new PriorityCategory(
                    "FREELANCE_WORKER_JOBLESS",
                    "Con lao động tự do không có việc làm do dịch",
                    "Child of a freelance worker out of work because of the epidemic",
                    25),
            new PriorityCategory(
                    "ETHNIC_MINORITY_HARDSHIP",
                    "Gia đình dân tộc thiểu số có hoàn cảnh khó khăn",
                    "Ethnic-minority family in hardship",
                    30),
            new PriorityCategory(
                    "FRONTLINE_WORKER_HARDSHIP",
                    "Con của lực lượng tuyến đầu chống dịch có hoàn cảnh khó khăn",
                    "Child of a front-line worker in hardship",
                    25));

    // 004: the Thủ Đức conditions on donated devices.
    public static final List<DeviceRequirement> DEVICE_REQUIREMENTS = List.of(
            new DeviceRequirement(
                    ItemType.DESKTOP_SET,
                    "Máy tính để bàn có đủ màn hình, CPU, bàn phím, chuột, micro, camera",
                    "Desktop computer with screen, CPU, keyboard, mouse, microphone and camera"),
            new DeviceRequirement(
                    null,
                    "Có thể kết nối internet và có đủ thiết bị sạc, dây nối kèm theo",
                    "Can connect to the internet, with its charger and cables"),
            new DeviceRequirement(null, "Máy mới hoặc đã qua sử dụng", "New or used devices are accepted"));

    /** A blank campaign with the defaults filled in, for the create form. */
    public static CampaignSpec newSpec(Long organisingUnitId) {
        return new CampaignSpec(
                null,
                null,
                null,
                organisingUnitId,
                List.of(),
                ELIGIBLE_LEVELS,
                ITEM_TYPES,
                List.of(),
                PRIORITY_CATEGORIES,
                DEVICE_REQUIREMENTS,
                List.of());
    }
}
