/**
 * The manager console: server-rendered pages (Qute) behind a login form, kept live by server-sent events.
 * <p>
 * Pages render on the server and a small script swaps in freshly rendered fragments when the feed says something
 * changed, so one template decides how an escalation looks whether the page was loaded or updated. Changes are
 * plain HTML form posts carrying a CSRF token and the version the manager saw; the lifecycle service decides, as
 * it does for the API.
 */
package dev.closeloop.escalation.console;
