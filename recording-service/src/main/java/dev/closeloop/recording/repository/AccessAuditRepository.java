package dev.closeloop.recording.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.recording.AccessAudit;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AccessAuditRepository implements PanacheRepositoryBase<AccessAudit, UUID> {
}
