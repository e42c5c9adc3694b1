package vn.cungem.inventory.serials;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.DeviceSerial;
import vn.cungem.shared.security.Callers;

/**
 * Serial numbers and IMEIs: is one already registered anywhere in the programme, and recording one read at inspection.
 * A duplicate is answered, never refused: the device may be pledged twice, or stolen, and a person decides.
 */
@RestController
@RequestMapping("/api/v1/inventory")
@Tag(name = "Inventory serials", description = "Số sê-ri, IMEI / Serial numbers and IMEIs")
class SerialsApiController {

    private final SerialsFromInventory serials;

    SerialsApiController(SerialsFromInventory serials) {
        this.serials = serials;
    }

    record SerialBody(String serial) {}

    @GetMapping("/serials")
    @Operation(summary = "Devices already holding this serial or IMEI: their tags in your scope, 'elsewhere' if not")
    Map<String, Object> check(@RequestParam String serial, @RequestParam(required = false) ItemType type) {
        String value = type == null
                ? DeviceSerial.normalise(serial)
                : DeviceSerial.of(type, serial).value();
        return SerialsFromInventory.answer(value, serials.find(List.of(value), Callers.current()));
    }

    @PutMapping("/items/{tag}/serial")
    @Operation(summary = "Record the serial or IMEI read on the device (normalised; an IMEI is checked)")
    Map<String, Object> record(@PathVariable String tag, @RequestBody SerialBody body) {
        var recorded = serials.record(tag, body == null ? null : body.serial(), Callers.current());
        return SerialsFromInventory.answer(recorded.serial(), recorded.others());
    }
}
