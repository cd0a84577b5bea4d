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

    @Option(names = "--time-limit", paramLabel = "S", defaultValue = "60", description = "seconds (default 60)")
    double timeLimit;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default 1)")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "CP-SAT workers (default: cores, at most 8)")
    int threads;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "ASSIGNMENT.json", description = "write the lightpaths")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(timeLimit > 0)) {
            err.println("fabricplan rwa: --time-limit must be positive");
            return ExitCode.INVALID_INPUT;
        }
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
                err.println("fabricplan rwa: " + topology + " carries no requests: give --all-to-all or "
                        + "--requests FILE");
                return ExitCode.INVALID_INPUT;
            }
        } catch (RwaInputException e) {
            err.println("fabricplan rwa: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        RwaOptions options = threads > 0 ? new RwaOptions(timeLimit, seed, threads)
                : new RwaOptions(timeLimit, seed, RwaOptions.withTimeLimit(timeLimit).threads());
        RwaResult result;
        try {
            result = RwaSolver.solve(problem, options);
        } catch (RwaInputException e) {
            err.println("fabricplan rwa: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
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
            out.printf(Locale.ROOT, "%d requests on %d nodes, %d links: %d wavelengths (lower bound %d, %s) in "
                            + "%.1f s%n", problem.requests().size(), problem.network().nodeCount(),
                    problem.network().linkCount(), result.wavelengths(), result.lowerBound(), result.status(),
                    result.seconds());
            if (output != null) {
                out.println("lightpaths written to " + output);
            }
        }
        return ExitCode.OK;
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
        Path abs = output.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, ".rwa-", ".json.tmp");
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
