package vn.cungem.shared.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import org.springframework.stereotype.Component;
import vn.cungem.shared.Money;
import vn.cungem.shared.text.Formats;

/** Formatting helpers for templates: {@code ${@views.date(d)}}, {@code ${@views.vnd(amount)}}. */
@Component("views")
public class Views {

    public String date(TemporalAccessor value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OffsetDateTime odt) {
            return Formats.DATE_TIME.format(odt.atZoneSameInstant(Formats.VIETNAM));
        }
        if (value instanceof java.time.Instant instant) {
            return Formats.DATE_TIME.format(instant.atZone(Formats.VIETNAM));
        }
        if (value instanceof LocalDate) {
            return Formats.DATE.format(value);
        }
        return Formats.DATE_TIME.format(value);
    }

    public String vnd(Money amount) {
        return amount == null ? "" : amount.toString();
    }

    public String number(Long value) {
        return value == null ? "" : Formats.groupThousands(value);
    }
}
