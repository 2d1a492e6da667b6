package dev.closeloop.localstack.cli;

import java.util.ArrayList;
import java.util.List;

import dev.closeloop.localstack.Service;

/** The names {@code up} gives what it starts: its pid and log files are named after them. */
final class Components {

    /** The background process running PostgreSQL, Artemis and the mail sink. */
    static final String INFRA = "infra";

    private Components() {
    }

    static List<String> services() {
        List<String> names = new ArrayList<>();
        for (Service service : Service.values()) {
            names.add(service.moduleName());
        }
        return names;
    }

    /** Infrastructure first: the order of starting; stopping goes the other way. */
    static List<String> all() {
        List<String> names = new ArrayList<>();
        names.add(INFRA);
        names.addAll(services());
        return names;
    }
}
