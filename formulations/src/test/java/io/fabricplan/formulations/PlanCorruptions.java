package io.fabricplan.formulations;

import io.fabricplan.check.Violation.Kind;
import io.fabricplan.model.Device;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.Plan;
import io.fabricplan.model.Rack;
import io.fabricplan.model.ReportedTotals;
import io.fabricplan.model.SwitchModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Ways to break a valid plan, each with the kind of violation the checker must then report. Every corruption
 * finds the places of the plan where it applies and breaks the one {@code pick} (modulo their number) names, or
 * says it does not apply to this plan. Whether a change breaks a rule is worked out here from the rules as
 * README states them (lengths, reaches, end packagings, rack power, ports, free rack units), not with the checker's
 * or the evaluator's code.
 */
enum PlanCorruptions {
    /** An optic of another rate on a link. */
    OPTIC_OF_ANOTHER_RATE(Kind.RATE_MISMATCH, (c, pick) -> c.swapOptic(pick,
            (a, o) -> o.gbps() != c.link(a).gbps())),
    /** An optic of the link's rate whose reach is short of the link's length. */
    OPTIC_SHORT_OF_THE_LENGTH(Kind.REACH_EXCEEDED, (c, pick) -> c.swapOptic(pick,
            (a, o) -> o.gbps() == c.link(a).gbps() && o.reachM() < c.lengthM(c.link(a)) - 1e-6)),
    /** At a CPO end, an option of the link's rate that is not a transceiver of the port's PMD (an AOC, SR, FR ...). */
    CPO_END_GIVEN_ANOTHER_PMD(Kind.END_INCOMPATIBLE, (c, pick) -> c.swapOptic(pick,
            (a, o) -> o.gbps() == c.link(a).gbps() && c.hasCpoEnd(c.link(a)) && !c.cpoEndsTake(c.link(a), o))),
    /** A linear pluggable at a pluggable end that cannot drive it. */
    LPO_AT_A_HOST_THAT_CANNOT_DRIVE_IT(Kind.END_INCOMPATIBLE, (c, pick) -> c.swapOptic(pick,
            (a, o) -> o.gbps() == c.link(a).gbps() && o.lpo() && c.hasPluggableEndWithoutLpo(c.link(a)))),
    /** An optic the instance does not have. */
    UNKNOWN_OPTIC(Kind.UNKNOWN_OPTIC, (c, pick) -> c.rewriteLink(pick,
            a -> List.of(new LinkAssignment(a.linkId(), "no-such-optic", a.aEnd(), a.bEnd(), a.count())))),
    /** One cable fewer than the link's count. */
    ONE_CABLE_TOO_FEW(Kind.LINK_COUNT_MISMATCH, (c, pick) -> c.rewriteLink(pick, a -> a.count() == 1 ? List.of()
            : List.of(new LinkAssignment(a.linkId(), a.opticId(), a.aEnd(), a.bEnd(), a.count() - 1)))),
    /** One cable more than the link's count. */
    ONE_CABLE_TOO_MANY(Kind.LINK_COUNT_MISMATCH, (c, pick) -> c.rewriteLink(pick,
            a -> List.of(new LinkAssignment(a.linkId(), a.opticId(), a.aEnd(), a.bEnd(), a.count() + 1)))),
    /** The right total of cables, made of one cable too many and a row of -1. */
    NEGATIVE_ROW_KEEPING_THE_TOTAL(Kind.BAD_COUNT, (c, pick) -> c.rewriteLink(pick, a -> List.of(
            new LinkAssignment(a.linkId(), a.opticId(), a.aEnd(), a.bEnd(), a.count() + 1),
            new LinkAssignment(a.linkId(), a.opticId(), a.aEnd(), a.bEnd(), -1)))),
    /** An end's packaging stated the other way round. */
    END_PACKAGING_STATED_WRONG(Kind.END_PACKAGING_MISMATCH, (c, pick) -> c.rewriteLink(pick,
            a -> List.of(new LinkAssignment(a.linkId(), a.opticId(), other(a.aEnd()), a.bEnd(), a.count())))),
    /** Cables of a link the instance does not have. */
    UNKNOWN_LINK(Kind.UNKNOWN_LINK, (c, pick) -> c.rewriteLink(pick, a -> List.of(a,
            new LinkAssignment("no-such-link", a.opticId(), a.aEnd(), a.bEnd(), 1)))),
    /** Cables added to one of a device's links until its ports do not suffice. */
    PORTS_OVER_CAPACITY(Kind.PORTS_EXCEEDED, PlanCorruptions::portsOverCapacity),
    /** A switch given a model of another family. */
    MODEL_OF_ANOTHER_FAMILY(Kind.WRONG_FAMILY, (c, pick) -> c.swapModel(pick,
            (d, m) -> !m.family().equals(d.family()))),
    /** A switch asking for CPO (or PLUGGABLE) given its family's model of the other packaging. */
    MODEL_OF_THE_REFUSED_PACKAGING(Kind.PACKAGING_NOT_ALLOWED, (c, pick) -> c.swapModel(pick,
            (d, m) -> m.family().equals(d.family()) && !d.packaging().admits(m.packaging()))),
    /** A switch without a model: its row dropped, or its model left blank. */
    SWITCH_WITHOUT_MODEL(Kind.MISSING_MODEL, (c, pick) -> c.rewriteSwitch(pick, (d, a) -> pick % 2 == 0
            ? List.of() : List.of(new DeviceAssignment(a.deviceId(), null, a.rackId())))),
    /** A server's row given a switch model: a server takes none. */
    SERVER_GIVEN_A_SWITCH_MODEL(Kind.WRONG_FAMILY, PlanCorruptions::serverGivenAModel),
    /** A switch's row given twice. */
    SWITCH_ASSIGNED_TWICE(Kind.DUPLICATE_DEVICE_ASSIGNMENT, (c, pick) -> c.rewriteSwitch(pick,
            (d, a) -> List.of(a, a))),
    /** A placed switch in a rack that is not among its candidates, or a fixed switch or server out of its rack. */
    DEVICE_IN_A_RACK_IT_MAY_NOT_STAND_IN(Kind.WRONG_RACK, PlanCorruptions::wrongRack),
    /** A placed switch moved to another of its candidate racks, which has too few free rack units for it. */
    PLACED_SWITCH_OVER_FREE_UNITS(Kind.RACK_SPACE_EXCEEDED, PlanCorruptions::overFreeUnits),
    /** A switch model (of its family or not) or a link's option changed for one drawing more, past a rack's budget. */
    RACK_OVER_BUDGET(Kind.RACK_POWER_EXCEEDED, PlanCorruptions::rackOverBudget),
    /** Totals stated that the plan's choices do not give. */
    STATED_TOTALS_OFF(Kind.REPORTED_TOTAL_MISMATCH, PlanCorruptions::statedTotalsOff);

