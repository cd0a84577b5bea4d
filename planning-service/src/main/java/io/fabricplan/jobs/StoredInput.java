package io.fabricplan.jobs;

import io.fabricplan.api.SolveOptions;
import io.fabricplan.model.Instance;
import java.util.Objects;

/**
 * A job's input as it was solved, read back from a {@link JobStore}: the instance, and the options with the service's
 * thread cap applied. A restarted service renders a finished job's plan from it (the plan JSON and the plan workbook
 * need the instance).
 *
 * @param instance the instance submitted
 * @param options  the options it was solved with
 */
public record StoredInput(Instance instance, SolveOptions options) {
    public StoredInput {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(options, "options");
    }
}
