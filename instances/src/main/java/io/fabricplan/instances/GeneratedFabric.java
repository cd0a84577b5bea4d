package io.fabricplan.instances;

import io.fabricplan.model.Instance;
import java.util.List;

/**
 * What {@link FabricGenerator#generate} returns.
 *
 * @param instance the instance, ready for {@code InstanceWorkbookWriter.write}
 * @param sizing   its sizes
 * @param warnings what the planner should know, e.g. that the GPU count was rounded up
 */
public record GeneratedFabric(Instance instance, FabricSizing sizing, List<String> warnings) {
    public GeneratedFabric {
        warnings = List.copyOf(warnings);
    }
}
