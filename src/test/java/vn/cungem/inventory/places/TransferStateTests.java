package vn.cungem.inventory.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.cungem.inventory.places.Transfer.State;

class TransferStateTests {

    @Test
    void onlyASentTransferIsReceivedOrCancelledEveryOtherMoveIsRefused() {
        for (State from : State.values()) {
            for (State to : State.values()) {
                boolean legal = from == State.SENT && (to == State.RECEIVED || to == State.CANCELLED);
                assertThat(from.mayBecome(to)).as(from + " -> " + to).isEqualTo(legal);
            }
        }
    }
}
