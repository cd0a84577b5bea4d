package io.fabricplan.http;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.jobs.JobCodec;
import io.fabricplan.jobs.StoredInput;
import io.fabricplan.json.JobJson;
import io.fabricplan.model.Instance;

/** The service's jobs on disk as JSON ({@code input.json}, {@code result.json}): the documents of {@link JobJson}. */
final class JsonJobCodec implements JobCodec {

    @Override
    public byte[] writeInput(Instance instance, SolveOptions options) {
        return JobJson.writeInput(instance, options);
    }

    @Override
    public StoredInput readInput(byte[] bytes) {
        JobJson.JobInput input = JobJson.readInput(bytes);
        return new StoredInput(input.instance(), input.options());
    }

    @Override
    public byte[] writeResult(PlanResult result) {
        return JobJson.writeResult(result);
    }

    @Override
    public PlanResult readResult(byte[] bytes) {
        return JobJson.readResult(bytes);
    }

    @Override
    public String fileExtension() {
        return "json";
    }
}
