package io.fabricplan.formulations;

import io.fabricplan.api.InterSiteMedia;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.model.Device;
import io.fabricplan.model.FabricRules;
import io.fabricplan.model.Instance;
import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkEnd;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.OpticalRules;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.SiteGraph;
import io.fabricplan.model.Span;
import io.fabricplan.model.SwitchModel;
import io.fabricplan.model.WdmEquipment;
import io.fabricplan.model.WdmKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Explains infeasibility without a solver, by simple lower bounds that name what cannot be met and by how much:
 * <ul>
 *   <li>a switch whose links need more ports than the largest model it may take has;</li>
 *   <li>a server whose links need more ports than its NIC has;</li>
 *   <li>a link no option can serve between the models that have enough ports;</li>
 *   <li>a rack whose least possible network power exceeds what its budget leaves: each switch on the fitting
 *       model that minimises its base and CPO port power plus the least power of its cable ends under that model,
 *       and each server end on its least-power usable option.</li>
 * </ul>
 * And for links between sites over the spans, a cut bound: the cables between a set of sites and the rest
 * cross the spans that leave the set, a grey cable on a fiber pair of its own, a DWDM channel sharing a pair with
 * at most as many others as the widest MUX has channels.
 * The bounds relax the coupling between the two ends of a link (and so between racks), so they prove infeasibility
 * only when they fire; the solver may still prove it when they all fit. O(links x options x 4 + switches x models).
 * A switch the optimiser places counts with the shortest length over its candidate racks, and its own power
 * is attributed to a rack only when it has a single candidate. For a valid instance (see
 * {@code InstanceValidator}). Caches what it computes: not thread-safe, one per solve.
 */
public final class InfeasibilityDiagnosis {
    private static final int TIGHTEST = 3;

    private final InstanceIndex index;
    private final SiteGraph sites;
    private final InterSiteMedia media;
    /** Cut bounds enumerate every set of sites up to this many sites, else only single sites. */
    private static final int MAX_SITES_FOR_ALL_CUTS = 12;
    private final Map<String, List<SwitchModel>> usable = new HashMap<>();
    private final Map<String, Set<Packaging>> packagings = new HashMap<>();
    /** Memos of what fabrics repeat over hundreds of thousands of links (see {@link #leastEndPowerW}). */
    private final Map<EndShape, Double> leastEndPower = new HashMap<>();
    private final Map<String, Double> shortestLength = new HashMap<>();
    private final Map<String, Integer> deviceShapes = new HashMap<>();
    private final Map<Object, Integer> shapeIds = new HashMap<>();

    public InfeasibilityDiagnosis(Instance instance) {
        this(instance, InterSiteMedia.ANY);
    }

    /** The diagnosis of a solve that allows these media between sites. */
    public InfeasibilityDiagnosis(Instance instance, InterSiteMedia media) {
        this(new InstanceIndex(instance), media);
    }

    /** The same over an index of the instance already built (the planner's, shared by its phases). */
    InfeasibilityDiagnosis(InstanceIndex index, InterSiteMedia media) {
        this.index = index;
        this.sites = new SiteGraph(index.instance().spans());
        this.media = media;
    }

    private List<SwitchModel> usableModels(Device d) {
        return usable.computeIfAbsent(d.id(), id -> FabricFormulation.usableModels(index, d));
    }

    private Set<Packaging> endPackagings(Device d) {
        return packagings.computeIfAbsent(d.id(), id -> FabricFormulation.endPackagings(index, d));
    }

