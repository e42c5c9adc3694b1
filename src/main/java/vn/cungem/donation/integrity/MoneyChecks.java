package vn.cungem.donation.integrity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.Money;
import vn.cungem.shared.integrity.IntegrityCheck;
import vn.cungem.shared.integrity.IntegrityFinding;
import vn.cungem.shared.jdbc.MoneyColumns;

/**
 * What the money tables must agree on beyond their keys and checks: every matched statement line is in the cash
 * ledger once, for its own amount and side, so the ledger's bank-side sum equals the statements' for each campaign;
 * a statement import's count is the lines it holds; a correction corrects an earlier entry of the same campaign. The
 * keys of V98 make a dangling reference impossible while they stand; the reference check is there for the day a
 * restore or a hand fix ran without them. Each check reads donation's own tables only; campaigns through their API.
 * Newest first, so that the sample a run keeps shows the recent problems.
 */
@Configuration(proxyBeanMethods = false)
class MoneyChecks {

    @Bean
    IntegrityCheck ledgerMatchesStatements(JdbcClient jdbc, Campaigns campaigns) {
        return check("donation.ledger-matches-statements", () -> {
            List<IntegrityFinding> found = new ArrayList<>();
            jdbc
                    .sql("""
                            select c.campaign_id,
                                   coalesce((select sum(b.credit_vnd - b.debit_vnd) from bank_statement_line b
                                              where b.campaign_id = c.campaign_id and b.status = 'MATCHED'), 0),
                                   coalesce((select sum(case when e.direction = 'CREDIT' then e.amount_vnd
                                                             else -e.amount_vnd end)
                                               from ledger_entry e
                                              where e.campaign_id = c.campaign_id and e.bank_line_id is not null), 0)
                              from (select campaign_id from bank_statement_line
                                    union select campaign_id from ledger_entry) c
                             order by c.campaign_id desc""")
                    .query((rs, n) -> new Sums(rs.getLong(1), MoneyColumns.money(rs, 2), MoneyColumns.money(rs, 3)))
                    .list()
                    .stream()
                    .filter(row -> !row.fromLines().equals(row.fromLedger()))
                    .forEach(row -> found.add(IntegrityFinding.of(
                            "integrity.donation.ledger-differs",
                            code(campaigns, row.campaignId()),
                            row.fromLines().toString(),
                            row.fromLedger().toString())));
            return found;
        });
    }

    @Bean
    IntegrityCheck matchedLinesPostedOnce(JdbcClient jdbc, Campaigns campaigns) {
        return check("donation.matched-lines-posted", () -> {
            List<IntegrityFinding> found = new ArrayList<>();
            jdbc.sql("""
                            select b.campaign_id, b.id from bank_statement_line b
                             where b.status = 'MATCHED'
                               and not exists (select 1 from ledger_entry e where e.bank_line_id = b.id)
                             order by b.id desc""")
                    .query((rs, n) -> IntegrityFinding.of(
                            "integrity.donation.line-not-posted", code(campaigns, rs.getLong(1)), rs.getLong(2)))
                    .list()
                    .forEach(found::add);
            jdbc.sql("""
                            select e.campaign_id, e.id, b.id from ledger_entry e
                              join bank_statement_line b on b.id = e.bank_line_id
                             where b.status <> 'MATCHED' or e.campaign_id <> b.campaign_id
                                or (b.credit_vnd > 0 and (e.direction <> 'CREDIT' or e.amount_vnd <> b.credit_vnd))
                                or (b.credit_vnd = 0 and (e.direction <> 'DEBIT' or e.amount_vnd <> b.debit_vnd))
                             order by e.id desc""")
                    .query((rs, n) -> IntegrityFinding.of(
                            "integrity.donation.entry-disagrees-with-line",
                            code(campaigns, rs.getLong(1)),
                            rs.getLong(2),
                            rs.getLong(3)))
                    .list()
                    .forEach(found::add);
            return found;
        });
    }

