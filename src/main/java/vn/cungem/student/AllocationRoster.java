package vn.cungem.student;

import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.security.Caller;

/**
 * The approved students of a campaign as the allocation engine needs them, streamed row by row: a national campaign has
 * a million of them, and a list of {@link EligibleStudent} records plus the engine's own copy would double the heap.
 * Nothing personal leaves the module: the household is a number (the guardian's phone read as digits), so siblings can
 * share a device without allocation ever seeing a phone number.
 */
@Service
public class AllocationRoster {

    /**
     * One approved student. {@code hasInternet}: the home is online (home internet or mobile data) and the school did
     * not ask for a SIM or Wi-Fi device; a home whose connection is unknown counts as offline, so the student is not
     * left without one by mistake. {@code householdKey}: 0 when no guardian phone is known.
     */
    public record Entry(
            long id,
            long schoolId,
            long unitId,
            int grade,
            int priority,
            boolean needsDevice,
            boolean hasInternet,
            long householdKey) {}

    private final JdbcTemplate jdbc;
    private final UnitScopes scopes;

    AllocationRoster(JdbcTemplate jdbc, UnitScopes scopes) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(10_000);
        this.scopes = scopes;
    }

    /** Every approved student of the campaign in the caller's units, in id order. */
    @Transactional(readOnly = true)
    public void forEachApproved(long campaignId, Caller caller, Consumer<Entry> sink) {
        jdbc.query(
                "select s.id, s.school_id, s.unit_id, s.grade, s.priority_score, s.needs_device, s.connectivity,"
                        + " s.needs_sim, s.needs_wifi, s.guardian_phone from student s"
                        + " where s.campaign_id = ? and s.status = 'APPROVED' and "
                        + scopes.unitFilter(caller, "s.unit_id") + " order by s.id",
                rs -> {
                    String connectivity = rs.getString(7);
                    boolean online = ("HOME_INTERNET".equals(connectivity) || "MOBILE_DATA".equals(connectivity))
                            && !rs.getBoolean(8)
                            && !rs.getBoolean(9);
                    sink.accept(new Entry(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getInt(4),
                            rs.getInt(5),
                            rs.getBoolean(6),
                            online,
                            household(rs.getString(10))));
                },
                campaignId);
    }

    /** The digits of a phone number as one number: the same guardian, the same household. */
    static long household(String phone) {
        if (phone == null) {
            return 0;
        }
        long key = 0;
        int digits = 0;
        for (int i = 0; i < phone.length() && digits < 18; i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                key = key * 10 + (c - '0');
                digits++;
            }
        }
        // a leading 1 keeps "09…" and "9…" apart and never yields 0 for a real number
        return digits < 8 ? 0 : key + (long) Math.pow(10, digits);
    }
}
