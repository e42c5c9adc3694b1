package vn.cungem.student.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.integrity.IntegrityCheck;
import vn.cungem.shared.integrity.IntegrityFinding;

/**
 * The daily run's check of the kept counts (V240): every campaign's {@code student_tally} recounted from its students
 * and compared. A hand fix in psql, a restore of one table without the other or a writer that bypassed
 * {@link StudentTallies#around} leaves them apart, and the roll-up then shows wrong numbers to every manager. A
 * finding names the campaign, the place and the counter (never a child); {@link StudentTallies#recount} mends them.
 * Reads the whole of each campaign, one province at a time ({@link TallyComparison}), which is why it runs at night
 * and never on a page. The kept counts of schools that have sent their list (V300) are checked with them.
 */
@Component
class TallyIntegrityCheck implements IntegrityCheck {

    private final JdbcClient jdbc;
    private final TallyComparison comparison;
    private final Campaigns campaigns;

    TallyIntegrityCheck(JdbcClient jdbc, TallyComparison comparison, Campaigns campaigns) {
        this.jdbc = jdbc;
        this.comparison = comparison;
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
            String code = campaigns.find(campaignId).map(Campaign::code).orElse("#" + campaignId);
            comparison.compare(
                    campaignId,
                    (key, keptAndCounted) -> found.add(IntegrityFinding.of(
                            switch (key.placeKind()) {
                                case "UNIT" -> "integrity.student.unit-tally-differs";
                                case "SCHOOL" -> "integrity.student.school-tally-differs";
                                default -> "integrity.student.proposing-schools-differ";
                            },
                            code,
                            key.placeId(),
                            key.status(),
                            key.schoolLevel(),
                            key.category(),
                            keptAndCounted[0],
                            keptAndCounted[1])));
        }
        return Outcome.of(found);
    }
}
