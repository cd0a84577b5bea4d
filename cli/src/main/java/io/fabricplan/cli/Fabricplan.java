package io.fabricplan.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fabricplan} command: plans AI data-centre fabrics from Excel workbooks (or JSON). */
@Command(name = "fabricplan", mixinStandardHelpOptions = true, versionProvider = Fabricplan.Version.class,
        description = "Chooses the interconnect of every link and pluggable or co-packaged optics for every switch "
                + "of an AI fabric, minimising cost, power or TCO.",
        subcommands = {SolveCommand.class, ValidateCommand.class, CheckCommand.class, ConvertCommand.class,
                TemplateCommand.class,
                ExamplesCommand.class, GenerateCommand.class, BenchCommand.class, RwaCommand.class,
                SndlibCommand.class, StudyCommand.class, ParetoCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes:",
                "  0    plan found (also when Ctrl-C stopped the search), valid, check passed",
                "  1    internal error",
                "  2    invalid input or flag (each problem named, with a \"Maybe ...\" hint)",
                "  3    infeasible",
                "  4    no plan within the time limit",
                "  5    check found violations",
                "  130  aborted by Ctrl-C (nothing written)",
                "",
                "Ctrl-C during solve stops the search and still writes the best plan found (bench: stops the "
                        + "running solve and starts no other); a second Ctrl-C aborts at once. generate, rwa and "
                        + "sndlib stop at the first Ctrl-C without writing. Run fabricplan COMMAND --help for a "
                        + "command's flags."})
public final class Fabricplan implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing; the commands are "
                + commandNames(spec) + "\n  Maybe start with fabricplan template new.xlsx, or see fabricplan --help.");
    }

    /** The subcommands, from the command spec (help aside): {@code solve, validate, ... and sndlib}. */
    static String commandNames(CommandLine.Model.CommandSpec spec) {
        java.util.List<String> names = spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    public static void main(String[] args) {
        // POI logs through the Log4j API; io-excel's SilentLog4jProvider discards its events (README, "Limits").
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (no System.exit). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Fabricplan());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(Fabricplan::badCommandLine);
        ExamplesCommand.describeExamples(cli.getSubcommands().get("examples"));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("fabricplan: internal error: " + ex);
            commandLine.getErr().println("  Maybe report it with the workbook that caused it; "
                    + "set FABRICPLAN_DEBUG=1 for the stack trace.");
            if (System.getenv("FABRICPLAN_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            return ExitCode.INTERNAL_ERROR;
        });
        return cli.execute(args);
    }

    /**
     * A bad command line (unknown or missing flag, bad value): the problem naming the flag and the value, a
     * {@code Maybe ...} line, exit code 2. No usage dump: the hint says where the help is.
     */
    private static int badCommandLine(CommandLine.ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String name = Flags.commandName(commandLine);
        String message = ex.getMessage().strip();
        err.println(name + ": " + message);
        if (!message.contains("Maybe ")) {
            java.util.List<String> suggestions = ex instanceof CommandLine.UnmatchedArgumentException u
                    ? u.getSuggestions() : java.util.List.of();
            String meant = suggestions.isEmpty() ? "" : "you meant " + String.join(" or ", suggestions) + "; ";
            boolean topLevel = commandLine.getCommandSpec().parent() == null;
            err.println("  Maybe " + meant + (topLevel ? (meant.isEmpty() ? "one of " : "") + "the commands "
                    + (meant.isEmpty() ? "" : "are ") + commandNames(commandLine.getCommandSpec()) + "; " : "")
                    + "see " + name + " --help.");
        }
        return ExitCode.INVALID_INPUT;
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Fabricplan.class.getPackage().getImplementationVersion();
            return new String[] {"fabricplan " + (v == null ? "development build" : v)};
        }
    }
}