    private final Kind expected;
    private final BiFunction<Context, Integer, Optional<Plan>> corrupt;

    PlanCorruptions(Kind expected, BiFunction<Context, Integer, Optional<Plan>> corrupt) {
        this.expected = expected;
        this.corrupt = corrupt;
    }

    /** The violation the checker must report. */
    Kind expected() {
        return expected;
    }

    /** The plan broken at the place {@code pick} names, or empty when this corruption has no place in it. */
    Optional<Plan> apply(Instance instance, Plan plan, int pick) {
        return corrupt.apply(new Context(instance, plan), Math.max(0, pick));
    }

    private static Packaging other(Packaging p) {
        return p == Packaging.CPO ? Packaging.PLUGGABLE : Packaging.CPO;
    }

    private static <T> T pickOf(List<T> places, int pick) {
        return places.get(pick % places.size());
    }

    private static Optional<Plan> portsOverCapacity(Context c, int pick) {
        List<int[]> places = new ArrayList<>(); // {assignment, extra cables}
        for (int i = 0; i < c.plan.links().size(); i++) {
            Link l = c.link(c.plan.links().get(i));
            for (String deviceId : List.of(l.aDevice(), l.bDevice())) {
                double portGbps = c.portGbps(deviceId);
                double free = c.ports(deviceId) - c.portsUsed(deviceId);
                int extra = (int) Math.floor(free * portGbps / l.gbps() + 1e-9) + 1;
                places.add(new int[] {i, extra});
            }
        }
        if (places.isEmpty()) {
            return Optional.empty();
        }
        int[] place = pickOf(places, pick);
        return c.rewriteLinkAt(place[0], a -> List.of(new LinkAssignment(a.linkId(), a.opticId(), a.aEnd(),
                a.bEnd(), a.count() + place[1])));
    }

