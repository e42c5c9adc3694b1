package vn.cungem.campaign.web;

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

/**
 * The create and edit form as the browser sends it: every field is text, so anything a person types comes back to them
 * with a message instead of failing to bind. Repeated rows that are left blank are ignored.
 */
public class CampaignForm {

    static final int MAX_ROWS = 60;

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
    /** The "add a row" button that was pressed (phase, category, requirement, milestone); null when saving. */
    private String add;

    /** A new campaign's form: the catalogue's defaults, and blank rows to fill in. */
    static CampaignForm withDefaults(String organisingUnitCode) {
        CampaignForm form = new CampaignForm();
        CampaignSpec spec = CampaignDefaults.newSpec(null);
        form.organisingUnitCode = organisingUnitCode;
        form.eligibleLevels =
                new ArrayList<>(spec.eligibleLevels().stream().map(Enum::name).toList());
        form.itemTypes =
                new ArrayList<>(spec.itemTypes().stream().map(Enum::name).toList());
        spec.categories().forEach(c -> form.categories.add(CategoryRow.of(c)));
        spec.requirements().forEach(r -> form.requirements.add(RequirementRow.of(r)));
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
        s.phases().forEach(p -> form.phases.add(PhaseRow.of(p)));
        s.categories().forEach(c -> form.categories.add(CategoryRow.of(c)));
        s.requirements().forEach(r -> form.requirements.add(RequirementRow.of(r)));
        s.milestones().forEach(m -> form.milestones.add(MilestoneRow.of(m)));
        form.version = campaign.version();
        form.padRows();
        return form;
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

    /**
     * One spare row in every repeated section. (Three blank phases and milestones used to save a phone user the "add"
     * button; with the form in steps they made the phases step twice as tall as it needs to be.)
     */
    void padRows() {
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
            problems.add(CampaignProblem.of("form", "campaign.problem.too-many-rows"));
            return null;
        }
        List<SchoolLevel> levels = TypedValues.enums(SchoolLevel.class, eligibleLevels, "eligibleLevels", problems);
        List<ItemType> items = TypedValues.enums(ItemType.class, itemTypes, "itemTypes", problems);
        List<Phase> phaseList = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            phaseList.add(phases.get(i).toPhase(i, problems));
        }
        List<PriorityCategory> categoryList = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            categoryList.add(categories.get(i).toCategory(i, problems));
        }
        List<DeviceRequirement> requirementList = new ArrayList<>();
        for (int i = 0; i < requirements.size(); i++) {
            requirementList.add(requirements.get(i).toRequirement(i, problems));
        }
        List<Milestone> milestoneList = new ArrayList<>();
        for (int i = 0; i < milestones.size(); i++) {
            milestoneList.add(milestones.get(i).toMilestone(i, problems));
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

    static Map<String, String> byField(List<CampaignProblem> problems, boolean english) {
        Map<String, String> out = new LinkedHashMap<>();
        for (CampaignProblem p : problems) {
            out.merge(p.field(), english ? p.messageEn() : p.messageVi(), (a, b) -> a + " " + b);
        }
        return out;
    }

    /**
     * The error summary's links: each message keyed by the id of the field a person corrects (a problem about the
     * organising unit is fixed in the code field; a list of choices at its first box).
     */
    static Map<String, String> summary(Map<String, String> byField) {
        Map<String, String> out = new LinkedHashMap<>();
        byField.forEach((field, message) -> out.put(
                switch (field) {
                    case "organisingUnit" -> "organisingUnitCode";
                    case "participatingUnits" -> "participatingUnitCodes";
                    case "eligibleLevels", "itemTypes" -> field + "-0";
                    default -> field;
                },
                message));
        return out;
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

    public String getAdd() {
        return add;
    }

    public void setAdd(String add) {
        this.add = add;
    }
}
