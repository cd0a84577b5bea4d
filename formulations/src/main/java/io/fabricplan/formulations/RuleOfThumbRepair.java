package io.fabricplan.formulations;

import io.fabricplan.api.Baseline;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
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
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Settings;
import io.fabricplan.model.SwitchModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Repairs the rule-of-thumb plan (cheapest option per link, every switch pluggable) into one that meets the rack
 * budgets, where simple moves can: a switch takes another model of its family (CPO, say), a link another usable
 * option (lower power at the rack's end), a switch the optimiser places moves to another candidate rack with room.
 * Links whose cables cross spans between sites keep the layer's rule of thumb, and their switches stay as they are.
 *
 * <p>Problem: given a plan whose racks exceed their budgets by {@code E = sum_r max(0, P_r - B_r)} in total, find
 * one with {@code E = 0} at little cost. Method: steepest descent on {@code E}, rack by rack (largest excess
 * first): among the moves that touch the rack and lower {@code E}, the one with the least objective increase per
 * watt of the rack's excess it removes (a move removing more than the rack needs counts only what it needs), until
 * the rack fits or no move lowers {@code E}; passes repeat while any move was made. {@code E} falls with every move,
 * so it ends. Each move re-picks the options of the links it touches by objective (capex and power as the
 * objective weighs them), so a switch turned CPO takes DR modules at the far ends, fiber only towards other CPO
 * ports. Per move O(links of the rack's devices x options), option changes and switch moves cached per device until
 * it or a neighbour changes; at 131,072 GPUs 3-5 s on 2 cores, half of it the final check of the repaired plan.
 *
 * <p>This is a heuristic: it may leave a plan over budget where a repair exists (then the planner has no feasible
 * warm start, as before), and it never claims optimality. Stateless and thread-safe.
 */
public final class RuleOfThumbRepair {
    /** Moves made at most: a guard, far above what real fabrics need. */
    private static final int MAX_MOVES = 200_000;

    /**
     * The repaired rule of thumb, checked; the input itself when it is already feasible or null.
     *
     * @param instance    the instance under the objective of the solve
     * @param ruleOfThumb the rule of thumb's plan ({@link GreedyPlanner})
     */
    public Baseline repair(Instance instance, Baseline ruleOfThumb) {
        return repair(instance, ruleOfThumb, Deadline.none());
    }

    /** The repair, stopping with the plan so far (checked) when the deadline comes. */
    Baseline repair(Instance instance, Baseline ruleOfThumb, Deadline deadline) {
        if (ruleOfThumb == null || ruleOfThumb.feasible() || deadline.reached()) {
            return ruleOfThumb;
        }
        return repair(new InstanceIndex(instance), ruleOfThumb, deadline);
    }

    /** The same over an index of the instance already built (the planner's, shared by its phases). */
    Baseline repair(InstanceIndex index, Baseline ruleOfThumb, Deadline deadline) {
        if (ruleOfThumb == null || ruleOfThumb.feasible() || deadline.reached()) {
            return ruleOfThumb;
        }
        State state = new State(index, ruleOfThumb.plan());
        if (state.descend(deadline) == 0) {
            return ruleOfThumb; // nothing changed: its check stands (at 131,072 GPUs a check takes a second)
        }
        Plan plan = state.plan(ruleOfThumb.plan());
        CheckReport report = new PlanChecker(index).check(plan);
        return new Baseline(plan, report.evaluation(), report.violations());
    }

    /** The plan being repaired, with rack loads kept up to date. */
    private static final class State {
        private final InstanceIndex index;
        private final Settings settings;
        private final List<Device> devices;
        private final Map<String, Integer> deviceIds = new HashMap<>();
        private final List<Rack> racks;
        private final Map<String, Integer> rackIds = new HashMap<>();
        private final SwitchModel[] model;
        private final int[] rackOf;
        private final boolean[] frozen;
        private final boolean[] dirty;
        private final boolean[] optionsDirty;
        private final List<OptionChange>[] cachedOptionChanges;
        private final List<Move>[] cachedMoves;
        private final double[] capacityW;
        private final double[] loadW;
        private final int[] usedU;
        private final List<List<Integer>> devicesInRack = new ArrayList<>();
        /** Links the repair may change: one option each, all their cables. */
        private final List<Link> links = new ArrayList<>();
        private final List<Optic> option = new ArrayList<>();
        private final List<int[]> ends = new ArrayList<>();
        private final List<List<Integer>> linksOf = new ArrayList<>();
        private final Map<String, Integer> freeLinkIds = new HashMap<>();

        State(InstanceIndex index, Plan plan) {
            this.index = index;
            this.settings = index.settings();
            this.devices = index.instance().devices();
            this.racks = index.instance().racks();
            for (int i = 0; i < devices.size(); i++) {
                deviceIds.put(devices.get(i).id(), i);
                linksOf.add(new ArrayList<>());
            }
            for (int r = 0; r < racks.size(); r++) {
                rackIds.put(racks.get(r).id(), r);
                devicesInRack.add(new ArrayList<>());
            }
            model = new SwitchModel[devices.size()];
            rackOf = new int[devices.size()];
            frozen = new boolean[devices.size()];
            dirty = new boolean[devices.size()];
            java.util.Arrays.fill(dirty, true);
            optionsDirty = new boolean[devices.size()];
            java.util.Arrays.fill(optionsDirty, true);
            @SuppressWarnings("unchecked")
            List<OptionChange>[] changes = new List[devices.size()];
            cachedOptionChanges = changes;
            @SuppressWarnings("unchecked")
            List<Move>[] cache = new List[devices.size()];
            cachedMoves = cache;
            capacityW = new double[racks.size()];
            loadW = new double[racks.size()];
            usedU = new int[racks.size()];
            Map<String, SwitchModel> chosen = PlanEvaluator.chosenModels(index, plan);
            Map<String, String> placed = PlanEvaluator.placedRacks(index, plan);
            for (int r = 0; r < racks.size(); r++) {
                capacityW[r] = (racks.get(r).powerBudgetKw() - racks.get(r).baseLoadKw()) * 1000.0;
            }
            for (int d = 0; d < devices.size(); d++) {
                Device device = devices.get(d);
                model[d] = chosen.get(device.id());
                Integer rack = placed.get(device.id()) == null ? null : rackIds.get(placed.get(device.id()));
                rackOf[d] = rack == null ? -1 : rack;
                frozen[d] = rack == null || (device.isSwitch() && model[d] == null);
                if (rack != null) {
                    devicesInRack.get(rack).add(d);
                    if (model[d] != null) {
                        loadW[rack] += model[d].basePowerW();
                        if (device.isPlaced()) {
                            usedU[rack] += model[d].heightU();
                        }
                    }
                }
            }
            readLinks(plan, placed);
        }

        /** Links of one assignment become free; the rest (split, crossing spans) stay fixed and freeze their ends. */
        private void readLinks(Plan plan, Map<String, String> placed) {
            Map<String, List<LinkAssignment>> byLink = new HashMap<>();
            for (LinkAssignment a : plan.links()) {
                byLink.computeIfAbsent(a.linkId(), k -> new ArrayList<>()).add(a);
            }
            List<Link> candidates = new ArrayList<>();
            for (Link l : index.instance().links()) {
                List<LinkAssignment> as = byLink.getOrDefault(l.id(), List.of());
                Integer a = deviceIds.get(l.aDevice());
                Integer b = deviceIds.get(l.bDevice());
                if (a == null || b == null) {
                    continue;
                }
                for (LinkAssignment assignment : as) {
                    Optic o = index.optic(assignment.opticId());
                    LinkEnd ea = end(a);
                    LinkEnd eb = end(b);
                    if (o == null || ea == null || eb == null) {
                        continue;
                    }
                    if (rackOf[a] >= 0) {
                        loadW[rackOf[a]] += FabricRules.endPowerW(o, l, ea) * assignment.count();
                    }
                    if (rackOf[b] >= 0) {
                        loadW[rackOf[b]] += FabricRules.endPowerW(o, l, eb) * assignment.count();
                    }
                }
                boolean single = as.size() == 1 && index.optic(as.get(0).opticId()) != null
                        && as.get(0).count() == l.count() && !Double.isNaN(PlanEvaluator.lengthM(index, l, placed));
                if (single) {
                    candidates.add(l);
                } else {
                    frozen[a] = true;
                    frozen[b] = true;
                }
            }
            for (Link l : candidates) {
                int a = deviceIds.get(l.aDevice());
                int b = deviceIds.get(l.bDevice());
                int i = links.size();
                freeLinkIds.put(l.id(), i);
                links.add(l);
                option.add(index.optic(byLink.get(l.id()).get(0).opticId()));
                ends.add(new int[] {a, b});
                linksOf.get(a).add(i);
                if (b != a) {
                    linksOf.get(b).add(i);
                }
            }
        }

        private LinkEnd end(int d) {
            Device device = devices.get(d);
            if (!device.isSwitch()) {
                return index.endOf(device, null);
            }
            return model[d] == null ? null : index.endOf(device, model[d]);
        }

        private double excess(int r, double load) {
            return Math.max(0, load - capacityW[r] - tolerance(r));
        }

        /** The checker's tolerance on a rack's total, in W. */
        private double tolerance(int r) {
            Rack rack = racks.get(r);
            return (rack.powerBudgetKw() * PlanChecker.TOLERANCE + PlanChecker.TOLERANCE) * 1000.0 * 0.5;
        }

        /** Moves until no rack is over budget, no move helps or the deadline comes; returns the moves made. */
        int descend(Deadline deadline) {
            int moves = 0;
            boolean changed = true;
            while (changed && moves < MAX_MOVES) {
                changed = false;
                List<Integer> over = new ArrayList<>();
                for (int r = 0; r < racks.size(); r++) {
                    if (excess(r, loadW[r]) > 0) {
                        over.add(r);
                    }
                }
                over.sort(Comparator.comparingDouble((Integer r) -> -excess(r, loadW[r])));
                for (int r : over) {
                    while (excess(r, loadW[r]) > 0 && moves < MAX_MOVES && !deadline.reached()) {
                        Move best = bestMove(r);
                        if (best == null) {
                            break;
                        }
                        best.apply(this);
                        touched(best);
                        moves++;
                        changed = true;
                    }
                }
            }
            return moves;
        }

        /** The admissible move touching rack r with the least objective increase per watt of r's excess removed. */
        private Move bestMove(int r) {
            double need = excess(r, loadW[r]);
            List<Move> candidates = new ArrayList<>();
            for (int d : devicesInRack.get(r)) {
                Device device = devices.get(d);
                if (device.isSwitch() && !frozen[d]) {
                    for (Move m : switchMoves(d)) {
                        if (m.newRack < 0 || usedU[m.newRack] + model[d].heightU() <= racks.get(m.newRack).freeU()) {
                            candidates.add(m);
                        }
                    }
                }
            }
            for (int d : devicesInRack.get(r)) {
                for (OptionChange change : optionChanges(d)) {
                    candidates.add(change.move(need));
                }
            }
            Move best = null;
            double bestScore = Double.POSITIVE_INFINITY;
            for (Move m : candidates) {
                if (m == null) {
                    continue;
                }
                double gain = m.excessRemoved(this);
                if (gain <= 1e-9) {
                    continue;
                }
                double score = m.objectiveDelta / Math.min(gain, need);
                if (score < bestScore) {
                    bestScore = score;
                    best = m;
                }
            }
            return best;
        }

        /**
         * Device d's model changes and moves, computed again only when d, a neighbour or one of its links has
         * changed since (re-picking a switch's links is the repair's main cost).
         */
        private List<Move> switchMoves(int d) {
            if (!dirty[d] && cachedMoves[d] != null) {
                return cachedMoves[d];
            }
            Device device = devices.get(d);
            List<Move> moves = new ArrayList<>();
            for (SwitchModel m : index.candidateModels(device)) {
                if (m != model[d] && FabricFormulation.fits(index, device, m)) {
                    Move move = modelChange(d, m);
                    if (move != null) {
                        moves.add(move);
                    }
                }
            }
            if (device.isPlaced()) {
                for (String rackId : device.candidateRacks()) {
                    Integer to = rackIds.get(rackId);
                    if (to != null && to != rackOf[d]) {
                        Move move = rackMove(d, to);
                        if (move != null) {
                            moves.add(move);
                        }
                    }
                }
            }
            cachedMoves[d] = moves;
            dirty[d] = false;
            return moves;
        }

        /**
         * Device d's option changes: its free links grouped by shape (links of one shape are interchangeable: one is
         * evaluated, as many move as the rack needs), each group with every other option that draws less at d.
         * Computed again only when d, a neighbour or one of its links has changed since.
         */
        private List<OptionChange> optionChanges(int d) {
            if (!optionsDirty[d] && cachedOptionChanges[d] != null) {
                return cachedOptionChanges[d];
            }
            Map<LinkShape, List<Integer>> shapes = new LinkedHashMap<>();
            for (int l : linksOf.get(d)) {
                shapes.computeIfAbsent(shape(l, d), k -> new ArrayList<>()).add(l);
            }
            List<OptionChange> changes = new ArrayList<>();
            for (List<Integer> same : shapes.values()) {
                for (Optic o : index.instance().optics()) {
                    if (o != option.get(same.get(0)) && !o.isBreakout()) {
                        OptionChange change = optionChange(same, o, d);
                        if (change != null) {
                            changes.add(change);
                        }
                    }
                }
            }
            cachedOptionChanges[d] = changes;
            optionsDirty[d] = false;
            return changes;
        }

        /** Marks what a move changes: its device, and both ends of every link whose option or end changed. */
        void touched(Move move) {
            if (move.device >= 0) {
                markDirty(move.device);
                for (int l : linksOf.get(move.device)) {
                    markEndsDirty(l);
                }
            }
            for (int l : move.relinked) {
                markEndsDirty(l);
            }
            for (int i = 0; i < move.groupTaken; i++) {
                markEndsDirty(move.group.get(i));
            }
        }

        private void markEndsDirty(int l) {
            markDirty(ends.get(l)[0]);
            markDirty(ends.get(l)[1]);
        }

        private void markDirty(int d) {
            dirty[d] = true;
            optionsDirty[d] = true;
        }

        /** What makes two free links at device d interchangeable for a move: ends, racks, rate, length, option. */
        private LinkShape shape(int l, int d) {
            Link link = links.get(l);
            int a = ends.get(l)[0];
            int b = ends.get(l)[1];
            int other = a == d ? b : a;
            return new LinkShape(d, rackOf[other], model[other] == null ? "server:" + devices.get(other).lpoCapable()
                    : model[other].id(), a == d, link.gbps(), link.count(), link.lengthM(), option.get(l).id());
        }

        /** Device d takes model m; its free links re-pick their options. Null when a link has no usable option. */
        private Move modelChange(int d, SwitchModel m) {
            SwitchModel old = model[d];
            Move move = new Move();
            move.newModel = m;
            move.device = d;
            Device device = devices.get(d);
            move.objectiveDelta = settings.objectiveValue(FabricRules.switchCostUsd(m, device, settings)
                    - FabricRules.switchCostUsd(old, device, settings), m.basePowerW() - old.basePowerW());
            move.addLoad(rackOf[d], m.basePowerW() - old.basePowerW());
            LinkEnd newEnd = index.endOf(device, m);
            return relink(move, d, newEnd, rackOf[d]) ? move : null;
        }

        /** Placed switch d moves to rack to; its free links re-pick their options for the new lengths. */
        private Move rackMove(int d, int to) {
            Move move = new Move();
            move.device = d;
            move.newRack = to;
            move.addLoad(rackOf[d], -model[d].basePowerW());
            move.addLoad(to, model[d].basePowerW());
            return relink(move, d, end(d), to) ? move : null;
        }

        /** Re-picks the options of d's free links with d presenting {@code dEnd} from rack {@code dRack}. */
        private boolean relink(Move move, int d, LinkEnd dEnd, int dRack) {
            Map<LinkShape, Optic> bestByShape = new HashMap<>(); // links of one shape pick the same option
            for (int l : linksOf.get(d)) {
                Link link = links.get(l);
                int a = ends.get(l)[0];
                int b = ends.get(l)[1];
                LinkEnd ea = a == d ? dEnd : end(a);
                LinkEnd eb = b == d ? dEnd : end(b);
                int ra = a == d ? dRack : rackOf[a];
                int rb = b == d ? dRack : rackOf[b];
                double length = FabricRules.lengthM(link, racks.get(ra), racks.get(rb), settings);
                Optic best = bestByShape.computeIfAbsent(shape(l, d), k -> bestOption(link, length, ea, eb));
                double bestObjective = best == null ? 0 : settings.objectiveValue(
                        FabricRules.linkCostUsd(best, length, ea, eb),
                        FabricRules.endPowerW(best, link, ea) + FabricRules.endPowerW(best, link, eb));
                if (best == null) {
                    return false;
                }
                move.relinked.add(l);
                move.relinkedOptions.add(best);
                double count = link.count();
                Optic old = option.get(l);
                double oldLength = FabricRules.lengthM(link, racks.get(rackOf[a]), racks.get(rackOf[b]), settings);
                LinkEnd oa = end(a);
                LinkEnd ob = end(b);
                move.objectiveDelta += count * (bestObjective - settings.objectiveValue(
                        FabricRules.linkCostUsd(old, oldLength, oa, ob),
                        FabricRules.endPowerW(old, link, oa) + FabricRules.endPowerW(old, link, ob)));
                move.addLoad(ra, count * FabricRules.endPowerW(best, link, ea));
                move.addLoad(rb, count * FabricRules.endPowerW(best, link, eb));
                move.addLoad(rackOf[a], -count * FabricRules.endPowerW(old, link, oa));
                move.addLoad(rackOf[b], -count * FabricRules.endPowerW(old, link, ob));
            }
            return true;
        }

        /** The usable option of least objective (then least power) between the ends; null when none is usable. */
        private Optic bestOption(Link link, double length, LinkEnd ea, LinkEnd eb) {
            Optic best = null;
            double bestObjective = 0;
            double bestPower = 0;
            for (Optic o : index.instance().optics()) {
                if (o.isBreakout() || !FabricRules.usable(o, link, length, ea, eb)) {
                    continue;
                }
                double power = FabricRules.endPowerW(o, link, ea) + FabricRules.endPowerW(o, link, eb);
                double objective = settings.objectiveValue(FabricRules.linkCostUsd(o, length, ea, eb), power);
                if (best == null || objective < bestObjective || (objective == bestObjective && power < bestPower)) {
                    best = o;
                    bestObjective = objective;
                    bestPower = power;
                }
            }
            return best;
        }

        /**
         * Links of one shape take option o, when usable and drawing less at device d's end: the change per link;
         * {@link OptionChange#move} takes as many as the rack needs.
         */
        private OptionChange optionChange(List<Integer> same, Optic o, int d) {
            int l = same.get(0);
            Link link = links.get(l);
            if (!FabricRules.rateMatches(o, link)) {
                return null;
            }
            int a = ends.get(l)[0];
            int b = ends.get(l)[1];
            LinkEnd ea = end(a);
            LinkEnd eb = end(b);
            Optic old = option.get(l);
            LinkEnd ed = a == d ? ea : eb;
            double saved = link.count() * (FabricRules.endPowerW(old, link, ed) - FabricRules.endPowerW(o, link, ed));
            if (saved <= 0) {
                return null;
            }
            double length = FabricRules.lengthM(link, racks.get(rackOf[a]), racks.get(rackOf[b]), settings);
            if (!FabricRules.usable(o, link, length, ea, eb)) {
                return null;
            }
            double count = link.count();
            double newPower = FabricRules.endPowerW(o, link, ea) + FabricRules.endPowerW(o, link, eb);
            double oldPower = FabricRules.endPowerW(old, link, ea) + FabricRules.endPowerW(old, link, eb);
            return new OptionChange(same, o, saved, count * (settings.objectiveValue(
                    FabricRules.linkCostUsd(o, length, ea, eb), newPower)
                    - settings.objectiveValue(FabricRules.linkCostUsd(old, length, ea, eb), oldPower)),
                    rackOf[a], count * (FabricRules.endPowerW(o, link, ea) - FabricRules.endPowerW(old, link, ea)),
                    rackOf[b], count * (FabricRules.endPowerW(o, link, eb) - FabricRules.endPowerW(old, link, eb)));
        }

        /** The repaired plan: the input's device order, free links on their options, fixed links as they were. */
        Plan plan(Plan input) {
            List<DeviceAssignment> out = new ArrayList<>();
            for (DeviceAssignment a : input.devices()) {
                Integer d = deviceIds.get(a.deviceId());
                if (d == null) {
                    out.add(a);
                    continue;
                }
                out.add(new DeviceAssignment(a.deviceId(), model[d] == null ? a.modelId() : model[d].id(),
                        rackOf[d] < 0 ? a.rackId() : racks.get(rackOf[d]).id()));
            }
            List<LinkAssignment> linkOut = new ArrayList<>();
            for (LinkAssignment a : input.links()) {
                Integer l = freeLinkIds.get(a.linkId());
                if (l == null) {
                    linkOut.add(a);
                    continue;
                }
                int[] e = ends.get(l);
                linkOut.add(new LinkAssignment(a.linkId(), option.get(l).id(), end(e[0]).packaging(),
                        end(e[1]).packaging(), a.count()));
            }
            return new Plan(out, linkOut, null, input.dwdm());
        }
    }

    /**
     * Links of one shape taking another option, per link (all its cables): the power saved at the device's end,
     * the objective's change and the load change in the racks of ends a and b.
     */
    private record OptionChange(List<Integer> group, Optic option, double savedW, double objectiveDelta, int rackA,
                                double loadAW, int rackB, double loadBW) {
        /** As many links as it takes to remove the rack's excess {@code need}, at most all of them. */
        Move move(double need) {
            int k = (int) Math.min(group.size(), Math.ceil(need / savedW - 1e-9));
            Move move = new Move();
            move.objectiveDelta = k * objectiveDelta;
            move.addLoad(rackA, k * loadAW);
            move.addLoad(rackB, k * loadBW);
            move.group = group;
            move.groupTaken = k;
            move.groupOption = option;
            return move;
        }
    }

    /** The shape of a free link seen from one of its devices (see {@code State.shape}). */
    private record LinkShape(int device, int otherRack, String otherEnd, boolean deviceIsA, double gbps, int count,
                             Double lengthM, String opticId) {
    }

    /** One change to the plan, with its effect on rack loads and on the objective. */
    private static final class Move {
        int device = -1;
        SwitchModel newModel;
        int newRack = -1;
        /** Links re-picked one by one (a switch changed or moved). */
        final List<Integer> relinked = new ArrayList<>();
        final List<Optic> relinkedOptions = new ArrayList<>();
        /** Or: the first {@code groupTaken} links of a group of one shape take {@code groupOption}. */
        List<Integer> group = List.of();
        int groupTaken;
        Optic groupOption;
        /** Load changes per rack, as parallel arrays (a move touches few racks). */
        private int[] loadRacks = new int[4];
        private double[] loadWatts = new double[4];
        private int loads;
        double objectiveDelta;

        void addLoad(int rack, double watts) {
            if (rack < 0 || watts == 0) {
                return;
            }
            for (int i = 0; i < loads; i++) {
                if (loadRacks[i] == rack) {
                    loadWatts[i] += watts;
                    return;
                }
            }
            if (loads == loadRacks.length) {
                loadRacks = java.util.Arrays.copyOf(loadRacks, loads * 2);
                loadWatts = java.util.Arrays.copyOf(loadWatts, loads * 2);
            }
            loadRacks[loads] = rack;
            loadWatts[loads++] = watts;
        }

        /** How much the total excess over budgets falls (negative: rises). */
        double excessRemoved(State s) {
            double removed = 0;
            for (int i = 0; i < loads; i++) {
                int r = loadRacks[i];
                removed += s.excess(r, s.loadW[r]) - s.excess(r, s.loadW[r] + loadWatts[i]);
            }
            return removed;
        }

        void apply(State s) {
            for (int i = 0; i < loads; i++) {
                s.loadW[loadRacks[i]] += loadWatts[i];
            }
            for (int i = 0; i < relinked.size(); i++) {
                s.option.set(relinked.get(i), relinkedOptions.get(i));
            }
            for (int i = 0; i < groupTaken; i++) {
                s.option.set(group.get(i), groupOption);
            }
            if (newModel != null) {
                s.model[device] = newModel;
            }
            if (newRack >= 0) {
                int from = s.rackOf[device];
                s.devicesInRack.get(from).remove(Integer.valueOf(device));
                s.devicesInRack.get(newRack).add(device);
                s.usedU[from] -= s.model[device].heightU();
                s.usedU[newRack] += s.model[device].heightU();
                s.rackOf[device] = newRack;
            }
        }
    }
}
