package vn.cungem.campaign.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which step of the campaign form each field belongs to: 1 basics (code, name, units, school levels), 2 phases and
 * targets (with the milestones, which are dates too), 3 priority groups, 4 items and requirements (and anything not
 * named here, such as the reason for an edit or a refusal of the whole form). Step 0 is the whole form on one page,
 * for a client that posts everything at once without naming a step. The pledge form's {@code PledgeSteps} is the model.
 */
final class CampaignSteps {

    static final int ALL = 0;
    static final int LAST = 4;

    private CampaignSteps() {}

    static int parse(String step) {
        if (step == null || step.isBlank()) {
            return ALL;
        }
        try {
            return Math.max(ALL, Math.min(LAST, Integer.parseInt(step.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static int of(String field) {
        return switch (field) {
            case "code", "name", "description", "organisingUnit", "participatingUnits", "eligibleLevels" -> 1;
            default -> {
                if (field.startsWith("phases") || field.startsWith("milestones")) {
                    yield 2;
                }
                yield field.startsWith("categories") ? 3 : LAST;
            }
        };
    }

    /** The errors of the steps the manager has been through: a later step's empty fields are not mistakes yet. */
    static Map<String, String> upTo(int step, Map<String, String> errors) {
        Map<String, String> kept = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            if (of(field) <= step) {
                kept.put(field, message);
            }
        });
        return kept;
    }

    /** The first step with a mistake in it, or {@code otherwise} when there is none. */
    static int firstWith(Map<String, String> errors, int otherwise) {
        return errors.keySet().stream().mapToInt(CampaignSteps::of).min().orElse(otherwise);
    }

    /** The step a button asks for: "next" after {@code step}, "back" before it, "edit-N" step N. */
    static int target(String go, int step) {
        if ("next".equals(go)) {
            return Math.min(LAST, step + 1);
        }
        if ("back".equals(go)) {
            return Math.max(1, step - 1);
        }
        if (go != null && go.startsWith("edit-")) {
            return Math.max(1, parse(go.substring("edit-".length())));
        }
        return step;
    }
}
