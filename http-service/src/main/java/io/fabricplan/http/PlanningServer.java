package io.fabricplan.http;

import io.fabricplan.api.Planner;
import io.fabricplan.excel.ReadLimits;
import io.fabricplan.jobs.CheckedPlanner;
import io.fabricplan.jobs.FileJobStore;
import io.fabricplan.jobs.JobState;
import io.fabricplan.jobs.JobStore;
import io.fabricplan.jobs.PlanningService;
import io.fabricplan.json.JsonLimits;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The planner over HTTP ({@code fabricplan serve}): a Javalin (Jetty 12) server in front of a
 * {@link PlanningService} for asynchronous jobs and of a {@link QuoteGate} for synchronous quotes, every plan it
 * hands out first passed by the independent checker ({@link CheckedPlanner}). The routes are in {@link Routes};
 * what they answer is described by {@code GET /v1/openapi.json}.
 *
 * <pre>{@code
 * try (PlanningServer server = PlanningServer.builder().port(0).build().start()) {
 *     URI base = server.uri();   // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class PlanningServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PlanningServer.class.getName());

    private final Builder settings;
    private final PlanningService service;
    private final Planner planner;
    private final QuoteGate quotes;
    private final UploadBudget uploadBudget;
    private final Path uploads;
    private final boolean ownUploads;
    private final Javalin app;
    private volatile boolean started;

    private PlanningServer(Builder b) {
        this.settings = b.copy();
        this.planner = new CheckedPlanner(b.planner != null ? b.planner : Planner.create());
        JobStore store = b.dataDir == null ? JobStore.memoryOnly() : FileJobStore.open(b.dataDir, new JsonJobCodec());
        try {
            PlanningService.Builder jobs = PlanningService.builder().planner(planner);
            if (b.parallelism > 0) {
                jobs.parallelism(b.parallelism);
            }
            this.service = jobs.threadsPerSolve(b.threadsPerSolve).queueCapacity(b.queueCapacity).expireAfter(b.expireAfter)
                    .store(store).build();
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
        this.quotes = new QuoteGate(service.parallelism(), b.queueCapacity);
        this.uploadBudget = new UploadBudget(b.uploadBudgetBytes > 0 ? b.uploadBudgetBytes
                : Math.max(4 * b.maxBodyBytes, 256L << 20), b.uploadPatience);
        try {
            this.ownUploads = b.dataDir == null;
            this.uploads = ownUploads ? Files.createTempDirectory("fabricplan-uploads-")
                    : Files.createDirectories(b.dataDir.resolve("uploads"));
        } catch (IOException e) {
            service.close();
            throw new UncheckedIOException("cannot create the folder for uploaded workbooks: " + e.getMessage(), e);
        }
        Routes routes = new Routes(this);
        this.app = Javalin.create(config -> {
            config.jetty.host = settings.bind;
            config.jetty.port = settings.port;
            config.http.maxRequestSize = settings.maxBodyBytes;
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            routes.register(config);
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Warms the planner up (see {@link #warmUp}), then starts serving; returns once the port is open.
     */
    public PlanningServer start() {
        warmUp();
        app.start();
        started = true;
        LOG.log(System.Logger.Level.DEBUG, () -> "fabricplan serving on " + uri() + " (" + service.parallelism()
                + " solves at a time, " + service.threadsPerSolve() + " thread(s) each, queue "
                + service.queueCapacity() + (settings.tokens == null ? ", no token required" : ", bearer tokens: "
                + settings.tokens.size()) + (settings.dataDir == null ? ", jobs in memory" : ", jobs in "
                + settings.dataDir) + ")");
        return this;
    }

    /**
     * Runs one quote's path once, on the tiny instance of {@code warm-up.json} (README's tiny fabric): the JSON
     * reader, the validator, the solver's natives and first-solve start-up, the checker and the plan writer, so that
     * the first quote a client sends is as fast as the next (cold, that path takes about two seconds). A failure here
     * is logged and left to the requests to report.
     */
    static void warmUp() {
        long start = System.nanoTime();
        try (java.io.InputStream in = PlanningServer.class.getResourceAsStream("warm-up.json")) {
            io.fabricplan.json.InstanceJson.ReadResult read = io.fabricplan.json.InstanceJson.read(in,
                    JsonLimits.DEFAULTS);
            io.fabricplan.model.Instance tiny = read.instance();
            io.fabricplan.api.PlanResult result = new CheckedPlanner(Planner.create()).solve(tiny,
                    io.fabricplan.api.SolveOptions.from(tiny.settings()).withThreads(1).withTimeLimitSeconds(10));
            io.fabricplan.json.PlanJson.write(tiny, result, result.statistics().solver(),
                    java.io.OutputStream.nullOutputStream());
            LOG.log(System.Logger.Level.DEBUG, () -> String.format(Locale.ROOT, "warmed up in %.2f s (%s)",
                    (System.nanoTime() - start) / 1e9, result.status()));
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "warming the planner up failed; the first request will say why: "
                    + e);
        }
    }

    /** The port served (the one chosen when the builder's port was 0); -1 before {@link #start}. */
    public int port() {
        return started ? app.port() : -1;
    }

    /** The address served, e.g. {@code http://127.0.0.1:8080}. */
    public java.net.URI uri() {
        String host = settings.bind.contains(":") ? "[" + settings.bind + "]" : settings.bind;
        return java.net.URI.create("http://" + host + ":" + port());
    }

    /** The job service behind {@code /v1/jobs}. */
    public PlanningService jobs() {
        return service;
    }

    /**
     * Stops accepting requests, then closes the job service (queued jobs end unsolved, solving ones with their best
     * plans, all stored with {@code --data}), and removes uploads not yet read. Idempotent.
     */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            service.close();
            if (ownUploads) {
                deleteTree(uploads);
            }
        }
    }

    Builder settings() {
        return settings;
    }

    PlanningService service() {
        return service;
    }

    Planner planner() {
        return planner;
    }

    QuoteGate quotes() {
        return quotes;
    }

    UploadBudget uploadBudget() {
        return uploadBudget;
    }

    Path uploads() {
        return uploads;
    }

    /** Counts for the health answer. */
    long jobsIn(JobState state) {
        return service.jobs().stream().filter(s -> s.state() == state).count();
    }

    /** A fresh error id: the log line with the stack trace carries it, the 500 answer too. */
    static String errorId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static void logFailure(String errorId, String what, Throwable e) {
        LOG.log(System.Logger.Level.ERROR, "error " + errorId + ": " + what, e);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temporary folder: the system cleans what is left
                }
            });
        } catch (IOException e) {
            // as above
        }
    }

    /** What a server is started with; every value has a default fit for one machine. */
    public static final class Builder {
        String bind = "127.0.0.1";
        int port = 8080;
        Path dataDir;
        BearerTokens tokens;
        long maxBodyBytes = 64L << 20;
        long uploadBudgetBytes;
        /** How long a request waits for room in the upload budget; tests shorten it. */
        Duration uploadPatience = Duration.ofSeconds(10);
        int parallelism;
        int threadsPerSolve = 1;
        int queueCapacity = 64;
        Duration expireAfter = Duration.ofHours(1);
        Duration quoteDeadline = Duration.ofSeconds(10);
        Duration maxQuoteDeadline = Duration.ofMinutes(5);
        ReadLimits workbookLimits = ReadLimits.DEFAULTS;
        JsonLimits jsonLimits = JsonLimits.DEFAULTS;
        Planner planner;

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.bind = bind;
            b.port = port;
            b.dataDir = dataDir;
            b.tokens = tokens;
            b.maxBodyBytes = maxBodyBytes;
            b.uploadBudgetBytes = uploadBudgetBytes;
            b.uploadPatience = uploadPatience;
            b.parallelism = parallelism;
            b.threadsPerSolve = threadsPerSolve;
            b.queueCapacity = queueCapacity;
            b.expireAfter = expireAfter;
            b.quoteDeadline = quoteDeadline;
            b.maxQuoteDeadline = maxQuoteDeadline;
            b.workbookLimits = workbookLimits;
            b.jsonLimits = jsonLimits;
            b.planner = planner;
            return b;
        }

        /** Address to listen on; {@code 127.0.0.1} (this machine only) unless told otherwise. */
        public Builder bind(String value) {
            this.bind = Objects.requireNonNull(value, "bind");
            return this;
        }

        /** Port to listen on, 0 for any free one ({@link #port()} tells which). Default 8080. */
        public Builder port(int value) {
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException("port " + value + " is not 0-65535");
            }
            this.port = value;
            return this;
        }

        /** Folder where every job's input and result are kept across restarts; null (default) keeps them in memory. */
        public Builder dataDir(Path value) {
            this.dataDir = value;
            return this;
        }

        /** Bearer tokens required of every request but {@code GET /v1/health}; null (default): none required. */
        public Builder tokens(java.util.List<String> value) {
            this.tokens = value == null ? null : BearerTokens.of(value);
            return this;
        }

        /** As {@link #tokens}, read from a token file (one per line, # comments). */
        public Builder tokenFile(Path value) {
            this.tokens = value == null ? null : BearerTokens.read(value);
            return this;
        }

        /** Largest request body accepted (413 beyond). Default 64 MiB. */
        public Builder maxBodyBytes(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("max body bytes " + value + " < 1");
            }
            this.maxBodyBytes = value;
            return this;
        }

        /**
         * Bytes of request bodies held at once, across requests (503 with Retry-After beyond, after a wait); 0
         * (default): four bodies of the largest size, at least 256 MiB. At least the largest body.
         */
        public Builder uploadBudgetBytes(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("upload budget " + value + " < 0");
            }
            this.uploadBudgetBytes = value;
            return this;
        }

        /** Jobs (and, apart, quotes) solved at once; 0 (default): cores / threads per solve. */
        public Builder parallelism(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("parallelism " + value + " < 0");
            }
            this.parallelism = value;
            return this;
        }

        /** Solver threads of one solve at most. Default 1: quotes are small, and many at once. */
        public Builder threadsPerSolve(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads per solve " + value + " < 1");
            }
            this.threadsPerSolve = value;
            return this;
        }

        /** Jobs that may wait beyond those solving (429 beyond), and quotes likewise. Default 64. */
        public Builder queueCapacity(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("queue capacity " + value + " < 0");
            }
            this.queueCapacity = value;
            return this;
        }

        /** How long a finished job is kept. Default an hour. */
        public Builder expireAfter(Duration value) {
            this.expireAfter = Objects.requireNonNull(value, "expireAfter");
            return this;
        }

        /** Deadline of a quote that gives no {@code deadline_ms} (default 10 s), and the most one may ask (5 min). */
        public Builder quoteDeadlines(Duration byDefault, Duration most) {
            if (byDefault.isNegative() || byDefault.isZero() || most.compareTo(byDefault) < 0) {
                throw new IllegalArgumentException("quote deadlines " + byDefault + " and " + most
                        + ": need 0 < default <= most");
            }
            this.quoteDeadline = byDefault;
            this.maxQuoteDeadline = most;
            return this;
        }

        /** Limits an uploaded workbook is read under. */
        public Builder workbookLimits(ReadLimits value) {
            this.workbookLimits = Objects.requireNonNull(value, "workbookLimits");
            return this;
        }

        /** Limits an uploaded JSON document is read under. */
        public Builder jsonLimits(JsonLimits value) {
            this.jsonLimits = Objects.requireNonNull(value, "jsonLimits");
            return this;
        }

        /** The planner (default {@link Planner#create()}); every plan it returns is checked before it is served. */
        public Builder planner(Planner value) {
            this.planner = value;
            return this;
        }

        /** A server, not yet started. */
        public PlanningServer build() {
            if (uploadBudgetBytes > 0 && uploadBudgetBytes < maxBodyBytes) {
                throw new IllegalArgumentException("the upload budget of " + uploadBudgetBytes + " bytes is less than "
                        + "one body of the largest size, " + maxBodyBytes + ". Maybe give at least that.");
            }
            return new PlanningServer(this);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "bind %s port %d", bind, port);
        }
    }
}
