package vn.cungem.donation.cash;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.jdbc.KeyedLocks;
import vn.cungem.shared.security.Caller;

/**
 * Who may see and handle a campaign's money: the managers who may edit the campaign (its organising unit or above)
 * and administrators. Everyone else gets the same 404 as for a missing campaign; the public sees totals on the
 * transparency portal instead.
 */
@Component
class CashAccess {

    private final Campaigns campaigns;
    private final JdbcClient jdbc;
    private final KeyedLocks locks;

    private final boolean postgres;

    CashAccess(Campaigns campaigns, JdbcClient jdbc, KeyedLocks locks, javax.sql.DataSource dataSource) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.locks = locks;
        this.postgres = vn.cungem.shared.jdbc.PostgresCopy.isPostgres(dataSource);
    }

    Campaign require(long campaignId, Caller caller) {
        Campaign campaign = campaigns.get(campaignId, caller);
        if (!campaigns.canEdit(campaign, caller)) {
            throw new NotFoundException(Campaigns.ENTITY, campaignId);
        }
        return campaign;
    }

    /**
     * Serialises imports, matches and debits of one campaign, so the balance check and fingerprints hold: a row of
     * donation's own lock table, keyed by the campaign. When another of them holds it longer than the database waits (H2: 2 s), the change is refused with a 409 that says
     * so, and nothing is written.
     */
    void lock(long campaignId) {
        lock(campaignId, "cash.error.campaign-busy");
    }

    /**
     * The same for a statement import, which waits at most {@link #IMPORT_LOCK_WAIT} (on PostgreSQL too, where a lock
     * otherwise waits without end) and is refused with "another import is running".
     */
    void lockForImport(long campaignId) {
        if (postgres) {
            jdbc.sql("set local lock_timeout = '" + IMPORT_LOCK_WAIT + "'").update();
        }
        lock(campaignId, "cash.error.campaign-busy.import");
        if (postgres) {
            jdbc.sql("set local lock_timeout to default").update();
        }
    }

    static final String IMPORT_LOCK_WAIT = "5s";

    /** Donation's own lock table (V101), not the campaign row: a student import of the campaign never waits on it. */
    static final String LOCKS = "donation_lock";

    static final String CASH = "cash";

    private void lock(long campaignId, String busyKey) {
        try {
            locks.lock(LOCKS, campaignId, CASH);
        } catch (org.springframework.dao.DataAccessException e) {
            if (!contention(e)) {
                throw e;
            }
            // H2's "Timeout trying to lock table", PostgreSQL's lock_timeout, a deadlock: all contention, never a 500.
            throw ConflictException.of("cash.campaign-busy", busyKey);
        }
    }

    /** Whether the database gave up waiting for a lock (Spring does not name PostgreSQL's 55P03 for every driver). */
    static boolean contention(org.springframework.dao.DataAccessException e) {
        if (e instanceof org.springframework.dao.PessimisticLockingFailureException
                || e instanceof org.springframework.dao.QueryTimeoutException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                // 55P03 lock_not_available, 40P01 deadlock (PostgreSQL); H2 50200 lock timeout, 40001 deadlock.
                if ("55P03".equals(state)
                        || "40P01".equals(state)
                        || "40001".equals(state)
                        || sql.getErrorCode() == 50200) {
                    return true;
                }
            }
        }
        return false;
    }

    static long unitOf(Campaign campaign) {
        return campaign.organisingUnit().id();
    }
}
