package io.fabricplan.http;

import io.fabricplan.validate.InputProblem;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A request the service answers with an error: its HTTP status, a stable code for programs ({@code invalid_input},
 * {@code body_too_large}, ...), a message for people naming the values, a "Maybe ..." hint, and for bad input every
 * problem by cell or JSON pointer. Thrown by the handlers, written by one exception handler as
 * {@code {"error": code, "message": ..., "hint": ..., "problems": [...], "problem_count": n}}.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String hint;
    private final transient List<InputProblem> problems;
    private final long problemCount;
    private final transient Duration retryAfter;

    ApiException(int status, String code, String message, String hint) {
        this(status, code, message, hint, List.of(), 0, null);
    }

    ApiException(int status, String code, String message, String hint, List<InputProblem> problems,
                 long problemCount, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.hint = hint;
        this.problems = List.copyOf(problems);
        this.problemCount = Math.max(problemCount, problems.size());
        this.retryAfter = retryAfter;
    }

    /** 400 with every problem of an input. */
    static ApiException invalid(String what, List<InputProblem> problems, long problemCount) {
        long n = Math.max(problemCount, problems.size());
        return new ApiException(400, "invalid_input", what + " has " + n + (n == 1 ? " problem" : " problems")
                + (problems.isEmpty() ? "" : ", the first: " + problems.get(0).where() + ": "
                + problems.get(0).message()), "fix each problem named in \"problems\" (by cell or JSON pointer) and "
                + "send it again.", problems, n, null);
    }

    /** 404 for a job id the service does not know. */
    static ApiException unknownJob(String id) {
        return new ApiException(404, "unknown_job", "no job \"" + id + "\": never submitted here, or finished and "
                + "expired.", "list the jobs known with GET /v1/jobs; finished jobs are kept for the time "
                + "`fabricplan serve --expire-after` sets.");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String hint() {
        return hint;
    }

    List<InputProblem> problems() {
        return problems;
    }

    long problemCount() {
        return problemCount;
    }

    /** For 429 and 503: when to try again; null otherwise. */
    Duration retryAfter() {
        return retryAfter;
    }
}
