package vn.cungem.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import vn.cungem.organisation.Created;
import vn.cungem.organisation.UnitRecord;
import vn.cungem.organisation.UnitRecordDirectory;
import vn.cungem.organisation.web.ApiModels.RetireRequest;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/**
 * The API schools and partners share: read one, create idempotently, change details and/or move, retire. {@code V} is
 * the response body, never the record itself.
 */
abstract class RecordApi<T extends UnitRecord, V> {

    private final UnitRecordDirectory<T> records;
    private final Function<T, V> view;

    RecordApi(UnitRecordDirectory<T> records, Function<T, V> view) {
        this.records = records;
        this.view = view;
    }

    @GetMapping("/{id}")
    V get(@PathVariable long id) {
        return view.apply(records.get(id, Callers.current()));
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "Retire it (it stays, with the date)")
    V retire(@PathVariable long id, @RequestBody(required = false) RetireRequest body) {
        RetireRequest r = body == null ? new RetireRequest(null, null) : body;
        return view.apply(records.retire(id, r.retiredOn(), r.reason(), Callers.current()));
    }

    /** 201 with the new record; 200 with the existing one when the same create was retried. */
    ResponseEntity<V> answer(Created<T> created) {
        return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(view.apply(created.value()));
    }

    /** Changes the details when any is given ({@code update}), then moves the record when {@code unitId} is given. */
    V change(long id, boolean detailsGiven, Supplier<T> update, Long unitId, String reason) {
        Caller caller = Callers.current();
        T record = records.get(id, caller);
        if (detailsGiven) {
            record = update.get();
        }
        if (unitId != null) {
            record = records.move(id, unitId, reason, caller);
        }
        return view.apply(record);
    }
}
