package dev.closeloop.localstack;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.closeloop.localstack.chaos.ChaosCommand;
import dev.closeloop.localstack.chaos.ChaosOptions;
import dev.closeloop.localstack.cli.DownCommand;
import dev.closeloop.localstack.cli.InfraCommand;
import dev.closeloop.localstack.cli.StatusCommand;
import dev.closeloop.localstack.cli.UpCommand;
import dev.closeloop.localstack.demo.DemoCommand;

/**
 * The local stack from the command line, run by {@code ./closeloop} from the repository root:
 * {@code up}, {@code demo [--surveys N]}, {@code status}, {@code down}, {@code vapid-keys}; and {@code infra}, the background
 * process {@code up} starts for PostgreSQL, Artemis and the mail sink.
 */
public final class Cli {

    /** Wrong command or arguments. */
    public static final int USAGE = 2;

    static final String HELP = """
            Usage: ./closeloop <command>

              up                  start PostgreSQL, Artemis, the mail sink and the four services;
                                  returns once all are ready, leaving them running
              demo [--surveys N]  play a telephony platform and its managers against the running stack
                                  (default 40 surveys), then check what was raised, mailed, re-escalated
                                  and held for working hours
              chaos [--surveys N] [--rate R] [--seed S]
                                  start a stack of its own (in .closeloop/chaos, free ports) and post N
                                  surveys (default 2000) at R a second (default 15) while it SIGKILLs the
                                  broker three times and every service once, restarts PostgreSQL and takes
                                  the SMTP server away for 30 s; then counts from the databases and the
                                  mail sink what was lost, duplicated or left stuck; exits 1 on any
              status              show which components are running
              down                stop everything up started
              vapid-keys          print a new VAPID key pair for browser push, as the environment lines
                                  CLOSELOOP_PUSH_VAPID_PUBLIC_KEY=... and CLOSELOOP_PUSH_VAPID_PRIVATE_KEY=...
                                  (up makes its own, kept in .closeloop/vapid-keys.env)

            State, logs and pids live in .closeloop/. Set CLOSELOOP_DIRECTORY_FILE or CLOSELOOP_API_KEYS_FILE
            to run up with another directory or API key file than those in config/local/.
            """;

    private Cli() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(Path.of("").toAbsolutePath(), System.getenv(), out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command with {@code repoRoot} as the repository; returns the exit code. */
    public static int run(Path repoRoot, Map<String, String> env, PrintStream out, PrintStream err, String... args)
            throws InterruptedException {
        if (args.length == 0) {
            err.print(HELP);
            return USAGE;
        }
        String command = args[0];
        List<String> options = Arrays.asList(args).subList(1, args.length);
        StackConfig config = configFor(repoRoot, env);
        switch (command) {
            case "help", "--help", "-h" -> {
                out.print(HELP);
                return 0;
            }
            case "demo" -> {
                Integer surveys = surveysOption(options, err);
                return surveys == null ? USAGE : new DemoCommand(config, out, err).run(surveys);
            }
            case "chaos" -> {
                ChaosOptions chaos = ChaosOptions.parse(options, err);
                return chaos == null ? USAGE
                        : new ChaosCommand(repoRoot, out, err).run(chaos.surveys(), chaos.rate(), chaos.seed());
            }
            case "vapid-keys" -> {
                if (!options.isEmpty()) {
                    return usage(err, command + " takes no options, got: " + String.join(" ", options));
                }
                out.print(VapidKeyPair.generate().envLines());
                return 0;
            }
            case "up", "down", "status", "infra" -> {
                if (!options.isEmpty()) {
                    return usage(err, command + " takes no options, got: " + String.join(" ", options));
                }
                return switch (command) {
                    case "up" -> new UpCommand(config, out, err).run();
                    case "down" -> new DownCommand(config, out).run();
                    case "status" -> new StatusCommand(config, out).run();
                    default -> new InfraCommand(config, out).run();
                };
            }
            default -> {
                return usage(err, "unknown command: " + command);
            }
        }
    }

    static StackConfig configFor(Path repoRoot, Map<String, String> env) {
        StackConfig config = StackConfig.localDefaults(repoRoot);
        if (env.get("CLOSELOOP_DIRECTORY_FILE") != null) {
            config = config.withDirectoryFile(repoRoot.resolve(env.get("CLOSELOOP_DIRECTORY_FILE")));
        }
        if (env.get("CLOSELOOP_API_KEYS_FILE") != null) {
            config = config.withApiKeysFile(repoRoot.resolve(env.get("CLOSELOOP_API_KEYS_FILE")));
        }
        return config;
    }

    /** {@code --surveys N} or {@code --surveys=N}, 1 to 1000; null (after saying why) when wrong. */
    private static Integer surveysOption(List<String> options, PrintStream err) {
        int surveys = DemoCommand.DEFAULT_SURVEYS;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            String value;
            if (option.equals("--surveys")) {
                if (i + 1 == options.size()) {
                    usage(err, "--surveys needs a number");
                    return null;
                }
                value = options.get(++i);
            } else if (option.startsWith("--surveys=")) {
                value = option.substring("--surveys=".length());
            } else {
                usage(err, "unknown option for demo: " + option);
                return null;
            }
            try {
                surveys = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                usage(err, "--surveys needs a number, not '" + value + "'");
                return null;
            }
            if (surveys < 1 || surveys > 1000) {
                usage(err, "--surveys must be between 1 and 1000, not " + surveys);
                return null;
            }
        }
        return surveys;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("closeloop: " + problem);
        err.println();
        err.print(HELP);
        return USAGE;
    }
}