    @Bean
    IntegrityCheck correctionsPointBack(JdbcClient jdbc, Campaigns campaigns) {
        return check(
                "donation.corrections",
                () -> jdbc.sql("""
                        select e.campaign_id, e.id, c.id from ledger_entry e
                          join ledger_entry c on c.id = e.corrects_entry_id
                         where c.campaign_id <> e.campaign_id or c.id >= e.id
                         order by e.id desc""")
                        .query((rs, n) -> IntegrityFinding.of(
                                "integrity.donation.correction-misplaced",
                                code(campaigns, rs.getLong(1)),
                                rs.getLong(2),
                                rs.getLong(3)))
                        .list());
    }

    @Bean
    IntegrityCheck referencesResolve(JdbcClient jdbc, Campaigns campaigns) {
        return check("donation.references", () -> {
            List<IntegrityFinding> found = new ArrayList<>();
            for (Reference ref : Reference.ALL) {
                long dangling = jdbc.sql("select count(*) from " + ref.table() + " x where x." + ref.column()
                                + " is not null and not exists (select 1 from " + ref.target() + " t where t.id = x."
                                + ref.column() + ")")
                        .query(Long.class)
                        .single();
                if (dangling > 0) {
                    found.add(IntegrityFinding.of(
                            "integrity.donation.dangling", ref.table() + "." + ref.column(), ref.target(), dangling));
                }
            }
            for (String table : List.of(
                    "collection_point",
                    "campaign_bank_account",
                    "pledge",
                    "receipt",
                    "bank_statement_import",
                    "bank_statement_line",
                    "ledger_entry",
                    "purchase")) {
                jdbc
                        .sql("select distinct campaign_id from " + table + " order by campaign_id")
                        .query(Long.class)
                        .list()
                        .stream()
                        .filter(id -> campaigns.find(id).isEmpty())
                        .forEach(id -> found.add(IntegrityFinding.of(
                                "integrity.donation.unknown-campaign", table + ".campaign_id", id)));
            }
            return found;
        });
    }

    @Bean
    IntegrityCheck appendOnlyGuards(JdbcClient jdbc) {
        return check("donation.append-only-guards", () -> {
            List<IntegrityFinding> found = new ArrayList<>();
            for (String trigger : List.of("trg_ledger_entry_append_only", "trg_bank_statement_line_append_only")) {
                long present = jdbc.sql(
                                "select count(*) from information_schema.triggers where lower(trigger_name) = ?")
                        .param(trigger)
                        .query(Long.class)
                        .single();
                if (present == 0) {
                    found.add(IntegrityFinding.of("integrity.donation.guard-missing", trigger));
                }
            }
            return found;
        });
    }

    /** A reference inside donation's tables (table, column, the table whose id it names); constants, never input. */
    record Reference(String table, String column, String target) {
        static final List<Reference> ALL = List.of(
                new Reference("ledger_entry", "pledge_id", "pledge"),
                new Reference("ledger_entry", "bank_line_id", "bank_statement_line"),
                new Reference("ledger_entry", "purchase_id", "purchase"),
                new Reference("ledger_entry", "corrects_entry_id", "ledger_entry"),
                new Reference("bank_statement_line", "pledge_id", "pledge"),
                new Reference("bank_statement_line", "import_id", "bank_statement_import"),
                new Reference("pledge", "donor_id", "donor"),
                new Reference("pledge", "collection_point_id", "collection_point"),
                new Reference("pledge_line", "pledge_id", "pledge"),
                new Reference("receipt", "pledge_id", "pledge"),
                new Reference("receipt", "donor_id", "donor"),
                new Reference("receipt", "collection_point_id", "collection_point"),
                new Reference("receipt_line", "receipt_id", "receipt"),
                new Reference("purchase_line", "purchase_id", "purchase"));
    }

    private static String code(Campaigns campaigns, long campaignId) {
        return campaigns.find(campaignId).map(Campaign::code).orElse("#" + campaignId);
    }

    /** A campaign's matched bank lines and its ledger entries made from them, each summed. */
    private record Sums(long campaignId, Money fromLines, Money fromLedger) {}

    private static IntegrityCheck check(String code, java.util.function.Supplier<List<IntegrityFinding>> body) {
        return new IntegrityCheck() {
            @Override
            public String code() {
                return code;
            }

            @Override
            public Outcome run() {
                return Outcome.of(body.get());
            }
        };
    }
}
