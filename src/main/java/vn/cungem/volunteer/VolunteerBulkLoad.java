package vn.cungem.volunteer;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.shared.security.Callers;

/**
 * Hours loaded by the platform itself (the demo seeder), in the caller's transaction, the way identity's
 * {@code AccountBulkLoad} loads accounts: only work running as the system may call it; people log hours through
 * {@link vn.cungem.volunteer.work.Hours}.
 */
@Service
public class VolunteerBulkLoad {

    /** A day's work of a technician in their team for a campaign. */
    public record ShiftLine(
            long accountId, long teamId, long campaignId, LocalDate workedOn, int minutes, String note) {}

    private final JdbcTemplate jdbc;

    /** Public so that the demo's tests can load a database of their own without a Spring context. */
    public VolunteerBulkLoad(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void logShifts(List<ShiftLine> shifts) {
        if (!Callers.current().isAdmin()) {
            throw new AccessDeniedException("bulk loads run as the system");
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate(
                """
                insert into volunteer_shift (account_id, team_id, campaign_id, worked_on, minutes, note,
                                             idempotency_key, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                shifts.stream()
                        .map(s -> new Object[] {
                            s.accountId(),
                            s.teamId(),
                            s.campaignId(),
                            s.workedOn(),
                            s.minutes(),
                            s.note(),
                            "demo-" + UUID.randomUUID(),
                            now
                        })
                        .toList());
    }
}
