package vn.cungem.inventory.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cungem.campaign.Campaigns;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.inventory.places.Places;
import vn.cungem.inventory.work.ItemSheet;
import vn.cungem.inventory.work.SoftwareProfiles;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/** The campaign's devices and stock, an item's page and its printable QR label. */
@Controller
class InventoryController {

    private final Inventory inventory;
    private final Campaigns campaigns;
    private final ItemSheet sheets;
    private final SoftwareProfiles profiles;

    private final Places places;

    InventoryController(
            Inventory inventory, Campaigns campaigns, ItemSheet sheets, SoftwareProfiles profiles, Places places) {
        this.places = places;
        this.inventory = inventory;
        this.campaigns = campaigns;
        this.sheets = sheets;
        this.profiles = profiles;
    }

    @GetMapping("/campaigns/{id}/inventory")
    String list(
            @PathVariable long id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Long place,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Long before,
            Model model) {
        var caller = Callers.current();
        if (!campaigns.isVisible(id, caller)) {
            throw new NotFoundException(Campaigns.ENTITY, id);
        }
        Inventory.ItemFilter filter = ItemFilters.of(status, type, place);
        model.addAttribute("campaignId", id);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", ItemStatus.values());
        model.addAttribute("types", ItemFilters.TAGGED_TYPES);
        model.addAttribute("places", places.visible(caller));
        model.addAttribute("result", inventory.items(id, filter, after, before, caller));
        model.addAttribute("stock", inventory.stock(id, caller));
        return "inventory/list";
    }

    @GetMapping("/inventory/items/{tag}")
    String item(@PathVariable String tag, Model model) {
        Inventory.Item item = inventory.byTag(tag, Callers.current());
        model.addAttribute("item", item);
        model.addAttribute("events", inventory.events(item.id()));
        addWork(item, model);
        return "inventory/item";
    }

    /** The workshop's part of the page (issue 13): the moves and forms open to the caller now, and the history. */
    private void addWork(Inventory.Item item, Model model) {
        var caller = Callers.current();
        model.addAttribute("work", sheets.of(item.tag(), caller));
        model.addAttribute("profiles", profiles.of(item.campaignId(), Caller.SYSTEM));
    }

    /** The label encodes the bare tag, so any scanner reads it and the receiving form accepts it. */
    @GetMapping(value = "/inventory/items/{tag}/label.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> label(@PathVariable String tag) {
        Inventory.Item item = inventory.byTag(tag, Callers.current());
        try {
            var matrix = new QRCodeWriter()
                    .encode(
                            item.tag(),
                            BarcodeFormat.QR_CODE,
                            240,
                            240,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.Q, EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .contentType(MediaType.IMAGE_PNG)
                    .body(out.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("QR label could not be made", e);
        }
    }
}
