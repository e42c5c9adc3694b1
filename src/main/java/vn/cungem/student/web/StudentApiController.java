package vn.cungem.student.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.text.Bundles;
import vn.cungem.student.FieldProblem;
import vn.cungem.student.Registration;
import vn.cungem.student.RollUp;
import vn.cungem.student.StatusChange;
import vn.cungem.student.StudentFilter;
import vn.cungem.student.StudentInput;
import vn.cungem.student.StudentInvalidException;
import vn.cungem.student.StudentPage;
import vn.cungem.student.StudentSort;
import vn.cungem.student.StudentStatus;
import vn.cungem.student.StudentView;
import vn.cungem.student.Students;

/**
 * The needs registry for integrations: the same rules and scope as the pages. Students outside the caller's scope answer
 * 404 like missing ones; errors are problem+json with {@code detail} in Vietnamese and {@code detail_en} in English.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Students in need", description = "Sổ học sinh cần hỗ trợ / Needs registry")
class StudentApiController {

    private final Students students;

    StudentApiController(Students students) {
        this.students = students;
    }

    record RegisterRequest(Long schoolId, Boolean confirmedDistinct, StudentInput student) {}

    record UpdateRequest(Integer version, StudentInput student) {}

    record Selection(List<Long> ids, String reason) {}

    record MergeRequest(Long duplicateId, String reason) {}

    record Count(int count) {}

    @GetMapping("/campaigns/{campaignId}/students")
    @Operation(
            summary = "A campaign's students in the caller's scope, highest priority first unless sort says otherwise",
            description = "sort: PRIORITY (default: priority score desc, then no device before broken before shared,"
                    + " then lower grade, then earlier registration), NAME, SCHOOL (school name, then name), STATUS"
                    + " (registered, returned, proposed, approved, rejected; then priority) or DATE (newest"
                    + " registration first); the student id breaks every tie. Paging: pass the answer's nextCursor"
                    + " (or previousCursor) as cursor with the same filters and sort; it answers as fast on any page."
                    + " page (an offset in pages) is still read when no cursor is sent, for clients written before"
                    + " cursors, up to 10,000 rows from the start; deeper answers 400 code student.page-too-deep. A cursor that is altered, old or of another sort answers"
                    + " 400 code student.cursor. q: every word somewhere in the name, diacritics ignored; or exactly"
                    + " a MOET student code or a guardian phone (any usual way of writing it). countsByStatus: the"
                    + " students per status for the same filters except status; exact when countsExact, otherwise"
                    + " counted up to 10,000 (meaning more than that). Partner users see approved students only,"
                    + " with masked names.")
    StudentPage list(
            @PathVariable long campaignId,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) Long schoolId,
            @RequestParam(required = false) StudentStatus status,
            @RequestParam(required = false) Integer grade,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor) {
        return students.list(
                new StudentFilter(
                        campaignId,
                        unitId,
                        schoolId,
                        status,
                        grade,
                        category,
                        q,
                        page,
                        size,
                        StudentSort.parse(sort),
                        cursor),
                Callers.current());
    }

    @PostMapping("/campaigns/{campaignId}/students")
    @Operation(
            summary = "Register a student in need",
            description = "201 with the new student; 200 with the existing one for a retry (same Idempotency-Key, or"
                    + " the same personal id or MOET code at the same school in this campaign). 409 when the same"
                    + " child is registered elsewhere (outside the caller's scope: only that, never where), 429 with"
                    + " Retry-After past the per-account limit of duplicate checks, and 409 code"
                    + " student.likely-duplicate with the candidates when"
                    + " a likely duplicate exists: send again with confirmedDistinct=true if it is another child."
                    + " The student's fields go inside a \"student\" object: {\"schoolId\": 12, \"student\":"
                    + " {\"fullName\": …}}; without it, 400 code student.invalid with one error on the field"
                    + " \"student\".")
    ResponseEntity<StudentView> register(
            @PathVariable long campaignId,
            @RequestBody RegisterRequest body,
            @Parameter(description = "Any unique string; a retry with the same key returns the same student")
                    @RequestHeader(value = "Idempotency-Key", required = false)
                    String idempotencyKey) {
        StudentInput student = studentOf(body == null ? null : body.student());
        Registration result = students.register(
                campaignId,
                body == null ? null : body.schoolId(),
                student,
                body != null && Boolean.TRUE.equals(body.confirmedDistinct()),
                idempotencyKey,
                Callers.current());
        if (result.needsConfirmation()) {
            throw new LikelyDuplicateException(result.likelyDuplicates(), result.likelyElsewhere());
        }
        if (result.created()) {
            return ResponseEntity.created(
                            URI.create("/api/v1/students/" + result.student().id()))
                    .body(result.student());
        }
        return ResponseEntity.ok(result.student());
    }

    /**
     * The {@code student} object of a request. A partner who sends the student's fields at the top level, or none, is
     * told that one thing rather than that every field is missing.
     */
    private static StudentInput studentOf(StudentInput student) {
        if (student == null) {
            throw new StudentInvalidException(List.of(FieldProblem.error(
                    "student",
                    Bundles.vi("student.error.student-missing"),
                    Bundles.en("student.error.student-missing"))));
        }
        return student;
    }

    @GetMapping("/students/{id}")
    @Operation(summary = "One student with the full personal id, for readers whose scope covers the student")
    StudentView get(@PathVariable long id) {
        return students.get(id, Callers.current());
    }

    @PutMapping("/students/{id}")
    @Operation(
            summary = "Correct a student while registered or returned; send the version you read (409 if stale)",
            description = "Body: {\"version\": 3, \"student\": {…}}, the student's fields inside \"student\" as for"
                    + " registration (400 code student.invalid, one error on the field \"student\", without it).")
    StudentView update(@PathVariable long id, @RequestBody UpdateRequest body) {
        StudentInput student = studentOf(body == null ? null : body.student());
        return students.update(id, student, body == null ? null : body.version(), Callers.current());
    }

    @GetMapping("/students/{id}/history")
    @Operation(summary = "Status history, including that of duplicates merged into this student")
    List<StatusChange> history(@PathVariable long id) {
        return students.history(id, Callers.current());
    }

    @PostMapping("/campaigns/{campaignId}/schools/{schoolId}/propose")
    @Operation(summary = "Propose every registered or corrected student of a school to the approving unit")
    Count proposeSchool(@PathVariable long campaignId, @PathVariable long schoolId) {
        return new Count(students.proposeSchool(campaignId, schoolId, Callers.current()));
    }

    @PostMapping("/students/propose")
    @Operation(summary = "Propose the chosen students (all or none)")
    Count propose(@RequestBody Selection body) {
        return new Count(students.propose(ids(body), Callers.current()));
    }

    @PostMapping("/students/approve")
    @Operation(summary = "Approve proposed students (managers of the district, or of the commune where none)")
    Count approve(@RequestBody Selection body) {
        return new Count(students.approve(ids(body), Callers.current()));
    }

    @PostMapping("/students/return")
    @Operation(summary = "Return students to their school for correction; reason required")
    Count returnForCorrection(@RequestBody Selection body) {
        return new Count(
                students.returnForCorrection(ids(body), body == null ? null : body.reason(), Callers.current()));
    }

    @PostMapping("/students/reject")
    @Operation(summary = "Reject students; reason required")
    Count reject(@RequestBody Selection body) {
        return new Count(students.reject(ids(body), body == null ? null : body.reason(), Callers.current()));
    }

    @PostMapping("/students/{id}/merge")
    @Operation(summary = "Merge a duplicate into this student; the duplicate keeps its history, marked MERGED")
    StudentView merge(@PathVariable long id, @RequestBody MergeRequest body) {
        if (body == null || body.duplicateId() == null) {
            throw InvalidValueException.of("student.merge-which", "student.error.merge-which");
        }
        return students.merge(id, body.duplicateId(), body.reason(), Callers.current());
    }

    @GetMapping("/campaigns/{campaignId}/students/roll-up")
    @Operation(summary = "Counts per child unit and school, and schools that have not proposed (managers only)")
    RollUp rollUp(@PathVariable long campaignId, @RequestParam(required = false) Long unitId) {
        return students.rollUp(campaignId, unitId, Callers.current());
    }

    // Handled here rather than in an advice: handlers on the controller win over the shared problem handler, and these
    // errors carry more than a message (every field problem, the likely duplicates).
    @org.springframework.web.bind.annotation.ExceptionHandler(StudentInvalidException.class)
    ProblemDetail invalid(StudentInvalidException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.code(), e.messageVi(), e.messageEn());
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(LikelyDuplicateException.class)
    ProblemDetail likely(LikelyDuplicateException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.code(), e.messageVi(), e.messageEn());
        problem.setProperty("candidates", e.candidates());
        problem.setProperty("registeredElsewhere", e.elsewhere());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String code, String vi, String en) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, vi);
        problem.setType(URI.create("https://cungem.vn/problems/" + code));
        problem.setTitle(en);
        problem.setProperty("code", code);
        problem.setProperty("detail_en", en);
        return problem;
    }

    private static List<Long> ids(Selection body) {
        return body == null || body.ids() == null ? List.of() : body.ids();
    }

    /** A likely duplicate needs a person's decision; the API says so with the candidates. */
    static class LikelyDuplicateException extends ConflictException {

        private final transient List<vn.cungem.student.DuplicateCandidate> candidates;
        private final boolean elsewhere;

        /**
         * {@code elsewhere}: a candidate lies outside the caller's scope; it is not named, only said to exist. Alone, that
         * is the whole message; beside candidates the caller may see, it follows the usual one.
         */
        LikelyDuplicateException(List<vn.cungem.student.DuplicateCandidate> candidates, boolean elsewhere) {
            super(
                    "student.likely-duplicate",
                    message(candidates, elsewhere, Bundles.VIETNAMESE),
                    message(candidates, elsewhere, Locale.ENGLISH));
            this.candidates = List.copyOf(candidates);
            this.elsewhere = elsewhere;
        }

        private static String message(
                List<vn.cungem.student.DuplicateCandidate> candidates, boolean elsewhere, Locale locale) {
            String there = Bundles.text("student.duplicate.likelyElsewhere", locale);
            if (elsewhere && candidates.isEmpty()) {
                return there + " (confirmedDistinct=true)";
            }
            String likely = Bundles.text("student.error.likely-duplicate", locale);
            return elsewhere ? likely + " " + there : likely;
        }

        boolean elsewhere() {
            return elsewhere;
        }

        List<vn.cungem.student.DuplicateCandidate> candidates() {
            return candidates;
        }
    }
}
