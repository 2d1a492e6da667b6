package dev.closeloop.escalation.directory;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.closeloop.escalation.calendar.BusinessHours;
import dev.closeloop.escalation.calendar.TimeWindow;

/**
 * Someone alerts go to: a team manager, a head of CX, a sales contact.
 *
 * @param id           unique within the tenant; rules and teams name managers by it
 * @param locale       BCP 47 tag for the language and formats of what they are sent, e.g. en-GB
 * @param timeZone     IANA zone in which they read times and keep their working hours
 * @param site         the site whose business hours count for their acknowledge deadlines; when
 *                     absent, the site of the first team they manage
 * @param channels     how they are alerted: EMAIL, PUSH
 * @param workingHours weekday name → windows in their own zone; when they may be sent alerts that
 *                     can wait (positive escalations); Monday to Friday 09:00-17:00 when absent
 */
@JsonPropertyOrder({ "id", "name", "email", "locale", "timeZone", "site", "channels", "workingHours" })
public record Manager(String id, String name, String email, String locale, String timeZone, String site,
        List<String> channels, Map<String, List<String>> workingHours) {

    public static final List<String> CHANNELS = List.of("EMAIL", "PUSH");
    static final TimeWindow DEFAULT_WORKING_DAY = TimeWindow.parse("09:00-17:00");

    public Manager {
        channels = channels == null || channels.isEmpty() ? List.of("EMAIL") : List.copyOf(channels);
        workingHours = workingHours == null ? Map.of() : WeekHours.copy(workingHours);
    }

    /**
     * When an alert that can wait, raised at {@code at}, may reach them: empty when they are at work (at once),
     * else the start of their next working hours.
     */
    public Optional<Instant> heldUntil(Instant at) {
        return hours().nextOpening(at).filter(opening -> opening.isAfter(at));
    }

    /** Their working hours as a calendar; only for a validated manager. */
    public BusinessHours hours() {
        ZoneId zone = ZoneId.of(timeZone);
        if (workingHours.isEmpty()) {
            return BusinessHours.weekdays(zone, DEFAULT_WORKING_DAY);
        }
        return new BusinessHours(zone, WeekHours.parse(workingHours), Set.of());
    }
}
