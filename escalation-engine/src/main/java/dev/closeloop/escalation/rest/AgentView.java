package dev.closeloop.escalation.rest;

/** The agent who took the call. */
public record AgentView(String id, String name, String team, String site) {
}
