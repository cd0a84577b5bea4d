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

    /**
     * A digest (SHA-256, hex) of the base instance's records: a journal keeps it with every row, so that a study
     * resumed after its workbook changed solves its scenarios again. Computed on each call (a second at 131,072
     * GPUs): keep it.
     */
    public String digest() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (Object o : List.of(List.of(instance.settings()), instance.racks(), instance.switchModels(),
                    instance.devices(), instance.links(), instance.optics(), instance.sites(), instance.spans(),
                    instance.wdmEquipment())) {
                for (Object record : (List<?>) o) {
                    sha.update(record.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update((byte) '\n');
                }
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
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
