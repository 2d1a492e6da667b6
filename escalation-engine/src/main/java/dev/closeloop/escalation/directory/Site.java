package dev.closeloop.escalation.directory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.closeloop.escalation.calendar.BusinessHours;

/**
 * A contact centre location: where its clocks are, when it is open, and the days it is closed.
 *
 * @param timeZone      IANA zone, e.g. Europe/London; never an offset, so that DST is followed
 * @param businessHours weekday name (monday..sunday) → opening windows, e.g. {@code ["08:00-18:00"]};
 *                      a day that is not listed is closed
 * @param holidays      local dates on which the site is closed all day
 */
@JsonPropertyOrder({ "id", "name", "timeZone", "businessHours", "holidays" })
public record Site(String id, String name, String timeZone, Map<String, List<String>> businessHours,
        List<LocalDate> holidays) {

    public Site {
        businessHours = businessHours == null ? Map.of() : WeekHours.copy(businessHours);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    /** The compiled calendar; only for a validated site. */
    public BusinessHours hours() {
        return new BusinessHours(ZoneId.of(timeZone), WeekHours.parse(businessHours), Set.copyOf(holidays));
    }
}
