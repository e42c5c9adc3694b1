package vn.cungem.campaign.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.CampaignProblem;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.DeviceRequirement;
import vn.cungem.campaign.ItemType;
import vn.cungem.campaign.Milestone;
import vn.cungem.campaign.Phase;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.text.Formats;

/**
 * The create and edit form as the browser sends it: every field is text, so anything a person types comes back to them
 * with a message instead of failing to bind. Repeated rows that are left blank are ignored.
 */
public class CampaignForm {

    static final int MAX_ROWS = 60;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    private String code;
    private String name;
    private String description;
    private String organisingUnitCode;
    private String participatingUnitCodes;
    private boolean allChildren;
    private List<String> eligibleLevels = new ArrayList<>();
    private List<String> itemTypes = new ArrayList<>();
    private List<PhaseRow> phases = new ArrayList<>();
    private List<CategoryRow> categories = new ArrayList<>();
    private List<RequirementRow> requirements = new ArrayList<>();
    private List<MilestoneRow> milestones = new ArrayList<>();
    private Integer version;
    private String reason;

    public static class PhaseRow {
        private String name;
        private String startsOn;
        private String endsOn;
        private String targetDevices;
        private String targetStudents;
        private String targetCashVnd;

        boolean isBlank() {
            return allBlank(name, startsOn, endsOn, targetDevices, targetStudents, targetCashVnd);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getStartsOn() {
            return startsOn;
        }

        public void setStartsOn(String startsOn) {
            this.startsOn = startsOn;
        }

        public String getEndsOn() {
            return endsOn;
        }

        public void setEndsOn(String endsOn) {
            this.endsOn = endsOn;
        }

        public String getTargetDevices() {
            return targetDevices;
        }

        public void setTargetDevices(String targetDevices) {
            this.targetDevices = targetDevices;
        }

        public String getTargetStudents() {
            return targetStudents;
        }

        public void setTargetStudents(String targetStudents) {
            this.targetStudents = targetStudents;
        }

        public String getTargetCashVnd() {
            return targetCashVnd;
        }

        public void setTargetCashVnd(String targetCashVnd) {
            this.targetCashVnd = targetCashVnd;
        }
    }

    public static class CategoryRow {
        private String code;
        private String nameVi;
        private String nameEn;
        private String weight;

        boolean isBlank() {
            return allBlank(code, nameVi, nameEn, weight);
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getNameVi() {
            return nameVi;
        }

        public void setNameVi(String nameVi) {
            this.nameVi = nameVi;
        }

        public String getNameEn() {
            return nameEn;
        }

        public void setNameEn(String nameEn) {
            this.nameEn = nameEn;
        }

        public String getWeight() {
            return weight;
        }

        public void setWeight(String weight) {
            this.weight = weight;
        }
    }

    public static class RequirementRow {
        private String itemType;
        private String textVi;
        private String textEn;

        boolean isBlank() {
            return allBlank(textVi, textEn);
        }

        public String getItemType() {
            return itemType;
        }

        public void setItemType(String itemType) {
            this.itemType = itemType;
        }

        public String getTextVi() {
            return textVi;
        }

        public void setTextVi(String textVi) {
            this.textVi = textVi;
        }

        public String getTextEn() {
            return textEn;
        }

        public void setTextEn(String textEn) {
            this.textEn = textEn;
        }
    }

    public static class MilestoneRow {
        private String startsOn;
        private String endsOn;
        private String title;

        boolean isBlank() {
            return allBlank(startsOn, endsOn, title);
        }

        public String getStartsOn() {
            return startsOn;
        }

        public void setStartsOn(String startsOn) {
            this.startsOn = startsOn;
        }

        public String getEndsOn() {
            return endsOn;
        }

        public void setEndsOn(String endsOn) {
            this.endsOn = endsOn;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }
    }

