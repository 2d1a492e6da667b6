package dev.closeloop.localstack.demo;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * Reads the managers' inboxes over IMAP, as a mail client would, every {@value #POLL_MILLIS} ms, and notes
 * when each email about one of this run's surveys first showed up. An email belongs to a survey when its
 * subject, headers or text name the survey id; a digest naming several surveys belongs to each.
 */
final class MailboxWatcher implements AutoCloseable {

    static final long POLL_MILLIS = 250;

    /**
     * One email about one survey, seen in one inbox.
     *
     * @param message the email's number in that inbox: an email naming two surveys is seen twice, with one number
     */
    record Seen(String recipient, String surveyId, int message, Instant seenAt) {

        /** Tells emails apart across inboxes. */
        String email() {
            return recipient + " #" + message;
        }
    }

    private final String host;
    private final int port;
    private final Pattern surveyIds;
    private final Map<String, Store> stores = new LinkedHashMap<>();
    private final Map<String, Integer> read = new HashMap<>();
    private final List<Seen> seen = new ArrayList<>();
    private final Poller poller = new Poller("mailbox-watcher", POLL_MILLIS, this::pollQuietly);
    private volatile String lastError;

    /** Watches the mailboxes for emails naming {@code <runId>-<number>}. */
    MailboxWatcher(String host, int port, Set<String> mailboxes, String runId) {
        this.host = host;
        this.port = port;
        this.surveyIds = Pattern.compile(Pattern.quote(runId) + "-\\d{3,}(?!\\d)");
        mailboxes.forEach(m -> stores.put(m, null));
    }

    /** Connects to every inbox (failing at once if IMAP does not answer) and starts polling. */
    void start() throws MessagingException {
        for (String mailbox : new ArrayList<>(stores.keySet())) {
            stores.put(mailbox, connect(mailbox));
            // what is there already is from earlier runs
            read.put(mailbox, messageCount(stores.get(mailbox)));
        }
        poller.start();
    }

    synchronized List<Seen> seen() {
        return new ArrayList<>(seen);
    }

    String lastError() {
        return lastError;
    }

    private Store connect(String mailbox) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.imap.host", host);
        props.put("mail.imap.port", String.valueOf(port));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "10000");
        Store store = Session.getInstance(props).getStore("imap");
        // the mail sink accepts any password
        store.connect(host, port, mailbox, "demo");
        return store;
    }

    private static int messageCount(Store store) throws MessagingException {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        try {
            return inbox.getMessageCount();
        } finally {
            inbox.close(false);
        }
    }

    private void pollQuietly() {
        try {
            poll();
            lastError = null;
        } catch (Exception e) {
            lastError = e.toString();
        }
    }

    private void poll() throws MessagingException, IOException {
        for (Map.Entry<String, Store> entry : stores.entrySet()) {
            String mailbox = entry.getKey();
            if (!entry.getValue().isConnected()) {
                entry.setValue(connect(mailbox));
            }
            Folder inbox = entry.getValue().getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                int count = inbox.getMessageCount();
                Instant now = Instant.now();
                for (int number = read.get(mailbox) + 1; number <= count; number++) {
                    for (String surveyId : surveyIdsIn(inbox.getMessage(number))) {
                        record(new Seen(mailbox, surveyId, number, now));
                    }
                    read.put(mailbox, number);
                }
            } finally {
                inbox.close(false);
            }
        }
    }

    private synchronized void record(Seen email) {
        seen.add(email);
    }

    private Set<String> surveyIdsIn(Message message) throws MessagingException, IOException {
        return MailText.surveyIdsIn(message, surveyIds);
    }

    @Override
    public void close() {
        poller.close();
        for (Store store : stores.values()) {
            try {
                if (store != null) {
                    store.close();
                }
            } catch (MessagingException e) {
                // closing at the end of the demo: nothing left to do about it
            }
        }
    }
}
