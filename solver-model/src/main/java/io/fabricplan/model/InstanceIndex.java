package io.fabricplan.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Look-ups by id over an {@link Instance}. Where ids repeat (invalid input), the first occurrence wins.
 * Immutable and safe to share between threads.
 */
public final class InstanceIndex {
    private final Instance instance;
    private final Map<String, Rack> racks = new HashMap<>();
    private final Map<String, SwitchModel> models = new HashMap<>();
    private final Map<String, List<SwitchModel>> modelsByFamily = new LinkedHashMap<>();
    private final Map<String, Device> devices = new HashMap<>();
    private final Map<String, Link> links = new HashMap<>();
    private final Map<String, Optic> optics = new HashMap<>();
    private final Map<String, List<Link>> linksByDevice = new HashMap<>();
    private final Map<String, Site> sites = new HashMap<>();
    private final Map<String, Span> spans = new HashMap<>();
    private final Map<String, WdmEquipment> wdm = new HashMap<>();
    private final Map<String, Integer> stock = new HashMap<>();
    private final Qualification qualification;
    private List<OpticPair> opticPairs;

    public InstanceIndex(Instance instance) {
        this.instance = instance;
        instance.racks().forEach(r -> racks.putIfAbsent(r.id(), r));
        for (SwitchModel m : instance.switchModels()) {
            if (models.putIfAbsent(m.id(), m) == null) {
                modelsByFamily.computeIfAbsent(m.family(), f -> new ArrayList<>()).add(m);
            }
        }
        instance.devices().forEach(d -> devices.putIfAbsent(d.id(), d));
        for (Link l : instance.links()) {
            if (links.putIfAbsent(l.id(), l) == null) {
                linksByDevice.computeIfAbsent(l.aDevice(), d -> new ArrayList<>()).add(l);
                if (!l.bDevice().equals(l.aDevice())) {
                    linksByDevice.computeIfAbsent(l.bDevice(), d -> new ArrayList<>()).add(l);
                }
            }
        }
        instance.optics().forEach(o -> optics.putIfAbsent(o.id(), o));
        instance.sites().forEach(x -> sites.putIfAbsent(x.id(), x));
        instance.spans().forEach(x -> spans.putIfAbsent(x.id(), x));
        instance.wdmEquipment().forEach(x -> wdm.putIfAbsent(x.id(), x));
        instance.inventory().forEach(x -> stock.merge(x.itemId(), Math.max(0, x.quantity()), Integer::sum));
        qualification = Qualification.of(instance.compatibility());
    }

    /** Units of an optic or switch model in the Inventory (rows of one item add up); 0 when none. */
    public int stock(String itemId) {
        return stock.getOrDefault(itemId, 0);
    }

    /** The Compatibility rows, compiled. */
    public Qualification qualification() {
        return qualification;
    }

    /** The end a server presents, or a switch as the given model (null model for a server). */
    public LinkEnd endOf(Device device, SwitchModel model) {
        return device.isSwitch() ? LinkEnd.of(model, device, qualification) : LinkEnd.of(device, qualification);
    }

    /** Whether units of the optic are sourced by the supply rule: some in stock, or a buying limit. */
    public boolean supplyManaged(Optic optic) {
        return optic.maxBuy() != null || stock(optic.id()) > 0;
    }

    /** Whether units of the model are sourced by the supply rule: some in stock, or a buying limit. */
    public boolean supplyManaged(SwitchModel model) {
        return model.maxBuy() != null || stock(model.id()) > 0;
    }

    public Site site(String id) {
        return sites.get(id);
    }

    public Span span(String id) {
        return spans.get(id);
    }

    /** A WdmEquipment item. */
    public WdmEquipment wdm(String id) {
        return wdm.get(id);
    }

    public Instance instance() {
        return instance;
    }

    public Settings settings() {
        return instance.settings();
    }

    public Rack rack(String id) {
        return racks.get(id);
    }

    public SwitchModel model(String id) {
        return models.get(id);
    }

    public Device device(String id) {
        return devices.get(id);
    }

    public Link link(String id) {
        return links.get(id);
    }

    /**
     * Every option a link may take, in catalogue order: each optic at both ends, then each pair of different
     * modules that pair ({@link FabricRules#pairs}) in both orientations. Rate, reach and ends are the caller's.
     */
    public synchronized List<OpticPair> opticPairs() {
        if (opticPairs == null) {
            List<OpticPair> list = new java.util.ArrayList<>();
            List<Optic> all = instance.optics();
            all.forEach(o -> list.add(OpticPair.of(o)));
            for (int i = 0; i < all.size(); i++) {
                for (int j = i + 1; j < all.size(); j++) {
                    Optic x = all.get(i);
                    Optic y = all.get(j);
                    if (!x.id().equals(y.id()) && FabricRules.pairs(x, y)) {
                        list.add(new OpticPair(x, y));
                        list.add(new OpticPair(y, x));
                    }
                }
            }
            opticPairs = List.copyOf(list);
        }
        return opticPairs;
    }

    public Optic optic(String id) {
        return optics.get(id);
    }

    public boolean hasFamily(String family) {
        return modelsByFamily.containsKey(family);
    }

    /** The models of a family, in sheet order. */
    public List<SwitchModel> familyModels(String family) {
        return Collections.unmodifiableList(modelsByFamily.getOrDefault(family, List.of()));
    }

    /** The models a switch may take: its family's models that its packaging request admits. Empty for servers. */
    public List<SwitchModel> candidateModels(Device device) {
        if (!device.isSwitch()) {
            return List.of();
        }
        return familyModels(device.family()).stream().filter(m -> device.packaging().admits(m.packaging())).toList();
    }

    /** Links with the device at one end (a link from a device to itself is listed once). */
    public List<Link> linksOf(String deviceId) {
        return Collections.unmodifiableList(linksByDevice.getOrDefault(deviceId, List.of()));
    }
}
