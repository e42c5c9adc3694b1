package vn.cungem.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cungem.organisation.Partner;
import vn.cungem.organisation.PartnerDirectory;
import vn.cungem.organisation.School;
import vn.cungem.organisation.SchoolDirectory;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.text.VietnameseText;

/**
 * The pickers behind every field where a person names a unit or a school ({@code templates/picker.html}): with htmx
 * the options of the field's datalist, without JavaScript a plain search page showing each match's code. Both search
 * by folded name (so "linh xuan" finds "Phường Linh Xuân") within the caller's scope, as the directories do.
 */
@Controller
@RequestMapping("/pick")
class PickerPages {

    /** Options offered while typing; the plain page shows a directory page of results. */
    static final int OPTIONS = 20;

    private final UnitDirectory units;
    private final SchoolDirectory schools;
    private final PartnerDirectory partners;

    PickerPages(UnitDirectory units, SchoolDirectory schools, PartnerDirectory partners) {
        this.units = units;
        this.schools = schools;
        this.partners = partners;
    }

    /**
     * A choice as a picker offers it: the value the field submits and the words a person recognises. The browser
     * filters a datalist by plain substring, so the label also carries the name without diacritics ("linh xuan" typed
     * on a phone without a Vietnamese keyboard still finds "Phường Linh Xuân").
     */
    record Choice(String value, String label) {

        static Choice of(String value, String name, String place) {
            String folded = VietnameseText.fold(name);
            return new Choice(value, folded.equals(name) ? place : place + " (" + folded + ")");
        }
    }

    @GetMapping("/{kind:units|schools|partners}")
    String pick(
            @PathVariable String kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String field,
            @RequestParam(defaultValue = "code") String by,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletRequest request,
            Model model) {
        String query = typed(q, field, request);
        // while typing, an empty field offers nothing; the plain page with no query shows where to start
        boolean nothingTyped = query.isBlank() && htmx != null;
        boolean byId = "id".equals(by);
        List<Choice> choices = nothingTyped
                ? List.of()
                : switch (kind) {
                    case "units" -> units(query, byId);
                    case "partners" -> partners(query);
                    default -> schools(query, byId);
                };
        model.addAttribute("kind", kind);
        model.addAttribute("q", query);
        model.addAttribute(
                "choices", htmx != null ? choices.stream().limit(OPTIONS).toList() : choices);
        return htmx != null ? "picker :: options" : "picker-page";
    }

    private List<Choice> units(String query, boolean byId) {
        return units.search(query, null, false, 0, Callers.current()).items().stream()
                .map(h -> Choice.of(
                        byId ? String.valueOf(h.unit().id()) : h.unit().code(),
                        h.unit().name(),
                        h.place()))
                .toList();
    }

    /** A partner has no code of its own: the field always takes its id. */
    private List<Choice> partners(String query) {
        List<Partner> found =
                partners.search(query, null, null, false, 0, Callers.current()).items();
        Map<Long, String> places =
                units.names(found.stream().map(Partner::unitId).toList());
        return found.stream()
                .map(p -> Choice.of(
                        String.valueOf(p.id()), p.name(), p.name() + " — " + places.getOrDefault(p.unitId(), "")))
                .toList();
    }

    private List<Choice> schools(String query, boolean byId) {
        List<School> found =
                schools.search(query, null, null, false, 0, Callers.current()).items();
        Map<Long, String> places =
                units.names(found.stream().map(School::unitId).toList());
        return found.stream()
                .map(s -> Choice.of(
                        byId ? String.valueOf(s.id()) : s.moetCode(),
                        s.name(),
                        s.name() + " — " + places.getOrDefault(s.unitId(), "")))
                .toList();
    }

    /** A field's picker sends what is typed under the field's own name; a plain search sends {@code q}. */
    private static String typed(String q, String field, HttpServletRequest request) {
        String value = q;
        if (value == null && field != null && field.matches("[A-Za-z]{1,40}")) {
            value = request.getParameter(field);
        }
        return value == null ? "" : value.strip();
    }
}
