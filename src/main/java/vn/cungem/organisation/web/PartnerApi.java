package vn.cungem.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.organisation.Created;
import vn.cungem.organisation.NewPartner;
import vn.cungem.organisation.Partner;
import vn.cungem.organisation.PartnerDirectory;
import vn.cungem.organisation.PartnerKind;
import vn.cungem.organisation.web.ApiModels.ChangePartnerRequest;
import vn.cungem.organisation.web.ApiModels.CreatePartnerRequest;
import vn.cungem.organisation.web.ApiModels.PageView;
import vn.cungem.organisation.web.ApiModels.PartnerView;
import vn.cungem.organisation.web.ApiModels.RetireRequest;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

@RestController
@RequestMapping("/api/v1/partners")
@Tag(name = "Partners", description = "Tổ chức đối tác — partner organisations beside the tree, with a home unit")
class PartnerApi {

    private final PartnerDirectory partners;

    PartnerApi(PartnerDirectory partners) {
        this.partners = partners;
    }

    @GetMapping
    @Operation(summary = "Search partners by name (without diacritics), kind, within a unit's subtree")
    PageView<PartnerView> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) PartnerKind kind,
            @RequestParam(required = false) Long unit,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean includeRetired) {
        return PageView.of(partners.search(q, kind, unit, includeRetired, page, Callers.current()), PartnerView::of);
    }

    @GetMapping("/{id}")
    PartnerView get(@PathVariable long id) {
        return PartnerView.of(partners.get(id, Callers.current()));
    }

    @PostMapping
    @Operation(summary = "Create a partner (201; 200 with the existing one on a retry; 409 on a name clash)")
    ResponseEntity<PartnerView> create(@RequestBody(required = false) CreatePartnerRequest body) {
        CreatePartnerRequest r = ApiModels.body(body);
        Created<Partner> created = partners.create(
                new NewPartner(
                        r.name(),
                        r.kind(),
                        ApiModels.required(r.homeUnitId(), "homeUnitId"),
                        r.contactEmail(),
                        r.contactPhone()),
                Callers.current());
        return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(PartnerView.of(created.value()));
    }

    @PatchMapping("/{id}")
    @Transactional
    @Operation(summary = "Change a partner and/or move it to another home unit")
    PartnerView change(@PathVariable long id, @RequestBody(required = false) ChangePartnerRequest body) {
        ChangePartnerRequest r = ApiModels.body(body);
        Caller caller = Callers.current();
        Partner partner = partners.get(id, caller);
        if (r.name() != null || r.kind() != null || r.contactEmail() != null || r.contactPhone() != null) {
            partner = partners.update(id, r.name(), r.kind(), r.contactEmail(), r.contactPhone(), r.reason(), caller);
        }
        if (r.homeUnitId() != null) {
            partner = partners.move(id, r.homeUnitId(), r.reason(), caller);
        }
        return PartnerView.of(partner);
    }

    @PostMapping("/{id}/retire")
    PartnerView retire(@PathVariable long id, @RequestBody(required = false) RetireRequest body) {
        RetireRequest r = body == null ? new RetireRequest(null, null) : body;
        return PartnerView.of(partners.retire(id, r.retiredOn(), r.reason(), Callers.current()));
    }
}
