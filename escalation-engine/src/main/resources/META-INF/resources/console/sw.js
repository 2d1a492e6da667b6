// Closeloop console service worker: shows browser push alerts from the notification-service and answers their
// buttons. "Open" (or a click on the alert) opens the escalation in the console; "Acknowledge" posts the alert's
// one-tap acknowledge link (the link itself is the credential, as in the alert email), then opens the escalation.
'use strict';

self.addEventListener('install', function () {
  self.skipWaiting();
});

self.addEventListener('activate', function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('push', function (event) {
  var alert = {};
  try {
    alert = event.data ? event.data.json() : {};
  } catch (e) {
    alert = { title: 'Closeloop', body: event.data ? event.data.text() : '' };
  }
  var actions = [{ action: 'open', title: 'Open' }];
  if (alert.acknowledgeUrl) {
    actions.push({ action: 'acknowledge', title: 'Acknowledge' });
  }
  var negative = alert.type === 'NEGATIVE_FEEDBACK' || alert.type === 'POOR_SCORE';
  event.waitUntil(self.registration.showNotification(alert.title || 'Closeloop', {
    body: alert.body || '',
    tag: alert.surveyId || undefined, // a newer alert about the same survey replaces the older one
    renotify: true,
    requireInteraction: negative, // stays until the manager acts on it
    data: alert,
    actions: actions
  }));
});

function escalationPage(alert) {
  var ids = alert.escalationIds || [];
  return ids.length ? '/console/escalations/' + encodeURIComponent(ids[0]) : '/console';
}

function openOrFocus(url) {
  return self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if (new URL(windows[i].url).pathname === url && 'focus' in windows[i]) {
        return windows[i].focus();
      }
    }
    return self.clients.openWindow(url);
  });
}

self.addEventListener('notificationclick', function (event) {
  var alert = event.notification.data || {};
  event.notification.close();
  var page = escalationPage(alert);
  if (event.action === 'acknowledge' && alert.acknowledgeUrl) {
    event.waitUntil(fetch(alert.acknowledgeUrl, { method: 'POST', credentials: 'omit', redirect: 'manual' })
      .catch(function () { /* the page shows where it stands */ })
      .then(function () { return openOrFocus(page); }));
    return;
  }
  event.waitUntil(openOrFocus(page));
});
