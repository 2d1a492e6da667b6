package dev.closeloop.escalation.actions;

import java.time.Instant;
import java.util.UUID;

/**
 * What an action link lets its holder do, as signed into its token: one action on one escalation of
 * one tenant, for one recipient, until it expires.
 *
 * @param managerId directory id of the recipient the link was made for
 * @param email     that recipient's email: the actor recorded when the link is used
 */
public record ActionLink(String tenant, UUID escalationId, String managerId, String email, Action action,
        Instant expiresAt) {

    /** The actions a link can carry; the name is signed into the token. */
    public enum Action {
        ACKNOWLEDGE
    }
}