    /** A new campaign's form: the catalogue's defaults, and blank rows to fill in. */
    static CampaignForm withDefaults(String organisingUnitCode) {
        CampaignForm form = new CampaignForm();
        CampaignSpec spec = CampaignDefaults.newSpec(null);
        form.organisingUnitCode = organisingUnitCode;
        form.eligibleLevels =
                new ArrayList<>(spec.eligibleLevels().stream().map(Enum::name).toList());
        form.itemTypes =
                new ArrayList<>(spec.itemTypes().stream().map(Enum::name).toList());
        spec.categories().forEach(c -> form.categories.add(categoryRow(c)));
        spec.requirements().forEach(r -> form.requirements.add(requirementRow(r)));
        form.padRows();
        return form;
    }

    static CampaignForm of(Campaign campaign) {
        CampaignForm form = new CampaignForm();
        CampaignSpec s = campaign.spec();
        form.code = s.code();
        form.name = s.name();
        form.description = s.description();
        form.organisingUnitCode = campaign.organisingUnit().code();
        form.participatingUnitCodes = String.join(
                ", ",
                campaign.participatingUnits().stream()
                        .map(Campaign.UnitRef::code)
                        .toList());
        form.eligibleLevels =
                new ArrayList<>(s.eligibleLevels().stream().map(Enum::name).toList());
        form.itemTypes = new ArrayList<>(s.itemTypes().stream().map(Enum::name).toList());
        for (Phase p : s.phases()) {
            PhaseRow row = new PhaseRow();
            row.name = p.name();
            row.startsOn = iso(p.startsOn());
            row.endsOn = iso(p.endsOn());
            row.targetDevices = text(p.targetDevices());
            row.targetStudents = text(p.targetStudents());
            row.targetCashVnd = text(p.targetCashVnd());
            form.phases.add(row);
        }
        s.categories().forEach(c -> form.categories.add(categoryRow(c)));
        s.requirements().forEach(r -> form.requirements.add(requirementRow(r)));
        for (Milestone m : s.milestones()) {
            MilestoneRow row = new MilestoneRow();
            row.startsOn = iso(m.startsOn());
            row.endsOn = iso(m.endsOn());
            row.title = m.title();
            form.milestones.add(row);
        }
        form.version = campaign.version();
        form.padRows();
        return form;
    }

    private static CategoryRow categoryRow(PriorityCategory c) {
        CategoryRow row = new CategoryRow();
        row.code = c.code();
        row.nameVi = c.nameVi();
        row.nameEn = c.nameEn();
        row.weight = String.valueOf(c.weight());
        return row;
    }

    private static RequirementRow requirementRow(DeviceRequirement r) {
        RequirementRow row = new RequirementRow();
        row.itemType = r.itemType() == null ? "" : r.itemType().name();
        row.textVi = r.textVi();
        row.textEn = r.textEn();
        return row;
    }

    /** Drops the rows left blank, so that row numbers in messages match what the person filled in. */
    void compact() {
        phases = keep(phases, r -> !r.isBlank());
        categories = keep(categories, r -> !r.isBlank());
        requirements = keep(requirements, r -> !r.isBlank());
        milestones = keep(milestones, r -> !r.isBlank());
    }

    private static <T> List<T> keep(List<T> rows, Predicate<T> filled) {
        return new ArrayList<>(
                rows.stream().filter(r -> r != null && filled.test(r)).toList());
    }

    /** At least three phase and milestone rows and one spare row everywhere, so a phone user rarely needs "add". */
    void padRows() {
        while (phases.size() < 3) {
            phases.add(new PhaseRow());
        }
        while (milestones.size() < 3) {
            milestones.add(new MilestoneRow());
        }
        if (phases.stream().noneMatch(PhaseRow::isBlank)) {
            phases.add(new PhaseRow());
        }
        if (milestones.stream().noneMatch(MilestoneRow::isBlank)) {
            milestones.add(new MilestoneRow());
        }
        if (categories.stream().noneMatch(CategoryRow::isBlank)) {
            categories.add(new CategoryRow());
        }
        if (requirements.stream().noneMatch(RequirementRow::isBlank)) {
            requirements.add(new RequirementRow());
        }
    }

