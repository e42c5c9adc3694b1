package vn.cungem.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.cungem.organisation.SchoolLevel;

/**
 * Everything a manager decides about a campaign: what the create and edit forms and the API carry. {@link #problems()}
 * checks the rules that need no database; the façade adds the ones that do (units exist, participating units lie in
 * the organiser's subtree, the caller covers the organiser).
 */
public record CampaignSpec(
        String code,
        String name,
        String description,
        Long organisingUnitId,
        List<Long> participatingUnitIds,
        List<SchoolLevel> eligibleLevels,
        List<ItemType> itemTypes,
        List<Phase> phases,
        List<PriorityCategory> categories,
        List<DeviceRequirement> requirements,
        List<Milestone> milestones) {

    public static final int MAX_WEIGHT = 1000;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,31}");
    private static final Pattern CATEGORY_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_]{0,63}");

    public CampaignSpec {
        participatingUnitIds = copy(participatingUnitIds);
        eligibleLevels = copy(eligibleLevels);
        itemTypes = copy(itemTypes);
        phases = copy(phases);
        categories = copy(categories);
        requirements = copy(requirements);
        milestones = copy(milestones);
    }

    /** The same spec with other priority groups: the API reads them apart to name a missing weight. */
    public CampaignSpec withCategories(List<PriorityCategory> replacement) {
        return new CampaignSpec(
                code,
                name,
                description,
                organisingUnitId,
                participatingUnitIds,
                eligibleLevels,
                itemTypes,
                phases,
                replacement,
                requirements,
                milestones);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : list.stream().filter(x -> x != null).toList();
    }

    /** Every rule this spec breaks; empty when it may be saved. */
    public List<CampaignProblem> problems() {
        List<CampaignProblem> out = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            out.add(
                    new CampaignProblem(
                            "code",
                            "Mã chương trình gồm 2–32 ký tự: chữ in hoa không dấu, số, gạch ngang hoặc gạch dưới (ví dụ TD-2021).",
                            "The code has 2–32 characters: capital letters without accents, digits, '-' or '_' (e.g. TD-2021)."));
        }
        if (blank(name)) {
            out.add(new CampaignProblem("name", "Hãy nhập tên chương trình.", "Enter the campaign's name."));
        } else if (name.length() > 300) {
            out.add(new CampaignProblem(
                    "name", "Tên chương trình dài tối đa 300 ký tự.", "The name has at most 300 characters."));
        }
        if (description != null && description.length() > 4000) {
            out.add(new CampaignProblem(
                    "description", "Mô tả dài tối đa 4.000 ký tự.", "The description has at most 4,000 characters."));
        }
        if (organisingUnitId == null) {
            out.add(new CampaignProblem("organisingUnit", "Hãy chọn đơn vị tổ chức.", "Choose the organising unit."));
        }
        if (eligibleLevels.isEmpty()) {
            out.add(new CampaignProblem(
                    "eligibleLevels",
                    "Hãy chọn ít nhất một cấp học được hỗ trợ.",
                    "Choose at least one eligible school level."));
        }
        if (itemTypes.isEmpty()) {
            out.add(new CampaignProblem(
                    "itemTypes",
                    "Hãy chọn ít nhất một loại hiện vật được tiếp nhận.",
                    "Choose at least one accepted item type."));
        }
        checkPhases(out);
        checkCategories(out);
        checkRequirements(out);
        checkMilestones(out);
        checkLengths(out);
        return out;
    }

    /** The database columns' limits, so a pasted essay gets a message instead of a failed insert. */
    private void checkLengths(List<CampaignProblem> out) {
        for (int i = 0; i < phases.size(); i++) {
            tooLong(out, "phases[" + i + "].name", phases.get(i).name(), 200);
        }
        for (int i = 0; i < categories.size(); i++) {
            tooLong(out, "categories[" + i + "].nameVi", categories.get(i).nameVi(), 300);
            tooLong(out, "categories[" + i + "].nameEn", categories.get(i).nameEn(), 300);
        }
        for (int i = 0; i < requirements.size(); i++) {
            tooLong(out, "requirements[" + i + "].textVi", requirements.get(i).textVi(), 500);
            tooLong(out, "requirements[" + i + "].textEn", requirements.get(i).textEn(), 500);
        }
        for (int i = 0; i < milestones.size(); i++) {
            tooLong(out, "milestones[" + i + "].title", milestones.get(i).title(), 300);
        }
    }

    private static void tooLong(List<CampaignProblem> out, String field, String value, int max) {
        if (value != null && value.length() > max) {
            out.add(new CampaignProblem(
                    field, "Nội dung dài tối đa " + max + " ký tự.", "At most " + max + " characters."));
        }
    }

    private void checkPhases(List<CampaignProblem> out) {
        LocalDate previousEnd = null;
        LocalDate previousStart = null;
        boolean previousOpen = false;
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            int n = i + 1;
            String field = "phases[" + i + "]";
            if (blank(p.name())) {
                out.add(new CampaignProblem(
                        field + ".name", "Giai đoạn " + n + ": hãy nhập tên.", "Phase " + n + ": enter a name."));
            }
            if (p.startsOn() == null) {
                if (i != phases.size() - 1 || p.endsOn() != null) {
                    out.add(new CampaignProblem(
                            field + ".startsOn",
                            "Giai đoạn " + n
                                    + ": hãy nhập ngày bắt đầu (chỉ giai đoạn cuối được để trống khi chưa có lịch).",
                            "Phase " + n + ": enter the start date (only the last phase may wait to be scheduled)."));
                }
            } else {
                if (p.endsOn() != null && p.endsOn().isBefore(p.startsOn())) {
                    out.add(new CampaignProblem(
                            field + ".endsOn",
                            "Giai đoạn " + n + ": ngày kết thúc không được trước ngày bắt đầu.",
                            "Phase " + n + ": the end date cannot be before the start date."));
                }
                if (previousStart != null && !p.startsOn().isAfter(previousStart)) {
                    out.add(new CampaignProblem(
                            field + ".startsOn",
                            "Giai đoạn " + n + ": các giai đoạn phải xếp theo thứ tự thời gian.",
                            "Phase " + n + ": phases must be in date order."));
                } else if (previousOpen || (previousEnd != null && !p.startsOn().isAfter(previousEnd))) {
                    out.add(new CampaignProblem(
                            field + ".startsOn",
                            "Giai đoạn " + n + " bắt đầu trước khi giai đoạn " + i + " kết thúc.",
                            "Phase " + n + " starts before phase " + i + " ends."));
                }
                previousStart = p.startsOn();
                previousEnd = p.endsOn();
                previousOpen = p.endsOn() == null;
            }
            nonNegative(
                    out,
                    field + ".targetDevices",
                    n,
                    p.targetDevices() == null ? null : p.targetDevices().longValue(),
                    "số thiết bị",
                    "devices");
            nonNegative(
                    out,
                    field + ".targetStudents",
                    n,
                    p.targetStudents() == null ? null : p.targetStudents().longValue(),
                    "số học sinh",
                    "students");
            nonNegative(out, field + ".targetCashVnd", n, p.targetCashVnd(), "số tiền", "cash");
        }
    }

    private static void nonNegative(
            List<CampaignProblem> out, String field, int n, Long value, String whatVi, String whatEn) {
        if (value != null && value < 0) {
            out.add(new CampaignProblem(
                    field,
                    "Giai đoạn " + n + ": chỉ tiêu " + whatVi + " không được âm.",
                    "Phase " + n + ": the " + whatEn + " target cannot be negative."));
        }
    }

    private void checkCategories(List<CampaignProblem> out) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            PriorityCategory c = categories.get(i);
            int n = i + 1;
            String field = "categories[" + i + "]";
            if (c.code() == null || !CATEGORY_CODE.matcher(c.code()).matches()) {
                out.add(new CampaignProblem(
                        field + ".code",
                        "Nhóm ưu tiên " + n + ": mã gồm chữ in hoa không dấu, số hoặc gạch dưới.",
                        "Priority group " + n + ": the code has capital letters without accents, digits or '_'."));
            } else if (!codes.add(c.code())) {
                out.add(new CampaignProblem(
                        field + ".code",
                        "Nhóm ưu tiên " + n + ": mã " + c.code() + " bị trùng.",
                        "Priority group " + n + ": code " + c.code() + " is repeated."));
            }
            if (blank(c.nameVi())) {
                out.add(new CampaignProblem(
                        field + ".nameVi",
                        "Nhóm ưu tiên " + n + ": hãy nhập tên tiếng Việt.",
                        "Priority group " + n + ": enter the Vietnamese name."));
            }
            if (c.weight() < 0 || c.weight() > MAX_WEIGHT) {
                out.add(new CampaignProblem(
                        field + ".weight",
                        "Nhóm ưu tiên " + n + ": trọng số từ 0 đến 1000.",
                        "Priority group " + n + ": the weight is between 0 and 1000."));
            }
        }
    }

    private void checkRequirements(List<CampaignProblem> out) {
        for (int i = 0; i < requirements.size(); i++) {
            if (blank(requirements.get(i).textVi())) {
                out.add(new CampaignProblem(
                        "requirements[" + i + "].textVi",
                        "Yêu cầu " + (i + 1) + ": hãy nhập nội dung tiếng Việt.",
                        "Requirement " + (i + 1) + ": enter the Vietnamese text."));
            }
        }
    }

    private void checkMilestones(List<CampaignProblem> out) {
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            int n = i + 1;
            String field = "milestones[" + i + "]";
            if (m.startsOn() == null) {
                out.add(new CampaignProblem(
                        field + ".startsOn", "Mốc " + n + ": hãy nhập ngày.", "Milestone " + n + ": enter the date."));
            } else if (m.endsOn() != null && m.endsOn().isBefore(m.startsOn())) {
                out.add(new CampaignProblem(
                        field + ".endsOn",
                        "Mốc " + n + ": ngày kết thúc không được trước ngày bắt đầu.",
                        "Milestone " + n + ": the end date cannot be before the start date."));
            }
            if (blank(m.title())) {
                out.add(new CampaignProblem(
                        field + ".title",
                        "Mốc " + n + ": hãy nhập nội dung.",
                        "Milestone " + n + ": enter what happens."));
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
