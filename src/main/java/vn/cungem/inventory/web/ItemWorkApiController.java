package vn.cungem.inventory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.inventory.lifecycle.Checklist;
import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.inventory.lifecycle.WipeMethod;
import vn.cungem.inventory.work.Inspections;
import vn.cungem.inventory.work.ItemSheet;
import vn.cungem.inventory.work.ItemWork;
import vn.cungem.inventory.work.Repairs;
import vn.cungem.inventory.work.SoftwareProfiles;
import vn.cungem.inventory.work.Wipes;
import vn.cungem.shared.security.Callers;

/**
 * The workshop for apps and scanners. Every POST takes the item's {@code version} the client saw (a stale one answers
 * 409 and leaves a history line) and an {@code Idempotency-Key}: a retry with the same key answers 200 with the item,
 * writing nothing; the first answers 201.
 */
@RestController
@RequestMapping("/api/v1/inventory/items/{tag}")
@Tag(name = "Inventory work", description = "Kiểm tra, sửa chữa, xóa dữ liệu, cài phần mềm / Refurbishing devices")
class ItemWorkApiController {

    private static final String KEY = "Idempotency-Key";

    private final ItemSheet sheets;
    private final ItemWork work;
    private final Inspections inspections;
    private final Wipes wipes;
    private final Repairs repairs;
    private final SoftwareProfiles profiles;

    ItemWorkApiController(
            ItemSheet sheets,
            ItemWork work,
            Inspections inspections,
            Wipes wipes,
            Repairs repairs,
            SoftwareProfiles profiles) {
        this.sheets = sheets;
        this.work = work;
        this.inspections = inspections;
        this.wipes = wipes;
        this.repairs = repairs;
        this.profiles = profiles;
    }

    record MoveBody(ItemMove move, Integer version, String note) {}

    record InspectionBody(Integer version, List<Checklist.Answer> checks, Boolean beyondRepair) {}

    record WipeBody(Integer version, WipeMethod method, Boolean succeeded, String note) {}

    record RepairBody(Integer version, String fault, List<Repairs.Part> parts, BigDecimal hours, String technician) {}

    record SoftwareBody(Integer version, Long profileId, String note) {}

    @GetMapping
    @Operation(summary = "The device's state, version, the moves the caller may make now, its checklist and history")
    ItemSheet.Sheet get(@PathVariable String tag) {
        return sheets.of(tag, Callers.current());
    }

    @PostMapping("/moves")
    @Operation(summary = "Make a move of the lifecycle (start inspection, start repair, mark ready, recycle …)")
    ResponseEntity<ItemSheet.Sheet> move(
            @PathVariable String tag,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestBody MoveBody b) {
        if (b.move() == null) {
            throw vn.cungem.inventory.lifecycle.Worded.invalid(
                    "inventory.move-required", "inventory.work.move.required");
        }
        return answer(tag, work.move(tag, b.move(), b.version(), b.note(), key, Callers.current()));
    }

    @PostMapping("/inspections")
    @Operation(
            summary = "Record the checklist of a device in inspection; a failed check sends it to repair or recycling")
    ResponseEntity<ItemSheet.Sheet> inspect(
            @PathVariable String tag,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestBody InspectionBody b) {
        var form = new Inspections.NewInspection(b.checks(), Boolean.TRUE.equals(b.beyondRepair()));
        return answer(tag, inspections.record(tag, form, b.version(), key, Callers.current()));
    }

    @PostMapping("/wipes")
    @Operation(summary = "Record a data wipe: method and result; a successful one moves the device to wiped")
    ResponseEntity<ItemSheet.Sheet> wipe(
            @PathVariable String tag,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestBody WipeBody b) {
        var form = new Wipes.NewWipe(b.method(), b.succeeded(), b.note());
        return answer(tag, wipes.record(tag, form, b.version(), key, Callers.current()));
    }

    @PostMapping("/repairs")
    @Operation(summary = "Log repair work on a device in repair: fault, parts with cost (VND), hours, technician")
    ResponseEntity<ItemSheet.Sheet> repair(
            @PathVariable String tag,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestBody RepairBody b) {
        var form = new Repairs.NewRepair(b.fault(), b.parts(), b.hours(), b.technician());
        return answer(tag, repairs.record(tag, form, b.version(), key, Callers.current()));
    }

    @PostMapping("/software")
    @Operation(summary = "Record the software profile installed on a wiped device")
    ResponseEntity<ItemSheet.Sheet> software(
            @PathVariable String tag,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestBody SoftwareBody b) {
        var form = new SoftwareProfiles.Install(b.profileId(), b.note());
        return answer(tag, profiles.install(tag, form, b.version(), key, Callers.current()));
    }

    private ResponseEntity<ItemSheet.Sheet> answer(String tag, ItemWork.Outcome outcome) {
        return ResponseEntity.status(outcome.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(sheets.of(outcome.item().tag(), Callers.current()));
    }
}
