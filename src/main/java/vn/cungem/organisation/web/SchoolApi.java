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
import vn.cungem.organisation.NewSchool;
import vn.cungem.organisation.School;
import vn.cungem.organisation.SchoolDirectory;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.organisation.web.ApiModels.ChangeSchoolRequest;
import vn.cungem.organisation.web.ApiModels.CreateSchoolRequest;
import vn.cungem.organisation.web.ApiModels.PageView;
import vn.cungem.organisation.web.ApiModels.RetireRequest;
import vn.cungem.organisation.web.ApiModels.SchoolView;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

@RestController
@RequestMapping("/api/v1/schools")
@Tag(name = "Schools", description = "Trường học — schools under the administrative tree, by MOET code")
class SchoolApi {

    private final SchoolDirectory schools;

    SchoolApi(SchoolDirectory schools) {
        this.schools = schools;
    }

    @GetMapping
    @Operation(summary = "Search schools by name (without diacritics) or MOET code, by level, within a unit's subtree")
    PageView<SchoolView> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) SchoolLevel level,
            @RequestParam(required = false) Long unit,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean includeRetired) {
        return PageView.of(schools.search(q, level, unit, includeRetired, page, Callers.current()), SchoolView::of);
    }

    @GetMapping("/{id}")
    SchoolView get(@PathVariable long id) {
        return SchoolView.of(schools.get(id, Callers.current()));
    }

    @PostMapping
    @Operation(summary = "Create a school (201; 200 with the existing school on a retry; 409 when the code is taken)")
    ResponseEntity<SchoolView> create(@RequestBody(required = false) CreateSchoolRequest body) {
        CreateSchoolRequest r = ApiModels.body(body);
        Created<School> created = schools.create(
                new NewSchool(
                        r.moetCode(),
                        r.name(),
                        r.level(),
                        r.ownership(),
                        ApiModels.required(r.unitId(), "unitId"),
                        r.address()),
                Callers.current());
        return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(SchoolView.of(created.value()));
    }

    @PatchMapping("/{id}")
    @Transactional
    @Operation(summary = "Change a school's details and/or move it to another unit (id and MOET code stay)")
    SchoolView change(@PathVariable long id, @RequestBody(required = false) ChangeSchoolRequest body) {
        ChangeSchoolRequest r = ApiModels.body(body);
        Caller caller = Callers.current();
        School school = schools.get(id, caller);
        if (r.name() != null || r.level() != null || r.ownership() != null || r.address() != null) {
            school = schools.update(id, r.name(), r.level(), r.ownership(), r.address(), r.reason(), caller);
        }
        if (r.unitId() != null) {
            school = schools.move(id, r.unitId(), r.reason(), caller);
        }
        return SchoolView.of(school);
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "Retire a school (it stays, with the date)")
    SchoolView retire(@PathVariable long id, @RequestBody(required = false) RetireRequest body) {
        RetireRequest r = body == null ? new RetireRequest(null, null) : body;
        return SchoolView.of(schools.retire(id, r.retiredOn(), r.reason(), Callers.current()));
    }
}
