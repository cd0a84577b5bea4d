package io.fabricplan.validate;

import io.fabricplan.model.CoherentSpec;
import io.fabricplan.model.CompatibilityRule;
import io.fabricplan.model.Device;
import io.fabricplan.model.FabricRules;
import io.fabricplan.model.Instance;
import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkEnd;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticPair;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.Qualification;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.Settings;
import io.fabricplan.model.Site;
import io.fabricplan.model.SiteGraph;
import io.fabricplan.model.Span;
import io.fabricplan.model.StockItem;
import io.fabricplan.model.SwitchModel;
import io.fabricplan.model.WdmEquipment;
import io.fabricplan.model.WdmKind;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds every problem of an instance at once: values out of range, duplicate and unknown ids, lengths that cannot
 * be derived and links that no interconnect can serve (saying why, the Compatibility sheet's refusals included).
 * Every problem refuses the instance: there is no warning level. Fields that hold NaN were unreadable and are
 * reported by the reader already; they are skipped here. Runs in O(links x optics). One validator serves one
 * validation at a time; it is cheap to create.
 */
public final class InstanceValidator {
    /** Metres: lengths, reaches and coordinates up to 10,000 km. */
    static final double MAX_METRES = 1e7;
    static final double MAX_GBPS = 100_000;
    static final double MAX_PORTS = 100_000;
    static final double MAX_RACK_KW = 100_000;
    static final double MAX_ITEM_W = 10_000;
    static final double MAX_ITEM_USD = 1e9;
    static final double MAX_GHZ = 5_000;
    static final double MAX_DB = 1_000;
    static final double MAX_LINK_COUNT = 1_000_000;
    static final double MAX_FIBER_PAIRS = 1_000_000;
    static final double MAX_THREADS = 1_024;
    /** Links one unit may serve: a 1.6T port split into 64 links of 25G is beyond any module or cable sold. */
    static final int MAX_BREAKOUT = 64;
    static final double SECONDS_PER_YEAR = 31_536_000;
    /** The most a plan's objective may reach (USD, or W for POWER): a tenth of what CP-SAT's scaling keeps exact. */
    static final double MAX_OBJECTIVE = 1e15;
    /** The most a plan may draw: rack power rows are scaled by up to 10^6 to integers. */
    static final double MAX_POWER_W = 1e9;
    private static final String METRES = "give metres, e.g. 30.";
    private static final String KILOWATTS = "give kilowatts, e.g. 40.";
    private static final String GBPS = "give Gb/s, e.g. 800.";
    private static final String WATTS = "give watts, e.g. 16.";
    private static final String USD = "give US dollars, e.g. 1100.";
    private static final String GHZ = "give GHz, e.g. 75.";
    private static final String DB = "give decibels, e.g. 5.";
    private static final String BREAKOUT = "give the links one unit serves, a whole number, 1 or more (2 for a "
            + "twin-port module or a cable that breaks out into 2), or leave the cell blank for 1.";

    /** "Did you mean" suggestions per validation: beyond, problems are counted rather than read, and a million
     * unknown ids against a large sheet would cost a million searches. */
    static final int MAX_SUGGESTIONS = 2_000;

    private final CellLocator locator;
    /** Suggestions left in the current validation; a validator serves one validation at a time. */
    private int suggestionsLeft;

    public InstanceValidator(CellLocator locator) {
        this.locator = locator;
    }

    public InstanceValidator() {
        this(CellLocator.BY_ID);
    }

    /** Every problem of the instance, in sheet order. */
    public List<InputProblem> validate(Instance instance) {
        List<InputProblem> problems = new ArrayList<>();
        validate(instance, problems::add);
        return problems;
    }

    /**
     * Findings that do not refuse the instance, for the readers' warnings: optics that some link could use by rate,
     * reach and ends, but that the Compatibility sheet leaves no link able to use; breakout optics that a link of
     * their per-link rate and reach could use but for the devices' port rates (a twin-port module's ports, a
     * breakout cable's wide end) or a module to face them; optics naming themselves in pairs_with. Options are
     * pair-aware: a module serves a link also facing a module it pairs with. For a valid instance; O(links x
     * optics with Compatibility rows or breakout x the modules they pair with).
     */
    public static List<String> warnings(Instance instance) {
        boolean compatibility = !instance.compatibility().isEmpty();
        if (!compatibility && instance.optics().stream().allMatch(o -> !o.isBreakout() && o.pairsWith().isEmpty())) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        instance.optics().stream().filter(o -> o.pairsWith().contains(o.id())).forEach(o -> out.add("Optics: "
                + o.id() + " names itself in pairs_with, which changes nothing: a module always faces its own kind. "
                + "Maybe remove it from pairs_with."));
        InstanceIndex index = new InstanceIndex(instance);
        Map<String, List<Optic>> partners = partners(instance.optics());
        List<LinkView> links = null;
        for (Optic o : instance.optics()) {
            boolean restricted = compatibility && index.qualification().restricts(o.id());
            if (!restricted && !o.isBreakout()) {
                continue;
            }
            links = links != null ? links : linkViews(instance, index);
            int serves = serves(optionsOf(o, o, partners), links, restricted);
            if (restricted && serves == BARE) {
                List<String> allowed = index.qualification().allowedPlatforms(o.id());
                out.add("Compatibility: no link can use " + o.id() + " any more: its rows qualify it "
                        + (allowed.isEmpty() ? "nowhere" : "only on " + String.join(", ", allowed))
                        + ", and no link of its rate and reach has both ends qualified. Maybe add a YES row for the "
                        + "platform of "
                        + "the switches or NICs it should serve.");
            }
            if (o.isBreakout() && serves == NONE) {
                List<OpticPair> narrow = optionsOf(o, narrow(o), partners);
                List<LinkView> fitting = links.stream().filter(v -> serves(narrow, List.of(v), false) != NONE)
                        .toList();
                if (!fitting.isEmpty()) {
                    out.add(unusableBreakout(o, fitting));
                }
            }
        }
        return out;
    }

    /** What {@link #serves} finds: no link, a link were there no Compatibility sheet, a link as it is. */
    private static final int NONE = 0;
    private static final int BARE = 1;
    private static final int QUALIFIED = 2;

    /**
     * Whether some link can use one of the options: {@link #QUALIFIED} under the Compatibility sheet, {@link #BARE}
     * only without it, {@link #NONE} not even so. Without {@code qualify}, {@link #BARE} at best. A length that
     * cannot be derived is not held against an option.
     */
    private static int serves(List<OpticPair> options, List<LinkView> links, boolean qualify) {
        int best = NONE;
        for (LinkView v : links) {
            double length = Double.isNaN(v.lengthM()) ? 0 : v.lengthM();
            for (OpticPair p : options) {
                if (best == NONE && usable(p, v, length, v.bareA(), v.bareB())) {
                    best = BARE;
                    if (!qualify) {
                        return BARE;
                    }
                }
                if (best == BARE && usable(p, v, length, v.qualifiedA(), v.qualifiedB())) {
                    return QUALIFIED;
                }
            }
        }
        return best;
    }

    private static boolean usable(OpticPair p, LinkView v, double length, List<LinkEnd> aEnds, List<LinkEnd> bEnds) {
        for (LinkEnd ea : aEnds) {
            for (LinkEnd eb : bEnds) {
                if (FabricRules.usable(p, v.link(), length, ea, v.link().aDevice(), eb, v.link().bDevice())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A link of a valid instance with its shortest length (NaN when none) and the ends its devices may present. */
    private record LinkView(Link link, double lengthM, List<LinkEnd> bareA, List<LinkEnd> bareB,
                            List<LinkEnd> qualifiedA, List<LinkEnd> qualifiedB) {
    }

    private static List<LinkView> linkViews(Instance instance, InstanceIndex index) {
        List<LinkView> views = new ArrayList<>();
        for (Link l : instance.links()) {
            Device a = index.device(l.aDevice());
            Device b = index.device(l.bDevice());
            if (a == null || b == null) {
                continue;
            }
            double length = shortestLength(l, possibleRacks(a, index), possibleRacks(b, index), instance.settings());
            views.add(new LinkView(l, length, unqualifiedEnds(a, index), unqualifiedEnds(b, index), ends(a, index),
                    ends(b, index)));
        }
        return views;
    }

    /** Per optic id, the other modules it pairs with ({@link FabricRules#pairs}), by either side's pairs_with. */
    private static Map<String, List<Optic>> partners(List<Optic> optics) {
        Map<String, Optic> byId = new HashMap<>();
        optics.forEach(o -> byId.putIfAbsent(o.id(), o));
        Map<String, List<Optic>> partners = new HashMap<>();
        for (Optic x : optics) {
            for (String id : x.pairsWith()) {
                Optic y = byId.get(id);
                if (y == null || y.id().equals(x.id()) || !FabricRules.pairs(x, y)) {
                    continue;
                }
                List<Optic> ofX = partners.computeIfAbsent(x.id(), k -> new ArrayList<>());
                if (!ofX.contains(y)) {
                    ofX.add(y);
                }
                List<Optic> ofY = partners.computeIfAbsent(y.id(), k -> new ArrayList<>());
                if (!ofY.contains(x)) {
                    ofY.add(x);
                }
            }
        }
        return partners;
    }

    /** The options {@code o} takes part in, with {@code as} standing for it: at both ends, and facing a partner. */
    private static List<OpticPair> optionsOf(Optic o, Optic as, Map<String, List<Optic>> partners) {
        List<OpticPair> options = new ArrayList<>();
        options.add(OpticPair.of(as));
        for (Optic y : partners.getOrDefault(o.id(), List.of())) {
            options.add(new OpticPair(as, y));
            options.add(new OpticPair(y, as));
        }
        return options;
    }

    /** The optic as if it served one link of its per-link rate: what a link could use but for the port rates. */
    private static Optic narrow(Optic o) {
        return new Optic(o.id(), o.kind(), o.linkGbps(), o.reachM(), o.pmd(), o.media(), o.powerW(), o.costUsd(),
                o.fiberUsdPerM(), o.lpo(), o.source(), o.coherent(), o.maxBuy(), 1, o.pairsWith());
    }

    /**
     * Why no link can use a breakout optic that the links of its per-link rate and reach ({@code fitting}) could use
     * but for the ports: a twin-port module finds ports of its rate at one end only and nothing to face it at the
     * other, or at neither end; a breakout cable finds no port for its wide end.
     */
    private static String unusableBreakout(Optic o, List<LinkView> fitting) {
        double need = o.gbps() * (1 - FabricRules.EPS);
        double fastest = 0;
        boolean fastEnd = false;
        for (LinkView v : fitting) {
            for (List<LinkEnd> ends : List.of(v.bareA(), v.bareB())) {
                for (LinkEnd e : ends) {
                    if (e.packaging() == Packaging.PLUGGABLE && Double.isFinite(e.portGbps())) {
                        fastest = Math.max(fastest, e.portGbps());
                        fastEnd |= e.portGbps() >= need;
                    }
                }
            }
        }
        String what = o.kind().isAssembly()
                ? o.id() + " (a breakout cable of one " + num(o.gbps()) + " Gb/s end and " + o.breakout() + " of "
                + num(o.linkGbps()) + " Gb/s)"
                : o.id() + " (" + o.breakout() + " links of " + num(o.linkGbps()) + " Gb/s on one " + num(o.gbps())
                + " Gb/s port)";
        if (fastEnd && !o.kind().isAssembly()) {
            return "Optics: no link can use " + what + ": the links of its rate and reach have ports of "
                    + num(o.gbps()) + " Gb/s at one end only, and no module it pairs with (pairs_with) serves the "
                    + "other. Maybe name in pairs_with a single-port module of " + num(o.linkGbps())
                    + " Gb/s that may face it, or remove it from Optics.";
        }
        return "Optics: no link can use " + what + ": the devices at the ends of the links of its rate and reach "
                + "have ports of at most " + num(fastest) + " Gb/s" + (o.kind().isAssembly()
                ? ", too slow for its wide end" : "") + ". Maybe give them ports of " + num(o.gbps())
                + " Gb/s (port_gbps of SwitchModels, Devices), or remove it from Optics.";
    }

    /** The ends a device may present, as if there were no Compatibility rows. */
    private static List<LinkEnd> unqualifiedEnds(Device d, InstanceIndex index) {
        if (!d.isSwitch()) {
            return List.of(LinkEnd.of(d));
        }
        return index.candidateModels(d).stream().map(LinkEnd::of).toList();
    }

    /**
     * Hands every problem of the instance to {@code sink} as it is found, so that a caller may count a million
     * of them without holding them.
     */
    public void validate(Instance instance, Consumer<InputProblem> sink) {
        suggestionsLeft = MAX_SUGGESTIONS;
        long[] found = {0};
        Consumer<InputProblem> problems = p -> {
            found[0]++;
            sink.accept(p);
        };
        InstanceIndex index = new InstanceIndex(instance);
        settings(instance.settings(), problems);
        sites(instance.sites(), problems);
        racks(instance.racks(), problems);
        if (!instance.sites().isEmpty()) {
            rackSites(instance, problems);
        }
        spans(instance, problems);
        wdmEquipment(instance.wdmEquipment(), problems);
        switchModels(instance.switchModels(), problems);
        optics(instance.optics(), problems);
        if (instance.hasSpans()) {
            coherentData(instance.optics(), problems);
        }
        devices(instance.devices(), index, problems);
        links(instance.links(), index, problems);
        inventory(instance.inventory(), index, problems);
        compatibility(instance.compatibility(), index, problems);
        if (found[0] == 0) {
            magnitude(instance, index, problems); // an aggregate: only meaningful when every figure is within range
        }
    }

    private void sites(List<Site> sites, Consumer<InputProblem> out) {
        duplicates("Sites", sites, Site::id, "site_id", out);
    }

    /** The sites spans may join: the Sites sheet's (and the default site), or else the racks' sites. */
    private static Set<String> knownSites(Instance instance) {
        Set<String> known = new LinkedHashSet<>();
        if (instance.sites().isEmpty()) {
            instance.racks().forEach(r -> known.add(r.siteId()));
        } else {
            instance.sites().forEach(x -> known.add(x.id()));
        }
        known.add(Rack.DEFAULT_SITE);
        return known;
    }

    private void rackSites(Instance instance, Consumer<InputProblem> out) {
        Set<String> known = knownSites(instance);
        List<String> sites = List.copyOf(known);
        for (int i = 0; i < instance.racks().size(); i++) {
            Rack r = instance.racks().get(i);
            if (!known.contains(r.siteId())) {
                out.accept(problem("Racks", i, r.id(), "site_id", "unknown site \"" + r.siteId() + "\"",
                        "add it to the Sites sheet or correct the id" + suggestion(r.siteId(), sites)
                                + "."));
            }
        }
    }

    private void spans(Instance instance, Consumer<InputProblem> out) {
        List<Span> spans = instance.spans();
        duplicates("Spans", spans, Span::id, "span_id", out);
        Set<String> known = knownSites(instance);
        String where = instance.sites().isEmpty() ? "the racks' site_id" : "the Sites sheet";
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            boolean ends = knownSite(s, i, s.aSite(), "a_site", known, where, out);
            ends &= knownSite(s, i, s.bSite(), "b_site", known, where, out);
            if (ends && s.aSite().equals(s.bSite())) {
                out.accept(problem("Spans", i, s.id(), "b_site", "span \"" + s.id() + "\" joins site \"" + s.aSite()
                        + "\" to itself", "name the two sites the cable joins."));
            }
            nonNegativeAt(s.lengthKm(), "Spans", i, s.id(), "length_km", out);
            nonNegativeAt(s.lossDbPerKm(), "Spans", i, s.id(), "loss_db_per_km", out);
            nonNegativeAt(s.connectorLossDb(), "Spans", i, s.id(), "connector_loss_db", out);
            if (s.fiberPairs() < 1) {
                out.accept(problem("Spans", i, s.id(), "fiber_pairs", "fiber_pairs must be 1 or more, got "
                        + s.fiberPairs(), "give the fiber pairs of the cable the plan may use."));
            }
            atMost(s.lengthKm(), 40_000, "Spans", i, s.id(), "length_km", out, "give kilometres, e.g. 80.");
            atMost(s.lossDbPerKm(), 100, "Spans", i, s.id(), "loss_db_per_km", out, DB);
            atMost(s.connectorLossDb(), MAX_DB, "Spans", i, s.id(), "connector_loss_db", out, DB);
            // generous: the generator's 131,072 GPUs in 4 halls have 24,576 pairs a span; the bound is for overflow
            atMost(s.fiberPairs(), MAX_FIBER_PAIRS, "Spans", i, s.id(), "fiber_pairs", out,
                    "give the fiber pairs the plan may use, e.g. 4.");
        }
    }

    private boolean knownSite(Span s, int i, String site, String column, Set<String> known, String where,
                              Consumer<InputProblem> out) {
        if (known.contains(site)) {
            return true;
        }
        out.accept(problem("Spans", i, s.id(), column, "unknown site \"" + site + "\"", "add it to " + where
                + " or correct the id" + suggestion(site, List.copyOf(known)) + "."));
        return false;
    }

    private void wdmEquipment(List<WdmEquipment> items, Consumer<InputProblem> out) {
        duplicates("WdmEquipment", items, WdmEquipment::id, "item_id", out);
        for (int i = 0; i < items.size(); i++) {
            WdmEquipment e = items.get(i);
            if (e.kind() == WdmKind.MUX) {
                if (e.channels() < 1) {
                    out.accept(problem("WdmEquipment", i, e.id(), "channels", "MUX \"" + e.id()
                            + "\" needs 1 or more channels, got " + e.channels(), "give its channel count, e.g. 40."));
                }
                positive(e.spacingGhz(), "WdmEquipment", e.id(), "spacing_ghz", i, out,
                        "give its grid spacing, e.g. 100.");
                nonNegativeAt(e.insertionLossDb(), "WdmEquipment", i, e.id(), "insertion_loss_db", out);
            } else {
                positive(e.gainDb(), "WdmEquipment", e.id(), "gain_db", i, out, "give its most gain, e.g. 20.");
                nonNegativeAt(e.noiseFigureDb(), "WdmEquipment", i, e.id(), "noise_figure_db", out);
            }
            nonNegativeAt(e.powerW(), "WdmEquipment", i, e.id(), "power_w", out);
            nonNegativeAt(e.costUsd(), "WdmEquipment", i, e.id(), "cost_usd", out);
            atMost(e.channels(), 10_000, "WdmEquipment", i, e.id(), "channels", out, "give channels, e.g. 40.");
            atMost(e.spacingGhz(), MAX_GHZ, "WdmEquipment", i, e.id(), "spacing_ghz", out, GHZ);
            atMost(e.insertionLossDb(), MAX_DB, "WdmEquipment", i, e.id(), "insertion_loss_db", out, DB);
            atMost(e.gainDb(), MAX_DB, "WdmEquipment", i, e.id(), "gain_db", out, DB);
            atMost(e.noiseFigureDb(), MAX_DB, "WdmEquipment", i, e.id(), "noise_figure_db", out, DB);
            atMost(e.powerW(), 1e6, "WdmEquipment", i, e.id(), "power_w", out, WATTS);
            atMost(e.costUsd(), MAX_ITEM_USD, "WdmEquipment", i, e.id(), "cost_usd", out, USD);
        }
    }

    /** With spans, COHERENT optics may ride DWDM channels and need their OSNR data. */
    private void coherentData(List<Optic> optics, Consumer<InputProblem> out) {
        for (int i = 0; i < optics.size(); i++) {
            Optic o = optics.get(i);
            if (o.kind() != OpticKind.COHERENT) {
                continue;
            }
            CoherentSpec c = o.coherent();
            if (c == null || Double.isNaN(c.requiredOsnrDb())) {
                out.accept(problem("Optics", i, o.id(), "required_osnr_db", "coherent optic \"" + o.id()
                        + "\" has no required_osnr_db", "give the back-to-back OSNR it needs (0.1 nm, before "
                        + "margin), e.g. 24 dB for 400ZR (reference README section 4)."));
                continue;
            }
            if (Double.isNaN(c.spacingGhz())) {
                out.accept(problem("Optics", i, o.id(), "spacing_ghz", "coherent optic \"" + o.id()
                        + "\" has no spacing_ghz", "give the grid slot it takes, e.g. 75 for 400ZR, 150 for 800ZR."));
            } else {
                positive(c.spacingGhz(), "Optics", o.id(), "spacing_ghz", i, out, null);
            }
            if (!Double.isNaN(c.baudGbd())) {
                nonNegativeAt(c.baudGbd(), "Optics", i, o.id(), "baud_gbd", out);
            }
            nonNegativeAt(c.maxUnamplifiedLossDb(), "Optics", i, o.id(), "max_unamplified_loss_db", out);
        }
    }

    private void settings(Settings s, Consumer<InputProblem> out) {
        positive(s.pue(), "Settings", "pue", "value", 0, out, "PUE is at least 1.0, typically 1.1 to 1.6.");
        nonNegative(s.energyUsdPerKwh(), "Settings", "energy_usd_per_kwh", out);
        nonNegative(s.years(), "Settings", "years", out);
        nonNegative(s.usdPerWatt(), "Settings", "usd_per_watt", out);
        positive(s.timeLimitS(), "Settings", "time_limit_s", "value", 0, out, "give seconds, e.g. 60.");
        nonNegative(s.relativeGap(), "Settings", "relative_gap", out);
        if (s.threads() < 0) {
            out.accept(problem("Settings", 0, "threads", "value", "threads must be 0 (all cores) or more, got "
                    + s.threads(), null));
        }
        nonNegative(s.intraRackM(), "Settings", "intra_rack_m", out);
        nonNegative(s.interRackSlackM(), "Settings", "inter_rack_slack_m", out);
        nonNegative(s.osnrMarginDb(), "Settings", "osnr_margin_db", out);
        nonNegative(s.switchSwapUsd(), "Settings", "switch_swap_usd", out);
        nonNegative(s.recableUsd(), "Settings", "recable_usd", out);
        if (!Double.isNaN(s.gridStartThz()) && (s.gridStartThz() <= 0
                || s.gridStartThz() >= io.fabricplan.model.OpticalRules.C_BAND_END_THZ)) {
            out.accept(problem("Settings", 0, "grid_start_thz", "value", "grid_start_thz must be below "
                    + num(io.fabricplan.model.OpticalRules.C_BAND_END_THZ) + " THz, got " + num(s.gridStartThz()),
                    "use 191.3 for the whole C band."));
        }
        if (s.maxChannels() < 0) {
            out.accept(problem("Settings", 0, "max_channels", "value", "max_channels must be 0 (derived from the grid)"
                    + " or more, got " + s.maxChannels(), null));
        }
        atMost(s.energyUsdPerKwh(), 10, "Settings", 0, "energy_usd_per_kwh", "value", out,
                "give USD per kWh, typically 0.05 to 0.30.");
        atMost(s.pue(), 10, "Settings", 0, "pue", "value", out, "PUE is at least 1.0, typically 1.1 to 1.6.");
        atMost(s.years(), 100, "Settings", 0, "years", "value", out, "give the TCO horizon in years, e.g. 5.");
        atMost(s.usdPerWatt(), 100_000, "Settings", 0, "usd_per_watt", "value", out,
                "give the USD one watt is worth to the WEIGHTED objective, e.g. 10.");
        atMost(s.timeLimitS(), SECONDS_PER_YEAR, "Settings", 0, "time_limit_s", "value", out,
                "give seconds, e.g. 60.");
        atMost(s.relativeGap(), 1, "Settings", 0, "relative_gap", "value", out, "give a fraction, e.g. 0.001.");
        atMost(s.threads(), MAX_THREADS, "Settings", 0, "threads", "value", out,
                "give 0 for all cores, or the number of threads.");
        atMost(s.intraRackM(), 1_000, "Settings", 0, "intra_rack_m", "value", out,
                "give the cable length inside a rack in metres, e.g. 1.5.");
        atMost(s.interRackSlackM(), 100_000, "Settings", 0, "inter_rack_slack_m", "value", out,
                "give the slack added between racks in metres, e.g. 4.");
        atMost(s.osnrMarginDb(), 50, "Settings", 0, "osnr_margin_db", "value", out, "give decibels, e.g. 2.");
        atMost(s.maxChannels(), 1_000, "Settings", 0, "max_channels", "value", out,
                "give 0 to derive the channels from the C band, or their number, e.g. 64.");
        atMost(s.switchSwapUsd(), MAX_ITEM_USD, "Settings", 0, "switch_swap_usd", "value", out,
                "give the US dollars of labour to replace one installed switch, e.g. 2000.");
        atMost(s.recableUsd(), MAX_ITEM_USD, "Settings", 0, "recable_usd", "value", out,
                "give the US dollars of labour to re-cable one optic unit from the Inventory, e.g. 40.");
    }

    private void racks(List<Rack> racks, Consumer<InputProblem> out) {
        duplicates("Racks", racks, Rack::id, "rack_id", out);
        for (int i = 0; i < racks.size(); i++) {
            Rack r = racks.get(i);
            positive(r.powerBudgetKw(), "Racks", r.id(), "power_budget_kw", i, out, null);
            nonNegativeAt(r.baseLoadKw(), "Racks", i, r.id(), "base_load_kw", out);
            if (r.freeU() < 0) {
                out.accept(problem("Racks", i, r.id(), "free_u", "free_u must be 0 or more, got " + r.freeU(), null));
            }
            within(r.xM(), -MAX_METRES, MAX_METRES, "Racks", i, r.id(), "x_m", out, METRES);
            within(r.yM(), -MAX_METRES, MAX_METRES, "Racks", i, r.id(), "y_m", out, METRES);
            atMost(r.powerBudgetKw(), MAX_RACK_KW, "Racks", i, r.id(), "power_budget_kw", out, KILOWATTS);
            atMost(r.baseLoadKw(), MAX_RACK_KW, "Racks", i, r.id(), "base_load_kw", out, KILOWATTS);
            atMost(r.freeU(), 1_000, "Racks", i, r.id(), "free_u", out, "give the free rack units, e.g. 10.");
        }
    }

    private void switchModels(List<SwitchModel> models, Consumer<InputProblem> out) {
        duplicates("SwitchModels", models, SwitchModel::id, "model_id", out);
        for (int i = 0; i < models.size(); i++) {
            SwitchModel m = models.get(i);
            if (m.ports() <= 0) {
                out.accept(problem("SwitchModels", i, m.id(), "ports", "ports must be a positive whole number, got "
                        + m.ports(), null));
            }
            positive(m.portGbps(), "SwitchModels", m.id(), "port_gbps", i, out, null);
            nonNegativeAt(m.basePowerW(), "SwitchModels", i, m.id(), "base_power_w", out);
            nonNegativeAt(m.portPowerW(), "SwitchModels", i, m.id(), "port_power_w", out);
            nonNegativeAt(m.costUsd(), "SwitchModels", i, m.id(), "cost_usd", out);
            if (m.heightU() < 0) {
                out.accept(problem("SwitchModels", i, m.id(), "height_u", "height_u must be 0 or more, got "
                        + m.heightU(), null));
            }
            atMost(m.ports(), MAX_PORTS, "SwitchModels", i, m.id(), "ports", out, null);
            atMost(m.portGbps(), MAX_GBPS, "SwitchModels", i, m.id(), "port_gbps", out, GBPS);
            atMost(m.basePowerW(), 1e6, "SwitchModels", i, m.id(), "base_power_w", out, WATTS);
            atMost(m.portPowerW(), MAX_ITEM_W, "SwitchModels", i, m.id(), "port_power_w", out, WATTS);
            atMost(m.costUsd(), MAX_ITEM_USD, "SwitchModels", i, m.id(), "cost_usd", out, USD);
            atMost(m.heightU(), 100, "SwitchModels", i, m.id(), "height_u", out, "give rack units, e.g. 2.");
            maxBuy(m.maxBuy(), "SwitchModels", i, m.id(), out);
            if (m.packaging() == Packaging.CPO && m.cpoPmd() == null) {
                out.accept(problem("SwitchModels", i, m.id(), "cpo_pmd", "CPO model \"" + m.id()
                        + "\" has no cpo_pmd", "give the optical PMD of its ports, e.g. DR."));
            }
        }
    }

    private void optics(List<Optic> optics, Consumer<InputProblem> out) {
        duplicates("Optics", optics, Optic::id, "optic_id", out);
        for (int i = 0; i < optics.size(); i++) {
            Optic o = optics.get(i);
            positive(o.gbps(), "Optics", o.id(), "gbps", i, out, null);
            nonNegativeAt(o.reachM(), "Optics", i, o.id(), "reach_m", out);
            nonNegativeAt(o.powerW(), "Optics", i, o.id(), "power_w", out);
            nonNegativeAt(o.costUsd(), "Optics", i, o.id(), "cost_usd", out);
            nonNegativeAt(o.fiberUsdPerM(), "Optics", i, o.id(), "fiber_usd_per_m", out);
            atMost(o.gbps(), MAX_GBPS, "Optics", i, o.id(), "gbps", out, GBPS);
            atMost(o.reachM(), MAX_METRES, "Optics", i, o.id(), "reach_m", out, METRES);
            atMost(o.powerW(), MAX_ITEM_W, "Optics", i, o.id(), "power_w", out, WATTS);
            atMost(o.costUsd(), MAX_ITEM_USD, "Optics", i, o.id(), "cost_usd", out, USD);
            atMost(o.fiberUsdPerM(), 1_000, "Optics", i, o.id(), "fiber_usd_per_m", out, USD);
            maxBuy(o.maxBuy(), "Optics", i, o.id(), out);
            breakout(o, i, out);
            CoherentSpec c = o.coherent();
            if (c != null) {
                atMost(c.baudGbd(), 10_000, "Optics", i, o.id(), "baud_gbd", out, "give gigabaud, e.g. 60.");
                atMost(c.spacingGhz(), MAX_GHZ, "Optics", i, o.id(), "spacing_ghz", out, GHZ);
                within(c.requiredOsnrDb(), -100, 100, "Optics", i, o.id(), "required_osnr_db", out, DB);
                within(c.txPowerDbm(), -100, 100, "Optics", i, o.id(), "tx_power_dbm", out, "give dBm, e.g. -10.");
                atMost(c.maxUnamplifiedLossDb(), MAX_DB, "Optics", i, o.id(), "max_unamplified_loss_db", out, DB);
            }
        }
        pairsWith(optics, out);
    }

    /**
     * Optics.breakout: a whole number (the readers give an int), 1 or more; 1 for a COHERENT module, which carries
     * one DWDM channel; and one that splits a whole rate into whole per-link rates ({@code gbps / breakout}).
     */
    private void breakout(Optic o, int i, Consumer<InputProblem> out) {
        if (o.breakout() < 1) {
            out.accept(problem("Optics", i, o.id(), "breakout", "breakout must be 1 or more, got " + o.breakout(),
                    BREAKOUT));
            return;
        }
        if (!atMost(o.breakout(), MAX_BREAKOUT, "Optics", i, o.id(), "breakout", out, BREAKOUT) || !o.isBreakout()) {
            return;
        }
        if (o.kind() == OpticKind.COHERENT) {
            out.accept(problem("Optics", i, o.id(), "breakout", "coherent optic \"" + o.id() + "\" has breakout "
                    + o.breakout() + "; a coherent module serves one link (one DWDM channel)",
                    "set breakout to 1 or leave the cell blank; a twin-port grey module is a TRANSCEIVER."));
        } else if (o.gbps() > 0 && whole(o.gbps()) && !whole(o.linkGbps())) {
            out.accept(problem("Optics", i, o.id(), "breakout", "gbps " + num(o.gbps()) + " does not split into "
                    + o.breakout() + " links of a whole rate (" + num(o.linkGbps()) + " Gb/s each), which no link's "
                    + "gbps can match", "give a breakout that divides gbps (e.g. 2 or 4), or correct gbps."));
        }
    }

    private static boolean whole(double v) {
        return Math.abs(v - Math.rint(v)) <= FabricRules.EPS * Math.max(1, Math.abs(v));
    }

    /**
     * Optics.pairs_with names known modules (not cable assemblies) of the same media and per-link rate; only
     * modules name any. Each problem at the naming row's pairs_with cell. An optic naming itself is harmless
     * ({@link #warnings}).
     */
    private void pairsWith(List<Optic> optics, Consumer<InputProblem> out) {
        Map<String, Optic> byId = new HashMap<>();
        optics.forEach(o -> byId.putIfAbsent(o.id(), o));
        List<String> ids = null;
        for (int i = 0; i < optics.size(); i++) {
            Optic o = optics.get(i);
            List<String> named = o.pairsWith().stream().filter(id -> !id.isBlank() && !id.equals(o.id())).toList();
            if (named.isEmpty()) {
                continue;
            }
            if (o.kind().isAssembly()) {
                out.accept(problem("Optics", i, o.id(), "pairs_with", o.kind() + " \"" + o.id() + "\" names "
                        + quoted(named) + " in pairs_with; a cable assembly has itself at both ends and pairs "
                        + "with no other optic", "clear pairs_with: only modules (TRANSCEIVER, COHERENT) face "
                        + "other modules."));
                continue;
            }
            for (String id : named) {
                Optic y = byId.get(id);
                if (y == null) {
                    ids = ids != null ? ids : optics.stream().map(Optic::id).distinct().toList();
                    out.accept(problem("Optics", i, o.id(), "pairs_with", "pairs_with names unknown optic \"" + id
                            + "\"", "add it to the Optics sheet or correct the id" + suggestion(id, ids) + "."));
                    continue;
                }
                if (y.kind().isAssembly()) {
                    out.accept(problem("Optics", i, o.id(), "pairs_with", "pairs_with names \"" + id + "\", a cable "
                            + "assembly (" + y.kind() + "); an assembly has itself at both ends and pairs with no "
                            + "other optic", "name modules (TRANSCEIVER, COHERENT) only, or remove \"" + id
                            + "\" from pairs_with."));
                    continue;
                }
                if (o.media() != y.media()) {
                    out.accept(problem("Optics", i, o.id(), "pairs_with", "pairs_with names \"" + id + "\" ("
                            + y.media() + "), but " + o.id() + " is " + o.media() + "; the modules at a link's two "
                            + "ends share its fiber", "name " + o.media() + " modules only, or remove \"" + id
                            + "\" from pairs_with."));
                }
                if (o.breakout() >= 1 && y.breakout() >= 1
                        && Math.abs(o.linkGbps() - y.linkGbps()) > FabricRules.EPS * Math.max(1, o.linkGbps())) {
                    out.accept(problem("Optics", i, o.id(), "pairs_with", "pairs_with names \"" + id + "\", whose "
                            + "links run at " + perLink(y) + ", but " + o.id() + "'s run at " + perLink(o)
                            + "; the modules at a link's two ends run at its rate", "name modules of "
                            + num(o.linkGbps()) + " Gb/s per link (gbps / breakout) only, remove \"" + id
                            + "\" from pairs_with, or correct breakout."));
                }
            }
        }
    }

    /** "400 Gb/s", or "400 Gb/s (800 Gb/s, breakout 2)" for a breakout optic. */
    private static String perLink(Optic o) {
        return num(o.linkGbps()) + " Gb/s" + (o.isBreakout() ? " (" + num(o.gbps()) + " Gb/s, breakout "
                + o.breakout() + ")" : "");
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", "));
    }

    /** A buying limit, when given, is 0 or more (whole numbers come from the readers). */
    private void maxBuy(Integer maxBuy, String sheet, int index, String id, Consumer<InputProblem> out) {
        if (maxBuy != null && maxBuy < 0) {
            out.accept(problem(sheet, index, id, "max_buy", "max_buy must be 0 or more, got " + maxBuy,
                    "give the units that may be bought, or leave max_buy blank for no limit."));
        }
    }

    private void devices(List<Device> devices, InstanceIndex index, Consumer<InputProblem> out) {
        duplicates("Devices", devices, Device::id, "device_id", out);
        List<String> rackIds = index.instance().racks().stream().map(Rack::id).toList();
        List<String> modelIds = index.instance().switchModels().stream().map(SwitchModel::id).toList();
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            rackOf(d, i, index, rackIds, out);
            if (d.isSwitch()) {
                installedModel(d, i, index, modelIds, out);
                if (!index.hasFamily(d.family())) {
                    out.accept(problem("Devices", i, d.id(), "family", "unknown switch family \"" + d.family() + "\"",
                            "add its models to SwitchModels or use one of "
                                    + index.instance().switchModels().stream().map(SwitchModel::family).distinct()
                                    .collect(Collectors.joining(", ")) + "."));
                } else if (index.candidateModels(d).isEmpty()) {
                    out.accept(problem("Devices", i, d.id(), "packaging", "family " + d.family() + " has no "
                            + d.packaging() + " model", "set packaging to AUTO or add such a model."));
                }
            } else if (d.role() != Role.SERVER && d.role() != Role.OTHER) {
                out.accept(problem("Devices", i, d.id(), "family", d.role() + " \"" + d.id() + "\" has no family",
                        "name the SwitchModels family it is built from."));
            } else {
                if (d.installedModel() != null) {
                    out.accept(problem("Devices", i, d.id(), "installed_model", (d.role() == Role.SERVER ? "server"
                            : "device") + " \"" + d.id() + "\" has installed_model \"" + d.installedModel()
                            + "\"; only switches (devices with a family) have an installed model",
                            "clear installed_model, or give the device the family of its switch model."));
                }
                if (d.ports() <= 0) {
                    out.accept(problem("Devices", i, d.id(), "ports", "device \"" + d.id()
                            + "\" needs a positive number of ports, got " + d.ports(), "give its NIC ports."));
                }
                positive(d.portGbps(), "Devices", d.id(), "port_gbps", i, out, "give the rate of a NIC port.");
                atMost(d.ports(), MAX_PORTS, "Devices", i, d.id(), "ports", out, "give its NIC ports.");
                atMost(d.portGbps(), MAX_GBPS, "Devices", i, d.id(), "port_gbps", out, GBPS);
            }
        }
    }

    /**
     * A switch's installed model is a known model, and the switch stands where it is installed (in its rack, not
     * placed by the optimiser). A model of another family, or one its packaging request excludes, is allowed: it
     * is always replaced.
     */
    private void installedModel(Device d, int i, InstanceIndex index, List<String> modelIds,
                                Consumer<InputProblem> out) {
        String installed = d.installedModel();
        if (installed == null) {
            return;
        }
        if (index.model(installed) == null) {
            out.accept(problem("Devices", i, d.id(), "installed_model", "unknown switch model \"" + installed + "\"",
                    "add it to the SwitchModels sheet or correct the id" + suggestion(installed, modelIds) + "."));
        }
        if (d.rackId() == null && !d.candidateRacks().isEmpty()) {
            out.accept(problem("Devices", i, d.id(), "installed_model", "switch \"" + d.id()
                    + "\" has installed_model \"" + installed + "\" but candidate_racks instead of a rack_id; an "
                    + "installed switch is not placed by the optimiser", "give the rack_id it stands in today "
                    + "instead of candidate_racks, or clear installed_model for a new position."));
        }
    }

    /** A device stands in a known rack; a switch may instead name candidate racks for the optimiser. */
    private void rackOf(Device d, int i, InstanceIndex index, List<String> known, Consumer<InputProblem> out) {
        if (d.rackId() != null) {
            if (index.rack(d.rackId()) == null) {
                out.accept(problem("Devices", i, d.id(), "rack_id", "unknown rack \"" + d.rackId() + "\"",
                        "add it to the Racks sheet or correct the id" + suggestion(d.rackId(), known) + "."));
            }
            return;
        }
        if (d.candidateRacks().isEmpty()) {
            out.accept(problem("Devices", i, d.id(), "rack_id", "device \"" + d.id() + "\" has no rack_id",
                    "name one of the racks of the Racks sheet" + (d.isSwitch()
                            ? ", or candidate_racks (e.g. N1;N2) for the optimiser to choose from." : ".")));
            return;
        }
        if (!d.isSwitch()) {
            out.accept(problem("Devices", i, d.id(), "rack_id", "server \"" + d.id() + "\" has candidate_racks but "
                    + "no rack_id; only switches are placed by the optimiser", "give its rack_id."));
            return;
        }
        for (String candidate : d.candidateRacks()) {
            if (index.rack(candidate) == null) {
                out.accept(problem("Devices", i, d.id(), "candidate_racks", "unknown candidate rack \"" + candidate
                        + "\"", "add it to the Racks sheet or correct the id" + suggestion(candidate, known) + "."));
            }
        }
    }

    /** The racks a device may stand in, or empty when one of them is unknown or unreadable (reported). */
    private static List<Rack> possibleRacks(Device d, InstanceIndex index) {
        List<Rack> racks = new ArrayList<>();
        for (String id : d.possibleRacks()) {
            Rack r = index.rack(id);
            if (r == null || unreadable(r)) {
                return List.of();
            }
            racks.add(r);
        }
        return racks;
    }

    /** The shortest length the link can have over the racks its ends may stand in; NaN when none is defined. */
    private static double shortestLength(Link l, List<Rack> aRacks, List<Rack> bRacks, Settings settings) {
        double shortest = Double.NaN;
        for (Rack ra : aRacks) {
            for (Rack rb : bRacks) {
                double length = FabricRules.lengthM(l, ra, rb, settings);
                if (!Double.isNaN(length) && (Double.isNaN(shortest) || length < shortest)) {
                    shortest = length;
                }
            }
        }
        return shortest;
    }

    private void links(List<Link> links, InstanceIndex index, Consumer<InputProblem> out) {
        duplicates("Links", links, Link::id, "link_id", out);
        Settings settings = index.settings();
        SiteGraph graph = index.instance().hasSpans() ? new SiteGraph(index.instance().spans()) : null;
        List<String> deviceIds = index.instance().devices().stream().map(Device::id).toList();
        Map<List<String>, Boolean> verdicts = verdicts(index.instance().compatibility());
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            boolean ok = true;
            ok &= knownDevice(l, i, l.aDevice(), "a_device", index, deviceIds, out);
            ok &= knownDevice(l, i, l.bDevice(), "b_device", index, deviceIds, out);
            if (ok && l.aDevice().equals(l.bDevice())) {
                out.accept(problem("Links", i, l.id(), "b_device", "link \"" + l.id() + "\" joins \"" + l.aDevice()
                        + "\" to itself", null));
                ok = false;
            }
            if (l.count() <= 0) {
                out.accept(problem("Links", i, l.id(), "count", "count must be a positive whole number, got "
                        + l.count(), null));
            }
            ok &= positive(l.gbps(), "Links", l.id(), "gbps", i, out, null);
            if (l.lengthM() != null) {
                ok &= nonNegativeAt(l.lengthM(), "Links", i, l.id(), "length_m", out);
                ok &= atMost(l.lengthM(), MAX_METRES, "Links", i, l.id(), "length_m", out, METRES);
            }
            ok &= atMost(l.count(), MAX_LINK_COUNT, "Links", i, l.id(), "count", out,
                    "give the cables of this link; split a larger bundle into several links.");
            ok &= atMost(l.gbps(), MAX_GBPS, "Links", i, l.id(), "gbps", out, GBPS);
            if (!ok) {
                continue;
            }
            Device a = index.device(l.aDevice());
            Device b = index.device(l.bDevice());
            List<Rack> aRacks = possibleRacks(a, index);
            List<Rack> bRacks = possibleRacks(b, index);
            if (aRacks.isEmpty() || bRacks.isEmpty()) {
                continue; // reported on the device or the rack
            }
            double length = shortestLength(l, aRacks, bRacks, settings);
            boolean overSpans = false;
            if (Double.isNaN(length) && graph != null) {
                double routeM = shortestRouteM(aRacks, bRacks, graph);
                if (Double.isNaN(routeM)) {
                    out.accept(problem("Links", i, l.id(), "link_id", "no route from site \"" + aRacks.get(0).siteId()
                            + "\" to site \"" + bRacks.get(0).siteId() + "\" over the Spans sheet",
                            "add a span (or a chain of spans) between the two sites to Spans, correct the racks' "
                                    + "site_id, or give the link's length_m."));
                    continue;
                }
                if (servedByDwdm(l, ends(a, index), ends(b, index), index)) {
                    continue;
                }
                length = routeM;
                overSpans = true;
            }
            if (Double.isNaN(length)) {
                out.accept(problem("Links", i, l.id(), "length_m", "link \"" + l.id() + "\" joins site \""
                        + aRacks.get(0).siteId() + "\" to site \"" + bRacks.get(0).siteId()
                        + "\" and has no length_m", "give the cable route length in length_m."));
                continue;
            }
            NoOption none = whyNoOption(l, length, overSpans, ends(a, index), ends(b, index), a, b, index,
                    verdicts);
            if (none != null) {
                out.accept(problem("Links", i, l.id(), "link_id", "no interconnect can serve link \"" + l.id() + "\": "
                        + none.why(), none.hint()));
            }
        }
    }

    /**
     * Inventory rows name an optic or a switch model (not an id that is both), in a quantity of 0 or more; rows of
     * one item add up.
     */
    private void inventory(List<StockItem> items, InstanceIndex index, Consumer<InputProblem> out) {
        if (items.isEmpty()) {
            return;
        }
        List<String> known = new ArrayList<>();
        index.instance().optics().forEach(o -> known.add(o.id()));
        index.instance().switchModels().forEach(m -> known.add(m.id()));
        for (int i = 0; i < items.size(); i++) {
            StockItem s = items.get(i);
            String id = s.itemId();
            boolean optic = index.optic(id) != null;
            boolean model = index.model(id) != null;
            if (id.isBlank()) {
                out.accept(problem("Inventory", i, id, "item_id", "item_id is blank",
                        "give the optic or switch model id of the units owned."));
            } else if (!optic && !model) {
                out.accept(problem("Inventory", i, id, "item_id", "unknown item \"" + id
                        + "\": neither an optic nor a switch model", "add it to the Optics or SwitchModels sheet or "
                        + "correct the id" + suggestion(id, known) + "."));
            } else if (optic && model) {
                out.accept(problem("Inventory", i, id, "item_id", "item \"" + id + "\" is ambiguous: both an optic "
                        + "and a switch model have that id", "give the optic or the switch model another id, so that "
                        + "the stock names one of them."));
            }
            if (s.quantity() < 0) {
                out.accept(problem("Inventory", i, id, "quantity", "quantity must be 0 or more, got " + s.quantity(),
                        "give the units owned, e.g. 16."));
            }
        }
    }

    /**
     * Compatibility rows name a known optic and a platform that something answers to (a switch model id, a switch
     * family or a device's platform), at a coding cost of 0 or more, once per optic and platform. A YES row on a
     * platform only CPO models have is harmless (CPO ends take no module) and passes.
     */
    private void compatibility(List<CompatibilityRule> rows, InstanceIndex index, Consumer<InputProblem> out) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> opticIds = index.instance().optics().stream().map(Optic::id).toList();
        Set<String> platforms = new LinkedHashSet<>();
        index.instance().switchModels().forEach(m -> platforms.add(m.id()));
        index.instance().switchModels().forEach(m -> platforms.add(m.family()));
        index.instance().devices().stream().map(Device::platform).filter(p -> p != null).forEach(platforms::add);
        List<String> platformList = List.copyOf(platforms);
        Map<List<String>, Integer> first = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            CompatibilityRule r = rows.get(i);
            String id = r.opticId();
            if (id.isBlank()) {
                out.accept(problem("Compatibility", i, id, "optic_id", "optic_id is blank",
                        "give the optic the row qualifies or refuses."));
            } else if (index.optic(id) == null) {
                out.accept(problem("Compatibility", i, id, "optic_id", "unknown optic \"" + id + "\"",
                        "add it to the Optics sheet or correct the id" + suggestion(id, opticIds) + "."));
            }
            if (r.platform().isBlank()) {
                out.accept(problem("Compatibility", i, id, "platform", "platform is blank", "name a switch model, "
                        + "a switch family or a device platform (Devices column platform)."));
            } else if (!platforms.contains(r.platform())) {
                out.accept(problem("Compatibility", i, id, "platform", "platform \"" + r.platform() + "\" matches "
                        + "no switch model, switch family or device platform", "correct it"
                        + suggestion(r.platform(), platformList) + ", or give the devices of that platform in the "
                        + "Devices column platform."));
            }
            nonNegativeAt(r.codingUsd(), "Compatibility", i, id, "coding_usd", out);
            atMost(r.codingUsd(), MAX_ITEM_USD, "Compatibility", i, id, "coding_usd", out,
                    "give the US dollars of coding per module, e.g. 50, or leave it blank for none.");
            if (id.isBlank() || r.platform().isBlank()) {
                continue;
            }
            Integer at = first.putIfAbsent(List.of(id, r.platform()), i);
            if (at != null) {
                String before = locator.locate("Compatibility", at, id, "platform");
                String here = locator.locate("Compatibility", i, id, "platform");
                if (before.equals(here)) { // a locator by id: name the rows by position
                    before = CellLocator.BY_ID.locate("Compatibility", at, null, "platform");
                    here = CellLocator.BY_ID.locate("Compatibility", i, null, "platform");
                }
                out.accept(problem("Compatibility", i, id, "platform", "optic \"" + id + "\" on platform \""
                        + r.platform() + "\" is given twice: at " + before + " and at " + here,
                        "keep one row per optic and platform (the first one counts)."));
            }
        }
    }

    /** The shortest route over the spans between the racks' sites, in metres; NaN when there is none. */
    private static double shortestRouteM(List<Rack> aRacks, List<Rack> bRacks, SiteGraph graph) {
        double best = Double.NaN;
        for (Rack ra : aRacks) {
            for (Rack rb : bRacks) {
                double km = graph.shortestKm(ra.siteId(), rb.siteId());
                if (!Double.isNaN(km) && (Double.isNaN(best) || km * 1000 < best)) {
                    best = km * 1000;
                }
            }
        }
        return best;
    }

    /**
     * A COHERENT optic of the link's rate with OSNR data, that some end choice accepts, can ride a DWDM channel
     * whatever the distance (whether the OSNR holds is the plan's matter, and the checker's). One optic at both
     * ends: a lightpath carries one ({@link io.fabricplan.model.Lightpath#opticId}), so two coherent modules that
     * pair do not make a channel; and a coherent module has no breakout (validated on the Optics row).
     */
    private static boolean servedByDwdm(Link l, List<LinkEnd> aEnds, List<LinkEnd> bEnds, InstanceIndex index) {
        if (aEnds.isEmpty() || bEnds.isEmpty()) {
            return true; // the device's missing models are reported on the device
        }
        return index.instance().optics().stream().anyMatch(o -> o.kind() == OpticKind.COHERENT
                && o.coherent() != null && FabricRules.rateMatches(o, l)
                && aEnds.stream().anyMatch(e -> FabricRules.endAccepts(o, e))
                && bEnds.stream().anyMatch(e -> FabricRules.endAccepts(o, e)));
    }

    private static boolean unreadable(Rack rack) {
        return Double.isNaN(rack.xM()) || Double.isNaN(rack.yM());
    }

    /** The ends the device may present, under the instance's Compatibility rows. */
    private static List<LinkEnd> ends(Device d, InstanceIndex index) {
        if (!d.isSwitch()) {
            return List.of(index.endOf(d, null));
        }
        return index.candidateModels(d).stream().map(m -> index.endOf(d, m)).toList();
    }

    /** Why no option serves a link, and what to do about it. */
    record NoOption(String why, String hint) {
    }

    /** The Compatibility rows' verdicts by (optic id, platform): YES true, NO false; the first row counts. */
    private static Map<List<String>, Boolean> verdicts(List<CompatibilityRule> rows) {
        Map<List<String>, Boolean> verdicts = new HashMap<>();
        rows.forEach(r -> verdicts.putIfAbsent(List.of(r.opticId(), r.platform()), r.allowed()));
        return verdicts;
    }

    /**
     * Null when some option serves the link for some choice of models at its ends; else why none can. The options
     * are the optics of the link's rate and reach at both ends, and two modules that pair ({@code pairs_with})
     * either way round; a twin-port module needs ports of its rate, a breakout cable such ports at one end. Over
     * spans ({@code overSpans}), the COHERENT options that only the Compatibility sheet keeps from a DWDM channel
     * count among the options, whatever their reach.
     */
    static NoOption whyNoOption(Link l, double length, boolean overSpans, List<LinkEnd> aEnds, List<LinkEnd> bEnds,
                                Device a, Device b, InstanceIndex index, Map<List<String>, Boolean> verdicts) {
        if (aEnds.isEmpty() || bEnds.isEmpty()) {
            return null; // the device's missing models are reported on the device
        }
        List<Optic> rated = index.instance().optics().stream().filter(o -> FabricRules.rateMatches(o, l)).toList();
        if (rated.isEmpty()) {
            return new NoOption("no optic runs at " + num(l.gbps()) + " Gb/s",
                    "add an optic of that rate to the Optics sheet or correct the link's gbps.");
        }
        List<Optic> reaching = rated.stream().filter(o -> FabricRules.reaches(o, length) || overSpans
                && o.kind() == OpticKind.COHERENT && o.coherent() != null
                && index.qualification().restricts(o.id())).toList();
        if (reaching.isEmpty()) {
            Optic longest = rated.stream().max((x, y) -> Double.compare(x.reachM(), y.reachM())).orElseThrow();
            return new NoOption("it is " + num(length) + " m long, too long for every " + num(l.gbps())
                    + " Gb/s option (longest reach " + num(longest.reachM()) + " m, " + longest.id() + ")",
                    "add a longer-reach option (FR, LR) to Optics, move the racks closer, or correct length_m.");
        }
        List<OpticPair> options = options(reaching);
        for (LinkEnd ea : aEnds) {
            for (LinkEnd eb : bEnds) {
                for (OpticPair p : options) {
                    if (fits(p, l, ea, a, eb, b)) {
                        return null;
                    }
                }
            }
        }
        List<String> reasons = new ArrayList<>();
        String names = reaching.stream().map(o -> o.id() + optionDetail(o, length)).collect(Collectors.joining(", "));
        String hint = unqualified(l, options, a, aEnds, b, bEnds, index, verdicts, reasons);
        String portHint = breakoutRefusals(l, reaching, a, aEnds, b, bEnds, reasons);
        describeEnd(a, aEnds, reasons);
        describeEnd(b, bEnds, reasons);
        return new NoOption(String.join("; ", reasons) + "; options of " + num(l.gbps()) + " Gb/s that reach "
                + num(length) + " m: " + names, hint != null ? hint : portHint != null ? portHint
                : "set the switch's packaging to AUTO or PLUGGABLE, or add a transceiver of the CPO port's PMD.");
    }

    /** " (TRANSCEIVER DR, LPO, breakout 2, over DWDM)", as far as each applies; "" for a plain assembly. */
    private static String optionDetail(Optic o, double length) {
        String breakout = o.isBreakout() ? ", breakout " + o.breakout() : "";
        if (o.pmd() == null) {
            return o.isBreakout() ? " (" + o.kind() + breakout + ")" : "";
        }
        return " (" + o.kind() + " " + o.pmd() + (o.lpo() ? ", LPO" : "") + breakout
                + (FabricRules.reaches(o, length) ? "" : ", over DWDM") + ")";
    }

    /**
     * The options of a link among {@code optics} (those of its rate and reach): each optic at both ends, then each
     * two different modules that pair ({@link FabricRules#pairs}), either way round.
     */
    static List<OpticPair> options(List<Optic> optics) {
        List<OpticPair> options = new ArrayList<>();
        optics.forEach(o -> options.add(OpticPair.of(o)));
        Map<String, List<Optic>> partners = partners(optics);
        for (Optic x : optics) {
            partners.getOrDefault(x.id(), List.of()).forEach(y -> options.add(new OpticPair(x, y)));
        }
        return options;
    }

    /**
     * Whether the option fits the link between the ends ({@link FabricRules#usable}) but for the reach, which the
     * options were chosen by already (and which a COHERENT option over DWDM need not have): length 0 passes it.
     */
    private static boolean fits(OpticPair p, Link l, LinkEnd ea, Device a, LinkEnd eb, Device b) {
        return FabricRules.usable(p, l, 0, ea, a.id(), eb, b.id());
    }

    private static void describeEnd(Device d, List<LinkEnd> ends, List<String> reasons) {
        if (ends.stream().allMatch(e -> e.packaging() == Packaging.CPO)) {
            reasons.add("CPO end at " + d.id() + " takes only TRANSCEIVER with pmd "
                    + ends.stream().map(LinkEnd::cpoPmd).distinct().collect(Collectors.joining("/")));
        } else if (ends.stream().noneMatch(LinkEnd::lpoCapable)) {
            reasons.add(d.id() + " is not LPO-capable");
        }
    }

    /**
     * The breakout options the devices' ports refuse: a twin-port module whose rate no pluggable end of a device
     * reaches (with, when the other device has such ports, whether a module it pairs with could face it), a
     * breakout cable whose wide end finds such ports at neither device. Returns the hint for the first, or null.
     */
    private static String breakoutRefusals(Link l, List<Optic> reaching, Device a, List<LinkEnd> aEnds, Device b,
                                           List<LinkEnd> bEnds, List<String> reasons) {
        String hint = null;
        for (Optic o : reaching) {
            if (!o.isBreakout()) {
                continue;
            }
            if (o.kind().isAssembly()) {
                boolean wide = aEnds.stream().anyMatch(ea -> bEnds.stream()
                        .anyMatch(eb -> FabricRules.wideEnd(o, ea, a.id(), eb, b.id()) != 0));
                if (wide) {
                    continue;
                }
                reasons.add(o.id() + " is a breakout cable whose " + num(o.gbps()) + " Gb/s end needs such a port at "
                        + a.id() + " or " + b.id() + "; their ports run at " + portRates(aEnds) + " and "
                        + portRates(bEnds) + " Gb/s");
            } else {
                boolean slowA = tooSlow(o, aEnds);
                boolean slowB = tooSlow(o, bEnds);
                if (!slowA && !slowB) {
                    continue;
                }
                String reason = o.id() + " plugs into ports of " + num(o.gbps()) + " Gb/s (" + o.breakout()
                        + " links of " + num(o.linkGbps()) + " Gb/s on one); " + (slowA && slowB
                        ? a.id() + "'s and " + b.id() + "'s run at " + portRates(aEnds) + " and " + portRates(bEnds)
                        : slowA ? a.id() + "'s run at " + portRates(aEnds) : b.id() + "'s run at "
                        + portRates(bEnds)) + " Gb/s";
                // the other device has ports for it: a module it pairs with could face it at the slow one
                boolean otherFits = slowA ? !slowB && fastPort(o, bEnds) : fastPort(o, aEnds);
                if (otherFits) {
                    List<String> partners = reaching.stream().filter(y -> !y.id().equals(o.id())
                            && FabricRules.pairs(o, y)).map(Optic::id).distinct().toList();
                    reason += partners.isEmpty() ? ", and no module of " + num(l.gbps()) + " Gb/s that reaches pairs "
                            + "with it (pairs_with) to face it there" : ", and the modules it pairs with ("
                            + String.join(", ", partners) + ") cannot serve " + (slowA ? a : b).id();
                }
                reasons.add(reason);
            }
            if (hint == null) {
                hint = "add a " + num(l.gbps()) + " Gb/s option that fits the devices' ports to Optics"
                        + (o.kind().isAssembly() ? "" : " (a single-port module, or one that " + o.id()
                        + " pairs with in pairs_with)") + ", or give the devices faster ports (port_gbps of "
                        + "SwitchModels, Devices).";
            }
        }
        return hint;
    }

    /** Whether the device's pluggable ends all have ports slower than the twin-port module (false with none). */
    private static boolean tooSlow(Optic module, List<LinkEnd> ends) {
        List<LinkEnd> pluggable = ends.stream().filter(e -> e.packaging() == Packaging.PLUGGABLE).toList();
        return !pluggable.isEmpty() && pluggable.stream()
                .allMatch(e -> e.portGbps() + FabricRules.EPS * module.gbps() < module.gbps());
    }

    /** Whether some pluggable end of the device has ports fast enough for the twin-port module. */
    private static boolean fastPort(Optic module, List<LinkEnd> ends) {
        return ends.stream().anyMatch(e -> e.packaging() == Packaging.PLUGGABLE
                && e.portGbps() + FabricRules.EPS * module.gbps() >= module.gbps());
    }

    /** The port rates of a device's possible ends, e.g. "400" or "400/800". */
    private static String portRates(List<LinkEnd> ends) {
        return ends.stream().map(e -> num(e.portGbps())).distinct().collect(Collectors.joining("/"));
    }

    /**
     * The options that would serve the link but for the Compatibility sheet: adds, per optic, the ends that
     * refuse it with the platforms they answer to ({@code : NO} marks a refusing row), and returns the hint for
     * the first such option; null when the sheet keeps no option from the link. An option of one optic names the
     * ends that refuse it together; one of two modules names each refused module at its own end.
     */
    private static String unqualified(Link l, List<OpticPair> options, Device a, List<LinkEnd> aEnds, Device b,
                                      List<LinkEnd> bEnds, InstanceIndex index, Map<List<String>, Boolean> verdicts,
                                      List<String> reasons) {
        Map<String, Set<String>> opticsByRefusal = new LinkedHashMap<>();
        Set<List<String>> named = new java.util.HashSet<>(); // (optic, refusal at one end) said already
        String hint = null;
        for (OpticPair p : options) {
            if (!index.qualification().restricts(p.a().id()) && !index.qualification().restricts(p.b().id())) {
                continue;
            }
            boolean[] aFits = new boolean[aEnds.size()];
            boolean[] bFits = new boolean[bEnds.size()];
            for (int i = 0; i < aEnds.size(); i++) {
                for (int j = 0; j < bEnds.size(); j++) {
                    if (fits(p, l, bare(aEnds.get(i)), a, bare(bEnds.get(j)), b)) {
                        aFits[i] = true;
                        bFits[j] = true;
                    }
                }
            }
            List<LinkEnd> aBare = fitting(aEnds, aFits);
            List<LinkEnd> bBare = fitting(bEnds, bFits);
            if (aBare.isEmpty()) {
                continue; // refused for another reason (CPO port, LPO host, port rate)
            }
            boolean refusedA = aBare.stream().noneMatch(e -> e.qualifies(p.a()));
            boolean refusedB = bBare.stream().noneMatch(e -> e.qualifies(p.b()));
            if (!refusedA && !refusedB) {
                continue;
            }
            List<String> refusals = new ArrayList<>();
            List<String> actions = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            if (refusedA) {
                refusal(p.a(), a, aBare, verdicts, refusals, actions);
                refused.add(p.a().id());
            }
            if (refusedB) {
                refusal(p.b(), b, bBare, verdicts, refusals, actions);
                if (!refused.contains(p.b().id())) {
                    refused.add(p.b().id());
                }
            }
            if (p.symmetric()) {
                opticsByRefusal.computeIfAbsent(String.join(" nor of ", refusals), k -> new LinkedHashSet<>())
                        .add(p.a().id());
                refusals.forEach(r -> named.add(List.of(p.a().id(), r)));
            } else { // each refused module at its end, unless its own option named that refusal already
                int r = 0;
                for (Optic refusedOptic : refusedA && refusedB ? List.of(p.a(), p.b())
                        : List.of(refusedA ? p.a() : p.b())) {
                    String refusal = refusals.get(r++);
                    if (named.add(List.of(refusedOptic.id(), refusal))) {
                        opticsByRefusal.computeIfAbsent(refusal, k -> new LinkedHashSet<>()).add(refusedOptic.id());
                    }
                }
            }
            if (hint == null) {
                hint = String.join(" and ", actions) + " if " + String.join(" and ", refused)
                        + (refused.size() == 1 ? " is" : " are") + " qualified there.";
            }
        }
        opticsByRefusal.forEach((refusal, ids) -> reasons.add(String.join(", ", ids)
                + (ids.size() == 1 ? " is" : " are") + " qualified on no platform of " + refusal
                + " in the Compatibility sheet"));
        return hint;
    }

    private static List<LinkEnd> fitting(List<LinkEnd> ends, boolean[] fits) {
        List<LinkEnd> out = new ArrayList<>();
        for (int i = 0; i < ends.size(); i++) {
            if (fits[i]) {
                out.add(ends.get(i));
            }
        }
        return out;
    }

    /** The end as it would be were there no Compatibility sheet (its port rate kept). */
    private static LinkEnd bare(LinkEnd e) {
        return new LinkEnd(e.packaging(), e.lpoCapable(), e.cpoPmd(), e.model(), e.platform(), Qualification.NONE,
                e.portGbps());
    }

    /**
     * Names a device that refuses the optic by the Compatibility sheet, with the platforms its ends answer to, and
     * what would qualify it: turning its NO rows to YES, or a YES row on its family (switches) or platform.
     */
    private static void refusal(Optic o, Device d, List<LinkEnd> ends, Map<List<String>, Boolean> verdicts,
                                List<String> refusals, List<String> actions) {
        List<String[]> platforms = new ArrayList<>(); // {what, name}
        if (d.isSwitch()) {
            ends.stream().map(e -> e.model().id()).distinct().forEach(m -> platforms.add(new String[] {"model", m}));
            platforms.add(new String[] {"family", d.family()});
        }
        if (d.platform() != null) {
            platforms.add(new String[] {"platform", d.platform()});
        }
        List<String> names = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String[] p : platforms) {
            boolean no = Boolean.FALSE.equals(verdicts.get(List.of(o.id(), p[1])));
            names.add(p[0] + " " + p[1] + (no ? ": NO" : ""));
            if (no) {
                refused.add("(" + o.id() + ", " + p[1] + ", NO)");
            }
        }
        if (platforms.isEmpty()) {
            names.add("no platform given");
        }
        refusals.add(d.id() + " (" + String.join(", ", names) + ")");
        if (!refused.isEmpty()) {
            actions.add("set the Compatibility row" + (refused.size() == 1 ? " " : "s ") + String.join(", ", refused)
                    + " to YES");
        } else if (d.isSwitch() || d.platform() != null) {
            actions.add("add a Compatibility row (" + o.id() + ", " + (d.isSwitch() ? d.family() : d.platform())
                    + ", YES)");
        } else {
            actions.add("give " + d.id() + " its platform in the Devices column platform and add a Compatibility "
                    + "row (" + o.id() + ", that platform, YES)");
        }
    }

    private boolean knownDevice(Link l, int i, String deviceId, String column, InstanceIndex index,
                                List<String> deviceIds, Consumer<InputProblem> out) {
        if (index.device(deviceId) != null) {
            return true;
        }
        out.accept(problem("Links", i, l.id(), column, "unknown device \"" + deviceId + "\"",
                "add it to the Devices sheet or correct the id" + suggestion(deviceId, deviceIds) + "."));
        return false;
    }

    private <T> void duplicates(String sheet, List<T> items, Function<T, String> id, String column,
                                Consumer<InputProblem> out) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String key = id.apply(items.get(i));
            if (key == null || key.isBlank()) {
                out.accept(problem(sheet, i, key, column, column + " is blank", "give every row an id."));
                continue;
            }
            Integer at = first.putIfAbsent(key, i);
            if (at != null) {
                out.accept(problem(sheet, i, key, column, "duplicate " + column + " \"" + key + "\", first at "
                        + locator.locate(sheet, at, key, column), "give every row its own id."));
            }
        }
    }

    /** False, with a problem, when the value is above {@code max}; NaN (reported by the reader) passes. */
    private boolean atMost(double value, double max, String sheet, int index, String id, String column,
                           Consumer<InputProblem> out, String hint) {
        if (!(value > max)) {
            return true;
        }
        out.accept(problem(sheet, index, id, column, fieldName(sheet, id, column) + " must be at most " + num(max)
                + ", got " + num(value), hint));
        return false;
    }

    /** False, with a problem, when the value is outside {@code [min, max]}; NaN (reported by the reader) passes. */
    private boolean within(double value, double min, double max, String sheet, int index, String id, String column,
                           Consumer<InputProblem> out, String hint) {
        if (!(value < min)) {
            return atMost(value, max, sheet, index, id, column, out, hint);
        }
        out.accept(problem(sheet, index, id, column, fieldName(sheet, id, column) + " must be at least " + num(min)
                + ", got " + num(value), hint));
        return false;
    }

    /**
     * The most a plan of the instance could cost and draw, from its counts and catalogs: beyond
     * {@link #MAX_OBJECTIVE} (USD, or W for the POWER objective) or {@link #MAX_POWER_W}, the solvers' integer
     * arithmetic (CP-SAT scales every row to 64-bit integers) is no longer exact, so such an instance is refused
     * here rather than failing in the solve. Each figure is within its own range; together they are not. A unit
     * costs at most the more of its price and, taken from stock, {@code recable_usd}, plus its dearest coding; a
     * replaced installed switch adds {@code switch_swap_usd}.
     */
    private void magnitude(Instance instance, InstanceIndex index, Consumer<InputProblem> out) {
        Settings s = instance.settings();
        double usdPerW = s.objective() == io.fabricplan.model.Objective.POWER ? 0 : finite(s.objectiveUsdPerWatt());
        boolean power = s.objective() == io.fabricplan.model.Objective.POWER;
        Map<String, Double> coding = new HashMap<>();
        for (CompatibilityRule r : instance.compatibility()) {
            if (r.allowed()) {
                coding.merge(r.opticId(), finite(r.codingUsd()), Math::max);
            }
        }
        double opticW = 0;
        double opticUsd = 0;
        double fiberUsdPerM = 0;
        for (Optic o : instance.optics()) {
            double unit = index.stock(o.id()) > 0 ? Math.max(finite(o.costUsd()), finite(s.recableUsd()))
                    : finite(o.costUsd());
            opticW = Math.max(opticW, finite(o.powerW()));
            opticUsd = Math.max(opticUsd, unit + coding.getOrDefault(o.id(), 0.0) + usdPerW * finite(o.powerW()));
            fiberUsdPerM = Math.max(fiberUsdPerM, finite(o.fiberUsdPerM()));
        }
        double span = rackSpanM(instance) + finite(s.interRackSlackM()) + finite(s.intraRackM());
        double totalW = 0;
        double total = 0;
        double worstLink = 0;
        int worstIndex = -1;
        for (int i = 0; i < instance.links().size(); i++) {
            Link l = instance.links().get(i);
            double length = l.lengthM() != null ? finite(l.lengthM()) : span;
            double perCable = power ? 2 * opticW : 2 * opticUsd + fiberUsdPerM * length;
            double link = Math.max(0, l.count()) * perCable;
            totalW += Math.max(0, l.count()) * 2 * opticW;
            total += link;
            if (link > worstLink) {
                worstLink = link;
                worstIndex = i;
            }
        }
        double switchW = 0;
        double switchUsd = 0;
        for (SwitchModel m : instance.switchModels()) {
            double w = finite(m.basePowerW()) + Math.max(0, m.ports()) * finite(m.portPowerW());
            switchW = Math.max(switchW, w);
            switchUsd = Math.max(switchUsd, finite(m.costUsd()) + usdPerW * w);
        }
        long switches = instance.devices().stream().filter(Device::isSwitch).count();
        totalW += switches * switchW;
        total += switches * (power ? switchW : switchUsd);
        if (!power) {
            long installed = instance.devices().stream().filter(d -> d.isSwitch() && d.installedModel() != null)
                    .count();
            total += installed * finite(s.switchSwapUsd());
        }
        double wdmW = 0;
        double wdmUsd = 0;
        for (WdmEquipment e : instance.wdmEquipment()) {
            wdmW = Math.max(wdmW, finite(e.powerW()));
            wdmUsd = Math.max(wdmUsd, finite(e.costUsd()) + usdPerW * finite(e.powerW()));
        }
        for (Span sp : instance.spans()) {
            // a MUX/DEMUX pair per fiber pair and an amplifier every 40 km or so, as an upper bound
            double items = Math.max(0, sp.fiberPairs()) * (2 + finite(sp.lengthKm()) / 40);
            totalW += items * wdmW;
            total += items * (power ? wdmW : wdmUsd);
        }
        if (total <= MAX_OBJECTIVE && totalW <= MAX_POWER_W) {
            return;
        }
        String what = total > MAX_OBJECTIVE
                ? "a plan's " + (power ? "power" : "objective") + " could reach " + sci(total) + (power ? " W" : " USD")
                + ", beyond the " + sci(MAX_OBJECTIVE) + " the solvers compute exactly"
                : "a plan could draw " + sci(totalW) + " W, beyond the " + sci(MAX_POWER_W) + " W (1 GW) the solvers "
                + "compute exactly";
        String hint = instance.usesSupplyRules()
                ? "check the units of cost_usd and power_w in Optics and SwitchModels, of count in Links, of "
                + "coding_usd in Compatibility, and of energy_usd_per_kwh, pue, years, switch_swap_usd and recable_usd "
                + "in Settings."
                : "check the units of cost_usd and power_w in Optics and SwitchModels, of count in Links, and of "
                + "energy_usd_per_kwh, pue and years in Settings.";
        if (worstIndex >= 0 && worstLink >= total / 2) {
            Link l = instance.links().get(worstIndex);
            out.accept(problem("Links", worstIndex, l.id(), "count", what + " (link \"" + l.id() + "\" alone up to "
                    + sci(worstLink) + " for its " + l.count() + " cables)", hint));
        } else {
            out.accept(new InputProblem(locator.locate("Settings", 0, "objective", "value"), what, hint));
        }
    }

    /** The largest Manhattan distance between two racks of the instance, in metres. */
    private static double rackSpanM(Instance instance) {
        double minX = 0;
        double maxX = 0;
        double minY = 0;
        double maxY = 0;
        boolean first = true;
        for (Rack r : instance.racks()) {
            double x = finite(r.xM());
            double y = finite(r.yM());
            minX = first ? x : Math.min(minX, x);
            maxX = first ? x : Math.max(maxX, x);
            minY = first ? y : Math.min(minY, y);
            maxY = first ? y : Math.max(maxY, y);
            first = false;
        }
        return maxX - minX + maxY - minY;
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? Math.abs(v) : 0;
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.2g", v).replace("e+", "e");
    }

    private boolean positive(double value, String sheet, String id, String column, int index,
                             Consumer<InputProblem> out, String hint) {
        if (Double.isNaN(value) || value > 0) {
            return !Double.isNaN(value);
        }
        out.accept(problem(sheet, index, id, column, fieldName(sheet, id, column) + " must be a positive number, got "
                + num(value), hint));
        return false;
    }

    /** Settings rows are named by their key; other sheets by their column. */
    private static String fieldName(String sheet, String id, String column) {
        return "Settings".equals(sheet) ? id : column;
    }

    private boolean nonNegativeAt(double value, String sheet, int index, String id, String column,
                                  Consumer<InputProblem> out) {
        if (Double.isNaN(value) || value >= 0) {
            return !Double.isNaN(value);
        }
        out.accept(problem(sheet, index, id, column, column + " must be 0 or more, got " + num(value), null));
        return false;
    }

    private void nonNegative(double value, String sheet, String key, Consumer<InputProblem> out) {
        if (!Double.isNaN(value) && value < 0) {
            out.accept(problem(sheet, 0, key, "value", key + " must be 0 or more, got " + num(value), null));
        }
    }

    private InputProblem problem(String sheet, int index, String id, String column, String message, String hint) {
        return new InputProblem(locator.locate(sheet, index, id, column), message, hint);
    }

    /** As {@link #closest}, for the first {@link #MAX_SUGGESTIONS} problems of a validation. */
    private String suggestion(String wrong, List<String> known) {
        if (suggestionsLeft <= 0) {
            return "";
        }
        suggestionsLeft--;
        return closest(wrong, known);
    }

    /** ", e.g. \"n1\"" for the closest known id, by edit distance, or "" when none is close. */
    static String closest(String wrong, List<String> known) {
        String best = Spelling.closest(wrong, known);
        return best != null ? " (did you mean \"" + best + "\"?)" : "";
    }


    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        if (Math.abs(v) >= 1e15 || Double.isInfinite(v)) {
            return sci(v);
        }
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
