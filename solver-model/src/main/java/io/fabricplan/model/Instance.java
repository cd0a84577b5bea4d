package io.fabricplan.model;

import java.util.List;
import java.util.Objects;

/**
 * A fabric planning instance: what the workbook's sheets hold. Lists are copied and immutable; look-ups by id
 * go through {@link InstanceIndex}.
 *
 * <p>{@code sites}, {@code spans} and {@code wdmEquipment} describe the fiber between buildings (optional
 * sheets Sites, Spans, WdmEquipment). Without spans, a link between racks of different sites needs its
 * {@code length_m}; with spans, it is routed over them (grey on dedicated fiber pairs, or as a DWDM lightpath).
 */
public record Instance(Settings settings, List<Rack> racks, List<SwitchModel> switchModels, List<Device> devices,
                       List<Link> links, List<Optic> optics, List<Site> sites, List<Span> spans,
                       List<WdmEquipment> wdmEquipment) {
    public Instance {
        Objects.requireNonNull(settings, "settings");
        racks = List.copyOf(racks);
        switchModels = List.copyOf(switchModels);
        devices = List.copyOf(devices);
        links = List.copyOf(links);
        optics = List.copyOf(optics);
        sites = sites == null ? List.of() : List.copyOf(sites);
        spans = spans == null ? List.of() : List.copyOf(spans);
        wdmEquipment = wdmEquipment == null ? List.of() : List.copyOf(wdmEquipment);
    }

    /** An instance within sites, without spans or WDM equipment. */
    public Instance(Settings settings, List<Rack> racks, List<SwitchModel> switchModels, List<Device> devices,
                    List<Link> links, List<Optic> optics) {
        this(settings, racks, switchModels, devices, links, optics, List.of(), List.of(), List.of());
    }

    public Instance withSettings(Settings value) {
        return new Instance(value, racks, switchModels, devices, links, optics, sites, spans, wdmEquipment);
    }

    public Instance withDwdm(List<Site> siteList, List<Span> spanList, List<WdmEquipment> equipment) {
        return new Instance(settings, racks, switchModels, devices, links, optics, siteList, spanList, equipment);
    }

    /** True when links between sites are routed over spans. */
    public boolean hasSpans() {
        return !spans.isEmpty();
    }
}
