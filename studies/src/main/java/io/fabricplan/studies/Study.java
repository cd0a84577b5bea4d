package io.fabricplan.studies;

import io.fabricplan.model.Instance;
import io.fabricplan.study.Scenario;
import java.util.List;
import java.util.Objects;

/**
 * A trade-off study: an instance and its scenarios, each the instance with its overrides applied. An instance
 * alone is the study of one scenario, {@code base}, without overrides.
 *
 * @param name      what the results call the study (e.g. the workbook's file name)
 * @param instance  the base instance, valid
 * @param scenarios the scenarios, ids unique
 */
public record Study(String name, Instance instance, List<Scenario> scenarios) {
    public Study {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(instance, "instance");
        scenarios = List.copyOf(scenarios);
        if (scenarios.stream().map(Scenario::id).distinct().count() != scenarios.size()) {
            throw new IllegalArgumentException("scenario ids must be unique");
        }
    }

    /** The override headers of the scenarios in first-seen order, canonical spelling. */
    public List<String> overrideHeaders() {
        return scenarios.stream().flatMap(s -> s.overrides().stream()).map(o -> o.target().header()).distinct()
                .toList();
    }

    /**
     * The scenarios of shard {@code shard} of {@code shards} (1-based): every shards-th scenario from the
     * shard-th, so that shards of a sweep get similar work.
     */
    public List<Integer> shard(int shard, int shards) {
        if (shards < 1 || shard < 1 || shard > shards) {
            throw new IllegalArgumentException("shard " + shard + "/" + shards + " is not a shard. Maybe write I/N "
                    + "with 1 <= I <= N, e.g. --shard 1/4.");
        }
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = shard - 1; i < scenarios.size(); i += shards) {
            out.add(i);
        }
        return out;
    }
}
