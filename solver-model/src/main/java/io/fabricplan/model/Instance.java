package io.fabricplan.model;

import java.util.List;
import java.util.Objects;

/**
 * A fabric planning instance: what the workbook's sheets hold. Lists are copied and immutable; look-ups by id
 * go through {@link InstanceIndex}.
 */
public record Instance(Settings settings, List<Rack> racks, List<SwitchModel> switchModels, List<Device> devices,
                       List<Link> links, List<Optic> optics) {
    public Instance {
        Objects.requireNonNull(settings, "settings");
        racks = List.copyOf(racks);
        switchModels = List.copyOf(switchModels);
        devices = List.copyOf(devices);
        links = List.copyOf(links);
        optics = List.copyOf(optics);
    }

    public Instance withSettings(Settings value) {
        return new Instance(value, racks, switchModels, devices, links, optics);
    }
}
