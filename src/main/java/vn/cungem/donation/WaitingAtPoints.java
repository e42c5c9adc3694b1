package vn.cungem.donation;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.security.Caller;

/**
 * Counts for home pages (issue 12): the pledges a person's collection points expect on some days, the goods still to
 * receive there, and the bank lines no pledge matches. Each is one count over an index that starts with the campaign
 * ({@code pledge_expected_ix}, {@code pledge_campaign_ix}, {@code bank_line_status_ix}), limited to the points the
 * caller receives at, the same rule as the receiving pages.
 */
@Component
public class WaitingAtPoints {

    private final JdbcClient jdbc;
    private final ReceivingPoints points;
    private final Campaigns campaigns;

    WaitingAtPoints(JdbcClient jdbc, ReceivingPoints points, Campaigns campaigns) {
        this.jdbc = jdbc;
        this.points = points;
        this.campaigns = campaigns;
    }

    /** Open pledges (nothing or part received) expected from {@code from} to {@code to}, both included. */
    public long expected(long campaignId, LocalDate from, LocalDate to, Caller caller) {
        return jdbc.sql("select count(*) from pledge p where p.campaign_id = ? and p.expected_on between ? and ?"
                        + " and p.status in ('PLEDGED', 'PARTLY_RECEIVED') and " + atPoints(caller))
                .params(campaignId, from, to)
                .query(Long.class)
                .single();
    }

    /** Open pledges at the caller's points, whatever the day they were expected: what is still to receive. */
    public long toReceive(long campaignId, Caller caller) {
        return jdbc.sql("select count(*) from pledge p where p.campaign_id = ?"
                        + " and p.status in ('PLEDGED', 'PARTLY_RECEIVED') and " + atPoints(caller))
                .param(campaignId)
                .query(Long.class)
                .single();
    }

    /** Bank lines no pledge matches yet; only the managers who run the campaign's money see them (0 for others). */
    public long unmatchedBankLines(long campaignId, Caller caller) {
        if (!campaigns.canEdit(campaigns.get(campaignId, caller), caller)) {
            return 0;
        }
        return jdbc.sql("select count(*) from bank_statement_line where campaign_id = ? and status = 'UNMATCHED'")
                .param(campaignId)
                .query(Long.class)
                .single();
    }

    private String atPoints(Caller caller) {
        return "p.collection_point_id in (select cp.id from collection_point cp where cp.campaign_id = p.campaign_id and ("
                + points.pointFilter(caller, "cp") + "))";
    }
}
