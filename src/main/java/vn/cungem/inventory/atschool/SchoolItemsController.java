package vn.cungem.inventory.atschool;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/** A school officer's read-only pages: the devices at the school, and one device with its connection. */
@Controller
class SchoolItemsController {

    private final SchoolItems items;

    SchoolItemsController(SchoolItems items) {
        this.items = items;
    }

    @GetMapping("/inventory/at-school")
    String list(Model model) {
        Caller caller = Callers.current();
        model.addAttribute("place", items.placeOf(caller).orElse(null));
        model.addAttribute("items", items.at(caller));
        return "inventory/atschool/list";
    }

    @GetMapping("/inventory/at-school/{tag}")
    String item(@PathVariable String tag, Model model) {
        model.addAttribute("sheet", items.item(tag, Callers.current()));
        return "inventory/atschool/item";
    }
}
