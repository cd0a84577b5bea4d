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
 * bytes are a one-line summary and, on a second line, its key.
 */
final class KeyedCodec implements JobCodec {
    private final Map<String, PlanResult> results = new ConcurrentHashMap<>();
    private final Map<String, StoredInput> inputs = new ConcurrentHashMap<>();

    @Override
    public byte[] writeInput(Instance instance, SolveOptions options) {
        String key = UUID.randomUUID().toString();
        inputs.put(key, new StoredInput(instance, options));
        return (instance.links().size() + " links, " + options.objective() + ", " + options.timeLimitSeconds()
                + " s, " + options.threads() + " threads\n" + key).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public StoredInput readInput(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        StoredInput input = inputs.get(text.substring(text.indexOf('\n') + 1));
        if (input == null) {
            throw new IllegalArgumentException("not an input this codec wrote");
        }
        return input;
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
