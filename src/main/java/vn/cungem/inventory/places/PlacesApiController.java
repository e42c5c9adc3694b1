package vn.cungem.inventory.places;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/** Places, their stock and the transfers between them. A retried POST with the same Idempotency-Key moves nothing. */
@RestController
@RequestMapping("/api/v1/inventory")
@Tag(name = "Inventory places", description = "Nơi để thiết bị và chuyển kho / Places and transfers")
class PlacesApiController {

    private final Places places;
    private final PlaceStock stock;
    private final Transfers transfers;

    PlacesApiController(Places places, PlaceStock stock, Transfers transfers) {
        this.places = places;
        this.stock = stock;
        this.transfers = transfers;
    }

    @GetMapping("/places")
    @Operation(summary = "Places the caller may use: collection points, workshops, schools")
    List<Place> places() {
        return places.visible(Callers.current());
    }

    @PostMapping("/places")
    @Operation(summary = "Add a workshop (a volunteer team's place) or a school as a place")
    ResponseEntity<Place> create(@RequestBody Places.NewPlace body) {
        Place p = places.create(body, Callers.current());
        return ResponseEntity.created(URI.create("/api/v1/inventory/places/" + p.id()))
                .body(p);
    }

    @GetMapping("/places/{id}/stock")
    @Operation(summary = "Items at the place by type and state, and in transit from and to it")
    PlaceStock.Stock stock(@PathVariable long id) {
        return stock.of(id, Callers.current());
    }

    @GetMapping("/places/{id}/transfers")
    List<Transfer> transfersOf(@PathVariable long id) {
        return transfers.ofPlace(id, Callers.current());
    }

    @PostMapping("/transfers")
    @Operation(summary = "Send items from one place to another (they count as in transit until received)")
    ResponseEntity<Transfer> send(
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody Transfer.NewTransfer body) {
        Caller caller = Callers.current();
        boolean retry = transfers.byKey(key).isPresent();
        Transfer t;
        try {
            t = transfers.send(body, key, caller);
        } catch (DuplicateKeyException e) {
            // the same key posted twice at the same moment: the other request wrote it
            t = transfers.get(transfers.byKey(key).orElseThrow(() -> e), caller);
            retry = true;
        }
        return ResponseEntity.status(retry ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/inventory/transfers/" + t.id()))
                .body(t);
    }

    @GetMapping("/transfers/{id}")
    Transfer transfer(@PathVariable long id) {
        return transfers.get(id, Callers.current());
    }

    @PostMapping("/transfers/{id}/receive")
    @Operation(summary = "Confirm the items arrived at the receiving place")
    Transfer receive(@PathVariable long id) {
        return transfers.receive(id, Callers.current());
    }

    @PostMapping("/transfers/{id}/cancel")
    @Operation(summary = "Cancel a transfer not yet received: the items stand at the sender again")
    Transfer cancel(@PathVariable long id) {
        return transfers.cancel(id, Callers.current());
    }
}
