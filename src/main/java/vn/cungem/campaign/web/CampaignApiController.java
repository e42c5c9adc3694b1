package vn.cungem.campaign.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.CampaignPage;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.DeviceRequirement;
import vn.cungem.campaign.ItemType;
import vn.cungem.campaign.Milestone;
import vn.cungem.campaign.Phase;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/** Campaigns for integrations. Out-of-scope ids answer 404 like missing ones. */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "Chương trình / Campaigns")
class CampaignApiController {

    private final Campaigns campaigns;

    CampaignApiController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /** The body of create and update. Dates are yyyy-MM-dd; amounts are whole VND. */
    record CampaignRequest(
            String code,
            String name,
            String description,
            Long organisingUnitId,
            List<Long> participatingUnitIds,
            List<SchoolLevel> eligibleLevels,
            List<ItemType> itemTypes,
            List<PhaseBody> phases,
            List<CategoryBody> categories,
            List<RequirementBody> requirements,
            List<MilestoneBody> milestones,
            Integer version,
            String reason) {

        CampaignSpec toSpec() {
            return new CampaignSpec(
                    code,
                    name,
                    description,
                    organisingUnitId,
                    participatingUnitIds,
                    eligibleLevels,
                    itemTypes,
                    map(
                            phases,
                            p -> new Phase(
                                    p.name(),
                                    p.startsOn(),
                                    p.endsOn(),
                                    p.targetDevices(),
                                    p.targetStudents(),
                                    p.targetCashVnd())),
                    map(categories, c -> {
                        if (c.weight() == null) {
                            throw InvalidValueException.of("campaign-weight", "campaign.error.weight-missing");
                        }
                        return new PriorityCategory(c.code(), c.nameVi(), c.nameEn(), c.weight());
                    }),
                    map(requirements, r -> new DeviceRequirement(r.itemType(), r.textVi(), r.textEn())),
                    map(milestones, m -> new Milestone(m.startsOn(), m.endsOn(), m.title())));
        }

        private static <A, B> List<B> map(List<A> list, java.util.function.Function<A, B> f) {
            return list == null
                    ? List.of()
                    : list.stream().filter(x -> x != null).map(f).toList();
        }
    }

    record PhaseBody(
            String name,
            LocalDate startsOn,
            LocalDate endsOn,
            Integer targetDevices,
            Integer targetStudents,
            Long targetCashVnd) {}

    record CategoryBody(String code, String nameVi, String nameEn, Integer weight) {}

    record RequirementBody(ItemType itemType, String textVi, String textEn) {}

    record MilestoneBody(LocalDate startsOn, LocalDate endsOn, String title) {}

    record StatusRequest(CampaignStatus status, String reason) {}

    @GetMapping
    @Operation(summary = "Campaigns the caller may see, newest first; search by folded name or code")
    CampaignPage list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) CampaignStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        return campaigns.search(q, status, Callers.current(), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One campaign with its phases, categories, requirements, milestones and units")
    Campaign get(@PathVariable long id) {
        return campaigns.get(id, Callers.current());
    }

    @PostMapping
    @Operation(
            summary = "Create a draft campaign; retrying the same body returns the campaign, another body with the"
                    + " same code is 409")
    ResponseEntity<Campaign> create(@RequestBody CampaignRequest body) {
        Caller caller = Callers.current();
        boolean existed = campaigns.existsWithCode(body.code());
        Campaign campaign = campaigns.create(body.toSpec(), caller);
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/campaigns/" + campaign.id()))
                .body(campaign);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a campaign's details; send the version you read to refuse lost updates (409)")
    Campaign update(@PathVariable long id, @RequestBody CampaignRequest body) {
        return campaigns.update(id, body.toSpec(), body.version(), body.reason(), Callers.current());
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Move a campaign DRAFT → ACTIVE → CLOSED, with a reason")
    Campaign status(@PathVariable long id, @RequestBody StatusRequest body) {
        return campaigns.changeStatus(id, body.status(), body.reason(), Callers.current());
    }
}