    private static Optional<Plan> serverGivenAModel(Context c, int pick) {
        List<Device> servers = c.instance.devices().stream().filter(d -> !d.isSwitch()).toList();
        if (servers.isEmpty() || c.instance.switchModels().isEmpty()) {
            return Optional.empty();
        }
        Device server = pickOf(servers, pick);
        SwitchModel model = pickOf(c.instance.switchModels(), pick / servers.size());
        List<DeviceAssignment> devices = new ArrayList<>(c.plan.devices().stream()
                .filter(a -> !a.deviceId().equals(server.id())).toList());
        devices.add(new DeviceAssignment(server.id(), model.id(), server.rackId()));
        return Optional.of(new Plan(devices, c.plan.links(), c.plan.reported(), c.plan.dwdm()));
    }

    private static Optional<Plan> wrongRack(Context c, int pick) {
        List<DeviceAssignment> places = new ArrayList<>();
        for (DeviceAssignment a : c.plan.devices()) {
            Device d = c.index.device(a.deviceId());
            for (Rack r : c.instance.racks()) {
                boolean allowed = d.isPlaced() ? d.candidateRacks().contains(r.id()) : r.id().equals(d.rackId());
                if (!allowed) {
                    places.add(new DeviceAssignment(a.deviceId(), a.modelId(), r.id()));
                }
            }
        }
        return places.isEmpty() ? Optional.empty() : Optional.of(c.replaceDevice(pickOf(places, pick)));
    }

    private static Optional<Plan> overFreeUnits(Context c, int pick) {
        Map<String, Integer> usedU = new HashMap<>();
        for (DeviceAssignment a : c.switchRows()) {
            if (c.index.device(a.deviceId()).isPlaced()) {
                usedU.merge(a.rackId(), c.index.model(a.modelId()).heightU(), Integer::sum);
            }
        }
        List<DeviceAssignment> places = new ArrayList<>();
        for (DeviceAssignment a : c.switchRows()) {
            Device d = c.index.device(a.deviceId());
            int height = c.index.model(a.modelId()).heightU();
            for (String rack : d.candidateRacks()) {
                if (!rack.equals(a.rackId()) && usedU.getOrDefault(rack, 0) + height > c.index.rack(rack).freeU()) {
                    places.add(new DeviceAssignment(a.deviceId(), a.modelId(), rack));
                }
            }
        }
        return places.isEmpty() ? Optional.empty() : Optional.of(c.replaceDevice(pickOf(places, pick)));
    }

    private static Optional<Plan> rackOverBudget(Context c, int pick) {
        List<Plan> places = new ArrayList<>();
        for (DeviceAssignment a : c.switchRows()) {
            Device d = c.index.device(a.deviceId());
            for (SwitchModel m : c.instance.switchModels()) {
                Plan changed = c.replaceDevice(new DeviceAssignment(a.deviceId(), m.id(), a.rackId()));
                if (!m.id().equals(a.modelId()) && new Context(c.instance, changed).someRackOverBudget()) {
                    places.add(changed);
                }
            }
        }
        for (int i = 0; i < c.plan.links().size(); i++) {
            LinkAssignment a = c.plan.links().get(i);
            for (Optic o : c.instance.optics()) {
                if (o.gbps() != c.link(a).gbps() || o.id().equals(a.opticId())) {
                    continue;
                }
                Plan changed = c.rewriteLinkAt(i, x -> List.of(new LinkAssignment(x.linkId(), o.id(), x.aEnd(),
                        x.bEnd(), x.count()))).orElseThrow();
                if (new Context(c.instance, changed).someRackOverBudget()) {
                    places.add(changed);
                }
            }
        }
        return places.isEmpty() ? Optional.empty() : Optional.of(pickOf(places, pick));
    }

    private static Optional<Plan> statedTotalsOff(Context c, int pick) {
        double capex = c.capexUsd();
        double power = c.networkPowerW();
        double tco = capex + c.instance.settings().energyUsdPerWatt() * power;
        double objective = c.instance.settings().objectiveValue(capex, power);
        double[] stated = {objective, capex, power, tco};
        int which = pick % stated.length;
        stated[which] += 1 + 1e-3 * Math.abs(stated[which]); // well beyond the checker's tolerance
        return Optional.of(c.plan.withReported(new ReportedTotals(c.instance.settings().objective(), stated[0],
                stated[1], stated[2], stated[3])));
    }

