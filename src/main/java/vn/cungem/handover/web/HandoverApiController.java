package vn.cungem.handover.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.handover.Batch;
import vn.cungem.handover.Handovers;
import vn.cungem.handover.NewBatch;
import vn.cungem.handover.NewRecord;
import vn.cungem.handover.RecordView;
import vn.cungem.shared.security.Callers;

/** Handover for integrations and offline clients: batches, today's list, an idempotent record, its PDF. */
@RestController
@Tag(name = "Handover", description = "Bàn giao thiết bị / Device handover")
class HandoverApiController {

    private final Handovers handovers;

    HandoverApiController(Handovers handovers) {
        this.handovers = handovers;
    }

    record BatchRequest(long campaignId, long schoolId, LocalDate date, Batch.PlaceKind placeKind, String placeNote) {}

    record RecordRequest(
            List<String> tags,
            String guardianName,
            String guardianRelation,
            String guardianPhone,
            String place,
            String signature,
            String photo,
            Boolean madeOffline,
            java.time.OffsetDateTime madeAt) {}

    @PostMapping("/api/v1/handover/batches")
    @Operation(summary = "Schedule a school's students with a reserved device for a day (at school or at home)")
    ResponseEntity<Batch> create(@RequestBody BatchRequest body) {
        long id = handovers.createBatch(
                new NewBatch(body.campaignId(), body.schoolId(), body.date(), body.placeKind(), body.placeNote()),
                Callers.current());
        return ResponseEntity.status(HttpStatus.CREATED).body(handovers.batch(id, Callers.current()));
    }

    @GetMapping("/api/v1/handover/batches")
    @Operation(summary = "Batches from today on that the caller may see (children's names masked outside their scope)")
    List<Batch> upcoming() {
        return handovers.upcoming(Callers.current());
    }

    @GetMapping("/api/v1/handover/batches/{id}")
    @Operation(summary = "One batch with its students, the devices reserved for each and their SIM or Wi-Fi device")
    Batch batch(@PathVariable long id) {
        return handovers.batch(id, Callers.current());
    }

    @GetMapping("/api/v1/handover/today")
    @Operation(summary = "Today's batches (Asia/Ho_Chi_Minh) that the caller may see: a volunteer's list")
    List<Batch> today() {
        return handovers.today(Callers.current());
    }

    @PostMapping("/api/v1/handover/entries/{entryId}/record")
    @Operation(
            summary = "Record one student's handover (biên bản bàn giao)",
            description = "Idempotent: send an Idempotency-Key header; the same key answers the record already stored"
                    + " (200) and writes nothing. 400 for a wrong tag or a missing signature, 409 when a device is no"
                    + " longer reserved for the student or the student already has a record. signature is a PNG data"
                    + " URI; photo (of the signed paper) a JPEG or PNG data URI. madeAt (ISO-8601 with offset): when the"
                    + " record was made on a phone without signal; it dates the record, and is refused (400) when ahead of"
                    + " the server's clock by more than 10 minutes or before the batch was scheduled.")
    RecordView record(
            @PathVariable long entryId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody RecordRequest body) {
        return handovers.record(
                entryId,
                new NewRecord(
                        body.tags(),
                        body.guardianName(),
                        body.guardianRelation(),
                        body.guardianPhone(),
                        body.place(),
                        body.signature(),
                        PhotoDataUri.decode(body.photo()),
                        null,
                        Boolean.TRUE.equals(body.madeOffline()),
                        body.madeAt()),
                key,
                Callers.current());
    }

    @GetMapping("/api/v1/handover/records/{number}")
    @Operation(summary = "A handover record as the caller may see it")
    RecordView recordView(@PathVariable String number) {
        return handovers.recordView(number, Callers.current());
    }

    @GetMapping("/api/v1/handover/records/{number}/record.pdf")
    @Operation(summary = "The printable record in the official Vietnamese layout")
    ResponseEntity<byte[]> pdf(@PathVariable String number, Locale locale) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .body(handovers.pdf(number, Callers.current(), locale));
    }
}
