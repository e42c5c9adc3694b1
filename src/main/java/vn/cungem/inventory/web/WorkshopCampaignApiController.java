package vn.cungem.inventory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.campaign.Campaigns;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.work.Repairs;
import vn.cungem.inventory.work.SoftwareProfiles;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Callers;

/** A campaign's software profiles and what its repairs cost per ready device. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}/inventory")
@Tag(name = "Inventory work", description = "Kiểm tra, sửa chữa, xóa dữ liệu, cài phần mềm / Refurbishing devices")
class WorkshopCampaignApiController {

    private final SoftwareProfiles profiles;
    private final Repairs repairs;
    private final Campaigns campaigns;

    private final Inventory inventory;

    WorkshopCampaignApiController(
            SoftwareProfiles profiles, Repairs repairs, Campaigns campaigns, Inventory inventory) {
        this.inventory = inventory;
        this.profiles = profiles;
        this.repairs = repairs;
        this.campaigns = campaigns;
    }

    @GetMapping("/software-profiles")
    @Operation(summary = "The campaign's software profiles by school level")
    List<SoftwareProfiles.Profile> profiles(@PathVariable long id) {
        return profiles.of(id, Callers.current());
    }

    @PostMapping("/software-profiles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a software profile (managers who may edit the campaign); a name is used once")
    SoftwareProfiles.Profile addProfile(@PathVariable long id, @RequestBody SoftwareProfiles.NewProfile body) {
        return profiles.create(id, body, Callers.current());
    }

    @GetMapping("/items")
    @Operation(
            summary = "The campaign's items in the caller's units, newest first, 50 at a time",
            description = "Filters: status, type, place (id). Paging by keyset: pass the page's `older` as `after` for"
                    + " the next page, its `newer` as `before` for the one before; `total` counts what the filters"
                    + " select.")
    Inventory.ItemPage items(
            @PathVariable long id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Long place,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Long before) {
        var caller = Callers.current();
        if (!campaigns.isVisible(id, caller)) {
            throw new NotFoundException(Campaigns.ENTITY, id);
        }
        return inventory.items(id, ItemFilters.of(status, type, place), after, before, caller);
    }

    @GetMapping("/repair-costs")
    @Operation(summary = "Parts cost and hours of the campaign's repairs in the caller's units, per ready device")
    Repairs.CostRollUp costs(@PathVariable long id) {
        var caller = Callers.current();
        if (!campaigns.isVisible(id, caller)) {
            throw new NotFoundException(Campaigns.ENTITY, id);
        }
        return repairs.costs(id, caller);
    }
}
