package vn.cungem.inventory;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.cungem.inventory.connectivity.ConnectionStatus;
import vn.cungem.inventory.connectivity.Connections;
import vn.cungem.shared.security.Caller;

/**
 * What a partner (a network operator) supplied as SIMs, data packages and Wi-Fi devices, and where each stands with
 * the operator: what the partner's home page answers to "what we committed and what became of it". Counted within the
 * caller's own view of the connectivity list (an operator sees only its own), capped like that list's counts.
 */
@Service
public class SuppliedConnections {

    private final Connections connections;

    SuppliedConnections(Connections connections) {
        this.connections = connections;
    }

    /** One status and how many of the caller's connections stand there; {@code status} is the list's filter value. */
    public record Standing(String status, long count, boolean capped) {}

    public List<Standing> of(Caller caller) {
        List<Standing> out = new ArrayList<>();
        for (ConnectionStatus status : ConnectionStatus.values()) {
            Connections.Page page =
                    connections.list(new Connections.Filter(null, null, status, null, null), caller, null, null);
            out.add(new Standing(status.name(), page.total(), page.totalCapped()));
        }
        return out;
    }
}
