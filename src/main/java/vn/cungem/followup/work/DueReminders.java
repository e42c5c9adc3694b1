package vn.cungem.followup.work;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.shared.mail.OutgoingMail;
import vn.cungem.shared.security.Responsibles;
import vn.cungem.shared.text.Bundles;

/**
 * Once a day (07:30 in Vietnam by default, {@code cungem.followup.due-reminder-cron}), on one node (ShedLock): the
 * checks that have fallen due and were never reminded are listed to the officers of their school, one mail per officer,
 * and each check is marked reminded in the same transaction, so a check is written about once, however often the job
 * runs. A school without an officer keeps its checks unreminded until it has one. The mail names the device's tag and
 * the date, never the child: a mail leaves the system's scope rules behind.
 */
@Component
public class DueReminders {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Lines in one mail; an officer with more is told how many more are on the page. */
    static final int LINES = 200;

    private final JdbcClient jdbc;
    private final Responsibles accounts;
    private final OutgoingMail mail;
    private final String baseUrl;

    DueReminders(
            JdbcClient jdbc,
            Responsibles accounts,
            OutgoingMail mail,
            @Value("${cungem.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mail = mail;
        this.baseUrl = baseUrl;
    }

    private record Due(long checkId, long schoolId, String tag, LocalDate dueOn, int afterDays) {}

    @Scheduled(cron = "${cungem.followup.due-reminder-cron:0 30 7 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "followup-due-reminders-daily", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void daily() {
        remind(LocalDate.now(VIETNAM));
    }

    /** Sends the reminders due on {@code today}; answers how many checks were reminded. */
    @Transactional
    public int remind(LocalDate today) {
        List<Due> due = jdbc.sql("""
                        select c.id, h.school_id, h.tag, c.due_on, c.after_days
                          from followup_check c join followup_handover h on h.id = c.followup_handover_id
                         where c.status = 'DUE' and c.due_on <= ? and c.reminded_at is null and h.returned = false
                         order by h.school_id, c.due_on, c.id""")
                .param(today)
                .query((rs, n) -> new Due(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getInt(5)))
                .list();
        Map<Long, List<Due>> bySchool = new LinkedHashMap<>();
        due.forEach(d ->
                bySchool.computeIfAbsent(d.schoolId(), k -> new ArrayList<>()).add(d));
        Map<String, List<Due>> byOfficer = new TreeMap<>();
        OffsetDateTime now = OffsetDateTime.now();
        int reminded = 0;
        for (var school : bySchool.entrySet()) {
            List<String> officers = accounts.schoolOfficerEmails(school.getKey());
            if (officers.isEmpty()) {
                continue;
            }
            List<Due> claimed = new ArrayList<>();
            for (Due d : school.getValue()) {
                // the conditional update claims the check: a second run (or a node the lock missed) finds it taken
                if (jdbc.sql("update followup_check set reminded_at = ? where id = ? and reminded_at is null")
                                .params(now, d.checkId())
                                .update()
                        == 1) {
                    claimed.add(d);
                }
            }
            reminded += claimed.size();
            officers.forEach(
                    o -> byOfficer.computeIfAbsent(o, k -> new ArrayList<>()).addAll(claimed));
        }
        byOfficer.forEach((email, checks) -> {
            if (checks.isEmpty()) {
                return;
            }
            mail.send(
                    email,
                    Bundles.vi("followup.reminder.subject", checks.size()) + " / "
                            + Bundles.en("followup.reminder.subject", checks.size()),
                    body("vi", checks) + "\n---\n\n" + body("en", checks),
                    "followup-due:" + checks.get(0).checkId() + ":" + checks.size() + ":" + email);
        });
        return reminded;
    }

    private String body(String language, List<Due> checks) {
        StringBuilder lines = new StringBuilder();
        for (Due d : checks.subList(0, Math.min(LINES, checks.size()))) {
            lines.append(message(language, "followup.reminder.line", d.tag(), d.afterDays(), date(d.dueOn())))
                    .append('\n');
        }
        int more = Math.max(0, checks.size() - LINES);
        return message(
                        language,
                        "followup.reminder.body",
                        checks.size(),
                        lines.toString(),
                        baseUrl + "/followup/checks")
                + (more > 0 ? message(language, "followup.reminder.more", more) : "");
    }

    private static String message(String language, String key, Object... args) {
        return "vi".equals(language) ? Bundles.vi(key, args) : Bundles.en(key, args);
    }

    private static String date(LocalDate d) {
        return "%02d/%02d/%d".formatted(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }
}
