package io.fabricplan.check;

import io.fabricplan.check.Violation.Kind;
import io.fabricplan.model.Device;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.FabricRules;
import io.fabricplan.model.Instance;
import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.LinkEnd;
import io.fabricplan.model.Optic;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.model.ReportedTotals;
import io.fabricplan.model.SwitchModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The independent plan checker: recomputes every rule of the instance workbook from an instance and a plan
 * (solved, or read back from a workbook and perhaps edited by hand) and lists each violation. It uses no solver
 * code, only {@link FabricRules} and {@link PlanEvaluator}; the DWDM part ({@link DwdmChecker}) uses
 * {@link io.fabricplan.model.OpticalRules}. Runs in O(devices + links + assignments + route hops).
 */
public final class PlanChecker {
    /** Relative tolerance on power budgets, port counts and reported totals (spreadsheet round-off). */
    public static final double TOLERANCE = 1e-6;

    private final InstanceIndex index;

    public PlanChecker(Instance instance) {
        this.index = new InstanceIndex(instance);
    }

    public PlanChecker(InstanceIndex index) {
        this.index = index;
    }

    /**
     * Checks the plan and the figures it states about itself (a plan workbook's Summary, figure columns, RackPower,
     * BOM and DWDM sheets): every violation of its decisions, then every stated figure its decisions do not give,
     * each named by its place. The stated Summary takes the place of {@link Plan#reported()}.
     */
    public CheckReport check(Plan plan, StatedFigures stated) {
        CheckReport decisions = check(plan.withReported(null), Places.of(plan, stated));
        List<Violation> violations = new ArrayList<>(decisions.violations());
        new StatedFigureCheck(index, plan, decisions.evaluation(), violations).check(stated);
        return new CheckReport(violations, decisions.evaluation());
    }

    /** Checks the plan and returns every violation with the recomputed figures. */
    public CheckReport check(Plan plan) {
        return check(plan, Places.NONE);
    }

    private CheckReport check(Plan plan, Places places) {
        List<Violation> violations = new ArrayList<>();
        checkDevices(plan, places, violations);
        checkLinks(plan, places, violations);
        if (index.instance().hasSpans() || !plan.dwdm().isEmpty()) {
            new DwdmChecker(index, plan).check(violations);
        }
        PlanEvaluation evaluation = new PlanEvaluator(index).evaluate(plan);
        checkPorts(evaluation, violations);
        checkSupply(evaluation, violations);
        checkRackPower(evaluation, violations);
        checkReportedTotals(plan.reported(), evaluation, violations);
        return new CheckReport(violations, evaluation);
    }

    /**
     * Where the plan's assignments stand (a plan workbook's rows), so that a violation of one names its cell;
     * {@link #NONE} for a plan built in code.
     */
    private record Places(StatedFigures.Table<?> links, int[] linkRows, StatedFigures.Table<?> devices,
                          int[] deviceRows) {
        static final Places NONE = new Places(null, new int[0], null, new int[0]);

        static Places of(Plan plan, StatedFigures stated) {
            int[] links = rows(plan.links().size());
            stated.links().rows().forEach(r -> {
                if (r.assignment() >= 0 && r.assignment() < links.length) {
                    links[r.assignment()] = r.row();
                }
            });
            int[] devices = rows(plan.devices().size());
            stated.devices().rows().forEach(r -> {
                if (r.assignment() >= 0 && r.assignment() < devices.length) {
                    devices[r.assignment()] = r.row();
                }
            });
            return new Places(stated.links(), links, stated.devices(), devices);
        }

        private static int[] rows(int n) {
            int[] rows = new int[n];
            java.util.Arrays.fill(rows, -1);
            return rows;
        }

        /** The place of link assignment {@code i}'s column in parentheses, or "" when its place is not known. */
        String link(int i, String column) {
            return at(links, linkRows, i, column);
        }

        String device(int i, String column) {
            return at(devices, deviceRows, i, column);
        }

        String deviceCell(int i, String column) {
            return i < deviceRows.length && deviceRows[i] >= 0 ? devices.locate(deviceRows[i], column) : null;
        }

        private static String at(StatedFigures.Table<?> table, int[] rows, int i, String column) {
            return i < rows.length && rows[i] >= 0 ? " (" + table.locate(rows[i], column) + ")" : "";
        }
    }

