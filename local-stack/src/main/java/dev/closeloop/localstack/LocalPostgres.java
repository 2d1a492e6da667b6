package dev.closeloop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL 15 from the binaries on Maven Central (no install, works as root), with its data in a
 * directory of ours so that a restart keeps what was committed. Each service gets a database of its own.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDirectory;
    private final Path workingDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    private LocalPostgres(Path dataDirectory, Path workingDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.workingDirectory = workingDirectory;
        this.port = port;
    }

    /**
     * Starts PostgreSQL on the port, keeping data in {@code home/data}. An existing data directory is
     * reused, so a restart finds the databases as they were.
     */
    public static LocalPostgres start(Path home, int port) {
        LocalPostgres local = new LocalPostgres(home.resolve("data"), home.resolve("binaries"), port);
        local.start();
        return local;
    }

    /** Starts (again, after {@link #stop()}) on the same port and data. */
    public synchronized void start() {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(workingDirectory);
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(workingDirectory.toFile())
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The URL form the Vert.x reactive client takes. */
    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }
}
