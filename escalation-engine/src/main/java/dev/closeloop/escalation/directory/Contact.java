package dev.closeloop.escalation.directory;

/**
 * A person alerts can go to: a team manager, a sales contact or a tenant's fallback contact.
 *
 * @param id       unique within the tenant; the same id always names the same person
 * @param timeZone IANA zone, so alerts show times as the person reads them
 */
public record Contact(String id, String name, String email, String timeZone) {
}
