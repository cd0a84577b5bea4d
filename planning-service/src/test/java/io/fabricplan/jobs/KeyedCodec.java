package io.fabricplan.jobs;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.model.Instance;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the JSON plan format of module io-json (not a dependency of this module): a result's bytes are a
 * key into this codec's map, so that the tests exercise the store's files and restarts, not a format. The input's
 * bytes are a one-line summary.
 */
final class KeyedCodec implements JobCodec {
    private final Map<String, PlanResult> results = new ConcurrentHashMap<>();

    @Override
    public byte[] writeInput(Instance instance, SolveOptions options) {
        return (instance.links().size() + " links, " + options.objective() + ", " + options.timeLimitSeconds()
                + " s, " + options.threads() + " threads").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] writeResult(PlanResult result) {
        String key = UUID.randomUUID().toString();
        results.put(key, result);
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public PlanResult readResult(byte[] bytes) {
        PlanResult result = results.get(new String(bytes, StandardCharsets.UTF_8));
        if (result == null) {
            throw new IllegalArgumentException("not a result this codec wrote");
        }
        return result;
    }

    @Override
    public String fileExtension() {
        return "txt";
    }
}
