package vn.cungem.volunteer.work;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import vn.cungem.identity.VolunteerTeams;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.pdf.HtmlToPdf;
import vn.cungem.shared.security.Caller;

/**
 * Certificates of volunteering (issue 13): one per volunteer and campaign, with the devices processed and the hours,
 * the team, its unit and the campaign. The figures are frozen when printed, under a code; the QR on the paper opens
 * the public check at {@code cungem.base-url}, which shows what the paper should say. Printing again while the figures
 * are unchanged gives the same code.
 */
@Service
public class Certificates {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Issued(
            String code,
            String volunteerName,
            String teamName,
            String unitName,
            String campaignName,
            int items,
            int minutes,
            OffsetDateTime issuedAt) {
        public String hours() {
            return HoursInput.hoursText(minutes);
        }

        public String issuedOn() {
            return issuedAt.atZoneSameInstant(Hours.VIETNAM).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        }
    }

    private final JdbcClient jdbc;
    private final VolunteerRecord record;
    private final VolunteerTeams teams;
    private final TemplateEngine templates;
    private final String baseUrl;

    Certificates(
            JdbcClient jdbc,
            VolunteerRecord record,
            VolunteerTeams teams,
            TemplateEngine templates,
            @Value("${cungem.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.record = record;
        this.teams = teams;
        this.templates = templates;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The certificate for the member's work in a campaign, issued now unless one with the same figures exists. */
    @Transactional
    public Issued issue(long teamId, long accountId, long campaignId, Caller reader) {
        VolunteerRecord.Summary summary = record.of(teamId, accountId, reader);
        VolunteerRecord.Line line = summary.lines().stream()
                .filter(l -> l.campaignId() == campaignId)
                .findFirst()
                .orElseThrow(() -> InvalidValueException.of("volunteer.no-work", "volunteer.certificate.error.none"));
        Optional<Issued> same = latest(accountId, campaignId)
                .filter(i -> i.items() == line.items()
                        && i.minutes() == line.minutes()
                        && i.teamName().equals(summary.team().name()));
        if (same.isPresent()) {
            return same.get();
        }
        String code = newCode();
        jdbc.sql("""
                        insert into volunteer_certificate (code, account_id, team_id, campaign_id, volunteer_name,
                                                           team_name, unit_name, campaign_name, items_processed,
                                                           minutes, issued_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        code,
                        accountId,
                        teamId,
                        campaignId,
                        summary.member().fullName(),
                        summary.team().name(),
                        summary.team().unitName(),
                        line.campaignName(),
                        (int) line.items(),
                        (int) line.minutes(),
                        OffsetDateTime.now())
                .update();
        return byCode(code).orElseThrow();
    }

    public byte[] pdf(Issued issued, Locale locale) {
        String url = verifyUrl(issued.code());
        Map<String, Object> vars = new HashMap<>();
        vars.put("c", issued);
        vars.put("url", url);
        vars.put("qr", HtmlToPdf.qrDataUri(url, com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M));
        return HtmlToPdf.render(templates.process("volunteer/certificate-pdf", new Context(locale, vars)));
    }

    /** The public check of a printed certificate. */
    @Transactional(readOnly = true)
    public Optional<Issued> byCode(String code) {
        if (code == null || !code.matches("[0-9A-Za-z]{1,16}")) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select code, volunteer_name, team_name, unit_name, campaign_name, items_processed, minutes,
                               issued_at from volunteer_certificate where code = ?""")
                .param(code.toUpperCase(Locale.ROOT))
                .query((rs, n) -> new Issued(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getObject(8, OffsetDateTime.class)))
                .optional();
    }

    String verifyUrl(String code) {
        return baseUrl + "/public/volunteer-certificates/" + code;
    }

    private Optional<Issued> latest(long accountId, long campaignId) {
        return jdbc.sql("""
                        select code from volunteer_certificate where account_id = ? and campaign_id = ?
                         order by id desc fetch first 1 rows only""")
                .params(accountId, campaignId)
                .query(String.class)
                .optional()
                .flatMap(this::byCode);
    }

    private static String newCode() {
        char[] c = new char[10];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }
}
