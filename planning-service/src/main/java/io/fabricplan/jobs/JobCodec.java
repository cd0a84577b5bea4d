package io.fabricplan.jobs;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.model.Instance;

/**
 * How {@link FileJobStore} turns a job's input and result into bytes and back: the caller's format (the HTTP
 * service uses the JSON of module io-json), so that this module needs no serialisation library.
 */
public interface JobCodec {

    /** The input of a job, as it was solved (the options carry the service's thread cap). */
    byte[] writeInput(Instance instance, SolveOptions options);

    /**
     * An input {@link #writeInput} wrote, read back (a restarted service renders its finished jobs' plans from it).
     * The default reads nothing: a codec that does not override it serves results only.
     *
     * @throws UnsupportedOperationException when this codec does not read inputs back
     */
    default StoredInput readInput(byte[] bytes) {
        throw new UnsupportedOperationException("the job codec " + getClass().getName() + " does not read inputs "
                + "back. Maybe implement JobCodec.readInput (io-json's JobJson.readInput reads what "
                + "JobJson.writeInput wrote), so that a restarted service can render its finished jobs' plans.");
    }

    /** A job's result. */
    byte[] writeResult(PlanResult result);

    /** A result {@link #writeResult} wrote. */
    PlanResult readResult(byte[] bytes);

    /** The extension of the input and result files ({@code json}: {@code input.json}, {@code result.json}). */
    default String fileExtension() {
        return "bin";
    }
}
