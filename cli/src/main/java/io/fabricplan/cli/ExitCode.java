package io.fabricplan.cli;

/** The process exit codes of fabricplan. */
final class ExitCode {
    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int INVALID_INPUT = 2;
    static final int INFEASIBLE = 3;
    static final int NO_PLAN = 4;
    static final int VIOLATIONS = 5;

    private ExitCode() {
    }
}
