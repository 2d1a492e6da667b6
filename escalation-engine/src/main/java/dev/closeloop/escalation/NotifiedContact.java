package dev.closeloop.escalation;

/** Someone told about an escalation, as stored with it: who was alerted, whatever the directory says later. */
public record NotifiedContact(String managerId, String name, String email, String timeZone) {
}
