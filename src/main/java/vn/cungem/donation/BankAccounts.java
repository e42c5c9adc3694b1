package vn.cungem.donation;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.donation.vietqr.VietnameseBank;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;

/** The campaign bank account: set by managers who may edit the campaign, read by the pledge pages and reconciliation. */
@Service
@Transactional(readOnly = true)
public class BankAccounts {

    public static final String ENTITY = "campaign_bank_account";

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final ApplicationEventPublisher events;

    BankAccounts(JdbcClient jdbc, Campaigns campaigns, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.events = events;
    }

    /** No scope check: the account is printed on every public pledge page of the campaign. */
    public Optional<BankAccount> of(long campaignId) {
        return jdbc.sql("select campaign_id, bank_bin, bank_name, account_number, account_name"
                        + " from campaign_bank_account where campaign_id = ?")
                .param(campaignId)
                .query((rs, n) -> new BankAccount(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    @Transactional
    public BankAccount save(long campaignId, BankAccountForm raw, Caller caller) {
        Campaign campaign = campaigns.get(campaignId, caller);
        if (!campaigns.canEdit(campaign, caller)) {
            throw new NotFoundException(Campaigns.ENTITY, campaignId);
        }
        List<FieldProblem> problems = raw.problems();
        if (!problems.isEmpty()) {
            throw new DonationInvalidException(problems);
        }
        BankAccountForm f = raw.normalised();
        String bankName = VietnameseBank.byBin(f.bankBin()).orElseThrow().displayName();
        Optional<BankAccount> before = of(campaignId);
        OffsetDateTime now = OffsetDateTime.now();
        if (before.isPresent()) {
            jdbc.sql("""
                            update campaign_bank_account set bank_bin = ?, bank_name = ?, account_number = ?,
                              account_name = ?, updated_at = ? where campaign_id = ?""")
                    .params(f.bankBin(), bankName, f.accountNumber(), f.accountName(), now, campaignId)
                    .update();
        } else {
            jdbc.sql("""
                            insert into campaign_bank_account (campaign_id, bank_bin, bank_name, account_number,
                              account_name, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(campaignId, f.bankBin(), bankName, f.accountNumber(), f.accountName(), now, now)
                    .update();
        }
        BankAccount after = of(campaignId).orElseThrow();
        Long unitId = campaign.spec().organisingUnitId();
        events.publishEvent(
                before.isPresent()
                        ? DomainChange.updated(ENTITY, campaignId, unitId, fields(before.get()), fields(after), null)
                        : DomainChange.created(ENTITY, campaignId, unitId, fields(after)));
        return after;
    }

    private static Map<String, Object> fields(BankAccount a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bankBin", a.bankBin());
        m.put("accountNumber", a.accountNumber());
        m.put("accountName", a.accountName());
        return m;
    }
}
