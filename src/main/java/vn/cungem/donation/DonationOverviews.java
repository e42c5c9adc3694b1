package vn.cungem.donation;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.Money;
import vn.cungem.shared.jdbc.MoneyColumns;
import vn.cungem.shared.security.Caller;

/** The counts on a campaign's donation overview, limited to what the caller manages. */
@Component
class DonationOverviews {

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final CollectionPoints points;
    private final BankAccounts bankAccounts;
    private final UnitScopes scopes;
    private final PledgeScope pledgeScope;

    DonationOverviews(
            JdbcClient jdbc,
            Campaigns campaigns,
            CollectionPoints points,
            BankAccounts bankAccounts,
            UnitScopes scopes,
            PledgeScope pledgeScope) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.points = points;
        this.bankAccounts = bankAccounts;
        this.scopes = scopes;
        this.pledgeScope = pledgeScope;
    }

    DonationOverview overview(long campaignId, Caller caller) {
        Campaign campaign = points.requireManagerOf(campaignId, caller);
        String scope = pledgeScope.condition(campaign, caller);
        Map<PledgeStatus, Long> byStatus = new EnumMap<>(PledgeStatus.class);
        Money[] cash = {Money.ZERO, Money.ZERO};
        jdbc.sql("select p.status, count(*), coalesce(sum(p.cash_amount_vnd), 0), coalesce(sum(p.cash_received_vnd), 0)"
                        + " from pledge p where p.campaign_id = ?" + scope + " group by p.status")
                .param(campaignId)
                .query((rs, n) -> {
                    PledgeStatus s = PledgeStatus.valueOf(rs.getString(1));
                    byStatus.put(s, rs.getLong(2));
                    if (s != PledgeStatus.CANCELLED) {
                        cash[0] = cash[0].plus(MoneyColumns.money(rs, 3));
                    }
                    cash[1] = cash[1].plus(MoneyColumns.money(rs, 4));
                    return s;
                })
                .list();
        boolean all = campaigns.canEdit(campaign, caller);
        String pointScope = all ? "1=1" : scopes.unitFilter(caller, "unit_id");
        long pointCount =
                count("select count(*) from collection_point where campaign_id = ? and " + pointScope, campaignId);
        long receipts = count(
                "select count(*) from receipt where campaign_id = ? and collection_point_id in"
                        + " (select id from collection_point where " + pointScope + ")",
                campaignId);
        long ledger = all ? count("select count(*) from ledger_entry where campaign_id = ?", campaignId) : 0;
        long unmatched = all
                ? count(
                        "select count(*) from bank_statement_line where campaign_id = ? and status = 'UNMATCHED'",
                        campaignId)
                : 0;
        long purchases = all ? count("select count(*) from purchase where campaign_id = ?", campaignId) : 0;
        return new DonationOverview(
                pointCount,
                byStatus,
                cash[0],
                cash[1],
                receipts,
                ledger,
                unmatched,
                purchases,
                bankAccounts.of(campaignId).isPresent());
    }

    private long count(String sql, long campaignId) {
        return jdbc.sql(sql).param(campaignId).query(Long.class).single();
    }
}
