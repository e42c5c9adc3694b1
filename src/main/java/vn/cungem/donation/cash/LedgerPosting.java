package vn.cungem.donation.cash;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import vn.cungem.shared.Money;
import vn.cungem.shared.security.Caller;

/**
 * Writes the cash ledger's entries for statement lines: in bulk for the lines an import matched, one at a time for a
 * line a person handles. The ledger is append-only (V99): an entry is only ever inserted.
 */
@Component
class LedgerPosting {

    static final String INSERT_ENTRY = """
            insert into ledger_entry (campaign_id, booked_on, direction, amount_vnd, reason, description, pledge_id,
                                      bank_line_id, purchase_id, corrects_entry_id, recorded_by_account_id,
                                      recorded_by_name, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)""";

    private final JdbcClient jdbc;

    LedgerPosting(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code s} cut to the column's width. */
    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * The ledger entries of the lines an import matched, made by the database from the lines it has just stored:
     * credits to pledges as donations, bank charges as fees. The same statement on H2 and PostgreSQL.
     */
    void postImport(long campaignId, long importId, Caller caller, Instant at) {
        jdbc.sql("""
                        insert into ledger_entry (campaign_id, booked_on, direction, amount_vnd, reason, description,
                                                  pledge_id, bank_line_id, recorded_by_account_id, recorded_by_name,
                                                  created_at)
                        select campaign_id, booked_on,
                               case when credit_vnd > 0 then 'CREDIT' else 'DEBIT' end,
                               case when credit_vnd > 0 then credit_vnd else debit_vnd end,
                               case when credit_vnd > 0 then 'DONATION' else 'BANK_FEE' end,
                               case when description = '' then '—' else substring(description, 1, 500) end,
                               pledge_id, id, cast(? as bigint), ?, ?
                          from bank_statement_line
                         where campaign_id = ? and status = 'MATCHED' and import_id = ?
                         order by id""")
                .params(caller.accountId(), caller.displayName(), Timestamp.from(at), campaignId, importId)
                .update();
    }

    /** A statement line a person handled, as one entry; answers the entry's id. */
    long postLine(
            long campaignId,
            long lineId,
            LocalDate bookedOn,
            String description,
            String direction,
            Money amount,
            String reason,
            Long pledgeId,
            Caller caller) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT_ENTRY)
                .params(
                        campaignId,
                        bookedOn,
                        direction,
                        amount.vnd(),
                        reason,
                        cut(description.isEmpty() ? "—" : description, 500),
                        pledgeId,
                        lineId,
                        null,
                        null,
                        caller.accountId(),
                        caller.displayName())
                .update(keys, "id");
        return keys.getKey().longValue();
    }
}
