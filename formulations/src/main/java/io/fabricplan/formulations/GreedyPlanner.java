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
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.Plan;
import io.fabricplan.model.Rack;
import io.fabricplan.model.SwitchModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule-of-thumb plan a network planner makes by hand: every AUTO switch takes its family's cheapest
 * PLUGGABLE model whose ports fit (a switch asking for CPO or PLUGGABLE the cheapest such model that fits), and
 * every link the usable option with the lowest capex per cable (ties: lower power, then catalog order), all its
 * cables on that one option. A switch the optimiser places goes to its first candidate rack with free rack units
 * left (candidates in the order given). Links whose cables cross spans between sites go to the
 * {@link InterSiteLayer}'s rule of thumb (shortest route, grey while fiber lasts, then DWDM). It ignores rack
 * budgets, so the plan may break them; the checker's violations say which.
 *
 * <p>Stock and supply as a planner handles them by hand: an installed switch keeps its model where that model fits
 * (and the packaging request admits it); units in the Inventory are used first, devices and links in sheet order,
 * costed at the re-cabling labour instead of their price while they last (a link's cables all from stock, or all
 * at list price); an option or model whose purchases would pass its {@code max_buy} is passed over while another
 * is usable. Deterministic; O(devices x models + links x options). Stateless and thread-safe.
 */
public final class GreedyPlanner {

    /**
     * The baseline of a valid instance, evaluated under the instance's objective; null when some link has no
     * usable option between the models chosen at its ends.
     */
    public Baseline plan(Instance instance) {
        InstanceIndex index = new InstanceIndex(instance);
        Plan plan = unchecked(instance, index);
        return plan == null ? null : checked(index, plan);
    }

    /** The plan and its check's verdict and figures. */
    static Baseline checked(InstanceIndex index, Plan plan) {
        CheckReport report = new PlanChecker(index).check(plan);
        return new Baseline(plan, report.evaluation(), report.violations());
    }

    /** The rule of thumb's plan, not yet checked; null when some link has no usable option. */
    static Plan unchecked(Instance instance, InstanceIndex index) {
        Map<String, SwitchModel> chosen = new HashMap<>();
        Map<String, String> racks = new HashMap<>();
        Map<String, Integer> usedU = new HashMap<>();
        List<DeviceAssignment> devices = new ArrayList<>();
        Ledger ledger = new Ledger(index);
        for (Device d : instance.devices()) {
            SwitchModel m = d.isSwitch() ? modelFor(index, d, ledger) : null;
            if (m != null && FabricRules.newSwitchUnit(m, d)) {
                ledger.take("switch:" + m.id(), 1);
            }
            if (m != null) {
                chosen.put(d.id(), m);
            }
            String rack = d.isPlaced() ? place(index, d, m, usedU) : d.rackId();
            racks.put(d.id(), rack);
            devices.add(new DeviceAssignment(d.id(), m == null ? null : m.id(), rack));
        }
        List<LinkAssignment> links = new ArrayList<>();
        List<InterSiteLayer.Crossing> crossings = new ArrayList<>();
        for (Link l : instance.links()) {
            LinkEnd ea = end(index, index.device(l.aDevice()), chosen);
            LinkEnd eb = end(index, index.device(l.bDevice()), chosen);
            Rack ra = index.rack(racks.get(l.aDevice()));
            Rack rb = index.rack(racks.get(l.bDevice()));
            double length = FabricRules.lengthM(l, ra, rb, instance.settings());
            if (Double.isNaN(length) && l.lengthM() == null && instance.hasSpans() && ra != null && rb != null) {
                crossings.add(new InterSiteLayer.Crossing(l, ea, eb, ra.siteId(), rb.siteId()));
                continue;
            }
            Optic best = cheapest(instance.optics(), l, length, ea, eb, ledger);
            if (best == null) {
                return null;
            }
            ledger.take("optic:" + best.id(), (long) FabricRules.unitsPerLink(best, ea, eb) * l.count());
            links.add(new LinkAssignment(l.id(), best.id(), ea.packaging(), eb.packaging(), l.count()));
        }
        Plan plan = new Plan(devices, links);
        if (!crossings.isEmpty()) {
            // over the spans the rule of thumb is the DWDM layer's: grey while fiber lasts, then DWDM
            InterSiteLayer.RuleOfThumb between = InterSiteLayer.find().map(layer -> layer.ruleOfThumb(instance,
                    crossings)).orElse(null);
            if (between == null) {
                return null;
            }
            links.addAll(between.links());
            plan = new Plan(devices, links).withDwdm(between.dwdm());
        }
        return plan;
    }

