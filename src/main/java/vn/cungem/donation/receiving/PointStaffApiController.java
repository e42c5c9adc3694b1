package vn.cungem.donation.receiving;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.donation.CollectionPointStaff;
import vn.cungem.shared.security.Callers;

/** Who staffs a collection point: partner organisations and volunteer teams whose members receive goods there. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}/points/{pointId}/staff")
@Tag(name = "Receipts", description = "Biên nhận hiện vật / Goods receipts")
class PointStaffApiController {

    private final CollectionPointStaff staff;

    PointStaffApiController(CollectionPointStaff staff) {
        this.staff = staff;
    }

    /** Exactly one of the two. */
    record StaffBody(Long partnerId, Long teamId) {}

    @GetMapping
    @Operation(summary = "Partner organisations and volunteer teams that receive goods at this point")
    List<CollectionPointStaff.Assignment> list(@PathVariable long id, @PathVariable long pointId) {
        return staff.list(id, pointId, Callers.current());
    }

    @PostMapping
    @Operation(summary = "Assign a partner organisation or a volunteer team to the point (again: the same assignment)")
    CollectionPointStaff.Assignment assign(
            @PathVariable long id, @PathVariable long pointId, @RequestBody StaffBody body) {
        return staff.assign(id, pointId, body.partnerId(), body.teamId(), Callers.current());
    }

    @DeleteMapping("/{assignmentId}")
    ResponseEntity<Void> remove(@PathVariable long id, @PathVariable long pointId, @PathVariable long assignmentId) {
        staff.remove(id, pointId, assignmentId, Callers.current());
        return ResponseEntity.noContent().build();
    }
}
