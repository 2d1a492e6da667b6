/**
 * The browser's and the push service's sides of Web Push, for tests: a browser's keys and the RFC 8291 decryption
 * of what it is sent ({@link dev.closeloop.localstack.testing.push.TestBrowser}), and a push service on localhost
 * that records each request and checks its VAPID signature
 * ({@link dev.closeloop.localstack.testing.push.FakePushService}, {@link dev.closeloop.localstack.testing.push.VapidToken}).
 */
package dev.closeloop.localstack.testing.push;
