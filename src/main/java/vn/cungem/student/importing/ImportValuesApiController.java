package vn.cungem.student.importing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.shared.security.Callers;
import vn.cungem.student.importing.ImportValues.DistinctValue;
import vn.cungem.student.importing.ImportValues.Mapping;

/**
 * The value-mapping step for integrations: the distinct free texts of an import's file with their meanings, and the
 * caller's choices for them, remembered for the campaign. Imports out of the caller's scope answer 404.
 */
@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}/student-imports/{importId}/values")
@Tag(name = "Student import", description = "Nhập danh sách học sinh từ tệp / Import students from a spreadsheet")
class ImportValuesApiController {

    private final ImportValues values;

    ImportValuesApiController(ImportValues values) {
        this.values = values;
    }

    /** The person's choices for the file: each distinct text once. */
    record ValueMapping(List<Mapping> mappings) {}

    /** The distinct texts with their meanings, and the import after the file was checked again. */
    record Mapped(ImportJob job, List<DistinctValue> values) {}

    @Operation(
            summary =
                    "Các cách ghi khác nhau trong tệp và cách hiểu / The file's distinct free texts and their meanings",
            description = "Household situations, device situation, connection and needs: each distinct text once, with"
                    + " its number of rows, the value it is taken as and how (AS_TYPED, REMEMBERED, DICTIONARY, UNSURE,"
                    + " BLANK). Texts to confirm (unsure) come first.")
    @GetMapping
    List<DistinctValue> distinct(@PathVariable long campaignId, @PathVariable long importId) {
        return values.distinct(campaignId, importId, Callers.current());
    }

    @Operation(
            summary = "Đối chiếu giá trị, ghi nhớ cho chương trình / Map values, remembered for the campaign",
            description = "Each mapping names a field (CATEGORIES, DEVICE_SITUATION, CONNECTIVITY, NEEDS), the text as"
                    + " the file writes it and its value: category codes separated by commas (empty for none), a"
                    + " DeviceSituation or Connectivity constant, or needs codes (DEVICE,SIM,DATA,WIFI). All are"
                    + " checked before any is saved; the file is then checked again. Only while the import is in"
                    + " PREVIEW; sending the same mapping again changes nothing.")
    @PutMapping
    Mapped map(@PathVariable long campaignId, @PathVariable long importId, @RequestBody ValueMapping body) {
        ImportJob job = values.map(campaignId, importId, body == null ? null : body.mappings(), Callers.current());
        return new Mapped(job, values.distinct(campaignId, importId, Callers.current()));
    }
}
