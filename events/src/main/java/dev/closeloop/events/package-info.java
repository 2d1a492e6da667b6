/**
 * The messages that cross service boundaries, as plain records. Messages are "fat": each carries
 * what the next service needs, so no service calls back to ask. Fields may be added; renaming or
 * removing one is a breaking change for consumers still running the old version.
 */
package dev.closeloop.events;
