package vn.cungem.inventory.places;

import java.time.OffsetDateTime;
import java.util.List;

/** Devices and connections moved from one place to another: sent, then received at the other end, or cancelled by the sender. */
public record Transfer(
        long id,
        Place from,
        Place to,
        State state,
        List<String> tags,
        List<String> connections,
        String note,
        OffsetDateTime sentAt,
        String sentByName,
        OffsetDateTime closedAt,
        String closedByName) {

    /** SENT → RECEIVED or SENT → CANCELLED; nothing leaves RECEIVED or CANCELLED. */
    public enum State {
        SENT,
        RECEIVED,
        CANCELLED;

        public boolean mayBecome(State next) {
            return this == SENT && (next == RECEIVED || next == CANCELLED);
        }
    }

    /**
     * What the sender posts: devices by tag, and SIMs, data packages and Wi-Fi devices by subscriber number or
     * ICCID/serial.
     */
    public record NewTransfer(
            Long fromPlaceId, Long toPlaceId, List<String> tags, String note, List<String> connections) {

        public NewTransfer(Long fromPlaceId, Long toPlaceId, List<String> tags, String note) {
            this(fromPlaceId, toPlaceId, tags, note, List.of());
        }
    }
}
