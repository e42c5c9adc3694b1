package vn.cungem.donation.cash;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.PledgeProgress;
import vn.cungem.donation.PledgeStatus;

/**
 * {@link PledgeProgress#recompute} for many pledges at once: a statement of 100,000 lines touches tens of thousands of
 * pledges, and five queries per pledge would take minutes. Same rule ({@link PledgeStatus#of}), same sources
 * (pledge lines, receipts, matched bank lines), read a thousand pledges per query.
 */
@Component
class PledgeCashProgress {

    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    PledgeCashProgress(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void recompute(Collection<Long> pledgeIds) {
        List<Long> ids = pledgeIds.stream().distinct().sorted().toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            recomputeChunk(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
    }

    private record Current(PledgeStatus status, long cashPledged) {}

    private void recomputeChunk(List<Long> ids) {
        // Ids come from the database as numbers, never from input, so they are inlined.
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<Long, Current> current = new HashMap<>();
        jdbc.sql("select id, status, cash_amount_vnd from pledge where id in (" + in + ") order by id for update")
                .query(rs -> {
                    current.put(rs.getLong(1), new Current(PledgeStatus.valueOf(rs.getString(2)), rs.getLong(3)));
                });
        Map<Long, Map<ItemType, Integer>> pledged =
                quantities("select pledge_id, item_type, sum(quantity) from pledge_line where pledge_id in (" + in
                        + ") group by pledge_id, item_type");
        Map<Long, Map<ItemType, Integer>> received = quantities(
                "select r.pledge_id, l.item_type, sum(l.quantity) from receipt_line l join receipt r on r.id = l.receipt_id"
                        + " where r.pledge_id in (" + in + ") group by r.pledge_id, l.item_type");
        Map<Long, Long> cash = new HashMap<>();
        jdbc.sql(
                        "select pledge_id, sum(credit_vnd) from bank_statement_line where status = 'MATCHED' and pledge_id in ("
                                + in + ") group by pledge_id")
                .query(rs -> {
                    cash.put(rs.getLong(1), rs.getLong(2));
                });
        List<Object[]> updates = new ArrayList<>();
        for (var e : current.entrySet()) {
            long id = e.getKey();
            long cashReceived = cash.getOrDefault(id, 0L);
            PledgeStatus status = PledgeStatus.of(
                    e.getValue().status(),
                    pledged.getOrDefault(id, Map.of()),
                    received.getOrDefault(id, Map.of()),
                    e.getValue().cashPledged(),
                    cashReceived);
            updates.add(new Object[] {status.name(), cashReceived, id});
        }
        batch.batchUpdate(
                "update pledge set status = ?, cash_received_vnd = ?, updated_at = current_timestamp,"
                        + " version = version + 1 where id = ?",
                updates,
                new int[] {Types.VARCHAR, Types.BIGINT, Types.BIGINT});
    }

    private Map<Long, Map<ItemType, Integer>> quantities(String sql) {
        Map<Long, Map<ItemType, Integer>> out = new HashMap<>();
        jdbc.sql(sql).query(rs -> {
            out.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(ItemType.class))
                    .put(ItemType.valueOf(rs.getString(2)), rs.getInt(3));
        });
        return out;
    }
}
