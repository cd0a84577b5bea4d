package io.fabricplan.formulations;

import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.Objective;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random small fabrics of the default catalog for the property-based cross-checks: a few racks (tight and loose
 * budgets, little or ample free rack units, floor positions whose distances sit on the catalog's reach limits),
 * AUTO/CPO/PLUGGABLE switches of families SW51T and SW102T (fixed, or placed among candidate racks), servers with
 * NIC ports (some LPO-capable), some of them identical twins, and links of 400G or 800G, some parallel
 * (count &gt; 1), some with a length override exactly at, just under or a metre over an option's reach.
 *
 * <p>A fabric is drawn as specs whose references are indices taken modulo the list they point into, so that
 * jqwik's shrinking (fewer racks, devices or links, smaller numbers) always leaves a well-formed instance.
 * {@link Fabric#toString()} draws the instance in a few lines, which is what a failing property reports.
 */
final class RandomFabrics {
    /**
     * Floor x positions (m). With the inter-rack slack of 4 m a link between racks x apart is {@code |dx| + 4}
     * long: 1 m apart gives 5 m (acc800's reach), 3 m 7 m (aec800's), 4 m 8 m (a metre over), 46 m 50 m (SR),
     * 47 m 51 m, 96 m 100 m (AOC), 97 m 101 m.
     */
    static final int[] X_POSITIONS = {0, 1, 3, 4, 46, 47, 96, 97};
    /** Reach limits of the 400G and 800G options of the default catalog, for length overrides. */
    static final double[] REACHES = {2, 5, 7, 50, 100, 500, 2000, 10000};
    /** A length override is a reach plus one of these: just under, exactly at, a metre over. */
    static final double[] REACH_OFFSETS = {0, -0.5, 1};
    static final String[] FAMILIES = {"SW51T", "SW102T"};
    /** Every rack's base load, kW. */
    static final double BASE_LOAD_KW = 10;
    /** A loose rack's headroom above its base load, kW. */
    static final double LOOSE_HEADROOM_KW = 40;

    private RandomFabrics() {
    }

    /**
     * A rack. Tight racks have {@code headroom100W x 100 W} above their base load (a 51.2T switch alone draws
     * 1,300 W), loose ones {@link #LOOSE_HEADROOM_KW}.
     */
    record RackSpec(int xSlot, int y, boolean tight, int headroom100W, int freeU) {
        double budgetKw() {
            return BASE_LOAD_KW + (tight ? headroom100W / 10.0 : LOOSE_HEADROOM_KW);
        }

        double xM() {
            return X_POSITIONS[xSlot % X_POSITIONS.length];
        }
    }

    /**
     * {@code copies} identical switches: fixed in rack {@code rack}, or (placed) the optimiser picks among the racks
     * whose bit is set in {@code candidateMask} (rack {@code rack} when none is).
     */
    record SwitchSpec(int family, PackagingChoice packaging, boolean placed, int rack, int candidateMask,
                      int copies) {
    }

    /**
     * {@code copies} identical servers with {@code ports} NIC ports of {@code gbps} (mostly 16-48, enough; a fifth
     * 1-8, often too few).
     */
    record ServerSpec(int rack, int ports, int gbps, boolean lpo, int copies) {
    }

    /**
     * {@code count} parallel links of {@code gbps} between every copy of spec {@code a} and every copy of spec
     * {@code b} (indices into switches then servers); {@code reach} &lt; 0 derives the length from the racks, else
     * the override is {@code REACHES[reach] + REACH_OFFSETS[offset]}. Copies joined alike are the twin classes the
     * aggregated formulation merges.
     */
    record LinkSpec(int a, int b, int count, int gbps, int reach, int offset) {
    }

    /** A drawn fabric: the objective and the specs. */
    record Fabric(Objective objective, int usdPerWatt, List<RackSpec> racks, List<SwitchSpec> switches,
                  List<ServerSpec> servers, List<LinkSpec> links) {

        /** The instance these specs describe (ids R0.., sw0.., s0.., l0..). */
        Instance instance() {
            Settings d = Settings.defaults();
            Settings settings = new Settings(objective, d.energyUsdPerKwh(), d.pue(), d.years(), usdPerWatt,
                    d.timeLimitS(), d.relativeGap(), d.solver(), d.threads(), d.seed(), d.intraRackM(),
                    d.interRackSlackM());
            List<Rack> rackList = new ArrayList<>();
            for (int i = 0; i < racks.size(); i++) {
                RackSpec r = racks.get(i);
                rackList.add(new Rack("R" + i, null, r.xM(), r.y(), r.budgetKw(), BASE_LOAD_KW, r.freeU()));
            }
            List<Device> devices = new ArrayList<>();
            List<List<Device>> units = new ArrayList<>();
            for (int i = 0; i < switches.size(); i++) {
                SwitchSpec s = switches.get(i);
                String family = FAMILIES[s.family() % FAMILIES.length];
                List<Device> copies = new ArrayList<>();
                for (int c = 0; c < s.copies(); c++) {
                    String id = "sw" + i + copySuffix(c);
                    copies.add(s.placed()
                            ? Device.placedSwitch(id, Role.LEAF, family, s.packaging(), candidates(s, racks.size()))
                            : Device.switchOf(id, Role.LEAF, family, s.packaging(), rackId(s.rack())));
                }
                units.add(copies);
            }
            for (int i = 0; i < servers.size(); i++) {
                ServerSpec s = servers.get(i);
                List<Device> copies = new ArrayList<>();
                for (int c = 0; c < s.copies(); c++) {
                    copies.add(Device.server("s" + i + copySuffix(c), rackId(s.rack()), s.ports(), s.gbps(),
                            s.lpo()));
                }
                units.add(copies);
            }
            units.forEach(devices::addAll);
            List<Link> linkList = new ArrayList<>();
            for (int i = 0; i < links.size() && units.size() >= 2; i++) {
                LinkSpec l = links.get(i);
                int[] ends = ends(l, units.size());
                int k = 0;
                for (Device a : units.get(ends[0])) {
                    for (Device b : units.get(ends[1])) {
                        linkList.add(new Link("l" + i + copySuffix(k++), a.id(), b.id(), l.count(), l.gbps(),
                                lengthM(l)));
                    }
                }
            }
            return new Instance(settings, rackList, DefaultCatalog.switchModels(), devices, linkList,
                    DefaultCatalog.optics());
        }

        /** True when some switch is placed by the optimiser (the reference formulation does not place). */
        boolean places() {
            return switches.stream().anyMatch(SwitchSpec::placed);
        }

        private String rackId(int rack) {
            return "R" + Math.floorMod(rack, racks.size());
        }

        /** The instance in a few lines: what a failing property prints, and what a regression test draws. */
        @Override
        public String toString() {
            Instance instance = instance();
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%n  objective %s%s", objective,
                    objective == Objective.WEIGHTED ? ", usd_per_watt " + usdPerWatt : ""));
            for (Rack r : instance.racks()) {
                s.append(String.format(Locale.ROOT, "%n  rack %s at (%s, %s): budget %s kW, base %s kW, %d U free",
                        r.id(), num(r.xM()), num(r.yM()), num(r.powerBudgetKw()), num(r.baseLoadKw()), r.freeU()));
            }
            for (Device d : instance.devices()) {
                s.append(String.format(Locale.ROOT, "%n  %s", d.isSwitch()
                        ? "switch " + d.id() + " " + d.family() + " " + d.packaging() + (d.isPlaced()
                        ? " placed in one of " + String.join(";", d.candidateRacks()) : " in " + d.rackId())
                        : "server " + d.id() + " in " + d.rackId() + ", " + d.ports() + " x " + num(d.portGbps())
                        + "G" + (d.lpoCapable() ? ", LPO-capable" : "")));
            }
            for (Link l : instance.links()) {
                s.append(String.format(Locale.ROOT, "%n  link %s %s -- %s: %d x %sG%s", l.id(), l.aDevice(),
                        l.bDevice(), l.count(), num(l.gbps()), l.lengthM() == null ? "" : ", " + num(l.lengthM())
                                + " m"));
            }
            return s.toString();
        }
    }

    /** "", "b", "c" ... for copy 0, 1, 2 ... */
    static String copySuffix(int copy) {
        return copy == 0 ? "" : String.valueOf((char) ('a' + copy));
    }

    /** Distinct indices of the device specs a link joins, among {@code n >= 2} specs. */
    static int[] ends(LinkSpec l, int n) {
        int a = Math.floorMod(l.a(), n);
        int b = Math.floorMod(l.b(), n);
        return new int[] {a, b == a ? (a + 1) % n : b};
    }

    static Double lengthM(LinkSpec l) {
        return l.reach() < 0 ? null
                : REACHES[l.reach() % REACHES.length] + REACH_OFFSETS[l.offset() % REACH_OFFSETS.length];
    }

    static List<String> candidates(SwitchSpec s, int racks) {
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < racks; r++) {
            if ((s.candidateMask() >> r & 1) == 1) {
                ids.add("R" + r);
            }
        }
        return ids.isEmpty() ? List.of("R" + Math.floorMod(s.rack(), racks)) : ids;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v)
                .replaceAll("0+$", "");
    }

    /** Racks: 1-4. About half tight (500 W to 4 kW of headroom), free rack units 0-6. */
    static Arbitrary<RackSpec> racks() {
        return racks(5);
    }

    private static Arbitrary<RackSpec> racks(int leastHeadroom100W) {
        return Combinators.combine(Arbitraries.integers().between(0, X_POSITIONS.length - 1),
                        Arbitraries.integers().between(0, 2), Arbitraries.of(false, true),
                        Arbitraries.integers().between(leastHeadroom100W, 40), Arbitraries.integers().between(0, 6))
                .as(RackSpec::new);
    }

    static Arbitrary<SwitchSpec> switches() {
        return Combinators.combine(Arbitraries.integers().between(0, FAMILIES.length - 1),
                        Arbitraries.of(PackagingChoice.AUTO, PackagingChoice.PLUGGABLE, PackagingChoice.CPO),
                        Arbitraries.of(false, true), Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 15), copies())
                .as(SwitchSpec::new);
    }

    static Arbitrary<ServerSpec> servers() {
        return servers(Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers().between(1, 8)),
                Tuple.of(4, Arbitraries.integers().between(16, 48))));
    }

    private static Arbitrary<ServerSpec> servers(Arbitrary<Integer> ports) {
        return Combinators.combine(Arbitraries.integers().between(0, 3), ports, Arbitraries.of(800, 400),
                        Arbitraries.of(false, true), copies())
                .as(ServerSpec::new);
    }

    /** Links: most with lengths from the racks, a third with an override at a reach limit. */
    /** Mostly one device per spec, sometimes two or three twins. */
    static Arbitrary<Integer> copies() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(1)),
                Tuple.of(1, Arbitraries.integers().between(2, 3)));
    }

    static Arbitrary<LinkSpec> links() {
        Arbitrary<Integer> reach = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(-1)),
                Tuple.of(1, Arbitraries.integers().between(0, REACHES.length - 1)));
        return Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 8),
                        Arbitraries.integers().between(1, 4), Arbitraries.of(800, 400), reach,
                        Arbitraries.integers().between(0, REACH_OFFSETS.length - 1))
                .as(LinkSpec::new);
    }

    /** Small fabrics: 1-4 racks, 0-3 switch specs, 1-5 server specs (each 1-3 twins), 1-8 link specs, any objective. */
    static Arbitrary<Fabric> fabrics() {
        return fabrics(racks(), 0, servers());
    }

    /**
     * Small fabrics that mostly have a plan with links and switches: 1-3 switch specs, servers with enough NIC ports
     * and tight racks with at least 1.5 kW of headroom (a 51.2T switch's base power and some optics).
     */
    static Arbitrary<Fabric> plannableFabrics() {
        return fabrics(racks(15), 1, servers(Arbitraries.integers().between(16, 48)));
    }

    private static Arbitrary<Fabric> fabrics(Arbitrary<RackSpec> racks, int leastSwitches,
                                             Arbitrary<ServerSpec> servers) {
        return Combinators.combine(Arbitraries.of(Objective.values()), Arbitraries.integers().between(0, 50),
                        racks.list().ofMinSize(1).ofMaxSize(4), switches().list().ofMinSize(leastSwitches).ofMaxSize(3),
                        servers.list().ofMinSize(1).ofMaxSize(5), links().list().ofMinSize(1).ofMaxSize(8))
                .as(Fabric::new);
    }

}