    void addRow(String kind) {
        switch (kind == null ? "" : kind) {
            case "phase" -> phases.add(new PhaseRow());
            case "category" -> categories.add(new CategoryRow());
            case "requirement" -> requirements.add(new RequirementRow());
            case "milestone" -> milestones.add(new MilestoneRow());
            default -> {}
        }
    }

    /** The participating unit codes as typed, split on commas, semicolons, spaces or new lines. */
    List<String> participatingCodes() {
        if (participatingUnitCodes == null || participatingUnitCodes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(participatingUnitCodes.trim().split("[,;\\s]+"))
                .filter(s -> !s.isBlank())
                .distinct()
                .toList();
    }

    /**
     * Reads the typed values. Problems with the text itself (a date that is not a date, a number that is not a number)
     * go to {@code problems}; the rules of a campaign are checked afterwards on the spec.
     */
    CampaignSpec toSpec(Long organisingUnitId, List<Long> participatingUnitIds, List<CampaignProblem> problems) {
        if (phases.size() + categories.size() + requirements.size() + milestones.size() > 4 * MAX_ROWS) {
            problems.add(new CampaignProblem("form", "Biểu mẫu có quá nhiều dòng.", "The form has too many rows."));
            return null;
        }
        List<SchoolLevel> levels = enums(SchoolLevel.class, eligibleLevels, "eligibleLevels", problems);
        List<ItemType> items = enums(ItemType.class, itemTypes, "itemTypes", problems);
        List<Phase> phaseList = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            PhaseRow r = phases.get(i);
            String f = "phases[" + i + "].";
            phaseList.add(new Phase(
                    r.name,
                    date(r.startsOn, f + "startsOn", problems),
                    date(r.endsOn, f + "endsOn", problems),
                    integer(r.targetDevices, f + "targetDevices", problems),
                    integer(r.targetStudents, f + "targetStudents", problems),
                    amount(r.targetCashVnd, f + "targetCashVnd", problems)));
        }
        List<PriorityCategory> categoryList = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            CategoryRow r = categories.get(i);
            Integer weight = integer(r.weight, "categories[" + i + "].weight", problems);
            if (weight == null && (r.weight == null || r.weight.isBlank())) {
                problems.add(new CampaignProblem(
                        "categories[" + i + "].weight", "Hãy nhập trọng số (0–1000).", "Enter a weight (0–1000)."));
            }
            categoryList.add(new PriorityCategory(r.code, r.nameVi, r.nameEn, weight == null ? 0 : weight));
        }
        List<DeviceRequirement> requirementList = new ArrayList<>();
        for (int i = 0; i < requirements.size(); i++) {
            RequirementRow r = requirements.get(i);
            ItemType type = null;
            if (r.itemType != null && !r.itemType.isBlank()) {
                List<ItemType> one =
                        enums(ItemType.class, List.of(r.itemType), "requirements[" + i + "].itemType", problems);
                type = one.isEmpty() ? null : one.get(0);
            }
            requirementList.add(new DeviceRequirement(type, r.textVi, r.textEn));
        }
        List<Milestone> milestoneList = new ArrayList<>();
        for (int i = 0; i < milestones.size(); i++) {
            MilestoneRow r = milestones.get(i);
            String f = "milestones[" + i + "].";
            milestoneList.add(new Milestone(
                    date(r.startsOn, f + "startsOn", problems), date(r.endsOn, f + "endsOn", problems), r.title));
        }
        return new CampaignSpec(
                code == null ? null : code.trim().toUpperCase(java.util.Locale.ROOT),
                name,
                description,
                organisingUnitId,
                participatingUnitIds,
                levels,
                items,
                phaseList,
                categoryList,
                requirementList,
                milestoneList);
    }

