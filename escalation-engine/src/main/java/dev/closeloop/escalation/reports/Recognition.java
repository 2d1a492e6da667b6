package dev.closeloop.escalation.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.closeloop.escalation.Outcome;
import dev.closeloop.events.EscalationType;

/**
 * The recognition wall: who earned praise (all 5's) and won leads in a period, by team and by agent, most
 * first. What staff are shown to motivate them, from the same escalations as the reports.
 */
public record Recognition(Instant from, Instant to, List<Entry> byTeam, List<Entry> byAgent) {

    /**
     * @param key      the team id or agent id
     * @param team     the team (for an agent: the team of their latest praise)
     * @param allFives surveys where every rated question scored 5
     * @param leadsWon leads resolved as won
     */
    public record Entry(String key, String name, String team, int allFives, int leadsWon) {

        int total() {
            return allFives + leadsWon;
        }
    }

    public static Recognition of(List<EscalationFacts> escalations, Instant from, Instant to) {
        Map<String, Entry> teams = new LinkedHashMap<>();
        Map<String, Entry> agents = new LinkedHashMap<>();
        for (EscalationFacts e : escalations) {
            boolean praise = e.type() == EscalationType.ALL_FIVES;
            boolean won = e.type() == EscalationType.LEAD && e.outcome() == Outcome.LEAD_WON;
            if (!praise && !won) {
                continue;
            }
            String team = Reports.orNone(e.team());
            String agent = Reports.orNone(e.agentId());
            teams.merge(team, new Entry(team, team, team, praise ? 1 : 0, won ? 1 : 0), Recognition::add);
            agents.merge(agent, new Entry(agent, e.agentName() == null ? agent : e.agentName(), team,
                    praise ? 1 : 0, won ? 1 : 0), Recognition::add);
        }
        return new Recognition(from, to, ranked(teams), ranked(agents));
    }

    private static Entry add(Entry earlier, Entry later) {
        return new Entry(earlier.key(), later.name(), later.team(), earlier.allFives() + later.allFives(),
                earlier.leadsWon() + later.leadsWon());
    }

    private static List<Entry> ranked(Map<String, Entry> entries) {
        List<Entry> ranked = new ArrayList<>(entries.values());
        ranked.sort(Comparator.comparingInt(Entry::total).reversed().thenComparing(Entry::name));
        return List.copyOf(ranked);
    }
}
