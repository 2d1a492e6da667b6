package dev.closeloop.recording.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.recording.RecordingLink;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RecordingLinkRepository implements PanacheRepositoryBase<RecordingLink, UUID> {

    public Uni<RecordingLink> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }
}
