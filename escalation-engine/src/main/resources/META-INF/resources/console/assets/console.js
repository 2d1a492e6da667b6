// Closeloop console: keeps the page live. The server renders everything; this script only listens to the
// tenant's feed (server-sent events) and, when something changed, fetches the page's [data-live-src] fragments
// again and swaps them in. Nothing is replayed after a reconnect, so a reconnect refreshes everything too.
(function () {
  'use strict';

  var indicator = document.getElementById('live');
  var sheet = document.getElementById('escalation');
  var watchedId = sheet ? sheet.getAttribute('data-escalation-id') : null;
  var pending = null;
  var known = rowIds();

  function setState(state, text) {
    if (indicator) {
      indicator.setAttribute('data-state', state);
      indicator.textContent = text;
    }
  }

  function rowIds() {
    var ids = {};
    document.querySelectorAll('tr[data-escalation-id]').forEach(function (row) {
      ids[row.getAttribute('data-escalation-id')] = true;
    });
    return ids;
  }

  // A manager writing a note or choosing an outcome keeps what they typed: the refresh waits until they are done.
  function busy(element) {
    var active = document.activeElement;
    return active && element.contains(active) && (active.tagName === 'TEXTAREA' || active.tagName === 'SELECT'
      || (active.tagName === 'INPUT' && active.type !== 'hidden'));
  }

  function refresh() {
    pending = null;
    document.querySelectorAll('[data-live-src]').forEach(function (element) {
      var target = element.id === 'escalation' ? document.getElementById('live-part') : element;
      if (busy(target)) {
        schedule();
        return;
      }
      fetch(element.getAttribute('data-live-src'), { credentials: 'same-origin', cache: 'no-store' })
        .then(function (response) {
          if (response.redirected || response.status === 401) {
            window.location.reload(); // the session ended: the reload shows the login page
            return null;
          }
          return response.ok ? response.text() : null;
        })
        .then(function (html) {
          if (html === null) {
            return;
          }
          target.innerHTML = html;
          markNewRows(target);
          document.body.setAttribute('data-refreshed', String(Date.now()));
        })
        .catch(function () { /* the next event or reconnect refreshes again */ });
    });
  }

  function markNewRows(container) {
    container.querySelectorAll('tr[data-escalation-id]').forEach(function (row) {
      var id = row.getAttribute('data-escalation-id');
      if (!known[id]) {
        row.classList.add('new');
        known[id] = true;
      }
    });
  }

  function schedule() {
    if (pending === null) {
      pending = window.setTimeout(refresh, 150); // one refresh for a burst of changes
    }
  }

  if (document.querySelector('[data-live-src]') && window.EventSource) {
    var connectedBefore = false;
    var source = new EventSource('/console/feed');
    source.onopen = function () {
      setState('live', 'live');
      if (connectedBefore) {
        schedule();
      }
      connectedBefore = true;
    };
    source.onerror = function () {
      setState('reconnecting', 'reconnecting…');
    };
    source.onmessage = function (message) {
      var event;
      try {
        event = JSON.parse(message.data);
      } catch (e) {
        return;
      }
      if (event.kind === 'HEARTBEAT') {
        return;
      }
      if (watchedId && event.escalationId !== watchedId) {
        return;
      }
      schedule();
    };
  } else {
    setState('off', '');
  }
})();

// Browser alerts (Web Push): offered when the server has a VAPID key and the browser can do it. The subscription
// goes to the console, which hands it to the notification-service; turning alerts off removes it there too.
(function () {
  'use strict';

  var button = document.getElementById('push-toggle');
  var keyMeta = document.querySelector('meta[name="closeloop-push-key"]');
  var tokenField = document.querySelector('input[name="csrf-token"]');
  if (!button || !keyMeta || !keyMeta.content || !tokenField || !('serviceWorker' in navigator)
      || !('PushManager' in window) || !('Notification' in window)) {
    return;
  }

  function keyBytes(base64url) {
    var padded = (base64url + '===='.slice((base64url.length + 3) % 4)).replace(/-/g, '+').replace(/_/g, '/');
    var raw = window.atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) {
      bytes[i] = raw.charCodeAt(i);
    }
    return bytes;
  }

  function send(path, subscription) {
    var json = subscription.toJSON();
    var form = new URLSearchParams();
    form.set('csrf-token', tokenField.value);
    form.set('endpoint', json.endpoint);
    if (json.keys) {
      form.set('p256dh', json.keys.p256dh);
      form.set('auth', json.keys.auth);
    }
    return fetch(path, { method: 'POST', credentials: 'same-origin', body: form });
  }

  function show(subscribed) {
    button.hidden = false;
    button.textContent = subscribed ? 'Turn off browser alerts' : 'Turn on browser alerts';
    button.setAttribute('data-subscribed', String(subscribed));
  }

  navigator.serviceWorker.register('/console/sw.js', { scope: '/console/' }).then(function (registration) {
    return registration.pushManager.getSubscription().then(function (existing) {
      show(existing !== null);
      button.addEventListener('click', function () {
        registration.pushManager.getSubscription().then(function (current) {
          if (current) {
            return send('/console/push/unsubscribe', current)
              .then(function () { return current.unsubscribe(); })
              .then(function () { show(false); });
          }
          return Notification.requestPermission().then(function (permission) {
            if (permission !== 'granted') {
              button.textContent = 'Alerts blocked in this browser';
              return null;
            }
            return registration.pushManager.subscribe({
              userVisibleOnly: true, applicationServerKey: keyBytes(keyMeta.content)
            }).then(function (subscription) {
              return send('/console/push/subscribe', subscription).then(function () { show(true); });
            });
          });
        }).catch(function () {
          button.textContent = 'Browser alerts are not available here';
        });
      });
    });
  }).catch(function () { /* no service worker: no browser alerts, the rest works */ });
})();
