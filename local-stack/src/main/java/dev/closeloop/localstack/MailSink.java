package dev.closeloop.localstack;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail as the mail sink: SMTP to receive what the notification-service sends, IMAP so that any
 * mail client can read a manager's inbox. Authentication is off: any login is accepted, and logging
 * in as {@code mia.jones@acme.example} with any password shows what Mia received. Mail lives in memory.
 */
public final class MailSink implements AutoCloseable {

    private final int smtpPort;
    private final int imapPort;
    private GreenMail greenMail;

    private MailSink(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    public static MailSink start(int smtpPort, int imapPort) {
        MailSink sink = new MailSink(smtpPort, imapPort);
        sink.start();
        return sink;
    }

    /** Starts (again, after {@link #stop()}) on the same ports; mail received before a stop is gone. */
    public synchronized void start() {
        GreenMail mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        greenMail = mail;
    }

    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return greenMail != null;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** Everything received since the sink started. */
    public synchronized List<MimeMessage> received() {
        return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
    }

    /** Everything delivered to one address. */
    public synchronized List<MimeMessage> receivedBy(String address) {
        return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessagesForDomain(address));
    }

    /** Forgets everything received, so a test sees only its own mail. */
    public synchronized void purge() {
        if (greenMail != null) {
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
