package io.fabricplan.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fabricplan} command: plans AI data-centre fabrics from Excel workbooks. */
@Command(name = "fabricplan", mixinStandardHelpOptions = true, versionProvider = Fabricplan.Version.class,
        description = "Chooses the interconnect of every link and pluggable or co-packaged optics for every switch "
                + "of an AI fabric, minimising cost, power or TCO.",
        subcommands = {SolveCommand.class, ValidateCommand.class, CheckCommand.class, TemplateCommand.class,
                ExamplesCommand.class, GenerateCommand.class, BenchCommand.class, RwaCommand.class,
                SndlibCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 plan found / valid / check passed, 1 internal error, 2 invalid input,",
                "3 infeasible, 4 no plan within the time limit, 5 check found violations."})
public final class Fabricplan implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing: solve, validate, check "
                + "or template");
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

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Fabricplan.class.getPackage().getImplementationVersion();
            return new String[] {"fabricplan " + (v == null ? "development build" : v)};
        }
    }
}
