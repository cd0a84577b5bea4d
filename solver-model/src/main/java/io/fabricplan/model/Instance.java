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
 *
 * <p>{@code inventory} (sheet Inventory) lists units owned; {@code compatibility} (sheet Compatibility) which optic
 * is qualified on which platform. Both are empty in a v1 workbook.
 */
public record Instance(Settings settings, List<Rack> racks, List<SwitchModel> switchModels, List<Device> devices,
                       List<Link> links, List<Optic> optics, List<Site> sites, List<Span> spans,
                       List<WdmEquipment> wdmEquipment, List<StockItem> inventory,
                       List<CompatibilityRule> compatibility) {
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
        inventory = inventory == null ? List.of() : List.copyOf(inventory);
        compatibility = compatibility == null ? List.of() : List.copyOf(compatibility);
    }

    /** An instance without Inventory or Compatibility rows. */
    public Instance(Settings settings, List<Rack> racks, List<SwitchModel> switchModels, List<Device> devices,
                    List<Link> links, List<Optic> optics, List<Site> sites, List<Span> spans,
                    List<WdmEquipment> wdmEquipment) {
        this(settings, racks, switchModels, devices, links, optics, sites, spans, wdmEquipment, List.of(), List.of());
    }

    /** An instance within sites, without spans or WDM equipment. */
    public Instance(Settings settings, List<Rack> racks, List<SwitchModel> switchModels, List<Device> devices,
                    List<Link> links, List<Optic> optics) {
        this(settings, racks, switchModels, devices, links, optics, List.of(), List.of(), List.of());
    }

    public Instance withSettings(Settings value) {
        return new Instance(value, racks, switchModels, devices, links, optics, sites, spans, wdmEquipment,
                inventory, compatibility);
    }

    public Instance withDwdm(List<Site> siteList, List<Span> spanList, List<WdmEquipment> equipment) {
        return new Instance(settings, racks, switchModels, devices, links, optics, siteList, spanList, equipment,
                inventory, compatibility);
    }

    public Instance withRacks(List<Rack> value) {
        return new Instance(settings, value, switchModels, devices, links, optics, sites, spans, wdmEquipment,
                inventory, compatibility);
    }

    public Instance withSwitchModels(List<SwitchModel> value) {
        return new Instance(settings, racks, value, devices, links, optics, sites, spans, wdmEquipment, inventory,
                compatibility);
    }

    public Instance withDevices(List<Device> value) {
        return new Instance(settings, racks, switchModels, value, links, optics, sites, spans, wdmEquipment,
                inventory, compatibility);
    }

    public Instance withLinks(List<Link> value) {
        return new Instance(settings, racks, switchModels, devices, value, optics, sites, spans, wdmEquipment,
                inventory, compatibility);
    }

    public Instance withOptics(List<Optic> value) {
        return new Instance(settings, racks, switchModels, devices, links, value, sites, spans, wdmEquipment,
                inventory, compatibility);
    }

    public Instance withInventory(List<StockItem> value) {
        return new Instance(settings, racks, switchModels, devices, links, optics, sites, spans, wdmEquipment, value,
                compatibility);
    }

    public Instance withCompatibility(List<CompatibilityRule> value) {
        return new Instance(settings, racks, switchModels, devices, links, optics, sites, spans, wdmEquipment,
                inventory, value);
    }

    /**
     * True when the instance uses a workbook v2 rule: stock, installed switches, supply limits, compatibility or
     * labour figures.
     */
    public boolean usesSupplyRules() {
        return !inventory.isEmpty() || !compatibility.isEmpty()
                || devices.stream().anyMatch(d -> d.installedModel() != null || d.platform() != null)
                || optics.stream().anyMatch(o -> o.maxBuy() != null)
                || switchModels.stream().anyMatch(m -> m.maxBuy() != null)
                || settings.switchSwapUsd() != 0 || settings.recableUsd() != 0;
    }

    /** True when links between sites are routed over spans. */
    public boolean hasSpans() {
        return !spans.isEmpty();
    }
}
