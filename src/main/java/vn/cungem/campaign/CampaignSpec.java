package vn.cungem.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.Money;

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
            out.add(CampaignProblem.of("code", "campaign.problem.code"));
        }
        if (blank(name)) {
            out.add(CampaignProblem.of("name", "campaign.problem.name-missing"));
        } else if (name.length() > 300) {
            out.add(CampaignProblem.of("name", "campaign.problem.name-long"));
        }
        if (description != null && description.length() > 4000) {
            out.add(CampaignProblem.of("description", "campaign.problem.description-long"));
        }
        if (organisingUnitId == null) {
            out.add(CampaignProblem.of("organisingUnit", "campaign.problem.organiser-missing"));
        }
        if (eligibleLevels.isEmpty()) {
            out.add(CampaignProblem.of("eligibleLevels", "campaign.problem.levels-missing"));
        }
        if (itemTypes.isEmpty()) {
            out.add(CampaignProblem.of("itemTypes", "campaign.problem.item-types-missing"));
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
            out.add(CampaignProblem.of(field, "campaign.problem.too-long", max));
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
                out.add(CampaignProblem.of(field + ".name", "campaign.problem.phase.name", n));
            }
            if (p.startsOn() == null) {
                if (i != phases.size() - 1 || p.endsOn() != null) {
                    out.add(CampaignProblem.of(field + ".startsOn", "campaign.problem.phase.start-missing", n));
                }
            } else {
                if (p.endsOn() != null && p.endsOn().isBefore(p.startsOn())) {
                    out.add(CampaignProblem.of(field + ".endsOn", "campaign.problem.phase.ends-before", n));
                }
                if (previousStart != null && !p.startsOn().isAfter(previousStart)) {
                    out.add(CampaignProblem.of(field + ".startsOn", "campaign.problem.phase.order", n));
                } else if (previousOpen || (previousEnd != null && !p.startsOn().isAfter(previousEnd))) {
                    out.add(CampaignProblem.of(field + ".startsOn", "campaign.problem.phase.overlap", n, i));
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
                    "campaign.problem.phase.devices-negative");
            nonNegative(
                    out,
                    field + ".targetStudents",
                    n,
                    p.targetStudents() == null ? null : p.targetStudents().longValue(),
                    "campaign.problem.phase.students-negative");
            nonNegative(
                    out,
                    field + ".targetCashVnd",
                    n,
                    Money.vndOrNull(p.targetCashVnd()),
                    "campaign.problem.phase.cash-negative");
        }
    }

    private static void nonNegative(List<CampaignProblem> out, String field, int n, Long value, String key) {
        if (value != null && value < 0) {
            out.add(CampaignProblem.of(field, key, n));
        }
    }

    private void checkCategories(List<CampaignProblem> out) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            PriorityCategory c = categories.get(i);
            int n = i + 1;
            String field = "categories[" + i + "]";
            if (c.code() == null || !CATEGORY_CODE.matcher(c.code()).matches()) {
                out.add(CampaignProblem.of(field + ".code", "campaign.problem.category.code", n));
            } else if (!codes.add(c.code())) {
                out.add(CampaignProblem.of(field + ".code", "campaign.problem.category.repeated", n, c.code()));
            }
            if (blank(c.nameVi())) {
                out.add(CampaignProblem.of(field + ".nameVi", "campaign.problem.category.name", n));
            }
            if (c.weight() < 0 || c.weight() > MAX_WEIGHT) {
                out.add(CampaignProblem.of(field + ".weight", "campaign.problem.category.weight", n));
            }
        }
    }

    private void checkRequirements(List<CampaignProblem> out) {
        for (int i = 0; i < requirements.size(); i++) {
            if (blank(requirements.get(i).textVi())) {
                out.add(CampaignProblem.of(
                        "requirements[" + i + "].textVi", "campaign.problem.requirement.text", i + 1));
            }
        }
    }

    private void checkMilestones(List<CampaignProblem> out) {
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            int n = i + 1;
            String field = "milestones[" + i + "]";
            if (m.startsOn() == null) {
                out.add(CampaignProblem.of(field + ".startsOn", "campaign.problem.milestone.date", n));
            } else if (m.endsOn() != null && m.endsOn().isBefore(m.startsOn())) {
                out.add(CampaignProblem.of(field + ".endsOn", "campaign.problem.milestone.ends-before", n));
            }
            if (blank(m.title())) {
                out.add(CampaignProblem.of(field + ".title", "campaign.problem.milestone.title", n));
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
