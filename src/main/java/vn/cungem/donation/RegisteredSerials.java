package vn.cungem.donation;

import java.util.Collection;
import java.util.List;
import vn.cungem.shared.security.Caller;

/**
 * Which devices already carry a serial number or IMEI, anywhere in the programme (every campaign): a device pledged
 * twice, or stolen and re-donated, is flagged when it arrives. Implemented by the inventory module, which keeps the
 * devices; donation asks through this port and never reads the inventory's tables.
 */
public interface RegisteredSerials {

    /** A device holding the serial; {@code tag} is null when the caller's scope does not cover where it is. */
    record Match(String serial, String tag) {

        public boolean visible() {
            return tag != null;
        }
    }

    /** Every device holding one of these normalised serials ({@link DeviceSerial}), at most 100. */
    List<Match> find(Collection<String> serials, Caller caller);
}
