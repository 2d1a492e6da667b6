package dev.closeloop.notification.service;

import dev.closeloop.events.AlertReady;
import dev.closeloop.notification.repository.ClaimedDelivery;

/**
 * A claimed delivery with the alert it carries.
 *
 * @param alert null when the stored alert could not even be read (the delivery can then only fail)
 */
record Outgoing(ClaimedDelivery claimed, AlertReady alert) {
}
