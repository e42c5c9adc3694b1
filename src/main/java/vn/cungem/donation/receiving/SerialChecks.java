package vn.cungem.donation.receiving;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.DeviceSerial;
import vn.cungem.donation.RegisteredSerials;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;

/**
 * Issue 13: a serial or IMEI already registered anywhere in the programme is flagged, at entry and on the receipt, with
 * the other device's tag when the reader's scope covers it, or only "already registered elsewhere" when it does not.
 */
@Component
class SerialChecks {

    /** One warning: {@code otherTag} null means "elsewhere"; {@code problem} is a bundle-worded refusal of the value. */
    record Flag(String serial, String otherTag, String problem) {}

    private final ObjectProvider<RegisteredSerials> registered;

    SerialChecks(ObjectProvider<RegisteredSerials> registered) {
        this.registered = registered;
    }

    /** What the receiving form shows while the serials of a line are typed (comma separated). */
    List<Flag> atEntry(ItemType type, String typed, Caller caller, java.util.Locale locale) {
        List<String> serials = new ArrayList<>();
        List<Flag> out = new ArrayList<>();
        for (String s : typed == null ? new String[0] : typed.split("[,;\\n]")) {
            if (s.isBlank()) {
                continue;
            }
            try {
                serials.add(
                        type == null
                                ? DeviceSerial.normalise(s)
                                : DeviceSerial.of(type, s).value());
            } catch (InvalidValueException e) {
                out.add(new Flag(s.strip(), null, e.message(locale)));
            }
        }
        out.addAll(duplicates(serials, Set.of(), caller));
        return out;
    }

    /** The receipt's devices whose serial another device already holds, as the receipt page and API flag them. */
    List<Flag> ofReceipt(List<vn.cungem.donation.Receipts.Tag> tags, Caller caller) {
        return duplicates(
                tags.stream()
                        .map(vn.cungem.donation.Receipts.Tag::serialNumber)
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                tags.stream().map(vn.cungem.donation.Receipts.Tag::tag).collect(java.util.stream.Collectors.toSet()),
                caller);
    }

    /** Devices other than {@code ownTags} that hold one of these serials. */
    List<Flag> duplicates(Collection<String> serials, Set<String> ownTags, Caller caller) {
        RegisteredSerials port = registered.getIfAvailable();
        if (port == null || serials.isEmpty()) {
            return List.of();
        }
        return port.find(serials, caller).stream()
                .filter(m -> m.tag() == null || !ownTags.contains(m.tag()))
                .map(m -> new Flag(m.serial(), m.tag(), null))
                .toList();
    }
}
