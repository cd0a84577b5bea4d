package io.fabricplan.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.check.StatedFigures;
import io.fabricplan.excel.InstanceWorkbookReader;
import io.fabricplan.excel.PlanWorkbookReader;
import io.fabricplan.excel.PlanWorkbookWriter;
import io.fabricplan.jobs.JobFailedException;
import io.fabricplan.jobs.JobRejectedException;
import io.fabricplan.jobs.JobState;
import io.fabricplan.jobs.JobStatus;
import io.fabricplan.jobs.PlanningJob;
import io.fabricplan.json.InstanceJson;
import io.fabricplan.json.OptionsJson;
import io.fabricplan.json.PlanJson;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Plan;
import io.fabricplan.validate.InputProblem;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

/**
 * The service's routes, one small method each; what each answers is in {@code openapi.json} (a test compares the
 * two). Errors are thrown as {@link ApiException}s and written by one handler; anything else thrown is a 500 with
 * an error id, its stack trace in the log only.
 */
final class Routes {
    static final String HEALTH = "/v1/health";
    /** Query parameters the routes own; every other one is a solve option. */
    private static final Set<String> OWN_PARAMETERS = Set.of("id", "deadline_ms");
    /** Violations listed in a check's answer; the rest are counted. */
    private static final int VIOLATIONS_SHOWN = 200;
    /** What problems of an uploaded workbook call it. */
    static final String UPLOAD_NAME = "upload.xlsx";

    private final PlanningServer server;
    private final PlanningServer.Builder settings;

    Routes(PlanningServer server) {
        this.server = server;
        this.settings = server.settings();
    }

