package vn.cungem.inventory.connectivity;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.shared.mail.OutgoingMail;
import vn.cungem.shared.security.Responsibles;
import vn.cungem.shared.text.Bundles;

/**
 * Once a day (07:00 in Vietnam by default, {@code cungem.inventory.sim-expiry-cron}), on one node (ShedLock): the active
 * SIMs, data packages and Wi-Fi devices whose plan ends within {@link #DAYS} days, listed to the operator that supplies
 * them and to the programme managers of their unit (and of the units above it), one email per person a day, so a plan
 * is renewed before a student is cut off.
 */
@Component
public class ExpiryReminders {

    public static final int DAYS = 14;
    /** Lines in one email; a person responsible for more is told how many more there are. */
    static final int LINES = 200;

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;
    private final Responsibles accounts;
    private final OutgoingMail mail;

    ExpiryReminders(JdbcClient jdbc, Responsibles accounts, OutgoingMail mail) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mail = mail;
    }

    private record Expiring(
            String kind,
            String operator,
            String number,
            String serial,
            LocalDate expiresOn,
            long unitId,
            Long partner) {

        String line() {
            return "- " + operator + " " + (number != null ? number : serial) + " (" + kind + "): "
                    + expiresOn.getDayOfMonth() + "/" + expiresOn.getMonthValue() + "/" + expiresOn.getYear();
        }
    }

    @Scheduled(cron = "${cungem.inventory.sim-expiry-cron:0 0 7 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "inventory-sim-expiry-daily", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void daily() {
        remind(LocalDate.now(VIETNAM));
    }

    /**
     * Sends the day's reminders; answers how many people were written to. Asked again the same day, the mails' keys
     * make it send nothing twice.
     */
    @Transactional
    public int remind(LocalDate today) {
        Map<String, List<String>> due = due(today);
        due.forEach((email, lines) -> {
            String shown = String.join("\n", lines.subList(0, Math.min(LINES, lines.size()))) + "\n";
            int more = Math.max(0, lines.size() - LINES);
            String body = Bundles.vi("connectivity.expiry.mail.body", lines.size(), DAYS, shown)
                    + (more > 0 ? Bundles.vi("connectivity.expiry.mail.more", more) : "")
                    + "\n---\n\n"
                    + Bundles.en("connectivity.expiry.mail.body", lines.size(), DAYS, shown)
                    + (more > 0 ? Bundles.en("connectivity.expiry.mail.more", more) : "");
            mail.send(
                    email,
                    Bundles.vi("connectivity.expiry.mail.subject", lines.size()) + " / "
                            + Bundles.en("connectivity.expiry.mail.subject", lines.size()),
                    body,
                    "sim-expiry:" + today + ":" + email);
        });
        return due.size();
    }

    /**
     * Who is told what today: each person's email with a line per active SIM, package or device of theirs whose plan
     * ends from today to {@link #DAYS} days on, in the order the plans end.
     */
    @Transactional(readOnly = true)
    public Map<String, List<String>> due(LocalDate today) {
        List<Expiring> expiring = jdbc.sql("""
                        select c.kind, c.operator, c.phone_number, c.serial, c.expires_on, c.unit_id, c.partner_id
                          from inventory_connection c
                         where c.status = 'ACTIVATED' and c.expires_on >= ? and c.expires_on <= ?
                         order by c.expires_on, c.id""")
                .params(today, today.plusDays(DAYS))
                .query((rs, n) -> new Expiring(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getLong(6),
                        rs.getObject(7, Long.class)))
                .list();
        // each person once, with everything they answer for, in the order the plans end
        Map<String, List<Expiring>> byEmail = new TreeMap<>();
        Map<Long, List<String>> managers = new HashMap<>();
        Map<Long, List<String>> operators = new HashMap<>();
        for (Expiring e : expiring) {
            List<String> to = new ArrayList<>(managers.computeIfAbsent(e.unitId(), accounts::managerEmails));
            if (e.partner() != null) {
                to.addAll(operators.computeIfAbsent(e.partner(), accounts::partnerEmails));
            }
            to.stream()
                    .distinct()
                    .forEach(email -> byEmail.computeIfAbsent(email, k -> new ArrayList<>())
                            .add(e));
        }
        Map<String, List<String>> due = new TreeMap<>();
        byEmail.forEach((email, list) ->
                due.put(email, list.stream().map(Expiring::line).toList()));
        return due;
    }
}
