package vn.cungem.student.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.text.Bundles;
import vn.cungem.student.Connectivity;
import vn.cungem.student.DeviceSituation;
import vn.cungem.student.Needs;
import vn.cungem.student.importing.ImportValues.Mapping;
import vn.cungem.student.importing.values.ValueField;

/**
 * The value-mapping step on the import page ({@code student/import-values.html}, loaded by htmx under the preview):
 * each distinct free text of the file once, with a choice of meaning; saving remembers the choices for the campaign
 * and checks the file again.
 */
@Controller
@RequestMapping("/campaigns/{campaignId}/students/import/{importId}/values")
class ImportValuesController {

    /** One choice of a select: the value as {@link ValueField} writes it and its words. */
    record Option(String value, String vi, String en) {}

    private static final List<String> NEEDS =
            List.of("DEVICE", "DEVICE,SIM", "DEVICE,SIM,DATA", "DEVICE,DATA", "DEVICE,WIFI", "SIM,DATA", "WIFI");

    private final StudentImports imports;
    private final ImportValues values;

    ImportValuesController(StudentImports imports, ImportValues values) {
        this.imports = imports;
        this.values = values;
    }

    @GetMapping
    String fragment(@PathVariable long campaignId, @PathVariable long importId, Model model) {
        Caller caller = Callers.current();
        Campaign campaign = imports.requireImporter(campaignId, caller);
        model.addAttribute("campaign", campaign);
        model.addAttribute("job", imports.require(campaignId, importId, caller));
        model.addAttribute("values", values.distinct(campaignId, importId, caller));
        model.addAttribute("options", options(campaign.spec().categories()));
        return "student/import-values :: values";
    }

    @PostMapping
    String save(
            @PathVariable long campaignId,
            @PathVariable long importId,
            @RequestParam(name = "field", required = false) List<String> fields,
            @RequestParam(name = "text", required = false) List<String> texts,
            @RequestParam(name = "value", required = false) List<String> chosen,
            Locale locale,
            RedirectAttributes redirect) {
        List<Mapping> mappings = new ArrayList<>();
        int n = fields == null ? 0 : fields.size();
        try {
            if (texts == null || chosen == null || texts.size() != n || chosen.size() != n) {
                throw InvalidValueException.of("student-values.empty", "values.mapping.empty");
            }
            for (int i = 0; i < n; i++) {
                mappings.add(new Mapping(field(fields.get(i)), texts.get(i), chosen.get(i)));
            }
            values.map(campaignId, importId, mappings, Callers.current());
            redirect.addFlashAttribute("flash", Bundles.text("values.page.saved", locale, mappings.size()));
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("error", e.message(locale));
        }
        return "redirect:/campaigns/" + campaignId + "/students/import/" + importId;
    }

    private static ValueField field(String raw) {
        try {
            return ValueField.valueOf(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidValueException.of("student-values.field", "values.mapping.field", String.valueOf(raw));
        }
    }

    static Map<ValueField, List<Option>> options(List<PriorityCategory> categories) {
        Map<ValueField, List<Option>> out = new EnumMap<>(ValueField.class);
        List<Option> cats = new ArrayList<>();
        cats.add(new Option("", Bundles.vi("values.noCategory"), Bundles.en("values.noCategory")));
        categories.forEach(c -> cats.add(new Option(c.code(), c.nameVi(), c.nameEn())));
        out.put(ValueField.CATEGORIES, cats);
        List<Option> devices = new ArrayList<>();
        for (DeviceSituation d : DeviceSituation.values()) {
            devices.add(new Option(d.name(), d.labelVi(), d.labelEn()));
        }
        out.put(ValueField.DEVICE_SITUATION, devices);
        List<Option> connections = new ArrayList<>();
        for (Connectivity c : Connectivity.values()) {
            connections.add(new Option(c.name(), c.labelVi(), c.labelEn()));
        }
        out.put(ValueField.CONNECTIVITY, connections);
        List<Option> needs = new ArrayList<>();
        for (String codes : NEEDS) {
            Needs need = Needs.parse(codes).orElseThrow();
            needs.add(new Option(need.codes(), need.labelsVi(), need.labelsEn()));
        }
        out.put(ValueField.NEEDS, needs);
        return out;
    }
}
