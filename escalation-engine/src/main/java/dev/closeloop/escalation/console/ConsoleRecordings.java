package dev.closeloop.escalation.console;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.escalation.Escalation;
import dev.closeloop.escalation.directory.Manager;
import dev.closeloop.escalation.recordings.RecordingLinks;
import dev.closeloop.escalation.recordings.RecordingViewer;
import dev.closeloop.escalation.repository.JsonColumns;
import dev.closeloop.events.Survey;
import io.smallrye.mutiny.Uni;

/**
 * The escalation page's player: a recording link minted for the viewer by the recording-service, so that playing
 * it lands on the timeline under their name, like a link from an alert email.
 */
@ApplicationScoped
public class ConsoleRecordings {

    static final String NO_RECORDING = "This call has no recording.";
    static final String UNREACHABLE = "The recording cannot be reached right now; reload the page in a moment.";

    private final RecordingLinks links;

    public ConsoleRecordings(RecordingLinks links) {
        this.links = links;
    }

    Uni<EscalationSheet.Recording> forViewer(Escalation escalation, Viewer viewer) {
        Survey survey = JsonColumns.survey(escalation.survey);
        String recordingId = survey.call() == null ? null : survey.call().recordingId();
        if (recordingId == null || recordingId.isBlank()) {
            return Uni.createFrom().item(EscalationSheet.Recording.none(NO_RECORDING));
        }
        RecordingViewer who = new RecordingViewer(viewer.caller().username(), viewer.name(),
                viewer.manager().map(Manager::id).orElse(null), viewer.zone().getId());
        return links.linkFor(viewer.tenant(), recordingId, escalation.surveyId, List.of(escalation.id.toString()), who)
                .map(link -> link.map(l -> new EscalationSheet.Recording(l.audioUrl(), l.pageUrl(),
                        Formats.when(l.expiresAt(), viewer.zone()), null))
                        .orElseGet(() -> EscalationSheet.Recording.none(UNREACHABLE)));
    }
}
