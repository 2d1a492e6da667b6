package dev.closeloop.localstack.testing;

import java.util.Map;

import dev.closeloop.localstack.LocalPostgres;
import dev.closeloop.localstack.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PostgreSQL for {@code @QuarkusTest}s: one server per test JVM (Quarkus restarts between test
 * classes should not pay for a new one), one database named by the {@code database} init argument
 * (default {@code closeloop}). Flyway migrates it over JDBC; the service runs on the reactive URL.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static LocalPostgres shared;

    private String database = "closeloop";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    static synchronized LocalPostgres shared() {
        if (shared == null) {
            shared = LocalPostgres.start(TestScratch.fresh("postgres"), Ports.free());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "stop-test-postgres"));
        }
        return shared;
    }

    @Override
    public Map<String, String> start() {
        LocalPostgres postgres = shared();
        postgres.createDatabase(database);
        return Map.of(
                "quarkus.datasource.username", LocalPostgres.USER,
                "quarkus.datasource.password", LocalPostgres.PASSWORD,
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(shared(),
                new TestInjector.AnnotatedAndMatchesType(LocalStackComponent.class, LocalPostgres.class));
    }

    @Override
    public void stop() {
        // shared by the JVM's test classes; stopped by the shutdown hook
    }
}