    /** A valid plan with the rules worked out from the instance alone. */
    static final class Context {
        final Instance instance;
        final InstanceIndex index;
        final Plan plan;
        private final Map<String, SwitchModel> models = new HashMap<>();
        private final Map<String, String> racks = new HashMap<>();

        Context(Instance instance, Plan plan) {
            this.instance = instance;
            this.index = new InstanceIndex(instance);
            this.plan = plan;
            for (Device d : instance.devices()) {
                racks.put(d.id(), d.rackId());
            }
            for (DeviceAssignment a : plan.devices()) {
                if (a.modelId() != null && index.model(a.modelId()) != null) {
                    models.putIfAbsent(a.deviceId(), index.model(a.modelId()));
                }
                if (a.rackId() != null) {
                    racks.put(a.deviceId(), a.rackId());
                }
            }
        }

        Link link(LinkAssignment a) {
            return index.link(a.linkId());
        }

        /** The switches' rows of the plan (a valid plan has one per switch, with a known model). */
        List<DeviceAssignment> switchRows() {
            return plan.devices().stream().filter(a -> index.device(a.deviceId()).isSwitch()).toList();
        }

        /** README: intra_rack_m in one rack, else Manhattan distance plus inter_rack_slack_m; the override wins. */
        double lengthM(Link l) {
            if (l.lengthM() != null) {
                return l.lengthM();
            }
            Rack a = index.rack(racks.get(l.aDevice()));
            Rack b = index.rack(racks.get(l.bDevice()));
            return a.id().equals(b.id()) ? instance.settings().intraRackM()
                    : Math.abs(a.xM() - b.xM()) + Math.abs(a.yM() - b.yM()) + instance.settings().interRackSlackM();
        }

        boolean isCpo(String deviceId) {
            SwitchModel m = models.get(deviceId);
            return m != null && m.packaging() == Packaging.CPO;
        }

        boolean hasCpoEnd(Link l) {
            return isCpo(l.aDevice()) || isCpo(l.bDevice());
        }

        /** Whether every CPO end of the link takes the option: a transceiver of its PMD. */
        boolean cpoEndsTake(Link l, Optic o) {
            for (String d : List.of(l.aDevice(), l.bDevice())) {
                if (isCpo(d) && (o.kind() != OpticKind.TRANSCEIVER || o.pmd() == null
                        || !o.pmd().equalsIgnoreCase(models.get(d).cpoPmd()))) {
                    return false;
                }
            }
            return true;
        }

        boolean hasPluggableEndWithoutLpo(Link l) {
            for (String d : List.of(l.aDevice(), l.bDevice())) {
                Device device = index.device(d);
                boolean lpo = device.isSwitch() ? models.get(d).lpoCapable() : device.lpoCapable();
                if (!isCpo(d) && !lpo) {
                    return true;
                }
            }
            return false;
        }

        double portGbps(String deviceId) {
            Device d = index.device(deviceId);
            return d.isSwitch() ? models.get(deviceId).portGbps() : d.portGbps();
        }

        int ports(String deviceId) {
            Device d = index.device(deviceId);
            return d.isSwitch() ? models.get(deviceId).ports() : d.ports();
        }

        double portsUsed(String deviceId) {
            double used = 0;
            for (LinkAssignment a : plan.links()) {
                Link l = link(a);
                if (l.aDevice().equals(deviceId) || l.bDevice().equals(deviceId)) {
                    used += a.count() * l.gbps() / portGbps(deviceId);
                }
            }
            return used;
        }

        /** README: a pluggable end draws its module; a CPO end its port's share; an assembly half at each end. */
        private double endPowerW(Optic o, Link l, String deviceId) {
            if (o.kind().isAssembly()) {
                return o.powerW() / 2;
            }
            SwitchModel m = models.get(deviceId);
            return m != null && m.packaging() == Packaging.CPO ? m.portPowerW() * l.gbps() / m.portGbps() : o.powerW();
        }

        /** Network power per rack, W: switch base power and every link end's power where the end stands. */
        Map<String, Double> rackPowerW() {
            Map<String, Double> power = new HashMap<>();
            models.forEach((device, m) -> power.merge(racks.get(device), m.basePowerW(), Double::sum));
            for (LinkAssignment a : plan.links()) {
                Link l = link(a);
                Optic o = index.optic(a.opticId());
                for (String d : List.of(l.aDevice(), l.bDevice())) {
                    power.merge(racks.get(d), endPowerW(o, l, d) * a.count(), Double::sum);
                }
            }
            return power;
        }

