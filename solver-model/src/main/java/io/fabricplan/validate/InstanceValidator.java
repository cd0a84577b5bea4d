package io.fabricplan.validate;

import io.fabricplan.model.CoherentSpec;
import io.fabricplan.model.Device;
import io.fabricplan.model.FabricRules;
import io.fabricplan.model.Instance;
import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkEnd;
import io.fabricplan.model.Optic;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.Settings;
import io.fabricplan.model.Site;
import io.fabricplan.model.SiteGraph;
import io.fabricplan.model.Span;
import io.fabricplan.model.SwitchModel;
import io.fabricplan.model.WdmEquipment;
import io.fabricplan.model.WdmKind;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds every problem of an instance at once: values out of range, duplicate and unknown ids, lengths that cannot
 * be derived and links that no interconnect can serve (saying why). Fields that hold NaN were unreadable and are
 * reported by the reader already; they are skipped here. Runs in O(links x optics).
 */
public final class InstanceValidator {
    private final CellLocator locator;

    public InstanceValidator(CellLocator locator) {
        this.locator = locator;
    }

    public InstanceValidator() {
        this(CellLocator.BY_ID);
    }

    public List<InputProblem> validate(Instance instance) {
        List<InputProblem> problems = new ArrayList<>();
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
        return problems;
    }

    private void sites(List<Site> sites, List<InputProblem> out) {
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

    private void rackSites(Instance instance, List<InputProblem> out) {
        Set<String> known = knownSites(instance);
        for (int i = 0; i < instance.racks().size(); i++) {
            Rack r = instance.racks().get(i);
            if (!known.contains(r.siteId())) {
                out.add(problem("Racks", i, r.id(), "site_id", "unknown site \"" + r.siteId() + "\"",
                        "add it to the Sites sheet or correct the id" + suggestion(r.siteId(), List.copyOf(known))
                                + "."));
            }
        }
    }

    private void spans(Instance instance, List<InputProblem> out) {
        List<Span> spans = instance.spans();
        duplicates("Spans", spans, Span::id, "span_id", out);
        Set<String> known = knownSites(instance);
        String where = instance.sites().isEmpty() ? "the racks' site_id" : "the Sites sheet";
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            boolean ends = knownSite(s, i, s.aSite(), "a_site", known, where, out);
            ends &= knownSite(s, i, s.bSite(), "b_site", known, where, out);
            if (ends && s.aSite().equals(s.bSite())) {
                out.add(problem("Spans", i, s.id(), "b_site", "span \"" + s.id() + "\" joins site \"" + s.aSite()
                        + "\" to itself", "name the two sites the cable joins."));
            }
            nonNegativeAt(s.lengthKm(), "Spans", i, s.id(), "length_km", out);
            nonNegativeAt(s.lossDbPerKm(), "Spans", i, s.id(), "loss_db_per_km", out);
            nonNegativeAt(s.connectorLossDb(), "Spans", i, s.id(), "connector_loss_db", out);
            if (s.fiberPairs() < 1) {
                out.add(problem("Spans", i, s.id(), "fiber_pairs", "fiber_pairs must be 1 or more, got "
                        + s.fiberPairs(), "give the fiber pairs of the cable the plan may use."));
            }
        }
    }

    private boolean knownSite(Span s, int i, String site, String column, Set<String> known, String where,
                              List<InputProblem> out) {
        if (known.contains(site)) {
            return true;
        }
        out.add(problem("Spans", i, s.id(), column, "unknown site \"" + site + "\"", "add it to " + where
                + " or correct the id" + suggestion(site, List.copyOf(known)) + "."));
        return false;
    }

