package io.fabricplan.dwdm.rwa;

/** Solver options: wall-clock limit in seconds, random seed, and CP-SAT worker threads. */
public record RwaOptions(double timeLimitS, long seed, int threads) {
    public RwaOptions {
        if (!(timeLimitS > 0)) {
            throw new IllegalArgumentException("time limit must be positive");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    public static RwaOptions withTimeLimit(double seconds) {
        return new RwaOptions(seconds, 1, Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
    }
}
