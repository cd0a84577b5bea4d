package io.fabricplan.api;

/** Receives progress during a solve. Called from solver threads: keep it short and thread-safe. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = p -> { };

    void onProgress(Progress progress);
}
