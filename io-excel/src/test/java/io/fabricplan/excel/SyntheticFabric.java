package io.fabricplan.excel;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * A large valid instance built in code, and a valid plan of it: servers of {@code ports} 800G ports, each port
 * cabled to a 64-port leaf standing in its own rack (racks 0.6 m apart), AOCs throughout.
 */
final class SyntheticFabric {
    private static final int LEAF_PORTS = 64;

    private SyntheticFabric() {
    }

    static Instance instance(int servers, int ports) {
        int links = servers * ports;
        int leaves = (links + LEAF_PORTS - 1) / LEAF_PORTS;
        List<Rack> racks = new ArrayList<>(leaves);
        List<Device> devices = new ArrayList<>(leaves + servers);
        for (int j = 0; j < leaves; j++) {
            racks.add(new Rack("R" + j, Rack.DEFAULT_SITE, j * 0.6, 0, 1000, 2.5, 10));
            devices.add(Device.switchOf("leaf" + j, Role.LEAF, "SW51T", PackagingChoice.AUTO, "R" + j));
        }
        for (int s = 0; s < servers; s++) {
            devices.add(Device.server("srv" + s, "R" + (s * ports / LEAF_PORTS), ports, 800, false));
        }
        List<Link> linkList = new ArrayList<>(links);
        for (int k = 0; k < links; k++) {
            linkList.add(new Link("l" + k, "leaf" + (k / LEAF_PORTS), "srv" + (k / ports), 1, 800, null));
        }
        return new Instance(Settings.defaults(), racks, DefaultCatalog.switchModels(), devices, linkList,
                DefaultCatalog.optics());
    }

    static Plan plan(Instance instance) {
        List<DeviceAssignment> devices = instance.devices().stream()
                .map(d -> new DeviceAssignment(d.id(), d.isSwitch() ? "sw51-p" : null, d.rackId())).toList();
        List<LinkAssignment> links = instance.links().stream()
                .map(l -> new LinkAssignment(l.id(), "aoc800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1))
                .toList();
        return new Plan(devices, links);
    }

    static PlanResult result(Instance instance, Plan plan) {
        PlanEvaluation evaluation = new PlanEvaluator(instance).evaluate(plan);
        double v = evaluation.objectiveValue();
        return new PlanResult(SolveStatus.FEASIBLE, Objective.TCO, plan, evaluation, v, Double.NaN, Double.NaN,
                null, null, List.of());
    }
}
