package vn.cungem.donation.cash;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.FieldProblem;
import vn.cungem.donation.GoodsLine;
import vn.cungem.donation.GoodsPurchased;
import vn.cungem.donation.ItemCondition;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.Money;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.jdbc.MoneyColumns;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.text.VietnameseText;

/**
 * Goods bought with the campaign's cash (001: businesses were asked for their best price). Recording a purchase debits
 * the ledger by its computed total in the same transaction, refuses when the balance would go below zero, and announces
 * the goods so the inventory module can take them in.
 */
@Service
public class Purchases {

    public static final String ENTITY = "purchase";
    private static final Money LARGEST_UNIT_PRICE = Money.vnd(10_000_000_000L);

    /** A purchase as typed: the total is never typed, it is the sum of the lines. */
    public record PurchaseForm(
            String vendorName,
            String vendorTaxCode,
            String documentKind,
            String documentNumber,
            LocalDate documentDate,
            Long collectionPointId,
            List<LineForm> lines,
            String idempotencyKey) {}

    public record LineForm(ItemType itemType, String description, Integer quantity, Money unitPrice) {}

    public record PurchaseView(
            long id,
            String vendorName,
            String vendorTaxCode,
            String documentKind,
            String documentNumber,
            LocalDate documentDate,
            Money total,
            String collectionPoint,
            String recordedBy,
            OffsetDateTime createdAt) {}

    public record Recorded(long id, boolean alreadyRecorded) {}

    private final JdbcClient jdbc;
    private final CashAccess access;
    private final CashLedger ledger;
    private final ApplicationEventPublisher events;

    Purchases(JdbcClient jdbc, CashAccess access, CashLedger ledger, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.ledger = ledger;
        this.events = events;
    }

