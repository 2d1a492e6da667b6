package dev.closeloop.escalation.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.closeloop.events.EscalationType;

/** How the console writes times, durations and types: one way on every page. */
final class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm:ss", Locale.UK);

    private Formats() {
    }

    /** In the viewer's zone, e.g. "Fri 4 Dec, 18:40:05"; empty for no time. */
    static String when(Instant at, ZoneId zone) {
        return at == null ? "" : WHEN.format(at.atZone(zone));
    }

    /** A machine-readable instant for {@code <time datetime>}; empty for no time. */
    static String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** Business time as people say it: "45 s", "12 min", "3 h 20 min", "2 d 4 h"; "–" for none. */
    static String duration(Duration d) {
        if (d == null) {
            return "–";
        }
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }

    /** A share as a whole percentage, "–" when there is nothing to share. */
    static String percent(Double share) {
        return share == null ? "–" : Math.round(share * 100) + " %";
    }

    /** The CSS class of a type: negative ones read red, positive ones green. */
    static String typeClass(EscalationType type) {
        return "t-" + type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** "CUSTOMER_CONTACTED" → "Customer contacted". */
    static String words(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String lower = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
