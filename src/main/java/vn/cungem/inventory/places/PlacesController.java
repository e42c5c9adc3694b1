package vn.cungem.inventory.places;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.security.TeamMembership;

/** Pages: the places one may use, a place's stock and transfers, sending items, confirming their arrival. */
@Controller
class PlacesController {

    private final Places places;
    private final PlaceStock stock;
    private final Transfers transfers;
    private final ObjectProvider<TeamMembership> teams;

    PlacesController(Places places, PlaceStock stock, Transfers transfers, ObjectProvider<TeamMembership> teams) {
        this.places = places;
        this.stock = stock;
        this.transfers = transfers;
        this.teams = teams;
    }

    /** The teams a new workshop may belong to, by name: the caller's scope, as many as a select can show. */
    private List<TeamMembership.TeamName> teamChoices(Caller caller) {
        TeamMembership membership = teams.getIfAvailable();
        return membership == null ? List.of() : membership.find(caller, "", 200);
    }

    /** The send form as posted: tags one per line (or comma separated), as typed or scanned. */
    record SendForm(Long to, String tags, String note, String key, String connections) {}

    record WorkshopForm(String name, Long unitId, Long teamId) {}

    @GetMapping("/inventory/places")
    String list(Model model) {
        model.addAttribute("places", places.visible(Callers.current()));
        model.addAttribute("teams", teamChoices(Callers.current()));
        return "inventory/places";
    }

    @PostMapping("/inventory/places")
    String createWorkshop(WorkshopForm form, Model model) {
        try {
            Place p = places.create(
                    new Places.NewPlace(PlaceKind.WORKSHOP, form.name(), form.unitId(), form.teamId(), null),
                    Callers.current());
            return "redirect:/inventory/places/" + p.id();
        } catch (InvalidValueException e) {
            model.addAttribute("error", e);
            return list(model);
        }
    }

    @GetMapping("/inventory/places/{id}")
    String place(@PathVariable long id, Model model) {
        Caller caller = Callers.current();
        model.addAttribute("stock", stock.of(id, caller));
        model.addAttribute("transfers", transfers.ofPlace(id, caller));
        model.addAttribute(
                "destinations",
                places.destinations(caller).stream().filter(p -> p.id() != id).toList());
        model.addAttribute("key", UUID.randomUUID().toString());
        return "inventory/place";
    }

    @PostMapping("/inventory/places/{id}/transfers")
    String send(@PathVariable long id, SendForm form, Model model) {
        Caller caller = Callers.current();
        Transfer t;
        try {
            t = transfers.send(
                    new Transfer.NewTransfer(
                            id,
                            form.to(),
                            form.tags() == null
                                    ? null
                                    : Arrays.asList(form.tags().split("[,;\\s]+")),
                            form.note(),
                            form.connections() == null
                                    ? List.of()
                                    // one a line: a number is often typed in groups ("0984 962 846")
                                    : Arrays.asList(form.connections().split("[,;\\r\\n]+"))),
                    form.key(),
                    caller);
        } catch (DuplicateKeyException e) {
            t = transfers.get(transfers.byKey(form.key()).orElseThrow(() -> e), caller);
        } catch (InvalidValueException e) {
            place(id, model);
            model.addAttribute("error", e);
            model.addAttribute("form", form);
            model.addAttribute("key", form.key());
            return "inventory/place";
        }
        return "redirect:/inventory/transfers/" + t.id();
    }

    @GetMapping("/inventory/transfers/{id}")
    String transfer(@PathVariable long id, Model model) {
        Caller caller = Callers.current();
        Transfer t = transfers.get(id, caller);
        model.addAttribute("t", t);
        boolean open = t.state() == Transfer.State.SENT;
        model.addAttribute("mayReceive", open && transfers.isUsable(t.to(), caller));
        model.addAttribute("mayCancel", open && transfers.isUsable(t.from(), caller));
        return "inventory/transfer";
    }

    @PostMapping("/inventory/transfers/{id}/receive")
    String receive(@PathVariable long id, Model model) {
        return close(id, true, model);
    }

    @PostMapping("/inventory/transfers/{id}/cancel")
    String cancel(@PathVariable long id, Model model) {
        return close(id, false, model);
    }

    private String close(long id, boolean receive, Model model) {
        Caller caller = Callers.current();
        try {
            if (receive) {
                transfers.receive(id, caller);
            } else {
                transfers.cancel(id, caller);
            }
        } catch (InvalidValueException e) {
            model.addAttribute("error", e);
            return transfer(id, model);
        }
        return "redirect:/inventory/transfers/" + id;
    }
}
