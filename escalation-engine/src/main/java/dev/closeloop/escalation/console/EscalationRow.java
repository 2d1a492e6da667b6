package dev.closeloop.escalation.console;

import java.util.stream.Collectors;

import dev.closeloop.escalation.Escalation;
import dev.closeloop.escalation.NotifiedContact;
import dev.closeloop.escalation.directory.Site;
import dev.closeloop.escalation.directory.Team;
import dev.closeloop.escalation.directory.TenantDirectory;

/** One escalation as a line of the live feed, in the viewer's words and time zone. */
public record EscalationRow(String id, String type, String typeLabel, String typeClass, String status,
        String statusLabel, String raisedAt, String raisedAtIso, String agent, String team, String site,
        String customer, String withWhom, String reasons) {

    static EscalationRow of(Escalation e, Viewer viewer) {
        TenantDirectory directory = viewer.directory();
        String team = e.team == null ? "" : directory.team(e.team).map(Team::name).orElse(e.team);
        String site = e.site == null ? "" : directory.site(e.site).map(Site::name).orElse(e.site);
        String withWhom = e.assigneeName != null ? e.assigneeName
                : e.recipients.stream().map(NotifiedContact::name).collect(Collectors.joining(", "));
        return new EscalationRow(e.id.toString(), e.type.name(), e.type.label(), Formats.typeClass(e.type),
                e.status.name(), Formats.words(e.status), Formats.when(e.raisedAt, viewer.zone()),
                Formats.iso(e.raisedAt), e.agentName == null ? "" : e.agentName, team, site,
                e.customerName == null ? "" : e.customerName, withWhom, String.join("; ", e.reasons));
    }
}
