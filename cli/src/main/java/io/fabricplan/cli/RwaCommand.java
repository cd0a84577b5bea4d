package io.fabricplan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabricplan.dwdm.rwa.Lightpath;
import io.fabricplan.dwdm.rwa.Network;
import io.fabricplan.dwdm.rwa.RwaChecker;
import io.fabricplan.dwdm.rwa.RwaInputException;
import io.fabricplan.dwdm.rwa.RwaOptions;
import io.fabricplan.dwdm.rwa.RwaProblem;
import io.fabricplan.dwdm.rwa.RwaResult;
import io.fabricplan.dwdm.rwa.RwaSolver;
import io.fabricplan.dwdm.rwa.TopologyReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fabricplan rwa}: routing and wavelength assignment with the fewest wavelengths (min-RWA) on a DWDM
 * topology. Requests: all ordered pairs, a requests file, or the traffics of a min-RWA topology file.
 */
@Command(name = "rwa", mixinStandardHelpOptions = true,
        description = "Routes lightpath requests and assigns wavelengths (no conversion) minimising the number of "
                + "wavelengths; prints wavelengths, lower bound and status.")
final class RwaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--topology", required = true, paramLabel = "FILE",
            description = "networkx node-link JSON, edge list (NODES/EDGES) or min-RWA JSON")
    Path topology;

    static final class Requests {
        @Option(names = "--all-to-all", description = "one request per ordered node pair")
        boolean allToAll;

        @Option(names = "--requests", paramLabel = "FILE",
                description = "JSON list of {\"src\", \"dst\"} or a min-RWA file (its traffics)")
        Path requests;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Requests requests;

    @Option(names = "--time-limit", paramLabel = "S", defaultValue = "60", converter = Flags.Seconds.class,
            description = "time limit in seconds, more than 0 (default: ${DEFAULT-VALUE})")
    double timeLimit;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", converter = Flags.Seed.class,
            description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", converter = Flags.Threads.class,
            description = "CP-SAT workers, 0 = the cores, at most 8 (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "ASSIGNMENT.json",
            description = "write the lightpaths to this file, in an existing folder")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Outputs.check(err).file("-o", output, "assignment.json", topology,
                requests == null ? null : requests.requests).ok()) {
            return ExitCode.INVALID_INPUT;
        }
        // the search has no cancellation: Ctrl-C aborts, and the assignment file is written whole or not at all
        try (GracefulStop stop = GracefulStop.aborting(err).writes(output)) {
            return solve(out, err);
        }
    }

    private int solve(PrintWriter out, PrintWriter err) {
        RwaProblem problem;
        try {
            TopologyReader.Topology topo = TopologyReader.read(topology);
            Network net = topo.network();
            if (requests != null && requests.allToAll) {
                problem = RwaProblem.allToAll(net);
            } else if (requests != null && requests.requests != null) {
                problem = new RwaProblem(net, TopologyReader.readRequests(requests.requests, net));
            } else if (topo.hasRequests()) {
                problem = new RwaProblem(net, topo.requests());
            } else {
                err.println("fabricplan rwa: " + topology + " carries no requests\n"
                        + "  Maybe give --all-to-all or --requests FILE.");
                return ExitCode.INVALID_INPUT;
            }
        } catch (RwaInputException e) {
            return inputProblem(e, err);
        }
        RwaOptions options = threads > 0 ? new RwaOptions(timeLimit, seed, threads)
                : new RwaOptions(timeLimit, seed, RwaOptions.withTimeLimit(timeLimit).threads());
        RwaResult result;
        try {
            result = RwaSolver.solve(problem, options);
        } catch (RwaInputException e) {
            return inputProblem(e, err);
        }
        List<String> violations = RwaChecker.check(problem, result);
        if (!violations.isEmpty()) {
            err.println("fabricplan rwa: internal error: the checker rejects the assignment: " + violations.get(0));
            return ExitCode.INTERNAL_ERROR;
        }
        if (output != null) {
            try {
                write(result, output);
            } catch (IOException e) {
                err.println("fabricplan rwa: cannot write " + output + ": " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            }
        }
        if (json) {
            out.println(new Json().put("wavelengths", result.wavelengths()).put("lower_bound", result.lowerBound())
                    .put("status", result.status().name()).put("seconds", round(result.seconds()))
                    .put("requests", problem.requests().size()).put("nodes", problem.network().nodeCount())
                    .put("links", problem.network().linkCount()));
        } else {
            out.printf(Locale.ROOT, "%,d requests on %,d nodes, %,d links: %d wavelengths (lower bound %d, %s) in "
                            + "%.1f s%n", problem.requests().size(), problem.network().nodeCount(),
                    problem.network().linkCount(), result.wavelengths(), result.lowerBound(), result.status(),
                    result.seconds());
            if (output != null) {
                out.println("lightpaths written to " + output);
            }
        }
        return ExitCode.OK;
    }

    private static int inputProblem(RwaInputException e, PrintWriter err) {
        err.println("fabricplan rwa: " + e.getMessage());
        if (e.getMessage().contains("no such file") || e.getMessage().contains("cannot read")) {
            err.println("  Maybe check the path.");
        } else if (!e.getMessage().contains("Maybe ")) {
            err.println("  Maybe check the file against the formats README describes for rwa (networkx "
                    + "node-link JSON, a NODES/EDGES edge list, min-RWA JSON).");
        }
        return ExitCode.INVALID_INPUT;
    }

    private static double round(double s) {
        return Math.round(s * 1000) / 1000.0;
    }

    static void write(RwaResult result, Path output) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("wavelengths", result.wavelengths());
        ArrayNode arr = root.putArray("lightpaths");
        for (Lightpath lp : result.lightpaths()) {
            ObjectNode o = arr.addObject();
            o.put("src", lp.src());
            o.put("dst", lp.dst());
            ArrayNode p = o.putArray("path");
            lp.path().forEach(p::add);
            o.put("wavelength", lp.wavelength());
        }
        Path abs = output.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        // the folder exists (checked before the search); the temporary file is named as GracefulStop expects
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            mapper.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
