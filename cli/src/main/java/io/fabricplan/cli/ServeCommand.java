package io.fabricplan.cli;

import io.fabricplan.http.PlanningServer;
import io.fabricplan.validate.LimitValues;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.logging.LogManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fabricplan serve}: the planner over HTTP for quoting tools, until Ctrl-C or SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the planner over HTTP (README, \"HTTP service\"): POST /v1/jobs, GET /v1/jobs/{id}, "
                + "GET /v1/jobs/{id}/plan, DELETE /v1/jobs/{id}, POST /v1/quote?deadline_ms=, POST /v1/validate, "
                + "POST /v1/check, GET /v1/health, GET /v1/openapi.json. Instances come as JSON or .xlsx, every "
                + "upload read under the --limit limits; every plan served has passed the independent checker. "
                + "Runs until Ctrl-C or SIGTERM, then stops taking requests, cancels its jobs (stored with --data) "
                + "and ends.",
        footer = {"", "Exit codes: 0 stopped by Ctrl-C or SIGTERM, 1 internal error, 2 invalid flag, or the port "
                + "cannot be served."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", converter = Flags.Whole.class,
            description = "port to listen on, 0 for any free one (printed); default ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on; default ${DEFAULT-VALUE} (this machine only); 0.0.0.0 for every "
                    + "interface (then give --token-file)")
    String bind;

    @Option(names = "--data", paramLabel = "DIR", description = "keep every job's input and result in DIR, "
            + "written atomically: a restarted service serves the finished jobs again and marks those that were "
            + "running FAILED; without it, jobs live in memory only")
    Path dataDir;

    @Option(names = "--token-file", paramLabel = "FILE", description = "bearer tokens, one per line: every request "
            + "but GET /v1/health must carry `Authorization: Bearer <token>` (401 otherwise)")
    Path tokenFile;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", converter = Flags.Count.class,
            description = "solver threads of one solve at most; default ${DEFAULT-VALUE}")
    int threads;

    @Option(names = "--parallel", paramLabel = "N", converter = Flags.Count.class,
            description = "jobs solved at once, and quotes apart (default: cores / --threads)")
    Integer parallel;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "64", converter = Flags.Whole.class,
            description = "jobs that may wait beyond those solving, and quotes likewise (429 beyond); default "
                    + "${DEFAULT-VALUE}")
    int queue;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "64m",
            description = "largest request body (413 beyond); k, m, g for 1024, 1024^2, 1024^3; default "
                    + "${DEFAULT-VALUE}")
    String maxBody;

    @Option(names = "--expire-after", paramLabel = "SECONDS", defaultValue = "3600", converter = Flags.Seconds.class,
            description = "seconds a finished job is kept; default ${DEFAULT-VALUE}")
    double expireAfterSeconds;

    @Option(names = "--quote-deadline", paramLabel = "SECONDS", defaultValue = "10", converter = Flags.Seconds.class,
            description = "deadline of a quote that gives no ?deadline_ms=; default ${DEFAULT-VALUE}")
    double quoteDeadlineSeconds;

    @Option(names = "--max-quote-deadline", paramLabel = "SECONDS", defaultValue = "300",
            converter = Flags.Seconds.class, description = "the longest deadline a quote may ask; default "
            + "${DEFAULT-VALUE}")
    double maxQuoteDeadlineSeconds;

    @Mixin
    ReadLimitsOptions readLimits;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        PlanningServer.Builder builder = builder();
        quietLibraries();
        PlanningServer server;
        try {
            server = builder.build();
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            err.println("fabricplan serve: " + e.getMessage());
            err.println("  Maybe give another --data folder, or stop the service that holds it.");
            return ExitCode.INVALID_INPUT;
        }
        try (GracefulStop stop = GracefulStop.stopping(err, "stopping the service: no new requests; running jobs "
                + "are cancelled with their best plans" + (dataDir == null ? "" : " and stored in " + dataDir))) {
            try {
                server.start();
            } catch (RuntimeException e) {
                server.close();
                err.println("fabricplan serve: cannot serve " + bind + ":" + port + ": " + rootMessage(e));
                err.println("  Maybe the port is taken (try --port 0 for any free one) or the address is not this "
                        + "machine's.");
                return ExitCode.INVALID_INPUT;
            }
            out.println("fabricplan serving on " + server.uri() + " (" + server.jobs().parallelism()
                    + " solves at a time, " + server.jobs().threadsPerSolve() + " thread(s) each"
                    + (tokenFile == null ? "" : ", bearer tokens required") + (dataDir == null ? ", jobs in memory"
                    : ", jobs kept in " + dataDir) + "); Ctrl-C stops it");
            out.flush();
            while (!stop.stopRequested()) {
                Thread.sleep(200);
            }
            server.close();
            err.println("fabricplan serve: stopped");
        }
        return ExitCode.OK;
    }

    /** The server's settings from the flags; a bad value is a usage error naming its flag. */
    private PlanningServer.Builder builder() {
        if (port < 0 || port > 65_535) {
            throw usage("--port " + port + " is not a port number from 0 to 65535",
                    "give e.g. --port 8080, or --port 0 for any free port.");
        }
        if (queue < 0) {
            throw usage("--queue " + queue + " is negative", "give 0 or more jobs that may wait, e.g. --queue 64.");
        }
        long maxBodyBytes;
        try {
            maxBodyBytes = LimitValues.parseWhole("--max-body", maxBody);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage(), "give bytes, e.g. --max-body 64m.");
        }
        if (maxBodyBytes < 1) {
            throw usage("--max-body \"" + maxBody + "\" is no bytes", "give e.g. --max-body 64m.");
        }
        if (quoteDeadlineSeconds > maxQuoteDeadlineSeconds) {
            throw usage("--quote-deadline " + Flags.number(quoteDeadlineSeconds) + " is longer than "
                    + "--max-quote-deadline " + Flags.number(maxQuoteDeadlineSeconds), "give a default deadline "
                    + "no longer than the most a quote may ask.");
        }
        if (dataDir != null && java.nio.file.Files.exists(dataDir) && !java.nio.file.Files.isDirectory(dataDir)) {
            throw usage("--data " + dataDir + " is a file, not a folder", "name a folder (it is created if "
                    + "missing), e.g. --data jobs/.");
        }
        PlanningServer.Builder b = PlanningServer.builder().port(port).bind(bind).threadsPerSolve(threads)
                .queueCapacity(queue).maxBodyBytes(maxBodyBytes)
                .expireAfter(Duration.ofMillis(Math.round(expireAfterSeconds * 1000)))
                .quoteDeadlines(Duration.ofMillis(Math.round(quoteDeadlineSeconds * 1000)),
                        Duration.ofMillis(Math.round(maxQuoteDeadlineSeconds * 1000)));
        if (parallel != null) {
            b.parallelism(parallel);
        }
        ReadLimitsOptions.InputLimits limits = readLimits.inputLimits();
        b.workbookLimits(limits.workbook()).jsonLimits(limits.json()).dataDir(dataDir);
        if (tokenFile != null) {
            try {
                b.tokenFile(tokenFile);
            } catch (IllegalArgumentException e) {
                String[] lines = e.getMessage().split("\\. Maybe ", 2);
                throw usage("--token-file: " + lines[0], lines.length > 1 ? lines[1]
                        : "give a readable file with one token per line.");
            }
        }
        return b;
    }

    private CommandLine.ParameterException usage(String what, String maybe) {
        return new CommandLine.ParameterException(spec.commandLine(), what + System.lineSeparator() + "  Maybe "
                + maybe);
    }

    /** Jetty and Javalin log through java.util.logging here: warnings only, on one line each. */
    private static void quietLibraries() throws IOException {
        String config = String.join("\n",
                "handlers=java.util.logging.ConsoleHandler",
                ".level=INFO",
                "java.util.logging.ConsoleHandler.level=ALL",
                "java.util.logging.SimpleFormatter.format=%1$tF %1$tT %4$s %3$s: %5$s%6$s%n",
                "org.eclipse.jetty.level=WARNING",
                "io.javalin.level=WARNING",
                "");
        LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
