package vn.cungem.donation.cash;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.Campaign;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.Money;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.jdbc.MoneyColumns;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.text.VietnameseText;

/**
 * The campaign's cash ledger (sổ quỹ): money in and out, oldest first, with the running balance. Never edited in place;
 * a mistake is put right by a CORRECTION entry that points at the entry it corrects, with the reason.
 */
@Service
public class CashLedger {

    public static final String ENTITY = "ledger_entry";
    public static final int PAGE_SIZE = 50;
    private static final Money LARGEST_CORRECTION = Money.vnd(1_000_000_000_000L);

    public record Entry(
            long id,
            LocalDate bookedOn,
            String direction,
            Money amount,
            String reason,
            String description,
            String pledgeCode,
            Long bankLineId,
            Long purchaseId,
            Long correctsEntryId,
            String recordedBy,
            Money balance) {

        public Money signedAmount() {
            return "CREDIT".equals(direction) ? amount : Money.ZERO.minus(amount);
        }
    }

    public record Totals(Money credits, Money debits, Money balance, long entries) {}

    /**
     * How the ledger agrees with the imported statements. {@code fromBankLines} sums the entries made from bank lines;
     * {@code postedBankLines} sums the bank lines marked handled — always equal unless something bypassed the rules.
     * {@code lastStatementBalance} is the balance the bank printed on its latest line, to compare with all money the
     * bank saw (matched, unmatched and ignored lines).
     */
    public record Check(
            Money fromBankLines,
            Money postedBankLines,
            Money allBankLines,
            Money lastStatementBalance,
            boolean consistent,
            boolean balanceDiffers) {}

    /**
     * A page of the ledger in booking order, each entry with the balance after it, and the cursors that continue it
     * (null at the ledger's ends).
     */
    public record Page(
            List<Entry> entries, Totals totals, Check check, int size, String nextCursor, String previousCursor) {

        public boolean hasNext() {
            return nextCursor != null;
        }

        public boolean hasPrevious() {
            return previousCursor != null;
        }
    }

    /** The ledger's name in its cursors. */
    private static final String LIST = "ledger";

    private static final String PAGE = """
            select e.id, e.booked_on, e.direction, e.amount_vnd, e.reason, e.description, p.code, e.bank_line_id,
                   e.purchase_id, e.corrects_entry_id, e.recorded_by_name, 0
              from ledger_entry e left join pledge p on p.id = e.pledge_id
             where e.campaign_id = ?""";

    private static final String SELECT = """
            select e.id, e.booked_on, e.direction, e.amount_vnd, e.reason, e.description, p.code, e.bank_line_id,
                   e.purchase_id, e.corrects_entry_id, e.recorded_by_name,
                   sum(case when e.direction = 'CREDIT' then e.amount_vnd else -e.amount_vnd end)
                       over (order by e.booked_on, e.id) as running
              from ledger_entry e left join pledge p on p.id = e.pledge_id
             where e.campaign_id = ?
             order by e.booked_on, e.id""";

    private final JdbcClient jdbc;
    private final CashAccess access;
    private final ApplicationEventPublisher events;