    private void wdmEquipment(List<WdmEquipment> items, List<InputProblem> out) {
        duplicates("WdmEquipment", items, WdmEquipment::id, "item_id", out);
        for (int i = 0; i < items.size(); i++) {
            WdmEquipment e = items.get(i);
            if (e.kind() == WdmKind.MUX) {
                if (e.channels() < 1) {
                    out.add(problem("WdmEquipment", i, e.id(), "channels", "MUX \"" + e.id()
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
        }
    }

    /** With spans, COHERENT optics may ride DWDM channels and need their OSNR data. */
    private void coherentData(List<Optic> optics, List<InputProblem> out) {
        for (int i = 0; i < optics.size(); i++) {
            Optic o = optics.get(i);
            if (o.kind() != OpticKind.COHERENT) {
                continue;
            }
            CoherentSpec c = o.coherent();
            if (c == null || Double.isNaN(c.requiredOsnrDb())) {
                out.add(problem("Optics", i, o.id(), "required_osnr_db", "coherent optic \"" + o.id()
                        + "\" has no required_osnr_db", "give the back-to-back OSNR it needs (0.1 nm, before "
                        + "margin), e.g. 24 dB for 400ZR (reference README section 4)."));
                continue;
            }
            if (Double.isNaN(c.spacingGhz())) {
                out.add(problem("Optics", i, o.id(), "spacing_ghz", "coherent optic \"" + o.id()
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

    private void settings(Settings s, List<InputProblem> out) {
        positive(s.pue(), "Settings", "pue", "value", 0, out, "PUE is at least 1.0, typically 1.1 to 1.6.");
        nonNegative(s.energyUsdPerKwh(), "Settings", "energy_usd_per_kwh", out);
        nonNegative(s.years(), "Settings", "years", out);
        nonNegative(s.usdPerWatt(), "Settings", "usd_per_watt", out);
        positive(s.timeLimitS(), "Settings", "time_limit_s", "value", 0, out, "give seconds, e.g. 60.");
        nonNegative(s.relativeGap(), "Settings", "relative_gap", out);
        if (s.threads() < 0) {
            out.add(problem("Settings", 0, "threads", "value", "threads must be 0 (all cores) or more, got "
                    + s.threads(), null));
        }
        nonNegative(s.intraRackM(), "Settings", "intra_rack_m", out);
        nonNegative(s.interRackSlackM(), "Settings", "inter_rack_slack_m", out);
        nonNegative(s.osnrMarginDb(), "Settings", "osnr_margin_db", out);
        if (!Double.isNaN(s.gridStartThz()) && (s.gridStartThz() <= 0
                || s.gridStartThz() >= io.fabricplan.model.OpticalRules.C_BAND_END_THZ)) {
            out.add(problem("Settings", 0, "grid_start_thz", "value", "grid_start_thz must be below "
                    + num(io.fabricplan.model.OpticalRules.C_BAND_END_THZ) + " THz, got " + num(s.gridStartThz()),
                    "use 191.3 for the whole C band."));
        }
        if (s.maxChannels() < 0) {
            out.add(problem("Settings", 0, "max_channels", "value", "max_channels must be 0 (derived from the grid)"
                    + " or more, got " + s.maxChannels(), null));
        }
    }

    private void racks(List<Rack> racks, List<InputProblem> out) {
        duplicates("Racks", racks, Rack::id, "rack_id", out);
        for (int i = 0; i < racks.size(); i++) {
            Rack r = racks.get(i);
            positive(r.powerBudgetKw(), "Racks", r.id(), "power_budget_kw", i, out, null);
            nonNegativeAt(r.baseLoadKw(), "Racks", i, r.id(), "base_load_kw", out);
            if (r.freeU() < 0) {
                out.add(problem("Racks", i, r.id(), "free_u", "free_u must be 0 or more, got " + r.freeU(), null));
            }
        }
    }

    private void switchModels(List<SwitchModel> models, List<InputProblem> out) {
        duplicates("SwitchModels", models, SwitchModel::id, "model_id", out);
        for (int i = 0; i < models.size(); i++) {
            SwitchModel m = models.get(i);
            if (m.ports() <= 0) {
                out.add(problem("SwitchModels", i, m.id(), "ports", "ports must be a positive whole number, got "
                        + m.ports(), null));
            }
            positive(m.portGbps(), "SwitchModels", m.id(), "port_gbps", i, out, null);
            nonNegativeAt(m.basePowerW(), "SwitchModels", i, m.id(), "base_power_w", out);
            nonNegativeAt(m.portPowerW(), "SwitchModels", i, m.id(), "port_power_w", out);
            nonNegativeAt(m.costUsd(), "SwitchModels", i, m.id(), "cost_usd", out);
            if (m.heightU() < 0) {
                out.add(problem("SwitchModels", i, m.id(), "height_u", "height_u must be 0 or more, got "
                        + m.heightU(), null));
            }
            if (m.packaging() == Packaging.CPO && m.cpoPmd() == null) {
                out.add(problem("SwitchModels", i, m.id(), "cpo_pmd", "CPO model \"" + m.id()
                        + "\" has no cpo_pmd", "give the optical PMD of its ports, e.g. DR."));
            }
        }
    }

    private void optics(List<Optic> optics, List<InputProblem> out) {
        duplicates("Optics", optics, Optic::id, "optic_id", out);
        for (int i = 0; i < optics.size(); i++) {
            Optic o = optics.get(i);
            positive(o.gbps(), "Optics", o.id(), "gbps", i, out, null);
            nonNegativeAt(o.reachM(), "Optics", i, o.id(), "reach_m", out);
            nonNegativeAt(o.powerW(), "Optics", i, o.id(), "power_w", out);
            nonNegativeAt(o.costUsd(), "Optics", i, o.id(), "cost_usd", out);
            nonNegativeAt(o.fiberUsdPerM(), "Optics", i, o.id(), "fiber_usd_per_m", out);
        }
    }

    private void devices(List<Device> devices, InstanceIndex index, List<InputProblem> out) {
        duplicates("Devices", devices, Device::id, "device_id", out);
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            rackOf(d, i, index, out);
            if (d.isSwitch()) {
                if (!index.hasFamily(d.family())) {
                    out.add(problem("Devices", i, d.id(), "family", "unknown switch family \"" + d.family() + "\"",
                            "add its models to SwitchModels or use one of "
                                    + index.instance().switchModels().stream().map(SwitchModel::family).distinct()
                                    .collect(Collectors.joining(", ")) + "."));
                } else if (index.candidateModels(d).isEmpty()) {
                    out.add(problem("Devices", i, d.id(), "packaging", "family " + d.family() + " has no "
                            + d.packaging() + " model", "set packaging to AUTO or add such a model."));
                }
            } else if (d.role() != Role.SERVER && d.role() != Role.OTHER) {
                out.add(problem("Devices", i, d.id(), "family", d.role() + " \"" + d.id() + "\" has no family",
                        "name the SwitchModels family it is built from."));
            } else {
                if (d.ports() <= 0) {
                    out.add(problem("Devices", i, d.id(), "ports", "device \"" + d.id()
                            + "\" needs a positive number of ports, got " + d.ports(), "give its NIC ports."));
                }
                positive(d.portGbps(), "Devices", d.id(), "port_gbps", i, out, "give the rate of a NIC port.");
            }
        }
    }

    /** A device stands in a known rack; a switch may instead name candidate racks for the optimiser. */
    private void rackOf(Device d, int i, InstanceIndex index, List<InputProblem> out) {
        List<String> known = index.instance().racks().stream().map(Rack::id).toList();
        if (d.rackId() != null) {
            if (index.rack(d.rackId()) == null) {
                out.add(problem("Devices", i, d.id(), "rack_id", "unknown rack \"" + d.rackId() + "\"",
                        "add it to the Racks sheet or correct the id" + suggestion(d.rackId(), known) + "."));
            }
            return;
        }
        if (d.candidateRacks().isEmpty()) {
            out.add(problem("Devices", i, d.id(), "rack_id", "device \"" + d.id() + "\" has no rack_id",
                    "name one of the racks of the Racks sheet" + (d.isSwitch()
                            ? ", or candidate_racks (e.g. N1;N2) for the optimiser to choose from." : ".")));
            return;
        }
        if (!d.isSwitch()) {
            out.add(problem("Devices", i, d.id(), "rack_id", "server \"" + d.id() + "\" has candidate_racks but "
                    + "no rack_id; only switches are placed by the optimiser", "give its rack_id."));
            return;
        }
        for (String candidate : d.candidateRacks()) {
            if (index.rack(candidate) == null) {
                out.add(problem("Devices", i, d.id(), "candidate_racks", "unknown candidate rack \"" + candidate
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

    private void links(List<Link> links, InstanceIndex index, List<InputProblem> out) {
        duplicates("Links", links, Link::id, "link_id", out);
        Settings settings = index.settings();
        SiteGraph graph = index.instance().hasSpans() ? new SiteGraph(index.instance().spans()) : null;
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            boolean ok = true;
            ok &= knownDevice(l, i, l.aDevice(), "a_device", index, out);
            ok &= knownDevice(l, i, l.bDevice(), "b_device", index, out);
            if (ok && l.aDevice().equals(l.bDevice())) {
                out.add(problem("Links", i, l.id(), "b_device", "link \"" + l.id() + "\" joins \"" + l.aDevice()
                        + "\" to itself", null));
                ok = false;
            }
            if (l.count() <= 0) {
                out.add(problem("Links", i, l.id(), "count", "count must be a positive whole number, got "
                        + l.count(), null));
            }
            ok &= positive(l.gbps(), "Links", l.id(), "gbps", i, out, null);
            if (l.lengthM() != null) {
                ok &= nonNegativeAt(l.lengthM(), "Links", i, l.id(), "length_m", out);
            }
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
            if (Double.isNaN(length) && graph != null) {
                double routeM = shortestRouteM(aRacks, bRacks, graph);
                if (Double.isNaN(routeM)) {
                    out.add(problem("Links", i, l.id(), "link_id", "no route from site \"" + aRacks.get(0).siteId()
                            + "\" to site \"" + bRacks.get(0).siteId() + "\" over the Spans sheet",
                            "add a span (or a chain of spans) between the two sites to Spans, correct the racks' "
                                    + "site_id, or give the link's length_m."));
                    continue;
                }
                if (servedByDwdm(l, ends(a, index), ends(b, index), index)) {
                    continue;
                }
                length = routeM;
            }
            if (Double.isNaN(length)) {
                out.add(problem("Links", i, l.id(), "length_m", "link \"" + l.id() + "\" joins site \""
                        + aRacks.get(0).siteId() + "\" to site \"" + bRacks.get(0).siteId()
                        + "\" and has no length_m", "give the cable route length in length_m."));
                continue;
            }
            String why = whyNoOption(l, length, ends(a, index), ends(b, index), a, b, index);
            if (why != null) {
                out.add(problem("Links", i, l.id(), "link_id", "no interconnect can serve link \"" + l.id() + "\": "
                        + why, hintFor(why)));
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
     * whatever the distance (whether the OSNR holds is the plan's matter, and the checker's).
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

    private static List<LinkEnd> ends(Device d, InstanceIndex index) {
        if (!d.isSwitch()) {
            return List.of(LinkEnd.of(d));
        }
        return index.candidateModels(d).stream().map(LinkEnd::of).toList();
    }

    /** Null when some option serves the link for some choice of models at its ends; else why none can. */
    static String whyNoOption(Link l, double length, List<LinkEnd> aEnds, List<LinkEnd> bEnds, Device a, Device b,
                              InstanceIndex index) {
        if (aEnds.isEmpty() || bEnds.isEmpty()) {
            return null; // the device's missing models are reported on the device
        }
        List<Optic> rated = index.instance().optics().stream().filter(o -> FabricRules.rateMatches(o, l)).toList();
        if (rated.isEmpty()) {
            return "no optic runs at " + num(l.gbps()) + " Gb/s";
        }
        List<Optic> reaching = rated.stream().filter(o -> FabricRules.reaches(o, length)).toList();
        if (reaching.isEmpty()) {
            Optic longest = rated.stream().max((x, y) -> Double.compare(x.reachM(), y.reachM())).orElseThrow();
            return "it is " + num(length) + " m long, too long for every " + num(l.gbps())
                    + " Gb/s option (longest reach " + num(longest.reachM()) + " m, " + longest.id() + ")";
        }
        for (LinkEnd ea : aEnds) {
            for (LinkEnd eb : bEnds) {
                for (Optic o : reaching) {
                    if (FabricRules.endAccepts(o, ea) && FabricRules.endAccepts(o, eb)) {
                        return null;
                    }
                }
            }
        }
        List<String> reasons = new ArrayList<>();
        String names = reaching.stream().map(o -> o.id() + (o.pmd() == null ? "" : " (" + o.kind() + " " + o.pmd()
                + (o.lpo() ? ", LPO" : "") + ")")).collect(Collectors.joining(", "));
        describeEnd(a, aEnds, reasons);
        describeEnd(b, bEnds, reasons);
        return String.join("; ", reasons) + "; options of " + num(l.gbps()) + " Gb/s that reach " + num(length)
                + " m: " + names;
    }

    private static void describeEnd(Device d, List<LinkEnd> ends, List<String> reasons) {
        if (ends.stream().allMatch(e -> e.packaging() == Packaging.CPO)) {
            reasons.add("CPO end at " + d.id() + " takes only TRANSCEIVER with pmd "
                    + ends.stream().map(LinkEnd::cpoPmd).distinct().collect(Collectors.joining("/")));
        } else if (ends.stream().noneMatch(LinkEnd::lpoCapable)) {
            reasons.add(d.id() + " is not LPO-capable");
        }
    }

    private static String hintFor(String why) {
        if (why.startsWith("no optic runs")) {
            return "add an optic of that rate to the Optics sheet or correct the link's gbps.";
        }
        if (why.contains("too long")) {
            return "add a longer-reach option (FR, LR) to Optics, move the racks closer, or correct length_m.";
        }
        return "set the switch's packaging to AUTO or PLUGGABLE, or add a transceiver of the CPO port's PMD.";
    }

    private boolean knownDevice(Link l, int i, String deviceId, String column, InstanceIndex index,
                                List<InputProblem> out) {
        if (index.device(deviceId) != null) {
            return true;
        }
        out.add(problem("Links", i, l.id(), column, "unknown device \"" + deviceId + "\"",
                "add it to the Devices sheet or correct the id" + suggestion(deviceId,
                        index.instance().devices().stream().map(Device::id).toList()) + "."));
        return false;
    }

    private <T> void duplicates(String sheet, List<T> items, Function<T, String> id, String column,
                                List<InputProblem> out) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String key = id.apply(items.get(i));
            if (key == null || key.isBlank()) {
                out.add(problem(sheet, i, key, column, column + " is blank", "give every row an id."));
                continue;
            }
            Integer at = first.putIfAbsent(key, i);
            if (at != null) {
                out.add(problem(sheet, i, key, column, "duplicate " + column + " \"" + key + "\", first at "
                        + locator.locate(sheet, at, key, column), "give every row its own id."));
            }
        }
    }

    private boolean positive(double value, String sheet, String id, String column, int index,
                             List<InputProblem> out, String hint) {
        if (Double.isNaN(value) || value > 0) {
            return !Double.isNaN(value);
        }
        out.add(problem(sheet, index, id, column, fieldName(sheet, id, column) + " must be a positive number, got "
                + num(value), hint));
        return false;
    }

    /** Settings rows are named by their key; other sheets by their column. */
    private static String fieldName(String sheet, String id, String column) {
        return "Settings".equals(sheet) ? id : column;
    }

    private boolean nonNegativeAt(double value, String sheet, int index, String id, String column,
                                  List<InputProblem> out) {
        if (Double.isNaN(value) || value >= 0) {
            return !Double.isNaN(value);
        }
        out.add(problem(sheet, index, id, column, column + " must be 0 or more, got " + num(value), null));
        return false;
    }

    private void nonNegative(double value, String sheet, String key, List<InputProblem> out) {
        if (!Double.isNaN(value) && value < 0) {
            out.add(problem(sheet, 0, key, "value", key + " must be 0 or more, got " + num(value), null));
        }
    }

    private InputProblem problem(String sheet, int index, String id, String column, String message, String hint) {
        return new InputProblem(locator.locate(sheet, index, id, column), message, hint);
    }

    /** ", e.g. \"n1\"" for the closest known id, by edit distance, or "" when none is close. */
    static String suggestion(String wrong, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = editDistance(wrong.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(1, wrong.length() / 3) ? " (did you mean \"" + best + "\"?)"
                : "";
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    private static int editDistance(String s, String t) {
        int[][] d = new int[s.length() + 1][t.length() + 1];
        for (int i = 0; i <= s.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= t.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            for (int j = 1; j <= t.length(); j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[s.length()][t.length()];
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
