package dev.closeloop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @TempDir
    Path home;

    @Test
    void postgresKeepsCommittedDataAcrossARestart() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(home.resolve("pg"), Ports.free())) {
            postgres.createDatabase("intake");
            postgres.createDatabase("intake"); // a second time is harmless
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("intake"), LocalPostgres.USER,
                    LocalPostgres.PASSWORD)) {
                c.createStatement().execute("CREATE TABLE t (v int); INSERT INTO t VALUES (42)");
            }

            postgres.stop();
            postgres.start();

            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("intake"), LocalPostgres.USER,
                    LocalPostgres.PASSWORD)) {
                ResultSet rs = c.createStatement().executeQuery("SELECT v FROM t");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void brokerStartsStopsAndStartsAgainOnTheSamePort() {
        int port = Ports.free();
        try (LocalBroker broker = LocalBroker.start(home.resolve("artemis"), port)) {
            assertThat(Ports.isFree(port)).isFalse();
            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.start();
            assertThat(broker.isRunning()).isTrue();
        }
    }

    @Test
    void mailSinkReceivesOverSmtp() throws Exception {
        try (MailSink sink = MailSink.start(Ports.free(), Ports.free())) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", String.valueOf(sink.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress("alerts@closeloop.local"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("mia.jones@acme.example"));
            message.setSubject("hello");
            message.setText("body");
            Transport.send(message);

            assertThat(sink.receivedBy("mia.jones@acme.example")).hasSize(1);
        }
    }
}