    CashLedger(JdbcClient jdbc, CashAccess access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    /**
     * The page after or before {@code cursor} (null: the first), by key, never by offset. The running balance starts
     * from the sum of the entries booked before the page (one range of the ledger's booking index, read from the index
     * alone), so a deep page costs what the first does plus that sum.
     */
    @Transactional(readOnly = true)
    public Page page(long campaignId, String cursor, int size, Caller caller) {
        access.require(campaignId, caller);
        int safeSize = Math.max(1, Math.min(size, 500));
        DateOrder.Boundary boundary = DateOrder.boundary(jdbc, "ledger_entry", LIST, campaignId, cursor);
        List<Object> params = new java.util.ArrayList<>(List.of(campaignId));
        DateOrder.addParams(params, boundary);
        params.add(safeSize + 1);
        List<Entry> fetched = jdbc.sql(
                        PAGE + DateOrder.beyond("e", boundary) + DateOrder.orderBy("e", boundary) + " limit ?")
                .params(params)
                .query((rs, n) -> entry(rs))
                .list();
        DateOrder.Page<Entry> page = DateOrder.page(fetched, safeSize, boundary, LIST, Entry::id);
        List<Entry> entries = new java.util.ArrayList<>(page.rows().size());
        if (!page.rows().isEmpty()) {
            Entry first = page.rows().get(0);
            Money balance = jdbc.sql("""
                            select coalesce(sum(case when direction = 'CREDIT' then amount_vnd else -amount_vnd end), 0)
                              from ledger_entry where campaign_id = ? and (booked_on, id) < (?, ?)""")
                    .params(campaignId, first.bookedOn(), first.id())
                    .query((rs, n) -> MoneyColumns.money(rs, 1))
                    .single();
            for (Entry e : page.rows()) {
                balance = balance.plus(e.signedAmount());
                entries.add(withBalance(e, balance));
            }
        }
        return new Page(
                entries, totals(campaignId), check(campaignId), safeSize, page.nextCursor(), page.previousCursor());
    }

    private static Entry withBalance(Entry e, Money balance) {
        return new Entry(
                e.id(),
                e.bookedOn(),
                e.direction(),
                e.amount(),
                e.reason(),
                e.description(),
                e.pledgeCode(),
                e.bankLineId(),
                e.purchaseId(),
                e.correctsEntryId(),
                e.recordedBy(),
                balance);
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(
                rs.getLong(1),
                rs.getObject(2, LocalDate.class),
                rs.getString(3),
                MoneyColumns.money(rs, 4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getObject(8, Long.class),
                rs.getObject(9, Long.class),
                rs.getObject(10, Long.class),
                rs.getString(11),
                MoneyColumns.money(rs, 12));
    }

    Totals totals(long campaignId) {
        return jdbc.sql("""
                        select coalesce(sum(case when direction = 'CREDIT' then amount_vnd else 0 end), 0),
                               coalesce(sum(case when direction = 'DEBIT' then amount_vnd else 0 end), 0),
                               count(*)
                          from ledger_entry where campaign_id = ?""")
                .param(campaignId)
                .query((rs, n) -> {
                    Money credits = MoneyColumns.money(rs, 1);
                    Money debits = MoneyColumns.money(rs, 2);
                    return new Totals(credits, debits, credits.minus(debits), rs.getLong(3));
                })
                .single();
    }

    /** The balance now; callers that debit hold the campaign lock. */
    Money balance(long campaignId) {
        return totals(campaignId).balance();
    }

    Check check(long campaignId) {
        Money fromBank = jdbc.sql("""
                        select coalesce(sum(case when direction = 'CREDIT' then amount_vnd else -amount_vnd end), 0)
                          from ledger_entry where campaign_id = ? and bank_line_id is not null""")
                .param(campaignId)
                .query((rs, n) -> MoneyColumns.money(rs, 1))
                .single();
        Money[] lines = jdbc.sql("""
                        select coalesce(sum(case when status = 'MATCHED' then credit_vnd - debit_vnd else 0 end), 0),
                               coalesce(sum(credit_vnd - debit_vnd), 0)
                          from bank_statement_line where campaign_id = ?""")
                .param(campaignId)
                .query((rs, n) -> new Money[] {MoneyColumns.money(rs, 1), MoneyColumns.money(rs, 2)})
                .single();
        Money lastBalance = jdbc.sql("""
                        select balance_vnd from bank_statement_line
                         where campaign_id = ? and balance_vnd is not null
                         order by booked_on desc, id desc limit 1""")
                .param(campaignId)
                .query((rs, n) -> MoneyColumns.money(rs, 1))
                .optional()
                .orElse(null);
        return new Check(
                fromBank,
                lines[0],
                lines[1],
                lastBalance,
                fromBank.equals(lines[0]),
                lastBalance != null && !lastBalance.equals(lines[1]));
    }

    /**
     * Records a correction: a new entry in the given direction for the given amount, pointing at the entry it
     * corrects (to reverse a credit of 500.000 ₫ booked twice, post a DEBIT of 500.000 ₫). The reason is required.
     */
    @Transactional
    public long correct(long campaignId, long entryId, String direction, Money amount, String reason, Caller caller) {
        Campaign campaign = access.require(campaignId, caller);
        String why = VietnameseText.tidy(reason);
        String dir = direction == null ? "" : direction.trim().toUpperCase(Locale.ROOT);
        if (!dir.equals("CREDIT") && !dir.equals("DEBIT")) {
            throw InvalidValueException.of("ledger.direction", "cash.error.ledger.direction");
        }
        if (amount == null || !amount.isPositive() || amount.compareTo(LARGEST_CORRECTION) > 0) {
            throw InvalidValueException.of("ledger.amount", "cash.error.ledger.amount");
        }
        if (why == null || why.length() < 3 || why.length() > 480) {
            throw InvalidValueException.of("ledger.reason", "cash.error.ledger.reason");
        }
        access.lock(campaignId);
        LocalDate corrected = jdbc.sql("select booked_on from ledger_entry where id = ? and campaign_id = ?")
                .params(entryId, campaignId)
                .query(LocalDate.class)
                .optional()
                .orElseThrow(() -> new NotFoundException(ENTITY, entryId));
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        jdbc.sql(LedgerPosting.INSERT_ENTRY)
                .params(
                        campaignId,
                        today.isBefore(corrected) ? corrected : today,
                        dir,
                        amount.vnd(),
                        "CORRECTION",
                        // the ledger records its entries in Vietnamese, whoever posts them
                        Bundles.vi("cash.ledger.correction-note", entryId, why),
                        null,
                        null,
                        null,
                        entryId,
                        caller.accountId(),
                        caller.displayName())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("direction", dir);
        after.put("amount", amount.vnd());
        after.put("correctsEntryId", entryId);
        events.publishEvent(new DomainChange(
                ENTITY, String.valueOf(id), "CREATED", CashAccess.unitOf(campaign), Map.of(), after, why));
        return id;
    }

    /** Writes the whole ledger as CSV (UTF-8 with BOM so Excel shows Vietnamese), streaming row by row. */
    @Transactional(readOnly = true)
    public void exportCsv(long campaignId, Writer out, Caller caller) throws IOException {
        access.require(campaignId, caller);
        out.write('\uFEFF');
        out.write("ngay,chieu,so_tien_vnd,ly_do,dien_giai,ma_dang_ky,dieu_chinh_but_toan,so_du_vnd,but_toan\r\n");
        jdbc.sql(SELECT).param(campaignId).query(rs -> {
            try {
                Entry e = entry(rs);
                out.write(e.bookedOn() + "," + e.direction() + "," + e.amount().vnd() + "," + e.reason() + ","
                        + csv(e.description()) + "," + (e.pledgeCode() == null ? "" : e.pledgeCode()) + ","
                        + (e.correctsEntryId() == null ? "" : e.correctsEntryId()) + ","
                        + e.balance().vnd() + "," + e.id()
                        + "\r\n");
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
    }

    static String csv(String value) {
        if (value == null) {
            return "";
        }
        // A leading = + - @ would run as a formula when the file is opened in a spreadsheet.
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