    /** Accepts what a date input sends (yyyy-MM-dd) and what people type (dd/MM/yyyy). */
    static LocalDate date(String text, String field, List<CampaignProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        for (DateTimeFormatter format : List.of(ISO, Formats.DATE, DateTimeFormatter.ofPattern("d/M/yyyy"))) {
            try {
                return LocalDate.parse(t, format);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        problems.add(new CampaignProblem(
                field,
                "Ngày \"" + clip(t) + "\" không hợp lệ; hãy nhập dạng dd/mm/yyyy.",
                "\"" + clip(t) + "\" is not a date; use dd/mm/yyyy."));
        return null;
    }

    /** Whole numbers; dots and spaces as Vietnamese thousands separators are allowed (50.000). */
    static Long amount(String text, String field, List<CampaignProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.trim().replaceAll("[.\\s\\u00A0]", "");
        if (!digits.matches("-?\\d{1,15}")) {
            problems.add(new CampaignProblem(
                    field,
                    "\"" + clip(text) + "\" không phải là số nguyên.",
                    "\"" + clip(text) + "\" is not a whole number."));
            return null;
        }
        return Long.parseLong(digits);
    }

    static Integer integer(String text, String field, List<CampaignProblem> problems) {
        Long value = amount(text, field, problems);
        if (value == null) {
            return null;
        }
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            problems.add(new CampaignProblem(field, "Số quá lớn.", "The number is too large."));
            return null;
        }
        return value.intValue();
    }

    private static <E extends Enum<E>> List<E> enums(
            Class<E> type, List<String> names, String field, List<CampaignProblem> problems) {
        List<E> out = new ArrayList<>();
        for (String n : names == null ? List.<String>of() : names) {
            if (n == null || n.isBlank()) {
                continue;
            }
            try {
                out.add(Enum.valueOf(type, n.trim()));
            } catch (IllegalArgumentException e) {
                problems.add(new CampaignProblem(
                        field,
                        "Giá trị \"" + clip(n) + "\" không có trong danh sách.",
                        "\"" + clip(n) + "\" is not a choice."));
            }
        }
        return out;
    }

    static Map<String, String> byField(List<CampaignProblem> problems, boolean english) {
        Map<String, String> out = new LinkedHashMap<>();
        for (CampaignProblem p : problems) {
            out.merge(p.field(), english ? p.messageEn() : p.messageVi(), (a, b) -> a + " " + b);
        }
        return out;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static boolean allBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String iso(LocalDate d) {
        return d == null ? null : ISO.format(d);
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getOrganisingUnitCode() {
        return organisingUnitCode;
    }

    public void setOrganisingUnitCode(String organisingUnitCode) {
        this.organisingUnitCode = organisingUnitCode;
    }

    public String getParticipatingUnitCodes() {
        return participatingUnitCodes;
    }

    public void setParticipatingUnitCodes(String participatingUnitCodes) {
        this.participatingUnitCodes = participatingUnitCodes;
    }

    public boolean isAllChildren() {
        return allChildren;
    }

    public void setAllChildren(boolean allChildren) {
        this.allChildren = allChildren;
    }

    public List<String> getEligibleLevels() {
        return eligibleLevels;
    }

    public void setEligibleLevels(List<String> eligibleLevels) {
        this.eligibleLevels = eligibleLevels == null ? new ArrayList<>() : eligibleLevels;
    }

    public List<String> getItemTypes() {
        return itemTypes;
    }

    public void setItemTypes(List<String> itemTypes) {
        this.itemTypes = itemTypes == null ? new ArrayList<>() : itemTypes;
    }

    public List<PhaseRow> getPhases() {
        return phases;
    }

    public void setPhases(List<PhaseRow> phases) {
        this.phases = phases == null ? new ArrayList<>() : phases;
    }

    public List<CategoryRow> getCategories() {
        return categories;
    }

    public void setCategories(List<CategoryRow> categories) {
        this.categories = categories == null ? new ArrayList<>() : categories;
    }

    public List<RequirementRow> getRequirements() {
        return requirements;
    }

    public void setRequirements(List<RequirementRow> requirements) {
        this.requirements = requirements == null ? new ArrayList<>() : requirements;
    }

    public List<MilestoneRow> getMilestones() {
        return milestones;
    }

    public void setMilestones(List<MilestoneRow> milestones) {
        this.milestones = milestones == null ? new ArrayList<>() : milestones;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
