package vn.cungem.campaign;

import java.util.List;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.text.Bundles;

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

    // The weights and codes are data; the groups' and requirements' names are wording, in the campaign bundle.
    public static final List<PriorityCategory> PRIORITY_CATEGORIES = List.of(
            category("ORPHAN_BOTH_PARENTS", 100),
            category("ORPHAN_ONE_PARENT", 70),
            category("POOR_HOUSEHOLD", 40),
            category("NEAR_POOR_HOUSEHOLD", 30),
            // 000, 001: "con em gia đình công nhân đang làm việc tại các khu công nghiệp bị mất việc"
            category("INDUSTRIAL_WORKER_JOBLESS", 30),
            category("FREELANCE_WORKER_JOBLESS", 25),
            category("ETHNIC_MINORITY_HARDSHIP", 30),
            category("FRONTLINE_WORKER_HARDSHIP", 25));

    // 004: the Thủ Đức conditions on donated devices.
    public static final List<DeviceRequirement> DEVICE_REQUIREMENTS = List.of(
            requirement(ItemType.DESKTOP_SET, "complete-desktop"),
            requirement(null, "connects-and-charges"),
            requirement(null, "new-or-used"));

    private static PriorityCategory category(String code, int weight) {
        String key = "campaign.default.category." + code;
        return new PriorityCategory(code, Bundles.vi(key), Bundles.en(key), weight);
    }

    private static DeviceRequirement requirement(ItemType itemType, String name) {
        String key = "campaign.default.requirement." + name;
        return new DeviceRequirement(itemType, Bundles.vi(key), Bundles.en(key));
    }

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
