package vn.cungem.inventory.connectivity;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.lifecycle.Worded;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;

/**
 * A SIM, package or Wi-Fi device goes with one device at a time, and a device takes one of each kind: pairing records
 * it (and unpairing ends it), each with a line of history naming the device. The unique pair in the table holds the
 * rule even for two technicians at the same moment; the loser is told who won.
 */
@Service
public class Pairings {

    private final ConnectionStore store;
    private final ConnectionScope scope;
    private final Connections connections;
    private final Inventory inventory;
    private final TransactionTemplate tx;

    Pairings(
            ConnectionStore store,
            ConnectionScope scope,
            Connections connections,
            Inventory inventory,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.scope = scope;
        this.connections = connections;
        this.inventory = inventory;
        this.tx = new TransactionTemplate(transactions);
    }

    public Connections.Recorded pair(long id, String tag, Integer version, String key, Caller caller) {
        Optional<Long> earlier = store.byKey(key);
        if (earlier.isPresent()) {
            return new Connections.Recorded(connections.get(earlier.get(), caller), true);
        }
        Connection c = pairable(id, caller);
        if (tag == null || tag.isBlank()) {
            throw Worded.invalid("connectivity.tag.missing", "connectivity.error.tag-missing");
        }
        Inventory.Item item;
        try {
            item = inventory.byTag(tag.strip().toUpperCase(java.util.Locale.ROOT), caller);
        } catch (NotFoundException e) {
            throw Worded.invalid("connectivity.tag.unknown", "connectivity.error.tag-unknown", tag.strip());
        }
        if (item.id() == (c.pairedItemId() == null ? -1 : c.pairedItemId())) {
            return new Connections.Recorded(c, true);
        }
        if (c.pairedItemId() != null) {
            throw Worded.conflict("connectivity.paired", "connectivity.error.paired-already", c.pairedTag());
        }
        if (version != null && version != c.version()) {
            throw StatusChanges.stale(c);
        }
        Optional<Connection> taken =
                store
                        .where(
                                "c.paired_item_id = ? and c.kind = ?",
                                item.id(),
                                c.kind().name())
                        .stream()
                        .findFirst();
        if (taken.isPresent()) {
            throw Worded.conflict("connectivity.device-taken", "connectivity.error.device-taken", item.tag(), c.kind());
        }
        try {
            tx.executeWithoutResult(s -> {
                OffsetDateTime now = OffsetDateTime.now();
                if (!store.setPairing(c, item.id(), now)) {
                    throw StatusChanges.stale(c);
                }
                store.history(c.id(), "PAIRED", null, null, null, item.id(), null, key, caller, now);
            });
        } catch (DuplicateKeyException e) {
            if (store.byKey(key).isPresent()) {
                return new Connections.Recorded(connections.get(id, caller), true);
            }
            throw Worded.conflict("connectivity.device-taken", "connectivity.error.device-taken", item.tag(), c.kind());
        }
        return new Connections.Recorded(connections.get(id, caller), false);
    }

    public Connections.Recorded unpair(long id, Integer version, String key, Caller caller) {
        Optional<Long> earlier = store.byKey(key);
        if (earlier.isPresent()) {
            return new Connections.Recorded(connections.get(earlier.get(), caller), true);
        }
        Connection c = pairable(id, caller);
        if (c.pairedItemId() == null) {
            return new Connections.Recorded(c, true);
        }
        if (version != null && version != c.version()) {
            throw StatusChanges.stale(c);
        }
        tx.executeWithoutResult(s -> {
            OffsetDateTime now = OffsetDateTime.now();
            if (!store.setPairing(c, null, now)) {
                throw StatusChanges.stale(c);
            }
            store.history(c.id(), "UNPAIRED", null, null, null, c.pairedItemId(), null, key, caller, now);
        });
        return new Connections.Recorded(connections.get(id, caller), false);
    }

    private Connection pairable(long id, Caller caller) {
        Connection c = connections.get(id, caller);
        if (!scope.mayPair(caller, c)) {
            throw new NotFoundException(Connections.ENTITY, id);
        }
        return c;
    }
}
