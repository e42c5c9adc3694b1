package vn.cungem.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import vn.cungem.organisation.NewPartner;
import vn.cungem.organisation.Partner;
import vn.cungem.organisation.PartnerDirectory;
import vn.cungem.organisation.PartnerKind;
import vn.cungem.organisation.web.ApiModels.ChangePartnerRequest;
import vn.cungem.organisation.web.ApiModels.CreatePartnerRequest;
import vn.cungem.organisation.web.ApiModels.PageView;
import vn.cungem.organisation.web.ApiModels.PartnerView;
import vn.cungem.shared.security.Callers;

@RestController
@RequestMapping("/api/v1/partners")
@Tag(name = "Partners", description = "Tổ chức đối tác — partner organisations beside the tree, with a home unit")
class PartnerApi extends RecordApi<Partner, PartnerView> {

    private final PartnerDirectory partners;

    PartnerApi(PartnerDirectory partners) {
        super(partners, PartnerView::of);
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

    @PostMapping
    @Operation(summary = "Create a partner (201; 200 with the existing one on a retry; 409 on a name clash)")
    ResponseEntity<PartnerView> create(@RequestBody(required = false) CreatePartnerRequest body) {
        CreatePartnerRequest r = ApiModels.body(body);
        return answer(partners.create(
                new NewPartner(
                        r.name(),
                        r.kind(),
                        ApiModels.required(r.homeUnitId(), "homeUnitId"),
                        r.contactEmail(),
                        r.contactPhone()),
                Callers.current()));
    }

    @PatchMapping("/{id}")
    @Transactional
    @Operation(summary = "Change a partner and/or move it to another home unit")
    PartnerView change(@PathVariable long id, @RequestBody(required = false) ChangePartnerRequest body) {
        ChangePartnerRequest r = ApiModels.body(body);
        return change(
                id,
                r.name() != null || r.kind() != null || r.contactEmail() != null || r.contactPhone() != null,
                () -> partners.update(
                        id, r.name(), r.kind(), r.contactEmail(), r.contactPhone(), r.reason(), Callers.current()),
                r.homeUnitId(),
                r.reason());
    }
}
