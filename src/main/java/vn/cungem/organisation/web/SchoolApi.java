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
import vn.cungem.organisation.NewSchool;
import vn.cungem.organisation.School;
import vn.cungem.organisation.SchoolDirectory;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.organisation.web.ApiModels.ChangeSchoolRequest;
import vn.cungem.organisation.web.ApiModels.CreateSchoolRequest;
import vn.cungem.organisation.web.ApiModels.PageView;
import vn.cungem.organisation.web.ApiModels.SchoolView;
import vn.cungem.shared.security.Callers;

@RestController
@RequestMapping("/api/v1/schools")
@Tag(name = "Schools", description = "Trường học — schools under the administrative tree, by MOET code")
class SchoolApi extends RecordApi<School, SchoolView> {

    private final SchoolDirectory schools;

    SchoolApi(SchoolDirectory schools) {
        super(schools, SchoolView::of);
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

    @PostMapping
    @Operation(summary = "Create a school (201; 200 with the existing school on a retry; 409 when the code is taken)")
    ResponseEntity<SchoolView> create(@RequestBody(required = false) CreateSchoolRequest body) {
        CreateSchoolRequest r = ApiModels.body(body);
        return answer(schools.create(
                new NewSchool(
                        r.moetCode(),
                        r.name(),
                        r.level(),
                        r.ownership(),
                        ApiModels.required(r.unitId(), "unitId"),
                        r.address()),
                Callers.current()));
    }

    @PatchMapping("/{id}")
    @Transactional
    @Operation(summary = "Change a school's details and/or move it to another unit (id and MOET code stay)")
    SchoolView change(@PathVariable long id, @RequestBody(required = false) ChangeSchoolRequest body) {
        ChangeSchoolRequest r = ApiModels.body(body);
        return change(
                id,
                r.name() != null || r.level() != null || r.ownership() != null || r.address() != null,
                () -> schools.update(
                        id, r.name(), r.level(), r.ownership(), r.address(), r.reason(), Callers.current()),
                r.unitId(),
                r.reason());
    }
}
