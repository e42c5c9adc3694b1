package vn.cungem.donation;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.ItemType;
import vn.cungem.shared.Money;
import vn.cungem.shared.jdbc.MoneyColumns;

/**
 * Recomputes a pledge's status and cash received from the receipts and matched bank lines that refer to it. Called by
 * whatever records an arrival (a receipt, a reconciled transfer) inside its own transaction.
 */
@Service
public class PledgeProgress {

    private final JdbcClient jdbc;

    PledgeProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public PledgeStatus recompute(long pledgeId) {
        var pledge = jdbc.sql("select status, cash_amount_vnd from pledge where id = ? for update")
                .param(pledgeId)
                .query((rs, n) -> new Object[] {rs.getString(1), MoneyColumns.nullableMoney(rs, "cash_amount_vnd")})
                .single();
        Map<ItemType, Integer> pledged = quantities(
                "select item_type, sum(quantity) from pledge_line where pledge_id = ? group by item_type", pledgeId);
        Map<ItemType, Integer> received = quantities("""
                select l.item_type, sum(l.quantity) from receipt_line l join receipt r on r.id = l.receipt_id
                 where r.pledge_id = ? group by l.item_type""", pledgeId);
        Money cashReceived = jdbc.sql(
                        "select coalesce(sum(credit_vnd), 0) from bank_statement_line where pledge_id = ? and status = 'MATCHED'")
                .param(pledgeId)
                .query((rs, n) -> MoneyColumns.money(rs, 1))
                .single();
        Money cashPledged = pledge[1] == null ? Money.ZERO : (Money) pledge[1];
        PledgeStatus status =
                PledgeStatus.of(PledgeStatus.valueOf((String) pledge[0]), pledged, received, cashPledged, cashReceived);
        jdbc.sql(
                        "update pledge set status = ?, cash_received_vnd = ?, updated_at = current_timestamp, version = version + 1"
                                + " where id = ?")
                .params(status.name(), cashReceived.vnd(), pledgeId)
                .update();
        return status;
    }

    private Map<ItemType, Integer> quantities(String sql, long pledgeId) {
        Map<ItemType, Integer> out = new EnumMap<>(ItemType.class);
        jdbc.sql(sql)
                .param(pledgeId)
                .query((rs, n) -> {
                    out.put(ItemType.valueOf(rs.getString(1)), rs.getInt(2));
                    return null;
                })
                .list();
        return out;
    }
}
