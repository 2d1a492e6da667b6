/**
 * Business time: when a site or a manager is open, and deadlines counted in open time only.
 *
 * <p>Pure java.time, no framework and no clock: callers pass the instants, so SLA timers and quiet hours
 * can be tested with fixed dates, including the daylight-saving change days.
 */
package dev.closeloop.escalation.calendar;
