package vn.cungem.inventory.connectivity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.inventory.lifecycle.Worded;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;

/**
 * An operator (or a manager) says what happened to a SIM: activated (on a date, until a date), a problem with the
 * operator's reason, expired. Setting the status it already has changes nothing and writes no history, so an operator
 * may send its whole list again; a change made on a stale version is refused.
 */
@Service
public class StatusChanges {

    private final ConnectionStore store;
    private final ConnectionScope scope;
    private final Connections connections;
    private final TransactionTemplate tx;

    StatusChanges(
            ConnectionStore store,
            ConnectionScope scope,
            Connections connections,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.scope = scope;
        this.connections = connections;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What the operator says: the new status, the reason of a problem, dates when it knows them. */
    public record Change(ConnectionStatus status, String reason, LocalDate activatedOn, LocalDate expiresOn) {}

    public Connections.Recorded change(long id, Change change, Integer version, String key, Caller caller) {
        Optional<Long> earlier = store.byKey(key);
        if (earlier.isPresent()) {
            return new Connections.Recorded(connections.get(earlier.get(), caller), true);
        }
        Connection c = changeable(id, caller);
        if (version != null && version != c.version()) {
            throw stale(c);
        }
        try {
            tx.executeWithoutResult(s -> apply(c, change, null, key, caller));
        } catch (DuplicateKeyException e) {
            return new Connections.Recorded(connections.get(id, caller), true);
        }
        return new Connections.Recorded(connections.get(id, caller), false);
    }

    /** The connection when the caller may change its status; 404 when they may not even see it. */
    Connection changeable(long id, Caller caller) {
        Connection c = connections.get(id, caller);
        if (!scope.mayChangeStatus(caller, c)) {
            throw new NotFoundException(Connections.ENTITY, id);
        }
        return c;
    }

    /**
     * Checks and writes one change in the caller's transaction; false when the status and dates are what they were
     * already (nothing written).
     */
    boolean apply(Connection c, Change change, Long uploadId, String key, Caller caller) {
        ConnectionStatus to = change.status();
        if (to == null) {
            throw Worded.invalid("connectivity.status.missing", "connectivity.error.status-missing");
        }
        String reason = Draft.text(change.reason(), 300);
        if (to == ConnectionStatus.PROBLEM && reason == null) {
            throw Worded.invalid("connectivity.reason.missing", "connectivity.error.reason-missing");
        }
        if (to == ConnectionStatus.NOT_ACTIVATED && c.status() != ConnectionStatus.NOT_ACTIVATED) {
            throw Worded.conflict("connectivity.status.back", "connectivity.error.status-back", c.status());
        }
        LocalDate activated = change.activatedOn() != null ? change.activatedOn() : c.activatedOn();
        if (to == ConnectionStatus.ACTIVATED && activated == null) {
            activated = LocalDate.now();
        }
        LocalDate expires = change.expiresOn() != null ? change.expiresOn() : c.expiresOn();
        if (to == ConnectionStatus.EXPIRED && expires == null) {
            expires = LocalDate.now();
        }
        if (activated != null && expires != null && expires.isBefore(activated)) {
            throw Worded.invalid("connectivity.dates.order", "connectivity.error.dates-order");
        }
        String newReason = to == ConnectionStatus.PROBLEM ? reason : null;
        if (to == c.status()
                && java.util.Objects.equals(newReason, c.problemReason())
                && java.util.Objects.equals(activated, c.activatedOn())
                && java.util.Objects.equals(expires, c.expiresOn())) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now();
        if (!store.setStatus(c, to, newReason, activated, expires, now)) {
            throw stale(c);
        }
        store.history(c.id(), "STATUS", c.status(), to, newReason, null, uploadId, key, caller, now);
        return true;
    }

    static RuntimeException stale(Connection c) {
        return Worded.conflict("connectivity.stale", "connectivity.error.stale", c.label());
    }
}
