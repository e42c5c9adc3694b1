package vn.cungem.student.importing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Callers;
import vn.cungem.student.importing.StudentImports.ProblemPage;

/**
 * Spreadsheet imports of students in need for integrations: upload, follow, read the row problems, download the
 * annotated copy, commit the valid rows or discard. Imports and campaigns out of the caller's scope answer 404.
 */
@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}")
@Tag(name = "Student import", description = "Nhập danh sách học sinh từ tệp / Import students from a spreadsheet")
class StudentImportApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final StudentImports imports;

    StudentImportApiController(StudentImports imports) {
        this.imports = imports;
    }

    /** An import with the first row problems (errors first). */
    record ImportDetail(ImportJob job, ProblemPage problems) {}

    @Operation(summary = "Tải mẫu danh sách (XLSX) / Download the list template (XLSX)")
    @GetMapping(path = "/students/template.xlsx", produces = XLSX)
    void template(@PathVariable long campaignId, HttpServletResponse response) throws IOException {
        StudentImportController.sendTemplate(imports, campaignId, response);
    }

    @Operation(
            summary = "Tải lên tệp học sinh (XLSX/CSV): kiểm tra, chưa ghi / Upload a student file: checked, not yet"
                    + " written",
            description = "Files of up to 2,000 rows are checked during the request (status PREVIEW); larger ones in"
                    + " the background (status VALIDATING, follow GET). Every sheet with a header is read (rows"
                    + " numbered sheet by sheet from n × 1,000,000 when there are several); rows that are not"
                    + " students (totals, signatures, blank rows, class headings) are listed as SKIPPED with the"
                    + " reason. When a column is unsure or unknown the import waits in COLUMNS for PUT .../columns."
                    + " Send the same Idempotency-Key (or the same file) again to get the same import back.")
    @PostMapping(path = "/student-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ImportDetail upload(
            @PathVariable long campaignId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @Parameter(description = "Khóa chống gửi trùng / retry key")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidValueException.of("student-import.no-file", "studentImport.api.noFile");
        }
        ImportJob job = imports.upload(
                campaignId, file.getOriginalFilename(), file.getBytes(), idempotencyKey, Callers.current());
        return new ImportDetail(job, imports.problems(campaignId, job.id(), null, 0, 50, Callers.current()));
    }

    @Operation(summary = "Các lần nhập của chương trình / The campaign's imports")
    @GetMapping("/student-imports")
    List<ImportJob> list(@PathVariable long campaignId) {
        return imports.list(campaignId, Callers.current());
    }

    @Operation(summary = "Tiến độ, số dòng hợp lệ/cảnh báo/lỗi và các dòng có vấn đề / Progress, counts, row problems")
    @GetMapping("/student-imports/{importId}")
    ImportDetail get(
            @PathVariable long campaignId,
            @PathVariable long importId,
            @RequestParam(required = false) String outcome,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        ImportJob job = imports.require(campaignId, importId, Callers.current());
        return new ImportDetail(job, imports.problems(campaignId, importId, outcome, page, size, Callers.current()));
    }

    /**
     * The mapping step's answer: for each column index of the file (as {@code job.columns} lists them), the field it
     * holds or IGNORE. Columns not named keep the field proposed.
     */
    record ColumnChoices(
            @Schema(
                    description = "Cột (số thứ tự từ 0) → trường hoặc IGNORE / column index (from 0) → field"
                            + " name or IGNORE",
                    example = "{\"1\": \"FULL_NAME\", \"4\": \"GUARDIAN_PHONE\", \"7\": \"IGNORE\"}")
            Map<Integer, String> fields) {}

    @Operation(
            summary = "Xác nhận các cột của tệp / Confirm which column holds what",
            description = "An import in status COLUMNS waits for this: job.columns lists every column of the sheet"
                    + " with its header, up to 3 sample values, the field it was taken for and whether surely. Send"
                    + " the fields; the mapping is remembered for the school (or the uploader's unit), so the next"
                    + " file with the same headers goes straight through. Answers the import: PREVIEW (or VALIDATING"
                    + " for a large file), or COLUMNS again when another sheet has a layout of its own. A field"
                    + " given twice, an unknown field or a missing full name / birth date answers 400.")
    @PutMapping("/student-imports/{importId}/columns")
    ImportJob columns(
            @PathVariable long campaignId,
            @PathVariable long importId,
            @RequestBody(required = false) ColumnChoices choices) {
        Map<Integer, String> fields = choices == null || choices.fields() == null ? Map.of() : choices.fields();
        return imports.confirmColumns(campaignId, importId, fields, Callers.current());
    }

    @Operation(
            summary = "Đổi cách đọc các cột sau khi xem trước / Change the column mapping after the preview",
            description = "An import in PREVIEW goes back to COLUMNS: job.columns lists the sheet's columns with the"
                    + " fields the preview read them into. The preview's rows are dropped; PUT .../columns with the"
                    + " new choices checks the file again with them (and remembers them). sheet: the index of the"
                    + " sheet to map again when several were read (default: the first). An import already in COLUMNS"
                    + " answers as it is; one committed or discarded answers 409.")
    @PostMapping("/student-imports/{importId}/columns/change")
    ImportJob changeColumns(
            @PathVariable long campaignId, @PathVariable long importId, @RequestParam(required = false) Integer sheet) {
        return imports.changeColumns(campaignId, importId, sheet, Callers.current());
    }

    @Operation(summary = "Chọn trang tính / Choose the sheet of a workbook with several")
    @PostMapping("/student-imports/{importId}/sheet")
    ImportJob sheet(@PathVariable long campaignId, @PathVariable long importId, @RequestParam int index) {
        return imports.chooseSheet(campaignId, importId, index, Callers.current());
    }

    @Operation(summary = "Tải bản có kết quả kiểm tra / Download the annotated copy")
    @GetMapping(path = "/student-imports/{importId}/annotated.xlsx", produces = XLSX)
    void annotated(@PathVariable long campaignId, @PathVariable long importId, HttpServletResponse response)
            throws IOException {
        StudentImportController.sendAnnotated(imports, campaignId, importId, response);
    }

    @Operation(
            summary = "Ghi các dòng hợp lệ (tất cả hoặc không) / Write the valid rows (all or nothing)",
            description = "Rows that match a student already in the campaign update that student. Large files are"
                    + " written in the background (status COMMITTING).")
    @PostMapping("/student-imports/{importId}/commit")
    ImportJob commit(@PathVariable long campaignId, @PathVariable long importId) {
        return imports.commit(campaignId, importId, Callers.current());
    }

    @Operation(summary = "Hủy lần nhập, không ghi gì / Discard the import; nothing is written")
    @PostMapping("/student-imports/{importId}/discard")
    ImportJob discard(@PathVariable long campaignId, @PathVariable long importId) {
        return imports.discard(campaignId, importId, Callers.current());
    }
}
