package vn.cungem.campaign;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import vn.cungem.campaign.Campaign.UnitRef;
import vn.cungem.shared.Money;
import vn.cungem.shared.text.Formats;

/** A campaign's fields as the audit log shows them. */
final class CampaignSnapshot {

    private CampaignSnapshot() {}

    /** Field values as the audit log shows them: readable text, one line per row, units by code. */
    static Map<String, Object> of(Campaign c) {
        CampaignSpec s = c.spec();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", s.code());
        out.put("name", s.name());
        out.put("description", s.description());
        out.put("status", c.status().name());
        out.put(
                "organisingUnit",
                c.organisingUnit().code() + " " + c.organisingUnit().name());
        out.put(
                "participatingUnits",
                c.participatingUnits().stream()
                        .map(UnitRef::code)
                        .sorted(Comparator.naturalOrder())
                        .collect(Collectors.joining(", ")));
        out.put("eligibleLevels", s.eligibleLevels().stream().map(Enum::name).collect(Collectors.joining(", ")));
        out.put("itemTypes", s.itemTypes().stream().map(Enum::name).collect(Collectors.joining(", ")));
        out.put(
                "phases",
                s.phases().stream()
                        .map(p -> p.name() + ": " + Formats.date(p.startsOn()) + " – " + Formats.date(p.endsOn())
                                + "; devices=" + nullText(p.targetDevices()) + "; students="
                                + nullText(p.targetStudents()) + "; cashVnd="
                                + nullText(Money.vndOrNull(p.targetCashVnd())))
                        .collect(Collectors.joining("\n")));
        out.put(
                "categories",
                s.categories().stream()
                        .map(k -> k.code() + " (" + k.nameVi() + ") = " + k.weight())
                        .collect(Collectors.joining("\n")));
        out.put(
                "requirements",
                s.requirements().stream()
                        .map(r -> (r.itemType() == null ? "*" : r.itemType().name()) + ": " + r.textVi())
                        .collect(Collectors.joining("\n")));
        out.put(
                "milestones",
                s.milestones().stream()
                        .map(m -> Formats.date(m.startsOn())
                                + (m.endsOn() == null ? "" : " – " + Formats.date(m.endsOn())) + ": " + m.title())
                        .collect(Collectors.joining("\n")));
        return out;
    }

    private static String nullText(Object value) {
        return value == null ? "—" : value.toString();
    }
}
