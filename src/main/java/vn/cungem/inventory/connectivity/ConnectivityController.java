package vn.cungem.inventory.connectivity;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.cungem.campaign.Campaigns;
import vn.cungem.inventory.places.Places;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.security.Role;

/**
 * Pages: the list (filters, recording one, uploading a list; an operator's status file), and one SIM's page with its
 * status, pairing and history. Each form carries its own key, so a form sent twice records once.
 */
@Controller
@RequestMapping("/inventory/connectivity")
class ConnectivityController {

    private final Places places;
    private final Campaigns campaigns;
    private final Connections connections;
    private final ConnectivityUploads uploads;
    private final StatusChanges statuses;
    private final Pairings pairings;

    ConnectivityController(
            Places places,
            Campaigns campaigns,
            Connections connections,
            ConnectivityUploads uploads,
            StatusChanges statuses,
            Pairings pairings) {
        this.places = places;
        this.campaigns = campaigns;
        this.connections = connections;
        this.uploads = uploads;
        this.statuses = statuses;
        this.pairings = pairings;
    }

    record StatusForm(
            ConnectionStatus status,
            String reason,
            String activatedOn,
            String expiresOn,
            Integer version,
            String key) {}

    record PairForm(String tag, Integer version, String key) {}

    @GetMapping
    String list(
            @RequestParam(required = false) ConnectionKind kind,
            @RequestParam(required = false) ConnectionStatus status,
            @RequestParam(required = false) Operator operator,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Long before,
            Model model) {
        Caller caller = Callers.current();
        var filter = new Connections.Filter(null, kind, status, operator, q);
        model.addAttribute("filter", filter);
        model.addAttribute("page", connections.list(filter, caller, after, before));
        model.addAttribute("kinds", ConnectionKind.values());
        model.addAttribute("statuses", ConnectionStatus.values());
        model.addAttribute("operators", Operator.values());
        model.addAttribute("today", LocalDate.now());
        boolean operatorUser = ConnectionScope.isOperator(caller);
        model.addAttribute("operatorUser", operatorUser);
        boolean records = !operatorUser && !caller.is(Role.DONOR) && !caller.isAnonymous();
        model.addAttribute("records", records);
        if (records) {
            model.addAttribute("places", places.visible(caller));
            model.addAttribute("campaigns", campaigns.active(20));
        }
        if (!model.containsAttribute("key")) {
            model.addAttribute("key", UUID.randomUUID().toString());
        }
        return "inventory/connectivity/list";
    }

    /** The recording form: where it belongs and what it is, bound as the API takes them; the form's own key. */
    @PostMapping
    String record(Connections.Where where, Draft.Typed typed, @RequestParam(required = false) String key, Model model) {
        try {
            Connections.Recorded r = connections.record(where, typed, key, Callers.current());
            return "redirect:/inventory/connectivity/" + r.connection().id();
        } catch (InvalidValueException e) {
            model.addAttribute("error", e);
            model.addAttribute("where", where);
            model.addAttribute("form", typed);
            model.addAttribute("key", key);
            return list(null, null, null, null, null, null, model);
        }
    }

    @PostMapping("/uploads")
    String upload(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) Long campaignId,
            @RequestParam(required = false) Long placeId,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) Long partnerId,
            @RequestParam(required = false) ConnectionKind kind,
            @RequestParam(required = false) Operator operator,
            @RequestParam(required = false) String key,
            Model model) {
        try {
            model.addAttribute(
                    "result",
                    uploads.record(
                            new Connections.Where(campaignId, unitId, placeId, partnerId),
                            new ConnectivityUploads.Defaults(kind == null ? ConnectionKind.SIM : kind, operator),
                            ConnectivityApiController.bytes(file),
                            key,
                            Callers.current()));
        } catch (InvalidValueException e) {
            model.addAttribute("error", e);
        }
        return list(null, null, null, null, null, null, model);
    }

    @PostMapping("/status-uploads")
    String statusUpload(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String key,
            Model model) {
        try {
            model.addAttribute(
                    "result", uploads.statuses(ConnectivityApiController.bytes(file), key, Callers.current()));
        } catch (InvalidValueException e) {
            model.addAttribute("error", e);
        }
        return list(null, null, null, null, null, null, model);
    }

    @GetMapping("/{id}")
    String item(@PathVariable long id, Model model) {
        Caller caller = Callers.current();
        Connection c = connections.get(id, caller);
        model.addAttribute("c", c);
        model.addAttribute("lapsed", c.lapsed(LocalDate.now()));
        model.addAttribute("allowed", connections.allowed(c, caller));
        model.addAttribute("history", connections.history(id, caller));
        model.addAttribute("statuses", ConnectionStatus.values());
        model.addAttribute("key", UUID.randomUUID().toString());
        return "inventory/connectivity/item";
    }

    @PostMapping("/{id}/status")
    String status(@PathVariable long id, StatusForm f, Model model) {
        Caller caller = Callers.current();
        try {
            statuses.change(
                    id,
                    new StatusChanges.Change(
                            f.status(),
                            f.reason(),
                            ConnectionValues.date(f.activatedOn()).orElse(null),
                            ConnectionValues.date(f.expiresOn()).orElse(null)),
                    f.version(),
                    f.key(),
                    caller);
        } catch (InvalidValueException e) {
            return item(id, e, model);
        }
        return "redirect:/inventory/connectivity/" + id;
    }

    @PostMapping("/{id}/pair")
    String pair(@PathVariable long id, PairForm f, Model model) {
        try {
            pairings.pair(id, f.tag(), f.version(), f.key(), Callers.current());
        } catch (InvalidValueException e) {
            return item(id, e, model);
        }
        return "redirect:/inventory/connectivity/" + id;
    }

    @PostMapping("/{id}/unpair")
    String unpair(@PathVariable long id, PairForm f, Model model) {
        try {
            pairings.unpair(id, f.version(), f.key(), Callers.current());
        } catch (InvalidValueException e) {
            return item(id, e, model);
        }
        return "redirect:/inventory/connectivity/" + id;
    }

    private String item(long id, InvalidValueException e, Model model) {
        String view = item(id, model);
        model.addAttribute("error", e);
        return view;
    }
}
