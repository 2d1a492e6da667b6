package dev.closeloop.escalation.console;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.escalation.Escalation;
import io.smallrye.mutiny.Uni;

/** The escalation page's player: a recording link minted for the viewer. */
@ApplicationScoped
public class ConsoleRecordings {

    Uni<EscalationSheet.Recording> forViewer(Escalation escalation, Viewer viewer) {
        return Uni.createFrom().item(EscalationSheet.Recording.none("The recording cannot be reached right now."));
    }
}
