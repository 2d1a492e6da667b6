package dev.closeloop.localstack.chaos;

import java.io.PrintStream;
import java.util.List;

/** {@code chaos [--surveys N] [--rate R] [--seed S]}, each checked; null (after saying why) when unusable. */
public record ChaosOptions(int surveys, double rate, long seed) {

    static final int MAX_SURVEYS = 100_000;
    static final double MAX_RATE = 200;

    public static ChaosOptions parse(List<String> options, PrintStream err) {
        int surveys = ChaosCommand.DEFAULT_SURVEYS;
        double rate = ChaosCommand.DEFAULT_RATE;
        long seed = 7;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            if (!List.of("--surveys", "--rate", "--seed").contains(name)) {
                err.println("Usage: unknown option for chaos: " + name);
                return null;
            }
            String value;
            if (option.contains("=")) {
                value = option.substring(option.indexOf('=') + 1);
            } else if (i + 1 < options.size()) {
                value = options.get(++i);
            } else {
                err.println("Usage: " + name + " needs a value");
                return null;
            }
            try {
                switch (name) {
                    case "--surveys" -> surveys = Integer.parseInt(value);
                    case "--rate" -> rate = Double.parseDouble(value);
                    default -> seed = Long.parseLong(value);
                }
            } catch (NumberFormatException e) {
                err.println("Usage: " + name + " needs a number, not '" + value + "'");
                return null;
            }
        }
        if (surveys < 1 || surveys > MAX_SURVEYS) {
            err.println("Usage: --surveys must be between 1 and " + MAX_SURVEYS + ", not " + surveys);
            return null;
        }
        if (!(rate >= 0.5 && rate <= MAX_RATE)) {
            err.println("Usage: --rate must be between 0.5 and " + MAX_RATE + " a second, not " + rate);
            return null;
        }
        return new ChaosOptions(surveys, rate, seed);
    }
}
