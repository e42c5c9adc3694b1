package vn.cungem.inventory.scan;

import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.lifecycle.WipeMethod;
import vn.cungem.inventory.work.ItemWork;
import vn.cungem.inventory.work.SoftwareProfiles;
import vn.cungem.inventory.work.Wipes;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.Bundles;

/**
 * One scan in scan mode: the action chosen once is applied to the tag through the workshop's one way of changing an
 * item ({@link ItemWork}), so two volunteers scanning the same device at once leave one result and a history line each
 * attempt can explain. Every outcome, refusals included, comes back as a result to show at once, never an error page.
 */
@Service
public class Scans {

    /** What the volunteer sees for one scan: the device, its state now, and whether the action took effect. */
    public record Result(
            String code, String tag, String device, String status, boolean applied, boolean repeated, String message) {}

    private final Inventory inventory;
    private final ItemWork work;
    private final Wipes wipes;
    private final SoftwareProfiles profiles;

    Scans(Inventory inventory, ItemWork work, Wipes wipes, SoftwareProfiles profiles) {
        this.inventory = inventory;
        this.work = work;
        this.wipes = wipes;
        this.profiles = profiles;
    }

    public Result scan(ScanAction action, WipeMethod method, String code, String key, Caller caller, Locale locale) {
        return scan(action, method, null, code, key, caller, locale);
    }

    /**
     * One scan; {@code profileId} is the software profile chosen with {@link ScanAction#INSTALL_SOFTWARE} (a profile of
     * another campaign than the device's is refused by the install step, worded).
     */
    public Result scan(
            ScanAction action,
            WipeMethod method,
            Long profileId,
            String code,
            String key,
            Caller caller,
            Locale locale) {
        Optional<String> tag = ScannedCode.tag(code);
        String shown = code == null ? "" : code.strip();
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "…";
        }
        if (tag.isEmpty()) {
            return refused(shown, null, Bundles.text("scan.error.code", locale));
        }
        if (action == null) {
            return refused(shown, tag.get(), Bundles.text("scan.error.action", locale));
        }
        if (action == ScanAction.INSTALL_SOFTWARE && profileId == null) {
            return refused(shown, tag.get(), Bundles.text("scan.error.profile", locale));
        }
        try {
            if (action == ScanAction.SHOW) {
                Inventory.Item item = inventory.byTag(tag.get(), caller);
                return new Result(
                        shown, item.tag(), device(item, locale), label(item.status(), locale), true, false, null);
            }
            ItemWork.Outcome outcome = switch (action) {
                case WIPE -> wipes.record(tag.get(), new Wipes.NewWipe(method, true, null), null, key, caller);
                case INSTALL_SOFTWARE ->
                    profiles.install(tag.get(), new SoftwareProfiles.Install(profileId, null), null, key, caller);
                default -> work.move(tag.get(), action.move(), null, null, key, caller);
            };
            Inventory.Item item = inventory.byTag(outcome.item().tag(), caller);
            return new Result(
                    shown,
                    item.tag(),
                    device(item, locale),
                    label(item.status(), locale),
                    true,
                    outcome.repeated(),
                    Bundles.text(outcome.repeated() ? "scan.done.again" : "scan.done", locale));
        } catch (NotFoundException e) {
            return refused(shown, tag.get(), Bundles.text("scan.error.not-found", locale, tag.get()));
        } catch (InvalidValueException e) {
            // the item may be outside the caller's scope: then the not-found answer above was already given
            String status = inventory
                    .byTag(tag.get())
                    .map(i -> label(i.status(), locale))
                    .orElse(null);
            return new Result(shown, tag.get(), null, status, false, false, e.message(locale));
        }
    }

    private static Result refused(String code, String tag, String message) {
        return new Result(code, tag, null, null, false, false, message);
    }

    private static String device(Inventory.Item item, Locale locale) {
        String type = Bundles.text(item.type().labelKey(), locale);
        return item.description() == null || item.description().isBlank() ? type : type + " · " + item.description();
    }

    private static String label(String status, Locale locale) {
        return Bundles.text("inventory.status." + status, locale);
    }
}