    /**
     * The rack of a placed switch: its first candidate rack (in the order given) with free rack units left for
     * the model, else its first candidate, and the checker will object. Lengths are not looked at: the planner
     * lists candidates nearest first.
     */
    private static String place(InstanceIndex index, Device d, SwitchModel m, Map<String, Integer> usedU) {
        int height = m == null ? 0 : m.heightU();
        for (String r : d.candidateRacks()) {
            int used = usedU.getOrDefault(r, 0);
            if (index.rack(r) != null && used + height <= index.rack(r).freeU()) {
                usedU.put(r, used + height);
                return r;
            }
        }
        String first = d.candidateRacks().get(0);
        usedU.merge(first, height, Integer::sum);
        return first;
    }

    /**
     * The installed model where it fits and is admitted; else the cheapest fitting model among those the rule
     * allows (a model in stock costs nothing, one at its {@code max_buy} is passed over while another fits); else
     * the largest, and the checker will object.
     */
    private static SwitchModel modelFor(InstanceIndex index, Device d, Ledger ledger) {
        List<SwitchModel> candidates = index.candidateModels(d);
        SwitchModel installed = d.installedModel() == null ? null : index.model(d.installedModel());
        if (installed != null && candidates.contains(installed) && FabricFormulation.fits(index, d, installed)) {
            return installed;
        }
        List<SwitchModel> preferred = d.packaging() == PackagingChoice.AUTO
                ? candidates.stream().filter(m -> m.packaging() == Packaging.PLUGGABLE).toList() : candidates;
        Comparator<SwitchModel> cheapest = Comparator.comparingDouble((SwitchModel m) -> ledger.stockLeft("switch:"
                        + m.id()) > 0 ? 0.0 : FabricRules.switchCostUsd(m, d, index.settings()))
                .thenComparingDouble(SwitchModel::basePowerW);
        java.util.function.Predicate<SwitchModel> buyable = m -> ledger.canTake("switch:" + m.id(), 1, m.maxBuy());
        java.util.function.Predicate<SwitchModel> fits = m -> FabricFormulation.fits(index, d, m);
        return preferred.stream().filter(fits.and(buyable)).min(cheapest)
                .or(() -> candidates.stream().filter(fits.and(buyable)).min(cheapest))
                .or(() -> candidates.stream().filter(fits).min(cheapest))
                .or(() -> candidates.stream().max(Comparator.comparingDouble(m -> m.ports() * m.portGbps())))
                .orElse(null);
    }

    private static LinkEnd end(InstanceIndex index, Device d, Map<String, SwitchModel> chosen) {
        return index.endOf(d, d.isSwitch() ? chosen.get(d.id()) : null);
    }

    /**
     * Lowest capex per cable (units from stock at the re-cabling labour while the stock covers the link), then
     * lowest power of both ends; options whose purchases would pass {@code max_buy} only when no other is usable;
     * min keeps the first of equals (catalog order).
     */
    private static Optic cheapest(List<Optic> optics, Link l, double length, LinkEnd ea, LinkEnd eb, Ledger ledger) {
        Optic best = null;
        boolean bestBuyable = false;
        double bestCost = 0;
        double bestPower = 0;
        double recable = ledger.index.settings().recableUsd();
        for (Optic o : optics) {
            // the rule of thumb cables each link on its own: no twin-port modules or breakout cables
            if (o.isBreakout() || !FabricRules.usable(o, l, length, ea, eb)) {
                continue;
            }
            long units = (long) FabricRules.unitsPerLink(o, ea, eb) * l.count();
            boolean fromStock = units > 0 && ledger.stockLeft("optic:" + o.id()) >= units && recable < o.costUsd();
            double cost = FabricRules.linkCostUsd(o, length, ea, eb)
                    - (fromStock ? (o.costUsd() - recable) * units / l.count() : 0);
            double power = FabricRules.endPowerW(o, l, ea) + FabricRules.endPowerW(o, l, eb);
            boolean buyable = ledger.canTake("optic:" + o.id(), units, o.maxBuy());
            if (best == null || buyable && !bestBuyable
                    || buyable == bestBuyable && (cost < bestCost || (cost == bestCost && power < bestPower))) {
                best = o;
                bestBuyable = buyable;
                bestCost = cost;
                bestPower = power;
            }
        }
        return best;
    }

    /** Stock left and units bought so far, per item ("optic:" or "switch:" + id). */
    private static final class Ledger {
        final InstanceIndex index;
        private final Map<String, Long> taken = new HashMap<>();

        Ledger(InstanceIndex index) {
            this.index = index;
        }

        long stockLeft(String item) {
            long stock = index.stock(item.substring(item.indexOf(':') + 1));
            return Math.max(0, stock - taken.getOrDefault(item, 0L));
        }

        /** Whether {@code units} more stay within stock plus {@code max_buy}. */
        boolean canTake(String item, long units, Integer maxBuy) {
            long stock = index.stock(item.substring(item.indexOf(':') + 1));
            return maxBuy == null || taken.getOrDefault(item, 0L) + units <= stock + maxBuy;
        }

        void take(String item, long units) {
            taken.merge(item, units, Long::sum);
        }
    }
}
