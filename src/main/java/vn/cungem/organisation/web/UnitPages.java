package vn.cungem.organisation.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.organisation.Level;
import vn.cungem.organisation.NewUnit;
import vn.cungem.organisation.PartnerDirectory;
import vn.cungem.organisation.SchoolDirectory;
import vn.cungem.organisation.Unit;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

@Controller
@RequestMapping("/units")
class UnitPages {

    private final UnitDirectory units;
    private final SchoolDirectory schools;
    private final PartnerDirectory partners;
    private final UnitImports imports;

    UnitPages(UnitDirectory units, SchoolDirectory schools, PartnerDirectory partners, UnitImports imports) {
        this.units = units;
        this.schools = schools;
        this.partners = partners;
        this.imports = imports;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean retired,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        Caller caller = Callers.current();
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("retired", retired);
        model.addAttribute("results", units.search(q, null, retired, page, caller));
        // the level's name, never its code ("commune"), beside each unit
        model.addAttribute(
                "levelsByCode",
                units.levels().stream().collect(java.util.stream.Collectors.toMap(Level::code, l -> l, (a, b) -> a)));
        model.addAttribute("searching", q != null && !q.isBlank());
        // htmx live search swaps only the results; a plain GET renders the whole page.
        return htmx != null ? "organisation/units :: results" : "organisation/units";
    }

    @GetMapping("/{id}")
    String show(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "0") int spage,
            @RequestParam(defaultValue = "false") boolean retired,
            Model model) {
        Caller caller = Callers.current();
        Unit unit = units.get(id, caller);
        model.addAttribute("unit", unit);
        model.addAttribute("level", units.level(unit.levelCode()).orElse(null));
        model.addAttribute("crumbs", units.breadcrumb(id, caller));
        model.addAttribute("retired", retired);
        model.addAttribute("children", units.children(id, retired, page, caller));
        model.addAttribute("schools", schools.search(null, null, id, retired, spage, caller));
        model.addAttribute("partners", partners.search(null, null, id, retired, 0, caller));
        model.addAttribute("canAddBelow", units.canChangeBelow(caller, id) && unit.active());
        model.addAttribute("canChange", units.canChange(caller, id) && unit.active());
        return "organisation/unit";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) Long parent, Model model) {
        Caller caller = Callers.current();
        if (parent == null && !caller.isAdmin()) {
            throw new AccessDeniedException("roots are for admins");
        }
        Unit parentUnit = parent == null ? null : units.get(parent, caller);
        if (parentUnit != null && !units.canChangeBelow(caller, parent)) {
            throw new AccessDeniedException("read-only");
        }
        model.addAttribute("parent", parentUnit);
        model.addAttribute("levels", units.levels());
        model.addAttribute("code", "");
        model.addAttribute("name", "");
        model.addAttribute("levelCode", "");
        return "organisation/unit-new";
    }

    @PostMapping("/new")
    String create(
            @RequestParam(required = false) Long parent,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String level,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Caller caller = Callers.current();
        try {
            var created = units.createUnit(new NewUnit(code, name, level, parent), caller);
            redirect.addFlashAttribute("flash", created.value().name());
            return "redirect:/units/" + created.value().id();
        } catch (InvalidValueException e) {
            model.addAttribute("error", e.message(locale));
            model.addAttribute("parent", parent == null ? null : units.get(parent, caller));
            model.addAttribute("levels", units.levels());
            model.addAttribute("code", code);
            model.addAttribute("name", name);
            model.addAttribute("levelCode", level);
            return "organisation/unit-new";
        }
    }

    @GetMapping("/{id}/{action:rename|move|retire}")
    String actionForm(@PathVariable long id, @PathVariable String action, Model model) {
        Caller caller = Callers.current();
        Unit unit = units.get(id, caller);
        if (!units.canChange(caller, id)) {
            throw new AccessDeniedException("read-only");
        }
        return actionPage(model, unit, action, null, unit.name(), "", "");
    }

    @PostMapping("/{id}/{action:rename|move|retire}")
    String act(
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String parentCode,
            @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    LocalDate retiredOn,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Caller caller = Callers.current();
        Unit unit = units.get(id, caller);
        try {
            Unit after = switch (action) {
                case "rename" -> units.rename(id, name, reason, caller);
                case "move" -> {
                    Unit parent = units.findByCode(parentCode).orElseThrow(() -> parentUnknown(parentCode));
                    yield moveInScope(id, parent, reason, caller, parentCode);
                }
                default -> units.retire(id, retiredOn, reason, caller);
            };
            redirect.addFlashAttribute("flash", after.name());
            return "redirect:/units/" + id;
        } catch (InvalidValueException e) {
            return actionPage(model, unit, action, e.message(locale), name, parentCode, reason);
        }
    }

    private Unit moveInScope(long id, Unit parent, String reason, Caller caller, String parentCode) {
        try {
            return units.move(id, parent.id(), reason, caller);
        } catch (NotFoundException e) {
            // A code outside the caller's scope reads the same as a code that does not exist.
            throw parentUnknown(parentCode);
        }
    }

    private static InvalidValueException parentUnknown(String parentCode) {
        return InvalidValueException.of("unit.parent.unknown", "org.error.parent-unknown", parentCode.strip());
    }

    private String actionPage(
            Model model, Unit unit, String action, String error, String name, String parentCode, String reason) {
        model.addAttribute("unit", unit);
        model.addAttribute("action", action);
        model.addAttribute("error", error);
        model.addAttribute("name", name);
        model.addAttribute("parentCode", parentCode);
        model.addAttribute("reason", reason);
        model.addAttribute("crumbs", units.breadcrumb(unit.id(), Callers.current()));
        return "organisation/unit-action";
    }

    @GetMapping("/levels")
    String levels(Model model) {
        requireAdmin();
        model.addAttribute("levels", units.levels());
        return "organisation/levels";
    }

    @PostMapping("/levels")
    String addLevel(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(required = false) Integer rank,
            @RequestParam(defaultValue = "") String nameVi,
            @RequestParam(defaultValue = "") String nameEn,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        requireAdmin();
        try {
            if (rank == null) {
                throw InvalidValueException.of("level.rank.missing", "org.error.level-rank-missing");
            }
            units.addLevel(Callers.current(), code, rank, nameVi, nameEn);
            redirect.addFlashAttribute("flash", nameVi);
            return "redirect:/units/levels";
        } catch (InvalidValueException e) {
            model.addAttribute("error", e.message(locale));
            model.addAttribute("levels", units.levels());
            return "organisation/levels";
        }
    }

    @GetMapping("/import")
    String importForm(Model model) {
        requireAdmin();
        model.addAttribute("levels", units.levels());
        return "organisation/import";
    }

    @PostMapping("/import")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale)
            throws IOException {
        requireAdmin();
        model.addAttribute("levels", units.levels());
        try {
            model.addAttribute("report", imports.importFile(file, Callers.current()));
        } catch (InvalidValueException e) {
            model.addAttribute("error", e.message(locale));
        }
        return "organisation/import";
    }

    private static void requireAdmin() {
        if (!Callers.current().isAdmin()) {
            throw new AccessDeniedException("admin only");
        }
    }
}
