package vn.cungem.donation.cash;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.PledgeProgress;
import vn.cungem.donation.PledgeStatus;
import vn.cungem.shared.Money;
import vn.cungem.shared.jdbc.MoneyColumns;

/**
 * {@link PledgeProgress#recompute} for many pledges at once: a statement of 100,000 lines touches tens of thousands of
 * pledges, and five queries per pledge would take minutes. Same rule ({@link PledgeStatus#of}), same sources
 * (pledge lines, receipts, matched bank lines), read a thousand pledges per query.
 */
@Component
class PledgeCashProgress {

    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;
    private final BulkWriter writer;

    PledgeCashProgress(JdbcClient jdbc, BulkWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    /**
     * Locks the pledges (as {@link PledgeProgress} does, so a receipt recorded at the same moment waits), then reads
     * the campaign's pledge lines, receipts and matched bank lines in one query each: a few scans instead of a query
     * per pledge or per thousand pledges on tables whose statistics do not yet know the rows just added.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void recompute(long campaignId, Collection<Long> pledgeIds) {
        List<Long> ids = pledgeIds.stream().distinct().sorted().toList();
        if (ids.isEmpty()) {
            return;
        }
        for (int from = 0; from < ids.size(); from += CHUNK) {
            // Ids come from the database as numbers, never from input, so they are inlined.
            String in = ids.subList(from, Math.min(ids.size(), from + CHUNK)).stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining(","));
            jdbc.sql("select id from pledge where id in (" + in + ") order by id for update")
                    .query(Long.class)
                    .list();
        }
        Map<Long, Current> current = new HashMap<>();
        jdbc.sql("select id, status, cash_amount_vnd from pledge where campaign_id = ?")
                .param(campaignId)
                .query(rs -> {
                    current.put(
                            rs.getLong(1),
                            new Current(PledgeStatus.valueOf(rs.getString(2)), MoneyColumns.money(rs, 3)));
                });
        Map<Long, Map<ItemType, Integer>> pledged = quantities(
                "select l.pledge_id, l.item_type, sum(l.quantity) from pledge_line l join pledge p on p.id = l.pledge_id"
                        + " where p.campaign_id = ? group by l.pledge_id, l.item_type",
                campaignId);
        Map<Long, Map<ItemType, Integer>> received = quantities(
                "select r.pledge_id, l.item_type, sum(l.quantity) from receipt_line l join receipt r on r.id = l.receipt_id"
                        + " where r.campaign_id = ? and r.pledge_id is not null group by r.pledge_id, l.item_type",
                campaignId);
        Map<Long, Money> cash = new HashMap<>();
        jdbc.sql("select pledge_id, sum(credit_vnd) from bank_statement_line"
                        + " where campaign_id = ? and status = 'MATCHED' and pledge_id is not null group by pledge_id")
                .param(campaignId)
                .query(rs -> {
                    cash.put(rs.getLong(1), MoneyColumns.money(rs, 2));
                });
        List<BulkWriter.PledgeUpdate> all = new ArrayList<>();
        for (long id : ids) {
            Current c = current.get(id);
            if (c == null) {
                continue;
            }
            Money cashReceived = cash.getOrDefault(id, Money.ZERO);
            PledgeStatus status = PledgeStatus.of(
                    c.status(),
                    pledged.getOrDefault(id, Map.of()),
                    received.getOrDefault(id, Map.of()),
                    c.cashPledged(),
                    cashReceived);
            all.add(new BulkWriter.PledgeUpdate(id, status.name(), cashReceived));
        }
        writer.updatePledges(all);
    }

    private record Current(PledgeStatus status, Money cashPledged) {}

    private Map<Long, Map<ItemType, Integer>> quantities(String sql, long campaignId) {
        Map<Long, Map<ItemType, Integer>> out = new HashMap<>();
        jdbc.sql(sql).param(campaignId).query(rs -> {
            out.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(ItemType.class))
                    .put(ItemType.valueOf(rs.getString(2)), rs.getInt(3));
        });
        return out;
    }
}
