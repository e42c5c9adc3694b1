package vn.cungem.donation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaign;

/** Reads what the go-live checklist needs from the donation module's own tables, for one campaign or many at once. */
@Component
class GoLiveChecks {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;

    GoLiveChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    GoLiveChecklist of(Campaign campaign) {
        return checklists(List.of(campaign)).get(0);
    }

    /** Two queries whatever the number of campaigns: the public page lists up to 200 of them. */
    List<GoLiveChecklist> checklists(List<Campaign> campaigns) {
        if (campaigns.isEmpty()) {
            return List.of();
        }
        List<Long> ids = campaigns.stream().map(Campaign::id).toList();
        Set<Long> withPoint = ids(
                "select distinct campaign_id from collection_point where active = true and campaign_id in (:ids)", ids);
        Set<Long> withAccount = ids("select campaign_id from campaign_bank_account where campaign_id in (:ids)", ids);
        LocalDate today = LocalDate.now(VIETNAM);
        return campaigns.stream()
                .map(c -> GoLiveChecklist.of(c, withPoint.contains(c.id()), withAccount.contains(c.id()), today))
                .toList();
    }

    private Set<Long> ids(String sql, List<Long> ids) {
        return new HashSet<>(jdbc.sql(sql).param("ids", ids).query(Long.class).list());
    }
}
