package dev.voxgate.cli;

import dev.voxgate.core.EnvironmentSource;
import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code voxgate}, the command-line tool ({@code bin/voxgate}); its one command so far is {@code transcribe}. A wrong
 * argument prints the usage and exits 2.
 *
 * <p>Not thread-safe; one run at a time.
 */
@Command(name = "voxgate", mixinStandardHelpOptions = true, versionProvider = VoxgateCli.Version.class,
        description = "Voxgate on the command line.", subcommands = CommandLine.HelpCommand.class)
public final class VoxgateCli {

    private VoxgateCli() {
    }

    public static void main(String[] args) {
        Session session = new Session(System.out, System.err, isTerminal(), EnvironmentSource.system(),
                task -> Runtime.getRuntime().addShutdownHook(new Thread(task, "voxgate-interrupt")));
        System.exit(run(session, args));
    }

    /**
     * Runs {@code args} as {@code main} would, printing to {@code out} and {@code err} as to a pipe (plain lines, no
     * status line), reading keys from {@code environment}, without hooking Ctrl-C; returns the exit status.
     */
    public static int run(PrintStream out, PrintStream err, EnvironmentSource environment, String... args) {
        return run(new Session(out, err, false, environment, task -> { }), args);
    }

    /** Runs {@code args} in {@code session} and returns the exit status. */
    static int run(Session session, String... args) {
        CommandLine commandLine = new CommandLine(new VoxgateCli())
                .addSubcommand(new TranscribeCommand(session))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(session.out(), true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(session.err(), true, StandardCharsets.UTF_8));
        return commandLine.execute(args);
    }

    // JDK 22 and later hand out a Console for redirected streams too and say whether it is a terminal with
    // Console.isTerminal(), which the Java 21 API this compiles against lacks.
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** The version the jar was built as. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = VoxgateCli.class.getPackage().getImplementationVersion();
            return new String[] {"voxgate " + (version == null ? "(development build)" : version)};
        }
    }
}
