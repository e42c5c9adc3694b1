package vn.cungem.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.cungem.organisation.Created;
import vn.cungem.organisation.ImportReport;
import vn.cungem.organisation.NewUnit;
import vn.cungem.organisation.Unit;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.organisation.web.ApiModels.ChangeUnitRequest;
import vn.cungem.organisation.web.ApiModels.CreateUnitRequest;
import vn.cungem.organisation.web.ApiModels.PageView;
import vn.cungem.organisation.web.ApiModels.RetireRequest;
import vn.cungem.organisation.web.ApiModels.UnitView;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Units", description = "Đơn vị hành chính — the administrative tree, scoped to the caller's unit")
class UnitApi {

    private final UnitDirectory units;
    private final UnitImports imports;

    UnitApi(UnitDirectory units, UnitImports imports) {
        this.units = units;
        this.imports = imports;
    }

    @GetMapping
    @Operation(
            summary = "Search units",
            description = "Without q and parent: the roots in scope. q matches the name without diacritics"
                    + " (\"thu duc\" finds \"Thủ Đức\") or the exact code; parent limits to that unit's subtree.")
    PageView<UnitView> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long parent,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean includeRetired) {
        return PageView.of(
                units.search(q, parent, includeRetired, page, Callers.current()), h -> UnitView.of(h.unit(), h.path()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One unit with its path")
    UnitView get(@PathVariable long id) {
        Caller caller = Callers.current();
        Unit unit = units.get(id, caller);
        var path = units.breadcrumb(id, caller).stream()
                .filter(c -> c.id() != id)
                .map(vn.cungem.organisation.Crumb::name)
                .toList();
        return UnitView.of(unit, path);
    }

    @PostMapping
    @Operation(
            summary = "Create a unit",
            description = "201 when created; 200 with the existing unit when the same create is retried; 409 when"
                    + " the code belongs to a different unit.")
    ResponseEntity<UnitView> create(@RequestBody(required = false) CreateUnitRequest body) {
        CreateUnitRequest request = ApiModels.body(body);
        Created<Unit> created = units.createUnit(
                new NewUnit(request.code(), request.name(), request.level(), request.parentId()), Callers.current());
        return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(UnitView.of(created.value(), null));
    }

    @PatchMapping("/{id}")
    @org.springframework.transaction.annotation.Transactional
    @Operation(summary = "Rename and/or move a unit (the id stays; history goes to the audit log)")
    UnitView change(@PathVariable long id, @RequestBody(required = false) ChangeUnitRequest body) {
        ChangeUnitRequest request = ApiModels.body(body);
        Caller caller = Callers.current();
        Unit unit = units.get(id, caller);
        if (request.name() == null && request.parentId() == null) {
            throw vn.cungem.shared.InvalidValueException.of("unit.change.empty", "org.error.unit-change-empty");
        }
        if (request.name() != null) {
            unit = units.rename(id, request.name(), request.reason(), caller);
        }
        if (request.parentId() != null) {
            unit = units.move(id, request.parentId(), request.reason(), caller);
        }
        return UnitView.of(unit, null);
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "Retire a unit; refused (409) while it has active sub-units or schools")
    UnitView retire(@PathVariable long id, @RequestBody(required = false) RetireRequest body) {
        RetireRequest request = body == null ? new RetireRequest(null, null) : body;
        return UnitView.of(units.retire(id, request.retiredOn(), request.reason(), Callers.current()), null);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import the GSO list of administrative units (admins)",
            description = "CSV (UTF-8, comma or semicolon) or XLSX with columns Mã TP, Tỉnh / Thành Phố, [Mã QH, Quận"
                    + " Huyện,] Mã PX, Phường Xã, Cấp. Idempotent: matched by official code. Valid rows are written in"
                    + " one transaction; the report lists added, renamed, moved, unchanged and rejected rows.")
    ImportReport importFile(@RequestPart("file") MultipartFile file) throws IOException {
        return imports.importFile(file, Callers.current());
    }
}
