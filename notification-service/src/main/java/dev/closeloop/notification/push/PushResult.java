package dev.closeloop.notification.push;

/**
 * What a push service answered for one browser.
 *
 * @param status the HTTP status, or 0 when there was no answer (network error, timeout)
 * @param detail the status or the error, for the log and the delivery's last error
 */
public record PushResult(Kind kind, int status, String detail) {

    public enum Kind {
        /** 2xx: the push service took the message. */
        ACCEPTED,
        /** 404/410: the subscription expired or the browser unsubscribed; it will never deliver again. */
        GONE,
        /** 429, 5xx, no answer: worth trying again later. */
        RETRY,
        /** Any other answer (400, 401, 403, 413…): trying again would get the same. */
        REJECTED
    }

    static PushResult ofStatus(int status) {
        Kind kind;
        if (status >= 200 && status < 300) {
            kind = Kind.ACCEPTED;
        } else if (status == 404 || status == 410) {
            kind = Kind.GONE;
        } else if (status == 429 || status >= 500) {
            kind = Kind.RETRY;
        } else {
            kind = Kind.REJECTED;
        }
        return new PushResult(kind, status, "HTTP " + status);
    }

    static PushResult noAnswer(Throwable failure) {
        return new PushResult(Kind.RETRY, 0, String.valueOf(failure));
    }
}
