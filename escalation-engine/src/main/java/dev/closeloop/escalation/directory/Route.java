package dev.closeloop.escalation.directory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where one escalation goes, level by level, fixed when it is raised: which rule matched and the
 * managers each level reaches (teams resolved to their managers as they were then). Stored with the
 * escalation, so that re-escalation follows the route that was announced.
 *
 * @param ruleId      null when no rule matched and the tenant's fallback manager was told
 * @param delivery    when its alerts may reach managers
 * @param groupWithin the rule's burst-grouping window, or null
 */
public record Route(String ruleId, SlaClock clock, Delivery delivery, Duration groupWithin, List<Level> levels) {

    /**
     * @param number            1 for the first alert
     * @param acknowledgeWithin null on the last level: nobody further to alert
     */
    public record Level(int number, List<String> managerIds, Duration acknowledgeWithin) {

        public Level {
            managerIds = List.copyOf(managerIds);
        }
    }

    public Route {
        clock = clock == null ? SlaClock.WALL_CLOCK : clock;
        delivery = delivery == null ? Delivery.AT_ONCE : delivery;
        levels = List.copyOf(levels);
    }

    public Optional<Level> level(int number) {
        return levels.stream().filter(level -> level.number() == number).findFirst();
    }

    /** The level alerted when this one's acknowledge-within time passes, if there is one. */
    public Optional<Level> after(Level level) {
        return level.acknowledgeWithin() == null ? Optional.empty() : level(level.number() + 1);
    }

    public boolean matchedNoRule() {
        return ruleId == null;
    }
}