    private void checkDevices(Plan plan, Places places, List<Violation> out) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < plan.devices().size(); i++) {
            DeviceAssignment a = plan.devices().get(i);
            Device d = index.device(a.deviceId());
            if (d == null) {
                out.add(new Violation(Kind.UNKNOWN_DEVICE, a.deviceId(), "the instance has no device \"" + a.deviceId()
                        + "\"" + places.device(i, "device_id")));
                continue;
            }
            Integer first = seen.putIfAbsent(a.deviceId(), i);
            if (first != null) {
                String again = places.deviceCell(i, "device_id");
                String where = again == null ? "" : " (" + again + " repeats " + places.deviceCell(first, "device_id")
                        + ")";
                out.add(new Violation(Kind.DUPLICATE_DEVICE_ASSIGNMENT, a.deviceId(),
                        "device is assigned more than once" + where));
                continue;
            }
            checkRack(d, a, places.device(i, "rack_id"), out);
            String at = places.device(i, "model_id");
            if (!d.isSwitch()) {
                if (a.modelId() != null) {
                    out.add(new Violation(Kind.WRONG_FAMILY, d.id(), d.role().name().toLowerCase(Locale.ROOT) + " "
                            + d.id() + " takes no switch model, the plan gives it " + a.modelId() + at));
                }
                continue;
            }
            SwitchModel m = a.modelId() == null ? null : index.model(a.modelId());
            if (m == null) {
                out.add(new Violation(Kind.MISSING_MODEL, d.id(), (a.modelId() == null ? "switch has no model"
                        : "unknown switch model \"" + a.modelId() + "\"") + at));
            } else if (!m.family().equals(d.family())) {
                out.add(new Violation(Kind.WRONG_FAMILY, d.id(), "model " + m.id() + " is of family " + m.family()
                        + ", the device asks for " + d.family() + at));
            } else if (!d.packaging().admits(m.packaging())) {
                out.add(new Violation(Kind.PACKAGING_NOT_ALLOWED, d.id(), "model " + m.id() + " is " + m.packaging()
                        + ", the device asks for " + d.packaging() + at));
            }
        }
        for (Device d : index.instance().devices()) {
            if (d.isSwitch() && !seen.containsKey(d.id())) {
                out.add(new Violation(Kind.MISSING_MODEL, d.id(), "switch has no model in the plan"));
            }
        }
        checkRackSpace(plan, out);
    }

    /** A fixed device stays in its rack; a placed one stands in one of its candidate racks. */
    private void checkRack(Device d, DeviceAssignment a, String at, List<Violation> out) {
        if (!d.isPlaced()) {
            if (a.rackId() != null && !a.rackId().equals(d.rackId())) {
                out.add(new Violation(Kind.WRONG_RACK, d.id(), "placed in rack \"" + a.rackId()
                        + "\" but the instance puts it in \"" + d.rackId() + "\"" + at));
            }
        } else if (a.rackId() == null) {
            out.add(new Violation(Kind.WRONG_RACK, d.id(), "is not placed; its candidate racks are "
                    + String.join(", ", d.candidateRacks()) + at));
        } else if (!d.candidateRacks().contains(a.rackId())) {
            out.add(new Violation(Kind.WRONG_RACK, d.id(), "placed in rack \"" + a.rackId()
                    + "\", not one of its candidate racks " + String.join(", ", d.candidateRacks()) + at));
        }
    }

    /** The switches the optimiser placed in a rack fit its free rack units. */
    private void checkRackSpace(Plan plan, List<Violation> out) {
        Map<String, Integer> usedU = new java.util.LinkedHashMap<>();
        Set<String> counted = new HashSet<>();
        for (DeviceAssignment a : plan.devices()) {
            Device d = index.device(a.deviceId());
            SwitchModel m = a.modelId() == null ? null : index.model(a.modelId());
            if (d != null && d.isPlaced() && m != null && a.rackId() != null && counted.add(d.id())) {
                usedU.merge(a.rackId(), m.heightU(), Integer::sum);
            }
        }
        usedU.forEach((rackId, used) -> {
            io.fabricplan.model.Rack rack = index.rack(rackId);
            if (rack != null && used > rack.freeU()) {
                out.add(new Violation(Kind.RACK_SPACE_EXCEEDED, rackId, "switches placed there take " + used
                        + " U, the rack has " + rack.freeU() + " U free"));
            }
        });
    }

    private void checkLinks(Plan plan, Places places, List<Violation> out) {
        Map<String, SwitchModel> chosen = PlanEvaluator.chosenModels(index, plan);
        Map<String, String> placed = PlanEvaluator.placedRacks(index, plan);
        Map<String, Long> served = new HashMap<>();
        for (int i = 0; i < plan.links().size(); i++) {
            LinkAssignment a = plan.links().get(i);
            Link link = index.link(a.linkId());
            if (link == null) {
                out.add(new Violation(Kind.UNKNOWN_LINK, a.linkId(), "the instance has no link \"" + a.linkId() + "\""
                        + places.link(i, "link_id")));
                continue;
            }
            if (a.count() <= 0) {
                out.add(new Violation(Kind.BAD_COUNT, link.id(), "count must be positive, got " + a.count()
                        + places.link(i, "count")));
            }
            served.merge(link.id(), (long) a.count(), Long::sum);
            String at = places.link(i, "optic_id");
            Optic optic = index.optic(a.opticId());
            if (optic == null) {
                out.add(new Violation(Kind.UNKNOWN_OPTIC, link.id(), "unknown optic \"" + a.opticId() + "\"" + at));
                continue;
            }
            String atB = a.bOpticId() == null ? at : places.link(i, "b_optic_id");
            Optic bOptic = index.optic(a.bEndOpticId());
            if (bOptic == null) {
                out.add(new Violation(Kind.UNKNOWN_OPTIC, link.id(), "unknown optic \"" + a.bOpticId() + "\"" + atB));
                continue;
            }
            Device da = index.device(link.aDevice());
            Device db = index.device(link.bDevice());
            LinkEnd ea = da == null ? null : PlanEvaluator.endOf(index, da, chosen);
            LinkEnd eb = db == null ? null : PlanEvaluator.endOf(index, db, chosen);
            if (ea == null || eb == null) {
                continue; // the device problem is reported already
            }
            if (ea.packaging() != a.aEnd() || eb.packaging() != a.bEnd()) {
                out.add(new Violation(Kind.END_PACKAGING_MISMATCH, link.id(), "ends stated " + a.aEnd() + "/" + a.bEnd()
                        + " but the devices are " + ea.packaging() + "/" + eb.packaging()
                        + places.link(i, ea.packaging() != a.aEnd() ? "a_end" : "b_end")));
            }
            double length = PlanEvaluator.lengthM(index, link, placed);
            for (Optic o : bOptic == optic ? List.of(optic) : List.of(optic, bOptic)) {
                String where = o == optic ? at : atB;
                if (!FabricRules.rateMatches(o, link)) {
                    out.add(new Violation(Kind.RATE_MISMATCH, link.id(), o.id() + (o.isBreakout() ? " serves "
                            + o.breakout() + " links of " + fmt(o.linkGbps()) + " Gb/s on one " + fmt(o.gbps())
                            + " Gb/s port" : " runs at " + fmt(o.gbps()) + " Gb/s") + ", the link needs "
                            + fmt(link.gbps()) + where));
                }
                if (!Double.isNaN(length) && !FabricRules.reaches(o, length)) {
                    out.add(new Violation(Kind.REACH_EXCEEDED, link.id(), o.id() + " reaches " + fmt(o.reachM())
                            + " m, the link is " + fmt(length) + " m" + where));
                }
            }
            if (bOptic != optic) {
                checkPairing(link, optic, bOptic, da, ea, db, eb, atB, out);
            }
            checkEnd(link, optic, da, ea, at, out);
            checkEnd(link, bOptic, db, eb, atB, out);
            if (optic.isBreakout() && optic.kind().isAssembly()
                    && FabricRules.wideEnd(optic, ea, da.id(), eb, db.id()) == 0) {
                out.add(new Violation(Kind.END_INCOMPATIBLE, link.id(), optic.id() + " is a breakout cable whose "
                        + fmt(optic.gbps()) + " Gb/s end needs such a port at " + da.id() + " or " + db.id()
                        + "; their ports run at " + fmt(ea.portGbps()) + " and " + fmt(eb.portGbps()) + " Gb/s" + at));
            }
        }
        for (Link link : index.instance().links()) {
            long got = served.getOrDefault(link.id(), 0L);
            if (got != link.count() && index.link(link.id()) == link) {
                out.add(new Violation(Kind.LINK_COUNT_MISMATCH, link.id(), "serves " + got + " of " + link.count()
                        + " parallel links"));
            }
        }
    }

    /** Two different modules face each other only where one names the other, both ends pluggable. */
    private static void checkPairing(Link link, Optic a, Optic b, Device da, LinkEnd ea, Device db, LinkEnd eb,
                                     String at, List<Violation> out) {
        if (!FabricRules.pairs(a, b)) {
            out.add(new Violation(Kind.PAIRING_NOT_ALLOWED, link.id(), a.id() + " at " + da.id() + " may not face "
                    + b.id() + " at " + db.id() + ": " + (a.kind().isAssembly() || b.kind().isAssembly()
                    ? "a cable assembly has the same optic at both ends"
                    : "neither names the other in pairs_with") + at));
        } else if (ea.packaging() != io.fabricplan.model.Packaging.PLUGGABLE
                || eb.packaging() != io.fabricplan.model.Packaging.PLUGGABLE) {
            Device cpo = ea.packaging() != io.fabricplan.model.Packaging.PLUGGABLE ? da : db;
            out.add(new Violation(Kind.PAIRING_NOT_ALLOWED, link.id(), "the CPO end at " + cpo.id()
                    + " takes no module, so the link has one optic; b_optic_id must be blank" + at));
        }
    }

    private static void checkEnd(Link link, Optic optic, Device device, LinkEnd end, String at,
                                 List<Violation> out) {
        if (FabricRules.endAccepts(optic, end)) {
            return;
        }
        String why = end.packaging() == io.fabricplan.model.Packaging.CPO
                ? "CPO port of " + end.model().id() + " takes only TRANSCEIVER with pmd " + end.cpoPmd()
                : optic.isBreakout() && !optic.kind().isAssembly()
                && end.portGbps() + FabricRules.EPS * optic.gbps() < optic.gbps()
                ? "a " + optic.breakout() + "-port module plugs into a " + fmt(optic.gbps()) + " Gb/s port, the "
                + "device's ports run at " + fmt(end.portGbps()) + " Gb/s"
                : !end.qualifies(optic) ? "not qualified on " + platforms(device, end) + "; the Compatibility sheet "
                + "allows it on " + allowed(end.qualification().allowedPlatforms(optic.id())) + " (a NO row wins)"
                : "linear pluggable needs an LPO-capable host";
        out.add(new Violation(Kind.END_INCOMPATIBLE, link.id(), optic.id() + " at " + device.id() + ": " + why + at));
    }

    /** The platforms an end answers to in the Compatibility sheet, for a message. */
    private static String platforms(Device device, LinkEnd end) {
        List<String> names = new ArrayList<>();
        if (end.model() != null) {
            names.add("model " + end.model().id());
            names.add("family " + end.model().family());
        }
        if (end.platform() != null) {
            names.add("platform " + end.platform());
        } else if (end.model() == null) {
            names.add(device.id() + ", which has no platform");
        }
        return String.join(", ", names);
    }

    private static String allowed(List<String> platforms) {
        return platforms.isEmpty() ? "no platform" : String.join(", ", platforms);
    }

    /** Units bought (stock taken first, {@link io.fabricplan.model.SupplyRules}) stay within {@code max_buy}. */
    private void checkSupply(PlanEvaluation evaluation, List<Violation> out) {
        for (PlanEvaluation.BomRow row : evaluation.bom()) {
            Integer maxBuy = row.kind().equals("SWITCH")
                    ? (index.model(row.itemId()) == null ? null : index.model(row.itemId()).maxBuy())
                    : index.optic(row.itemId()) == null ? null : index.optic(row.itemId()).maxBuy();
            if (maxBuy != null && row.bought() > maxBuy + TOLERANCE) {
                out.add(new Violation(Kind.SUPPLY_EXCEEDED, row.itemId(), "the plan uses " + fmt(row.quantity())
                        + " " + row.itemId() + ": " + fmt(row.reused()) + " " + (row.kind().equals("SWITCH")
                        ? "installed or in stock" : "in stock") + " and " + fmt(row.bought())
                        + " to buy, at most " + maxBuy + " can be bought"));
            }
        }
    }

    private static void checkPorts(PlanEvaluation evaluation, List<Violation> out) {
        for (PlanEvaluation.DeviceRow d : evaluation.devices()) {
            if (d.portsUsed() > d.ports() * (1 + TOLERANCE) + TOLERANCE) {
                out.add(new Violation(Kind.PORTS_EXCEEDED, d.deviceId(), "uses " + fmt(d.portsUsed()) + " ports of "
                        + d.ports()));
            }
        }
    }

    private static void checkRackPower(PlanEvaluation evaluation, List<Violation> out) {
        for (PlanEvaluation.RackRow r : evaluation.racks()) {
            if (r.totalKw() > r.powerBudgetKw() * (1 + TOLERANCE) + TOLERANCE) {
                out.add(new Violation(Kind.RACK_POWER_EXCEEDED, r.rackId(), "draws " + fmt(r.totalKw())
                        + " kW (base " + fmt(r.baseLoadKw()) + " + network " + fmt(r.networkKw()) + "), budget "
                        + fmt(r.powerBudgetKw()) + " kW"));
            }
        }
    }

    private void checkReportedTotals(ReportedTotals reported, PlanEvaluation e, List<Violation> out) {
        if (reported == null) {
            return;
        }
        compare("capex_usd", reported.capexUsd(), e.capexUsd(), out);
        compare("power_w", reported.powerW(), e.powerW(), out);
        compare("tco_usd", reported.tcoUsd(), e.tcoUsd(), out);
        // the plan may minimise another objective than the Settings' (solve --objective)
        double objectiveValue = reported.objective() == null ? e.objectiveValue()
                : index.settings().withObjective(reported.objective()).objectiveValue(e.capexUsd(), e.powerW());
        compare("objective_value", reported.objectiveValue(), objectiveValue, out);
    }

    private static void compare(String what, double stated, double actual, List<Violation> out) {
        if (Double.isNaN(stated)) {
            return;
        }
        if (Math.abs(stated - actual) > TOLERANCE * Math.max(1, Math.abs(actual))) {
            out.add(new Violation(Kind.REPORTED_TOTAL_MISMATCH, what, "plan states " + fmt(stated)
                    + ", the plan's choices give " + fmt(actual)));
        }
    }

    static String fmt(double v) {
        return significant(v, 6);
    }

    /**
     * A figure in a message: whole numbers as digits, others to {@code digits} significant digits without trailing
     * zeros of the fraction (never those of the integer part: 123,450.4 to six digits is 123450, not 12345).
     */
    static String significant(double v, int digits) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros()
                .toPlainString();
    }
}
