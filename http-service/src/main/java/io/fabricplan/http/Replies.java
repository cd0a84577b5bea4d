package io.fabricplan.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabricplan.jobs.JobStatus;
import io.fabricplan.validate.InputProblem;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The service's JSON answers: objects built as ordered maps, NaN and infinities written as null. */
final class Replies {
    static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Replies() {
    }

    /** An ordered JSON object under construction. */
    static final class Obj {
        final Map<String, Object> fields = new LinkedHashMap<>();

        Obj put(String name, Object value) {
            if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
                value = null;
            } else if (value instanceof Instant i) {
                value = i.toString();
            } else if (value instanceof Obj o) {
                value = o.fields;
            } else if (value instanceof Enum<?> e) {
                value = e.name();
            }
            fields.put(name, value);
            return this;
        }
    }

    static Obj obj() {
        return new Obj();
    }

    static void send(Context ctx, int status, Obj body) {
        ctx.status(status).contentType(JSON).result(bytes(body));
    }

    static byte[] bytes(Obj body) {
        try {
            return MAPPER.writeValueAsBytes(body.fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings, numbers and lists always serialise", e);
        }
    }

    static List<Map<String, Object>> problems(List<InputProblem> problems) {
        return problems.stream().map(p -> {
            Obj o = obj().put("where", p.where()).put("message", p.message());
            if (p.hint() != null) {
                o.put("hint", "Maybe " + p.hint());
            }
            return o.fields;
        }).toList();
    }

    static void error(Context ctx, ApiException e) {
        Obj body = obj().put("error", e.code()).put("message", e.getMessage());
        if (e.hint() != null) {
            body.put("hint", "Maybe " + e.hint());
        }
        if (e.problemCount() > 0) {
            body.put("problem_count", e.problemCount()).put("problems", problems(e.problems()));
        }
        if (e.retryAfter() != null) {
            ctx.header("Retry-After", Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
        }
        send(ctx, e.status(), body);
    }

    /** A job's status as JSON, with the URLs to poll and to fetch its plan. */
    static Obj status(JobStatus s) {
        String url = "/v1/jobs/" + s.id();
        Obj o = obj().put("id", s.id()).put("state", s.state()).put("url", url)
                .put("submitted_at", s.submittedAt()).put("started_at", s.startedAt())
                .put("finished_at", s.finishedAt()).put("elapsed_seconds", s.elapsedSeconds())
                .put("best_objective", s.bestObjective()).put("best_bound", s.bound())
                .put("relative_gap", s.gap()).put("outcome", s.outcome()).put("message", s.message())
                .put("error_id", s.errorId());
        o.put("plan_url", s.outcome() == null ? null : url + "/plan");
        return o;
    }
}