    void register(JavalinConfig config) {
        config.routes.before(this::authorize);
        config.routes.after(ctx -> {
            UploadBudget.Lease lease = ctx.attribute(UploadBudget.LEASE);
            if (lease != null) {
                lease.release();
            }
        });
        config.routes.get(HEALTH, this::health);
        config.routes.get("/v1/openapi.json", this::openApi);
        config.routes.post("/v1/jobs", this::submit);
        config.routes.get("/v1/jobs", this::list);
        config.routes.get("/v1/jobs/{id}", this::status);
        config.routes.get("/v1/jobs/{id}/plan", this::plan);
        config.routes.delete("/v1/jobs/{id}", this::cancel);
        config.routes.post("/v1/quote", this::quote);
        config.routes.post("/v1/validate", this::validate);
        config.routes.post("/v1/check", this::check);
        config.routes.exception(ApiException.class, (e, ctx) -> Replies.error(ctx, e));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> Replies.error(ctx, javalins(e, ctx)));
        config.routes.exception(Exception.class, (e, ctx) -> {
            String id = PlanningServer.errorId();
            PlanningServer.logFailure(id, ctx.method() + " " + ctx.path(), e);
            Replies.error(ctx, new ApiException(500, "internal_error", "the service failed on this request "
                    + "(error id " + id + "); the details are in the service's log under that id.",
                    "report the error id to whoever runs the service; the request may succeed if sent again."));
        });
        config.routes.error(404, "*", ctx -> {
            if (ctx.resultInputStream() == null) {
                Replies.error(ctx, new ApiException(404, "not_found", "no route " + ctx.method() + " "
                        + ctx.path() + ".", "see GET /v1/openapi.json for the routes."));
            }
        });
    }

    // ------------------------------------------------------------------------------------------------- access

    private void authorize(Context ctx) {
        if (settings.tokens == null || ctx.path().equals(HEALTH)) {
            return;
        }
        if (!settings.tokens.accepts(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"fabricplan\"");
            throw new ApiException(401, "unauthorized", ctx.header("Authorization") == null
                    ? "this service requires a bearer token, and the request has no Authorization header."
                    : "the bearer token of the request is not one this service accepts.",
                    "send the header `Authorization: Bearer <token>` with a token from the service's token file.");
        }
    }

    private ApiException javalins(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        return switch (status) {
            case 404 -> new ApiException(404, "not_found", "no route " + ctx.method() + " " + ctx.path() + ".",
                    "see GET /v1/openapi.json for the routes.");
            case 405 -> new ApiException(405, "method_not_allowed", ctx.method() + " is not served on "
                    + ctx.path() + ".", "see GET /v1/openapi.json for the methods of each route.");
            case 413 -> Upload.tooLarge(-1, settings.maxBodyBytes);
            default -> new ApiException(status, "http_" + status, e.getMessage(), null);
        };
    }

    // ------------------------------------------------------------------------------------------------- service

    private void health(Context ctx) {
        Replies.send(ctx, 200, Replies.obj().put("status", "UP")
                .put("version", version())
                .put("parallelism", server.service().parallelism())
                .put("threads_per_solve", server.service().threadsPerSolve())
                .put("queue_capacity", server.service().queueCapacity())
                .put("jobs_queued", server.jobsIn(JobState.QUEUED))
                .put("jobs_solving", server.jobsIn(JobState.SOLVING))
                .put("quotes_solving", server.quotes().solving(server.service().parallelism()))
                .put("quotes_waiting", server.quotes().waiting())
                .put("durable", settings.dataDir != null)
                .put("tokens_required", settings.tokens != null));
    }

    static String version() {
        String v = Routes.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    private void openApi(Context ctx) throws IOException {
        try (InputStream in = Routes.class.getResourceAsStream("openapi.json")) {
            ctx.contentType(Replies.JSON).result(in.readAllBytes());
        }
    }

    // ------------------------------------------------------------------------------------------------- jobs

    private void submit(Context ctx) {
        SolveInput in = solveInput(ctx);
        String id = in.id != null ? in.id : ctx.queryParam("id") != null ? ctx.queryParam("id")
                : UUID.randomUUID().toString();
        PlanningJob job;
        try {
            job = server.service().submit(id, in.instance, in.options);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid_job_id", "job id \"" + id + "\" is not valid: " + e.getMessage(),
                    "use 1 to 128 letters, digits, '.', '_' and '-', not starting with '.'; or give none for a "
                            + "random id.");
        } catch (JobRejectedException e) {
            throw switch (e.reason()) {
                case QUEUE_FULL -> new ApiException(429, "queue_full", e.getMessage(), "retry after the time in "
                        + "Retry-After.", List.of(), 0, e.retryAfter() == null ? Duration.ofSeconds(1)
                        : e.retryAfter());
                case DUPLICATE_ID -> new ApiException(409, "duplicate_job_id", e.getMessage(), null);
                case CLOSED -> new ApiException(503, "closing", e.getMessage(), "submit it when the service is "
                        + "back.", List.of(), 0, Duration.ofSeconds(5));
            };
        }
        String url = "/v1/jobs/" + job.id();
        ctx.header("Location", url);
        Replies.send(ctx, 202, Replies.status(job.status()));
    }

    private void list(Context ctx) {
        List<Object> all = new ArrayList<>();
        for (JobStatus s : server.service().jobs()) {
            all.add(Replies.status(s).fields);
        }
        Replies.send(ctx, 200, Replies.obj().put("count", all.size()).put("jobs", all));
    }

    private void status(Context ctx) {
        Replies.send(ctx, 200, Replies.status(job(ctx).status()));
    }

    private void plan(Context ctx) {
        PlanningJob job = job(ctx);
        JobStatus s = job.status();
        if (!s.state().isFinished()) {
            throw new ApiException(409, "not_finished", "job \"" + s.id() + "\" is " + s.state() + " ("
                    + s.message() + "): its plan comes when it ends.", "poll GET /v1/jobs/" + s.id() + " until its "
                    + "state is DONE, or cancel it with DELETE /v1/jobs/" + s.id() + " for its best plan so far.");
        }
        PlanResult result = job.bestSoFar().orElseThrow(() -> failed(s));
        Instance instance = instanceOf(job);
        // a result read back from the store has no evaluations: recomputed under its objective, as solve gives them
        sendPlan(ctx, instance, result.evaluation() == null && result.plan() != null
                ? io.fabricplan.json.JobJson.evaluated(result, instance) : result);
    }

    private void cancel(Context ctx) {
        PlanningJob job = job(ctx);
        PlanResult result;
        try {
            result = job.cancel();
        } catch (JobFailedException e) {
            throw failed(job.status());
        }
        sendPlan(ctx, instanceOf(job), result);
    }

    private PlanningJob job(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            return server.service().job(id);
        } catch (NoSuchElementException e) {
            throw ApiException.unknownJob(id);
        }
    }

    private static ApiException failed(JobStatus s) {
        return new ApiException(409, "job_failed", "job \"" + s.id() + "\" FAILED: " + s.message()
                + (s.errorId() == null ? "" : " (error id " + s.errorId() + ")") + "; it has no plan.",
                "submit it again; report the error id if it fails again.");
    }

    /** The job's instance, to render its plan from (a restarted service reads it from the store). */
    private static Instance instanceOf(PlanningJob job) {
        return job.instance();
    }

    /** The plan as JSON, or as a plan workbook when the client accepts one (and not JSON first). */
    private void sendPlan(Context ctx, Instance instance, PlanResult result) {
        String accept = ctx.header("Accept") == null ? "" : ctx.header("Accept").toLowerCase(Locale.ROOT);
        String solver = result.statistics() == null ? null : result.statistics().solver();
        if (accept.contains("spreadsheetml") && !accept.startsWith(Replies.JSON)) {
            Path file = null;
            try {
                file = Files.createTempFile(server.uploads(), "plan-", ".xlsx");
                Files.delete(file); // the writer creates it atomically
                PlanWorkbookWriter.write(null, instance, result, solver, file);
                ctx.status(200).contentType(Upload.XLSX)
                        .header("Content-Disposition", "attachment; filename=\"plan.xlsx\"")
                        .result(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteQuietly(file);
            }
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            PlanJson.write(instance, result, solver, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.status(200).contentType(Replies.JSON).result(out.toByteArray());
    }

    // ------------------------------------------------------------------------------------------------- quote

    private void quote(Context ctx) throws InterruptedException {
        long arrived = System.nanoTime();
        Duration deadline = deadline(ctx);
        SolveInput in = solveInput(ctx);
        Duration patience = deadline.minusNanos(System.nanoTime() - arrived);
        PlanResult result;
        try (QuoteGate.Slot slot = server.quotes().enter(patience)) {
            long left = deadline.toNanos() - (System.nanoTime() - arrived);
            // keep back a tenth (at most 100 ms) for the answer to be written
            long solveNanos = left - Math.min(100_000_000L, deadline.toNanos() / 10);
            if (solveNanos <= 0) {
                throw new ApiException(503, "deadline_passed", "the quote's deadline of " + deadline.toMillis()
                        + " ms passed before its solve could start.", "give a longer ?deadline_ms=.", List.of(), 0,
                        Duration.ofSeconds(1));
            }
            SolveOptions options = in.options.withTimeLimitSeconds(Math.min(in.options.timeLimitSeconds(),
                    solveNanos / 1e9));
            int threads = settings.threadsPerSolve;
            if (options.threads() == 0 || options.threads() > threads) {
                options = options.withThreads(threads);
            }
            result = server.planner().solve(in.instance, options);
        }
        if (result.status() == SolveStatus.INVALID) {
            throw ApiException.invalid("the instance", result.diagnostics().stream()
                    .map(d -> new InputProblem("/", d, null)).toList(), result.diagnostics().size());
        }
        sendPlan(ctx, in.instance, result);
    }

    private Duration deadline(Context ctx) {
        String text = ctx.queryParam("deadline_ms");
        if (text == null) {
            return settings.quoteDeadline;
        }
        long ms;
        try {
            ms = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            ms = -1;
        }
        if (ms < 1 || ms > settings.maxQuoteDeadline.toMillis()) {
            throw ApiException.invalid("the request", List.of(new InputProblem("query parameter deadline_ms",
                    "\"" + text + "\" is not a whole number of milliseconds from 1 to "
                            + settings.maxQuoteDeadline.toMillis(), "give e.g. ?deadline_ms=2000; longer solves "
                    + "go through POST /v1/jobs.")), 1);
        }
        return Duration.ofMillis(ms);
    }

    // ------------------------------------------------------------------------------------------------- inputs

    private void validate(Context ctx) {
        Upload up = Upload.read(ctx, settings.maxBodyBytes, server.uploadBudget());
        Read read = readInstance(up, "instance", List.of());
        if (!read.envelopeProblems.isEmpty()) {
            throw ApiException.invalid("the request", read.envelopeProblems, read.envelopeProblems.size());
        }
        Instance i = read.instance;
        Replies.send(ctx, 200, Replies.obj().put("valid", true).put("warnings", read.warnings)
                .put("racks", i.racks().size()).put("switch_models", i.switchModels().size())
                .put("devices", i.devices().size()).put("links", i.links().size())
                .put("cables", i.links().stream().mapToLong(io.fabricplan.model.Link::count).sum())
                .put("optics", i.optics().size()).put("sites", i.sites().size()).put("spans", i.spans().size()));
    }

    private void check(Context ctx) {
        Upload up = Upload.read(ctx, settings.maxBodyBytes, server.uploadBudget());
        Read read = readInstance(up, "instance", List.of("plan"));
        Plan plan;
        StatedFigures stated;
        if (up.workbook) {
            Path file = spill(up);
            try {
                PlanWorkbookReader.PlanReadResult p = PlanWorkbookReader.read(file, settings.workbookLimits);
                if (!p.problems().isEmpty()) {
                    throw ApiException.invalid("the plan workbook", p.problems(), p.problems().size());
                }
                plan = p.plan();
                stated = p.stated();
            } finally {
                deleteSpilled(file);
            }
        } else {
            Upload.Span span = read.parts == null ? null : read.parts.parts().get("plan");
            if (span == null) {
                throw ApiException.invalid("the request", List.of(new InputProblem("/plan", "is missing",
                        "send {\"instance\": {...}, \"plan\": {...}}: the instance JSON and the plan JSON that "
                                + "solve wrote, or the plan workbook alone (it holds its instance's sheets).")), 1);
            }
            PlanJson.ReadResult p = PlanJson.read(new java.io.ByteArrayInputStream(up.body, span.offset(),
                    span.length()), settings.jsonLimits);
            if (p.problemCount() > 0) {
                throw ApiException.invalid("the plan", prefixed(p.problems(), "/plan"), p.problemCount());
            }
            plan = p.plan();
            stated = p.stated();
        }
        CheckReport report = new PlanChecker(read.instance).check(plan, stated);
        List<Object> violations = report.violations().stream().limit(VIOLATIONS_SHOWN)
                .map(v -> (Object) Replies.obj().put("kind", v.kind()).put("subject", v.subject())
                        .put("message", v.message()).fields).toList();
        // notes: what the rules allow but is worth a look (a twin-port module with a port idle); never a failure
        Replies.Obj body = Replies.obj().put("passed", report.passed())
                .put("violation_count", report.violations().size()).put("violations", violations)
                .put("notes", report.notes().stream().limit(VIOLATIONS_SHOWN).toList())
                .put("links", plan.links().size());
        if (report.evaluation() != null) {
            body.put("capex_usd", report.evaluation().capexUsd()).put("power_w", report.evaluation().powerW())
                    .put("tco_usd", report.evaluation().tcoUsd());
        }
        Replies.send(ctx, 200, body);
    }

    /** An instance with its solve options and job id. */
    private record SolveInput(Instance instance, SolveOptions options, String id) {
    }

    /** Reads the instance of a solve request (a workbook, an instance document or an envelope) and its options. */
    private SolveInput solveInput(Context ctx) {
        Upload up = Upload.read(ctx, settings.maxBodyBytes, server.uploadBudget());
        Read read = readInstance(up, "instance", List.of());
        List<InputProblem> problems = new ArrayList<>(read.envelopeProblems);
        SolveOptions base = SolveOptions.from(read.instance.settings());
        OptionsJson.Result fromQuery = OptionsJson.fromParameters(ctx.queryParamMap(), base, OWN_PARAMETERS);
        problems.addAll(fromQuery.problems());
        // options with problems come back null: the envelope's are then read over the instance's, for their problems
        SolveOptions options = fromQuery.ok() ? fromQuery.options() : base;
        JsonNode envelopeOptions = read.parts == null ? null : read.parts.options();
        if (envelopeOptions != null) {
            OptionsJson.Result fromBody = OptionsJson.read(envelopeOptions, "/options", options);
            problems.addAll(fromBody.problems());
            options = fromBody.options();
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("the request", problems, problems.size());
        }
        Instance instance = read.instance.withSettings(read.instance.settings().withObjective(options.objective()));
        return new SolveInput(instance, options, read.parts == null ? null : read.parts.id());
    }

    /** What reading a request's instance gave: it (valid), its warnings, the envelope's parts and problems. */
    private record Read(Instance instance, List<String> warnings, Upload.Parts parts,
                        List<InputProblem> envelopeProblems) {
    }

    /**
     * The instance of an upload, read under the limits.
     *
     * @throws ApiException 400 with every problem of the instance, by cell or JSON pointer
     */
    private Read readInstance(Upload up, String field, List<String> otherParts) {
        if (up.workbook) {
            Path file = spill(up);
            try {
                InstanceWorkbookReader.ReadResult r = InstanceWorkbookReader.read(file, settings.workbookLimits);
                if (!r.ok()) {
                    throw ApiException.invalid("the workbook", r.problems(), r.problemCount());
                }
                return new Read(r.instance(), r.warnings(), null, List.of());
            } finally {
                deleteSpilled(file);
            }
        }
        Upload.Parts parts = up.jsonParts(field, otherParts, settings.jsonLimits);
        if (parts.document() == null) {
            throw ApiException.invalid("the request", parts.problems(), parts.problems().size());
        }
        InstanceJson.ReadResult r = InstanceJson.read(parts.documentStream(up.body), settings.jsonLimits);
        if (!r.ok()) {
            List<InputProblem> all = new ArrayList<>(parts.problems());
            all.addAll(prefixed(r.problems(), parts.pointerPrefix()));
            throw ApiException.invalid("the instance", all, r.problemCount() + parts.problems().size());
        }
        return new Read(r.instance(), r.warnings(), parts.pointerPrefix().isEmpty() ? null : parts,
                parts.problems());
    }

    /** Problems of a part of an envelope, with their pointers from the envelope's root. */
    private static List<InputProblem> prefixed(List<InputProblem> problems, String prefix) {
        if (prefix.isEmpty()) {
            return problems;
        }
        return problems.stream().map(p -> new InputProblem(p.where().startsWith("/") ? prefix
                + (p.where().equals("/") ? "" : p.where()) : prefix + ": " + p.where(), p.message(), p.hint()))
                .toList();
    }

    /**
     * An uploaded workbook in a file of its own (the readers read files), removed with {@link #deleteSpilled}. The
     * file is {@link #UPLOAD_NAME} in a folder of its own, so that the problems the readers name by file say
     * "upload.xlsx", not the service's temporary file name.
     */
    private Path spill(Upload up) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory(server.uploads(), "upload-");
            Path file = folder.resolve(UPLOAD_NAME);
            Files.write(file, up.body);
            return file;
        } catch (IOException e) {
            deleteQuietly(folder);
            throw new UncheckedIOException("cannot keep the uploaded workbook for reading: " + e.getMessage(), e);
        }
    }

    /** Removes a workbook {@link #spill} wrote, and its folder. */
    private static void deleteSpilled(Path file) {
        if (file != null) {
            deleteQuietly(file);
            deleteQuietly(file.getParent());
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file in the service's upload folder; removed when the service closes
            }
        }
    }
}
