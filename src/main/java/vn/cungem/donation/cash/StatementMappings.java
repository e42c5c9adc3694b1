package vn.cungem.donation.cash;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.shared.security.Caller;

/**
 * The statement layouts people confirmed ({@code statement_column_mapping}, V170), per campaign, bank account and
 * header: the parser looks them up before asking again, and a confirmation replaces the one kept for the same layout.
 */
@Component
class StatementMappings {

    private final JdbcClient jdbc;

    StatementMappings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The layouts confirmed for the campaign, as the parser looks them up. */
    StatementParser.Remembered of(long campaignId) {
        return (account, signature) -> find(campaignId, account, signature);
    }

    Optional<StatementMapping> find(long campaignId, String account, String signature) {
        return jdbc.sql("""
                        select columns from statement_column_mapping
                         where campaign_id = ? and account_key = ? and header_sha256 = ?""")
                .params(campaignId, account(account), BankStatements.sha256(bytes(signature)))
                .query(String.class)
                .optional()
                .map(StatementMapping::parse);
    }

    /** Keeps the person's mapping for the layout, replacing an earlier one (the bank changed nothing but a column). */
    void save(long campaignId, StatementColumnsToConfirm.Proposal proposal, StatementMapping mapping, Caller caller) {
        String account = account(proposal.account());
        String sha = BankStatements.sha256(bytes(proposal.signature()));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String name = caller.displayName() == null ? "" : caller.displayName();
        int updated = jdbc.sql("""
                        update statement_column_mapping set columns = ?, bank = ?, confirmed_by_account_id = ?,
                               confirmed_by_name = ?, confirmed_at = ?
                         where campaign_id = ? and account_key = ? and header_sha256 = ?""")
                .params(mapping.text(), proposal.bank(), caller.accountId(), name, now, campaignId, account, sha)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into statement_column_mapping (campaign_id, account_key, header_sha256, bank, columns,
                                confirmed_by_account_id, confirmed_by_name, confirmed_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(campaignId, account, sha, proposal.bank(), mapping.text(), caller.accountId(), name, now)
                    .update();
        }
    }

    private static String account(String account) {
        return account == null ? "" : LedgerPosting.cut(account, 40);
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
