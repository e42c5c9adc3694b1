package vn.cungem.student.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.integrity.IntegrityCheck;
import vn.cungem.shared.integrity.IntegrityFinding;
import vn.cungem.student.internal.Tallies.Key;

/**
 * The daily run's check of the kept counts (V240): every campaign's {@code student_tally} recounted from its students
 * and compared. A hand fix in psql, a restore of one table without the other or a writer that bypassed
 * {@link StudentTallies#around} leaves them apart, and the roll-up then shows wrong numbers to every manager. A
 * finding names the campaign, the place and the counter (never a child); {@link StudentTallies#recount} mends them.
 * Reads the whole of each campaign, which is why it runs at night and never on a page.
 */
@Component
class TallyIntegrityCheck implements IntegrityCheck {

    private final JdbcClient jdbc;
    private final StudentTallies tallies;
    private final Campaigns campaigns;

    TallyIntegrityCheck(JdbcClient jdbc, StudentTallies tallies, Campaigns campaigns) {
        this.jdbc = jdbc;
        this.tallies = tallies;
        this.campaigns = campaigns;
    }

    @Override
    public String code() {
        return "student.tallies";
    }

    @Override
    public Outcome run() {
        List<IntegrityFinding> found = new ArrayList<>();
        // newest campaigns first, so the sample a run keeps shows the ones being worked on
        List<Long> ids = jdbc.sql("""
                        select campaign_id from student_tally
                        union select distinct campaign_id from student
                        order by 1 desc""").query(Long.class).list();
        for (long campaignId : ids) {
            Map<Key, Long> differences = tallies.differences(campaignId);
            if (differences.isEmpty()) {
                continue;
            }
            Map<Key, Long> stored = tallies.stored(campaignId);
            String code = campaigns.find(campaignId).map(Campaign::code).orElse("#" + campaignId);
            differences.forEach((key, delta) -> {
                long kept = stored.getOrDefault(key, 0L);
                found.add(IntegrityFinding.of(
                        key.placeKind().equals("UNIT")
                                ? "integrity.student.unit-tally-differs"
                                : "integrity.student.school-tally-differs",
                        code,
                        key.placeId(),
                        key.status(),
                        key.schoolLevel(),
                        key.category(),
                        kept,
                        kept + delta));
            });
        }
        return Outcome.of(found);
    }
}