    /** As {@link FabricFormulation#someEndAccepts}, over the cached usable models. */
    private boolean someEndAccepts(Device device, Optic o, Packaging p) {
        if (!device.isSwitch()) {
            return p == Packaging.PLUGGABLE && FabricRules.endAccepts(o, index.endOf(device, null));
        }
        for (SwitchModel m : usableModels(device)) {
            if (m.packaging() == p && FabricRules.endAccepts(o, index.endOf(device, m))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The shortest the link can be over the racks its ends may stand in (a placed switch may go to any of its
     * candidates): the options that reach it are all the options any placement could use.
     */
    /** Whether the link's cables are to cross the spans (no length of their own, spans in the instance). */
    private boolean overSpans(Link l) {
        return l.lengthM() == null && index.instance().hasSpans();
    }

    private double shortestLengthM(Link l) {
        return shortestLength.computeIfAbsent(l.id(), id -> computeShortestLengthM(l));
    }

    private double computeShortestLengthM(Link l) {
        Device a = index.device(l.aDevice());
        Device b = index.device(l.bDevice());
        double shortest = Double.NaN;
        for (String ra : a.possibleRacks()) {
            for (String rb : b.possibleRacks()) {
                double length = FabricRules.lengthM(l, index.rack(ra), index.rack(rb), index.settings());
                if (Double.isNaN(length) && overSpans(l)) {
                    // between sites the cable follows the spans: the shortest chain of them
                    length = sites.shortestKm(index.rack(ra).siteId(), index.rack(rb).siteId()) * 1000.0;
                }
                if (!Double.isNaN(length) && (Double.isNaN(shortest) || length < shortest)) {
                    shortest = length;
                }
            }
        }
        return shortest;
    }

    /** The bounds that prove the instance infeasible; empty when none does (it may still be infeasible). */
    public List<String> provenReasons() {
        List<String> reasons = new ArrayList<>();
        switchPorts(reasons);
        serverPorts(reasons);
        unservableLinks(reasons);
        opticSupply(reasons);
        switchSupply(reasons);
        spanCut(reasons);
        for (RackBound b : rackBounds()) {
            if (b.exceeded()) {
                reasons.add(String.format(Locale.ROOT, "rack %s: the least network power possible is %.2f kW, "
                                + "budget %.2f kW (base load %.2f kW of %.2f kW)", b.rack.id(), b.leastW / 1000,
                        b.availableW() / 1000, b.rack.baseLoadKw(), b.rack.powerBudgetKw()));
            }
        }
        return reasons;
    }

    /**
     * Why a solver found no plan: the proven reasons, or when none fires, that the rules only conflict together,
     * with the tightest racks.
     */
    public List<String> explain() {
        List<String> reasons = provenReasons();
        if (!reasons.isEmpty()) {
            return reasons;
        }
        List<String> out = new ArrayList<>();
        out.add(index.instance().hasSpans() ? "no plan meets every rack budget, port limit, span fiber pair and "
                + "optical budget together; the simple per-rack and per-cut bounds all fit"
                : "no plan meets every rack budget and port limit together; the simple per-rack bounds all fit");
        rackBounds().stream().sorted(Comparator.comparingDouble(RackBound::utilisation).reversed()).limit(TIGHTEST)
                .forEach(b -> out.add(String.format(Locale.ROOT,
                        "rack %s: least network power %.2f kW of %.2f kW available (%.0f%%)", b.rack.id(),
                        b.leastW / 1000, b.availableW() / 1000, 100 * b.utilisation())));
        return out;
    }

    /**
     * The cut of the sites whose crossing cables most exceed what its spans carry, if any does: grey cables take a
     * fiber pair each, DWDM ones at most the widest MUX's channels per pair. Counts the links over spans whose ends
     * each may stand in one site only. O(2^sites x (links + spans)) up to 12 sites, else single sites.
     */
    private void spanCut(List<String> out) {
        spanCut(out, Set.of());
    }

    /**
     * Why a solver found no plan, knowing which site pairs no coherent optic can join (the DWDM layer's finding):
     * their cables count as grey, a fiber pair each, in the cut bound.
     *
     * @param greyOnly unordered site pairs {@code "a|b"} (a &lt; b) whose cables can only go grey
     */
    public List<String> explain(Set<String> greyOnly) {
        List<String> reasons = new ArrayList<>();
        if (!greyOnly.isEmpty() && media == InterSiteMedia.ANY) {
            spanCut(reasons, greyOnly);
        }
        if (reasons.isEmpty()) {
            return explain();
        }
        for (String r : provenReasons()) {
            if (!reasons.contains(r)) {
                reasons.add(r);
            }
        }
        return reasons;
    }

    private void spanCut(List<String> out, Set<String> greyOnly) {
        if (!index.instance().hasSpans()) {
            return;
        }
        Map<String, Long> cables = new TreeMap<>();
        for (Link l : index.instance().links()) {
            String a = onlySite(index.device(l.aDevice()));
            String b = onlySite(index.device(l.bDevice()));
            if (l.lengthM() == null && a != null && b != null && !a.equals(b)) {
                cables.merge(a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a, (long) l.count(), Long::sum);
            }
        }
        if (cables.isEmpty()) {
            return;
        }
        int perPair = media == InterSiteMedia.GREY ? 1 : 0;
        if (media != InterSiteMedia.GREY) {
            for (WdmEquipment e : index.instance().wdmEquipment()) {
                if (e.kind() == WdmKind.MUX) {
                    perPair = Math.max(perPair, OpticalRules.channelsPerFiberPair(index.settings(), e));
                }
            }
            perPair = media == InterSiteMedia.ANY ? Math.max(1, perPair) : perPair;
        }
        TreeSet<String> all = new TreeSet<>();
        index.instance().racks().forEach(r -> all.add(r.siteId()));
        index.instance().spans().forEach(sp -> {
            all.add(sp.aSite());
            all.add(sp.bSite());
        });
        List<String> siteList = new ArrayList<>(all);
        int n = siteList.size();
        long worst = 0;
        String worstText = null;
        List<Set<String>> cuts = new ArrayList<>();
        if (n <= MAX_SITES_FOR_ALL_CUTS) {
            for (int mask = 1; mask < 1 << (n - 1); mask++) {
                Set<String> side = new TreeSet<>();
                for (int i = 0; i < n - 1; i++) {
                    if ((mask >> i & 1) == 1) {
                        side.add(siteList.get(i));
                    }
                }
                cuts.add(side);
            }
        } else {
            siteList.forEach(site -> cuts.add(Set.of(site)));
        }
        for (Set<String> side : cuts) {
            long crossing = 0;
            long grey = 0;
            Set<String> greyPairs = new TreeSet<>();
            for (Map.Entry<String, Long> e : cables.entrySet()) {
                String[] ab = e.getKey().split("\\|");
                if (side.contains(ab[0]) != side.contains(ab[1])) {
                    crossing += e.getValue();
                    if (greyOnly.contains(e.getKey())) {
                        grey += e.getValue();
                        greyPairs.add(ab[0] + "-" + ab[1]);
                    }
                }
            }
            long pairs = 0;
            List<String> spanIds = new ArrayList<>();
            for (Span sp : index.instance().spans()) {
                if (side.contains(sp.aSite()) != side.contains(sp.bSite())) {
                    pairs += Math.max(0, sp.fiberPairs());
                    spanIds.add(sp.id());
                }
            }
            if (grey > 0) {
                // pairs needed: one per grey-only cable, the rest shared by up to perPair channels
                long needed = grey + (crossing - grey + perPair - 1) / perPair;
                if (needed - pairs > worst) {
                    worst = needed - pairs;
                    Set<String> rest = new TreeSet<>(all);
                    rest.removeAll(side);
                    worstText = String.format(Locale.ROOT, "sites %s | %s: %d cable(s) between them cross span(s) "
                                    + "%s with %d fiber pair(s); %d of them can only go grey (%s: no coherent optic "
                                    + "meets its optical budget), a pair each, and the other %d share pairs of at "
                                    + "most %d channels: at least %d pairs needed, %d short", String.join(", ", side),
                            String.join(", ", rest), crossing, String.join(", ", spanIds), pairs, grey,
                            String.join(", ", greyPairs), crossing - grey, perPair, needed, needed - pairs);
                }
                continue;
            }
            long shortBy = crossing - pairs * perPair;
            if (crossing > 0 && shortBy > worst) {
                worst = shortBy;
                Set<String> rest = new TreeSet<>(all);
                rest.removeAll(side);
                worstText = String.format(Locale.ROOT, "sites %s | %s: %d cable(s) between them cross span(s) %s "
                                + "with %d fiber pair(s); %s: %d cable(s) too many", String.join(", ", side),
                        String.join(", ", rest), crossing, spanIds.isEmpty() ? "(none)" : String.join(", ", spanIds),
                        pairs, media == InterSiteMedia.GREY ? "grey optics take one pair each"
                                : "a pair carries at most " + perPair + " (grey: 1, DWDM: the widest MUX's channels)",
                        shortBy);
            }
        }
        if (worstText != null) {
            out.add(worstText + (media == InterSiteMedia.GREY
                    ? ". Maybe allow DWDM channels (inter-site media ANY) or add fiber pairs to those spans."
                    : greyOnly.isEmpty() ? ". Maybe add fiber pairs to those spans."
                    : ". Maybe add fiber pairs to those spans, or line equipment (lower-loss MUXes, quieter "
                    + "amplifiers) that lets a coherent optic reach."));
        }
    }

    /** The one site a device may stand in, or null when its racks are unknown or in several sites. */
    private String onlySite(Device d) {
        String site = null;
        for (String r : d.possibleRacks()) {
            Rack rack = index.rack(r);
            if (rack == null || site != null && !site.equals(rack.siteId())) {
                return null;
            }
            site = rack.siteId();
        }
        return site;
    }

    private void switchPorts(List<String> out) {
        for (Device d : index.instance().devices()) {
            List<SwitchModel> candidates = index.candidateModels(d);
            if (!d.isSwitch() || candidates.isEmpty()
                    || candidates.stream().anyMatch(m -> FabricFormulation.fits(index, d, m))) {
                continue;
            }
            SwitchModel largest = candidates.stream()
                    .max(Comparator.comparingDouble(m -> m.ports() * m.portGbps())).orElseThrow();
            String which = d.packaging() == PackagingChoice.AUTO ? "" : d.packaging() + " ";
            out.add("switch " + d.id() + ": needs " + num(FabricFormulation.portLoad(index, d, largest.portGbps()))
                    + " ports of " + num(largest.portGbps()) + " Gb/s, the largest " + which + "model of family "
                    + d.family() + " has " + largest.ports());
        }
    }

    private void serverPorts(List<String> out) {
        for (Device d : index.instance().devices()) {
            if (d.isSwitch()) {
                continue;
            }
            double load = FabricFormulation.portLoad(index, d, d.portGbps());
            if (load > d.ports() * (1 + PlanChecker.TOLERANCE) + PlanChecker.TOLERANCE) {
                out.add("server " + d.id() + ": needs " + num(load) + " ports of " + num(d.portGbps())
                        + " Gb/s, it has " + d.ports());
            }
        }
    }

    /**
     * An optic with a {@code max_buy} that links need more of than stock and purchases give: a link whose every
     * usable option is that optic needs at least its count times the fewest units an option of it takes there
     * (none between two CPO ports).
     */
    private void opticSupply(List<String> out) {
        for (Optic limited : index.instance().optics()) {
            if (limited.maxBuy() == null) {
                continue;
            }
            long needed = 0;
            int links = 0;
            for (Link l : index.instance().links()) {
                int units = fewestUnitsIfOnly(l, limited);
                if (units > 0) {
                    needed += (long) units * l.count();
                    links++;
                }
            }
            long available = (long) index.stock(limited.id()) + limited.maxBuy();
            if (needed > available) {
                out.add(String.format(Locale.ROOT, "needs at least %,d %s, at most %,d can be bought and %,d are in"
                                + " stock: %,d short (%d link row%s can use no other option)", needed, limited.id(),
                        limited.maxBuy(), index.stock(limited.id()), needed - available, links, links == 1 ? "" : "s"));
            }
        }
    }

    /** The fewest units of the optic a cable of the link takes when it is the link's only usable option, else 0. */
    private int fewestUnitsIfOnly(Link l, Optic limited) {
        double length = shortestLengthM(l);
        Device a = index.device(l.aDevice());
        Device b = index.device(l.bDevice());
        int fewest = Integer.MAX_VALUE;
        if (limited.isBreakout() || otherModulesPair(l, length, a, b)) {
            return 0; // whole units per device, or modules that pair: no simple bound per cable
        }
        for (Optic o : index.instance().optics()) {
            boolean reaches = FabricRules.reaches(o, length) || overSpans(l) && o.kind() == OpticKind.COHERENT;
            if (!FabricRules.rateMatches(o, l) || !reaches) {
                continue;
            }
            for (Packaging pa : endPackagings(a)) {
                for (Packaging pb : endPackagings(b)) {
                    if (someEndAccepts(a, o, pa) && someEndAccepts(b, o, pb)) {
                        if (o != limited) {
                            return 0;
                        }
                        fewest = Math.min(fewest, FabricRules.unitsPerLink(o, pa, pb));
                    }
                }
            }
        }
        return fewest == Integer.MAX_VALUE ? 0 : fewest;
    }

    /**
     * Switch models with a {@code max_buy}: the switches whose every usable model is limited (and that do not keep
     * an installed one) need more new units than stock and purchases of those models give.
     */
    private void switchSupply(List<String> out) {
        Map<List<SwitchModel>, List<String>> byModels = new java.util.LinkedHashMap<>();
        for (Device d : index.instance().devices()) {
            if (!d.isSwitch()) {
                continue;
            }
            List<SwitchModel> models = usableModels(d);
            if (!models.isEmpty() && models.stream().allMatch(m -> m.maxBuy() != null && FabricRules.newSwitchUnit(m,
                    d))) {
                byModels.computeIfAbsent(models, k -> new ArrayList<>()).add(d.id());
            }
        }
        byModels.forEach((models, switches) -> {
            long bought = models.stream().mapToLong(SwitchModel::maxBuy).sum();
            long stock = models.stream().mapToLong(m -> index.stock(m.id())).sum();
            if (switches.size() > bought + stock) {
                String names = String.join(" or ", models.stream().map(SwitchModel::id).toList());
                out.add(String.format(Locale.ROOT, "needs at least %,d %s switches (%s%s), at most %,d can be bought"
                                + " and %,d are in stock: %,d short", switches.size(), names,
                        String.join(", ", switches.subList(0, Math.min(3, switches.size()))),
                        switches.size() > 3 ? " ..." : "", bought, stock, switches.size() - bought - stock));
            }
        });
    }

    private void unservableLinks(List<String> out) {
        for (Link l : index.instance().links()) {
            Device a = index.device(l.aDevice());
            if (endPackagings(a).stream()
                    .allMatch(p -> Double.isInfinite(leastEndPowerW(l, a, p, null)))) {
                out.add("link " + l.id() + ": no " + num(l.gbps()) + " Gb/s option can serve it between the models"
                        + " of " + l.aDevice() + " and " + l.bDevice() + " that have enough ports"
                        + (index.instance().compatibility().isEmpty() ? ""
                        : " (and that the Compatibility sheet qualifies there)"));
            }
        }
    }

    /**
     * Least power one cable of the link draws at the end at {@code device} when that end has packaging
     * {@code p} and, for a switch, model {@code m} (null: any usable model of that packaging); +inf if no
     * usable option is left. CPO port power is not included (it is the switch's).
     */
    private double leastEndPowerW(Link l, Device device, Packaging p, SwitchModel m) {
        Device da = index.device(l.aDevice());
        Device other = da.id().equals(device.id()) ? index.device(l.bDevice()) : da;
        // fabrics repeat a few link shapes over hundreds of thousands of links: the answer depends on the shape only
        EndShape shape = new EndShape(l.gbps(), shortestLengthM(l), overSpans(l), deviceShape(device),
                deviceShape(other), p, m == null ? null : m.id());
        return leastEndPower.computeIfAbsent(shape, k -> computeLeastEndPowerW(l, device, p, m));
    }

    /** What {@link #leastEndPowerW} depends on: the link's rate and shortest length, the two ends' shapes. */
    private record EndShape(double gbps, double lengthM, boolean overSpans, int here, int other, Packaging p,
                            String modelId) {
    }

    /**
     * A number per kind of end: servers by whether they take linear optics, switches by their usable models (their
     * packagings follow from them): ends of one number accept the same options at the same power.
     */
    private int deviceShape(Device d) {
        // the platform counts where Compatibility rows qualify optics per platform
        return deviceShapes.computeIfAbsent(d.id(), id -> shapeIds.computeIfAbsent(
                List.of(d.isSwitch() ? usableModels(d) : Boolean.valueOf(d.lpoCapable()),
                        String.valueOf(d.platform())), k -> shapeIds.size()));
    }

    private double computeLeastEndPowerW(Link l, Device device, Packaging p, SwitchModel m) {
        Device da = index.device(l.aDevice());
        Device db = index.device(l.bDevice());
        boolean atA = da.id().equals(device.id());
        Device other = atA ? db : da;
        double length = shortestLengthM(l);
        double least = Double.POSITIVE_INFINITY;
        for (io.fabricplan.model.OpticPair pair : index.opticPairs()) {
            Optic o = pair.at(atA);
            Optic far = pair.at(!atA);
            // over spans a COHERENT optic is limited by OSNR, not by its nominal reach: any length may do
            boolean reaches = FabricRules.reaches(o, length) && FabricRules.reaches(far, length)
                    || overSpans(l) && o.kind() == OpticKind.COHERENT && pair.symmetric();
            if (!FabricRules.rateMatches(o, l) || !FabricRules.rateMatches(far, l) || !reaches) {
                continue;
            }
            boolean here = m == null ? someEndAccepts(device, o, p)
                    : m.packaging() == p && FabricRules.endAccepts(o, index.endOf(device, m));
            if (!here || !pair.symmetric() && p != Packaging.PLUGGABLE) {
                continue;
            }
            for (Packaging q : endPackagings(other)) {
                if (someEndAccepts(other, far, q) && (pair.symmetric() || q == Packaging.PLUGGABLE)) {
                    // a pooled unit's least share is its power over its breakout (a breakout cable's: nothing here)
                    double power = !o.isBreakout() ? FabricFormulation.endPowerWithoutCpo(o, l, p)
                            : o.kind().isAssembly() || p != Packaging.PLUGGABLE ? 0 : o.powerW() / o.breakout();
                    least = Math.min(least, power);
                }
            }
        }
        return least;
    }

    /** Whether two different modules that pair could serve the link between pluggable ends. */
    private boolean otherModulesPair(Link l, double length, Device a, Device b) {
        for (io.fabricplan.model.OpticPair pair : index.opticPairs()) {
            if (!pair.symmetric() && FabricRules.rateMatches(pair.a(), l) && FabricRules.rateMatches(pair.b(), l)
                    && FabricRules.reaches(pair.a(), length) && FabricRules.reaches(pair.b(), length)
                    && someEndAccepts(a, pair.a(), Packaging.PLUGGABLE)
                    && someEndAccepts(b, pair.b(), Packaging.PLUGGABLE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The least network power a device can draw in its rack: for a switch, the minimum over its usable models of
     * base and CPO port power plus, for each link, the least end power that model admits; for a server, the least
     * end power of each link. Choosing the model jointly with its ends keeps CPO port power and pluggable module
     * power from both being relaxed away.
     */
    private double leastDevicePowerW(Device d) {
        if (!d.isSwitch()) {
            double sum = 0;
            for (Link l : index.linksOf(d.id())) {
                sum += l.count() * leastEndPowerW(l, d, Packaging.PLUGGABLE, null);
            }
            return sum;
        }
        double best = Double.POSITIVE_INFINITY;
        for (SwitchModel m : usableModels(d)) {
            double sum = FabricFormulation.switchPowerW(index, d, m);
            for (Link l : index.linksOf(d.id())) {
                sum += l.count() * leastEndPowerW(l, d, m.packaging(), m);
            }
            best = Math.min(best, sum);
        }
        return best;
    }

    private record RackBound(Rack rack, double leastW) {
        double availableW() {
            return (rack.powerBudgetKw() - rack.baseLoadKw()) * 1000;
        }

        boolean exceeded() {
            double totalKw = rack.baseLoadKw() + leastW / 1000;
            return totalKw > rack.powerBudgetKw() * (1 + PlanChecker.TOLERANCE) + PlanChecker.TOLERANCE;
        }

        double utilisation() {
            return availableW() > 0 ? leastW / availableW() : Double.POSITIVE_INFINITY;
        }
    }

    /**
     * Per rack, the least network power any plan draws there (devices with an unservable link are skipped, and so
     * are switches the optimiser may place in several racks: their power goes to whichever it picks).
     */
    private List<RackBound> rackBounds() {
        if (rackBounds != null) {
            return rackBounds;
        }
        Map<String, Double> least = new HashMap<>();
        for (Device d : index.instance().devices()) {
            if (d.possibleRacks().size() != 1) {
                continue;
            }
            double w = leastDevicePowerW(d);
            if (Double.isFinite(w)) {
                least.merge(d.possibleRacks().get(0), w, Double::sum);
            }
        }
        List<RackBound> bounds = new ArrayList<>();
        for (Rack r : index.instance().racks()) {
            bounds.add(new RackBound(r, least.getOrDefault(r.id(), 0.0)));
        }
        rackBounds = bounds;
        return bounds;
    }

    private List<RackBound> rackBounds;

    private static String num(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return String.valueOf((long) Math.rint(v));
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
