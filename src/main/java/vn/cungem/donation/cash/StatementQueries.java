package vn.cungem.donation.cash;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.Money;
import vn.cungem.shared.jdbc.MoneyColumns;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;

/** What the statement pages and the API list: past imports, lines by status, pledges to match a line with. */
@Service
public class StatementQueries {

    public static final int PAGE_SIZE = 50;

    /** The statement lines' name in their cursors. */
    private static final String LINES = "statement-lines";

    public record LineView(
            long id,
            LocalDate bookedOn,
            String reference,
            String description,
            Money debit,
            Money credit,
            Money balance,
            String status,
            String matchMethod,
            String pledgeCode,
            String ignoredReason) {}

    public record ImportView(
            long id,
            String fileName,
            int linesInFile,
            int added,
            int alreadyKnown,
            String importedBy,
            OffsetDateTime importedAt) {}

    private final JdbcClient jdbc;
    private final CashAccess access;

    StatementQueries(JdbcClient jdbc, CashAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public List<ImportView> imports(long campaignId, Caller caller) {
        access.require(campaignId, caller);
        return jdbc.sql("""
                        select id, file_name, lines_in_file, lines_added, lines_already_known, imported_by_name,
                               imported_at
                          from bank_statement_import where campaign_id = ? order by id desc limit 100""")
                .param(campaignId)
                .query((rs, n) -> new ImportView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class)))
                .list();
    }

    /** Counts of lines by status, for the statements page. */
    @Transactional(readOnly = true)
    public Map<String, Long> counts(long campaignId, Caller caller) {
        access.require(campaignId, caller);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("UNMATCHED", 0L);
        counts.put("MATCHED", 0L);
        counts.put("IGNORED", 0L);
        jdbc.sql("select status, count(*) from bank_statement_line where campaign_id = ? group by status")
                .param(campaignId)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** A page of statement lines in booking order and the cursors that continue it (null at the list's ends). */
    public record LinePage(List<LineView> lines, String nextCursor, String previousCursor) {

        public boolean hasNext() {
            return nextCursor != null;
        }

        public boolean hasPrevious() {
            return previousCursor != null;
        }
    }

    /**
     * A page of lines in booking order, after or before {@code cursor} (null: the first); {@code status} UNMATCHED,
     * MATCHED, IGNORED or null for all; {@code side} CREDIT, DEBIT or null. Paged by key, no offset and no count.
     */
    @Transactional(readOnly = true)
    public LinePage lines(long campaignId, String status, String side, String cursor, int size, Caller caller) {
        access.require(campaignId, caller);
        String st = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (st != null && !Set.of("UNMATCHED", "MATCHED", "IGNORED").contains(st)) {
            throw InvalidValueException.of("statement.status", "cash.error.statement.status");
        }
        DateOrder.Boundary boundary = DateOrder.boundary(jdbc, "bank_statement_line", LINES, campaignId, cursor);
        StringBuilder sql = new StringBuilder("""
                select l.id, l.booked_on, l.reference, l.debit_vnd, l.credit_vnd, l.balance_vnd, l.description,
                       l.status, l.match_method, p.code, l.ignored_reason
                  from bank_statement_line l left join pledge p on p.id = l.pledge_id
                 where l.campaign_id = ?""");
        List<Object> params = new ArrayList<>(List.of(campaignId));
        if (st != null) {
            sql.append(" and l.status = ?");
            params.add(st);
        }
        if ("CREDIT".equals(side)) {
            sql.append(" and l.credit_vnd > 0");
        } else if ("DEBIT".equals(side)) {
            sql.append(" and l.debit_vnd > 0");
        }
        sql.append(DateOrder.beyond("l", boundary));
        DateOrder.addParams(params, boundary);
        int safeSize = Math.max(1, Math.min(size, 500));
        sql.append(DateOrder.orderBy("l", boundary)).append(" limit ?");
        params.add(safeSize + 1);
        List<LineView> fetched = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new LineView(
                        rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getString(7),
                        MoneyColumns.money(rs, 4),
                        MoneyColumns.money(rs, 5),
                        MoneyColumns.nullableMoney(rs, "balance_vnd"),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11)))
                .list();
        var page = DateOrder.page(fetched, safeSize, boundary, LINES, LineView::id);
        return new LinePage(page.rows(), page.nextCursor(), page.previousCursor());
    }

    /** Pledges of the campaign whose code or donor name contains the query, for manual matching. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> searchPledges(long campaignId, String query, Caller caller) {
        access.require(campaignId, caller);
        String folded = VietnameseText.fold(query);
        if (folded.isBlank()) {
            return List.of();
        }
        return jdbc.sql("""
                        select p.code, d.name, p.cash_amount_vnd, p.cash_received_vnd, p.status
                          from pledge p join donor d on d.id = p.donor_id
                         where p.campaign_id = ? and p.status <> 'CANCELLED'
                           and (lower(p.code) like ? or d.name_folded like ?)
                         order by p.id desc limit 20""")
                .params(campaignId, VietnameseText.likeContains(folded), VietnameseText.likeContains(folded))
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("code", rs.getString(1));
                    row.put("donor", rs.getString(2));
                    row.put("cashAmount", MoneyColumns.nullableMoney(rs, "cash_amount_vnd"));
                    row.put("cashReceived", MoneyColumns.money(rs, 4));
                    row.put("status", rs.getString(5));
                    return row;
                })
                .list();
    }
}
