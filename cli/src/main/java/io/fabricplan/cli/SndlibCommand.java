package io.fabricplan.cli;

import io.fabricplan.dwdm.sndlib.SndlibChecker;
import io.fabricplan.dwdm.sndlib.SndlibFormatException;
import io.fabricplan.dwdm.sndlib.SndlibModelParser;
import io.fabricplan.dwdm.sndlib.SndlibNetwork;
import io.fabricplan.dwdm.sndlib.SndlibNetworkParser;
import io.fabricplan.dwdm.sndlib.SndlibOptions;
import io.fabricplan.dwdm.sndlib.SndlibResult;
import io.fabricplan.dwdm.sndlib.SndlibSolver;
import io.fabricplan.dwdm.sndlib.SndlibVariant;
import io.fabricplan.model.SolverKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fabricplan sndlib NETWORK.txt MODEL.txt}: solves an SNDlib network design instance (native format, no
 * survivability), checks the solution independently, and prints objective, bound, gap and status.
 */
@Command(name = "sndlib", mixinStandardHelpOptions = true,
        description = "Solves an SNDlib network design instance (native network and model files) and prints the "
                + "SNDlib objective, the proven bound, the gap and the status.")
final class SndlibCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK.txt", description = "SNDlib network file")
    Path network;

    @Parameters(index = "1", paramLabel = "MODEL.txt", description = "SNDlib model file")
    Path model;

    @Option(names = "--time-limit", paramLabel = "S", defaultValue = "60", converter = Flags.Seconds.class,
            description = "time limit in seconds, more than 0 (default: ${DEFAULT-VALUE})")
    double timeLimit;

    @Option(names = "--solver", paramLabel = "X", defaultValue = "AUTO",
            description = "AUTO (SCIP), SCIP, HIGHS, or CP_SAT or CHOCO (integer variants only) (default: "
                    + "${DEFAULT-VALUE})")
    SolverKind solver;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", converter = Flags.Threads.class,
            description = "solver threads, 0 = all cores (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--routing-cost-sum", description = "with BIDIRECTED links, charge routing cost on the sum of "
            + "both directions instead of the larger one")
    boolean routingCostSum;

    @Option(names = "--json", description = "print exactly one JSON object on stdout; all else goes to stderr")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SndlibNetwork net;
        SndlibVariant variant;
        SndlibResult result;
        SndlibOptions options = SndlibOptions.of(timeLimit).withSolver(solver).withRoutingCostMax(!routingCostSum);
        options = new SndlibOptions(options.timeLimitS(), options.solver(), threads, options.relativeGap(),
                options.routingCostMax(), options.cuts(), options.warmStart());
        // the solve has no cancellation and nothing is written: Ctrl-C aborts
        try (GracefulStop stop = GracefulStop.aborting(err)) {
            net = SndlibNetworkParser.parse(network);
            variant = SndlibModelParser.parse(model);
            result = SndlibSolver.solve(net, variant, options);
        } catch (SndlibFormatException e) {
            err.println("fabricplan sndlib: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        String modelName = model.getFileName().toString().replaceFirst("\\.txt$", "");
        if (result.hasSolution()) {
            SndlibChecker.Report report = SndlibChecker.check(net, variant, result, options.routingCostMax());
            if (!report.ok()) {
                err.println("fabricplan sndlib: the solution fails the independent check:");
                report.violations().stream().limit(20).forEach(v -> err.println("  " + v));
                return ExitCode.VIOLATIONS;
            }
        }
        if (json) {
            out.println(new Json().put("network", net.name()).put("model", modelName)
                    .put("objective", result.objective()).put("bound", result.bound())
                    .put("relative_gap", result.relativeGap()).put("status", result.status().name())
                    .put("seconds", Math.round(result.seconds() * 100) / 100.0).put("solver", result.solver()));
        } else {
            out.printf(Locale.ROOT, "%s %s (%s): %s%n", net.name(), modelName, variant.code(), result.status());
            out.printf(Locale.ROOT, "  objective     %s%n", num(result.objective()));
            out.printf(Locale.ROOT, "  bound         %s%n", num(result.bound()));
            out.printf(Locale.ROOT, "  relative gap  %s%n", Double.isNaN(result.relativeGap()) ? "n/a"
                    : String.format(Locale.ROOT, "%.4f %%", 100 * result.relativeGap()));
            out.printf(Locale.ROOT, "  seconds       %.1f (%s, %d variables, %d rows of which %d cut rows)%n",
                    result.seconds(), result.solver(), result.variables(), result.rows(), result.cutRows());
            if (result.hasSolution()) {
                out.println("  checker       passed (capacities, conservation, routing rules, objective)");
            }
        }
        return switch (result.status()) {
            case OPTIMAL, FEASIBLE -> ExitCode.OK;
            case INFEASIBLE -> ExitCode.INFEASIBLE;
            default -> ExitCode.NO_PLAN;
        };
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v).replaceAll("\\.?0+$", "");
    }
}
