package vn.cungem.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.audit.integrity.IntegrityRun;
import vn.cungem.audit.integrity.IntegrityRuns;
import vn.cungem.shared.NotFoundException;

@RestController
@RequestMapping("/api/v1/integrity")
@Tag(name = "Integrity", description = "Kiểm tra toàn vẹn dữ liệu / Data integrity checks (administrators only)")
class IntegrityApiController {

    private final IntegrityRuns runs;

    IntegrityApiController(IntegrityRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/runs/latest")
    @Operation(summary = "The newest run with each check's outcome and a sample of findings; 404 before the first run")
    IntegrityRun latest() {
        IntegrityController.requireAdmin();
        return runs.latest().orElseThrow(() -> new NotFoundException("integrity-run", "latest"));
    }

    @GetMapping("/runs")
    @Operation(summary = "The 30 newest runs, without their findings")
    List<IntegrityRun> recent() {
        IntegrityController.requireAdmin();
        return runs.recent(30);
    }

    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Runs every check now and returns the stored run (checks only read; a repeat is a new run)")
    IntegrityRun runNow() {
        return runs.runAll(
                IntegrityRun.Trigger.MANUAL, IntegrityController.requireAdmin().displayName());
    }
}