    @Transactional
    public Recorded record(long campaignId, PurchaseForm form, Caller caller) {
        Campaign campaign = access.require(campaignId, caller);
        String key = VietnameseText.tidy(form.idempotencyKey());
        if (key != null && (key.isEmpty() || key.length() > 64)) {
            key = null;
        }
        if (key != null) {
            Optional<Long> existing = existing(campaignId, key);
            if (existing.isPresent()) {
                return new Recorded(existing.get(), true);
            }
        }
        List<FieldProblem> problems = new ArrayList<>();
        String vendor = VietnameseText.tidy(form.vendorName());
        if (vendor == null || vendor.isEmpty() || vendor.length() > 200) {
            problems.add(problem("vendorName", "cash.error.purchase.vendor"));
        }
        String taxCode = VietnameseText.tidy(form.vendorTaxCode());
        if (taxCode != null && taxCode.isEmpty()) {
            taxCode = null;
        }
        if (taxCode != null && !taxCode.matches("\\d{10}(-?\\d{3})?")) {
            problems.add(problem("vendorTaxCode", "cash.error.purchase.tax-code"));
        }
        String kind =
                form.documentKind() == null ? "" : form.documentKind().trim().toUpperCase(Locale.ROOT);
        if (!kind.equals("QUOTE") && !kind.equals("INVOICE")) {
            problems.add(problem("documentKind", "cash.error.purchase.kind"));
        }
        String number = VietnameseText.tidy(form.documentNumber());
        if (number == null || number.isEmpty() || number.length() > 50) {
            problems.add(problem("documentNumber", "cash.error.purchase.number"));
        }
        if (form.documentDate() == null) {
            problems.add(problem("documentDate", "cash.error.purchase.date"));
        }
        List<LineForm> lines = new ArrayList<>();
        Money total = Money.ZERO;
        for (LineForm line : form.lines() == null ? List.<LineForm>of() : form.lines()) {
            boolean empty = line.itemType() == null
                    && (line.description() == null || line.description().isBlank())
                    && line.quantity() == null
                    && line.unitPrice() == null;
            if (empty) {
                continue;
            }
            int n = lines.size() + 1;
            String description = VietnameseText.tidy(line.description());
            if (line.itemType() == null
                    || line.itemType() == ItemType.CASH
                    || description == null
                    || description.isEmpty()
                    || description.length() > 300
                    || line.quantity() == null
                    || line.quantity() < 1
                    || line.quantity() > 100_000
                    || line.unitPrice() == null
                    || !line.unitPrice().isPositive()
                    || line.unitPrice().compareTo(LARGEST_UNIT_PRICE) > 0) {
                problems.add(problem("lines", "cash.error.purchase.line", n));
                continue;
            }
            lines.add(new LineForm(line.itemType(), description, line.quantity(), line.unitPrice()));
            total = total.plus(line.unitPrice().times(line.quantity()));
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add(problem("lines", "cash.error.purchase.no-lines"));
        }
        Long pointUnit = null;
        if (form.collectionPointId() != null) {
            pointUnit = jdbc.sql("select unit_id from collection_point where id = ? and campaign_id = ?")
                    .params(form.collectionPointId(), campaignId)
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            if (pointUnit == null) {
                problems.add(problem("collectionPointId", "cash.error.purchase.point"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidValueException(
                    "purchase.invalid",
                    String.join(
                                    "; ",
                                    problems.stream()
                                            .map(FieldProblem::messageVi)
                                            .toList()) + ".",
                    String.join(
                                    "; ",
                                    problems.stream()
                                            .map(FieldProblem::messageEn)
                                            .toList()) + ".");
        }
        access.lock(campaignId);
        if (key != null) {
            Optional<Long> existing = existing(campaignId, key);
            if (existing.isPresent()) {
                return new Recorded(existing.get(), true);
            }
        }
        Money balance = ledger.balance(campaignId);
        if (total.compareTo(balance) > 0) {
            throw ConflictException.of(
                    "purchase.insufficient", "cash.error.purchase.insufficient", total.toString(), balance.toString());
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into purchase (campaign_id, vendor_name, vendor_tax_code, document_kind, document_number,
                                              document_date, total_vnd, collection_point_id, idempotency_key,
                                              recorded_by_account_id, recorded_by_name, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)""")
                .params(
                        campaignId,
                        vendor,
                        taxCode,
                        kind,
                        number,
                        form.documentDate(),
                        total.vnd(),
                        form.collectionPointId(),
                        key,
                        caller.accountId(),
                        caller.displayName())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        int ordinal = 0;
        List<GoodsLine> goods = new ArrayList<>();
        for (LineForm line : lines) {
            jdbc.sql("""
                            insert into purchase_line (purchase_id, item_type, description, quantity, unit_price_vnd,
                                                       ordinal)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            line.itemType().name(),
                            line.description(),
                            line.quantity(),
                            line.unitPrice().vnd(),
                            ++ordinal)
                    .update();
            goods.add(new GoodsLine(
                    line.itemType(), line.quantity(), ItemCondition.NEW, null, line.description(), List.of()));
        }
        jdbc.sql(LedgerPosting.INSERT_ENTRY)
                .params(
                        campaignId,
                        form.documentDate(),
                        "DEBIT",
                        total.vnd(),
                        "PURCHASE",
                        // the ledger records its entries in Vietnamese, whoever posts them
                        LedgerPosting.cut(Bundles.vi("cash.purchase." + kind) + " " + number + " — " + vendor, 500),
                        null,
                        null,
                        id,
                        null,
                        caller.accountId(),
                        caller.displayName())
                .update();
        long unitId = pointUnit != null ? pointUnit : CashAccess.unitOf(campaign);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("vendor", vendor);
        after.put("document", kind + " " + number);
        after.put("total", total.vnd());
        after.put("lines", lines.size());
        events.publishEvent(DomainChange.created(ENTITY, id, CashAccess.unitOf(campaign), after));
        events.publishEvent(
                new GoodsPurchased(id, campaignId, form.collectionPointId(), unitId, form.documentDate(), goods));
        return new Recorded(id, false);
    }

    private Optional<Long> existing(long campaignId, String key) {
        return jdbc.sql("select id from purchase where idempotency_key = ? and campaign_id = ?")
                .params(key, campaignId)
                .query(Long.class)
                .optional();
    }

    /** The purchase form's problems all refuse it with one code, so each carries only its field and wording. */
    private static FieldProblem problem(String field, String key, Object... args) {
        return FieldProblem.of(field, "purchase.invalid", key, args);
    }

    @Transactional(readOnly = true)
    public List<PurchaseView> list(long campaignId, int page, Caller caller) {
        access.require(campaignId, caller);
        return jdbc.sql("""
                        select p.id, p.vendor_name, p.vendor_tax_code, p.document_kind, p.document_number,
                               p.document_date, p.total_vnd, c.name, p.recorded_by_name, p.created_at
                          from purchase p left join collection_point c on c.id = p.collection_point_id
                         where p.campaign_id = ? order by p.id desc limit 50 offset ?""")
                .params(campaignId, Math.max(0, page) * 50L)
                .query((rs, n) -> new PurchaseView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class),
                        MoneyColumns.money(rs, 7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class)))
                .list();
    }

    /** Active collection points of the campaign, for the form's choice of where the goods arrive. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> collectionPoints(long campaignId) {
        return jdbc.sql(
                        "select id, name from collection_point where campaign_id = ? and active order by name limit 500")
                .param(campaignId)
                .query((rs, n) -> Map.<String, Object>of("id", rs.getLong(1), "name", rs.getString(2)))
                .list();
    }
}