        double networkPowerW() {
            return rackPowerW().values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** Clearly over (not within the checker's round-off tolerance). */
        boolean someRackOverBudget() {
            Map<String, Double> power = rackPowerW();
            return instance.racks().stream().anyMatch(r -> r.baseLoadKw() * 1000 + power.getOrDefault(r.id(), 0.0)
                    > r.powerBudgetKw() * 1000 * (1 + 1e-4) + 1);
        }

        /** README: switches' prices; assemblies per cable; modules per pluggable end plus fiber per metre. */
        double capexUsd() {
            double capex = models.values().stream().mapToDouble(SwitchModel::costUsd).sum();
            for (LinkAssignment a : plan.links()) {
                Link l = link(a);
                Optic o = index.optic(a.opticId());
                double each = o.kind().isAssembly() ? o.costUsd()
                        : (isCpo(l.aDevice()) ? 0 : o.costUsd()) + (isCpo(l.bDevice()) ? 0 : o.costUsd())
                        + lengthM(l) * o.fiberUsdPerM();
                capex += each * a.count();
            }
            return capex;
        }

        /** Every option of the instance that the predicate accepts for some assignment, put in its place. */
        Optional<Plan> swapOptic(int pick, BiFunction<LinkAssignment, Optic, Boolean> breaks) {
            List<int[]> places = new ArrayList<>(); // {assignment, optic}
            for (int i = 0; i < plan.links().size(); i++) {
                for (int o = 0; o < instance.optics().size(); o++) {
                    Optic optic = instance.optics().get(o);
                    if (!optic.id().equals(plan.links().get(i).opticId())
                            && breaks.apply(plan.links().get(i), optic)) {
                        places.add(new int[] {i, o});
                    }
                }
            }
            if (places.isEmpty()) {
                return Optional.empty();
            }
            int[] place = pickOf(places, pick);
            Optic optic = instance.optics().get(place[1]);
            return rewriteLinkAt(place[0], a -> List.of(new LinkAssignment(a.linkId(), optic.id(), a.aEnd(),
                    a.bEnd(), a.count())));
        }

        Optional<Plan> swapModel(int pick, BiFunction<Device, SwitchModel, Boolean> breaks) {
            List<DeviceAssignment> places = new ArrayList<>();
            for (DeviceAssignment a : switchRows()) {
                Device d = index.device(a.deviceId());
                for (SwitchModel m : instance.switchModels()) {
                    if (breaks.apply(d, m)) {
                        places.add(new DeviceAssignment(a.deviceId(), m.id(), a.rackId()));
                    }
                }
            }
            return places.isEmpty() ? Optional.empty() : Optional.of(replaceDevice(pickOf(places, pick)));
        }

        Optional<Plan> rewriteLink(int pick, java.util.function.Function<LinkAssignment, List<LinkAssignment>> how) {
            return plan.links().isEmpty() ? Optional.empty() : rewriteLinkAt(pick % plan.links().size(), how);
        }

        Optional<Plan> rewriteLinkAt(int i, java.util.function.Function<LinkAssignment, List<LinkAssignment>> how) {
            List<LinkAssignment> links = new ArrayList<>(plan.links().subList(0, i));
            links.addAll(how.apply(plan.links().get(i)));
            links.addAll(plan.links().subList(i + 1, plan.links().size()));
            return Optional.of(new Plan(plan.devices(), links, plan.reported(), plan.dwdm()));
        }

        Optional<Plan> rewriteSwitch(int pick, BiFunction<Device, DeviceAssignment, List<DeviceAssignment>> how) {
            List<DeviceAssignment> rows = switchRows();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            DeviceAssignment target = pickOf(rows, pick);
            List<DeviceAssignment> devices = new ArrayList<>();
            for (DeviceAssignment a : plan.devices()) {
                devices.addAll(a == target ? how.apply(index.device(a.deviceId()), a) : List.of(a));
            }
            return Optional.of(new Plan(devices, plan.links(), plan.reported(), plan.dwdm()));
        }

        /** The plan with the device's row replaced. */
        Plan replaceDevice(DeviceAssignment row) {
            List<DeviceAssignment> devices = plan.devices().stream()
                    .map(a -> a.deviceId().equals(row.deviceId()) ? row : a).toList();
            return new Plan(devices, plan.links(), plan.reported(), plan.dwdm());
        }
    }
}
