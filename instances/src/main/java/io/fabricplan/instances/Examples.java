package io.fabricplan.instances;

import io.fabricplan.model.CompatibilityRule;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.Objective;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import io.fabricplan.model.StockItem;
import io.fabricplan.model.SwitchModel;
import io.fabricplan.study.OverrideTarget;
import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The example instances shipped in {@code instances/examples/}, built in code so they can be rebuilt
 * ({@link ExampleWorkbooks} writes them). All use the default catalog and switch models seeded from the
 * reference figures.
 */
public final class Examples {
    /** Family of the 51.2T switches (64 x 800G, pluggable or CPO) of the default catalog. */
    public static final String SW51T = "SW51T";
    /** Power of one DGX H100 node in kW. */
    public static final double DGX_H100_KW = 10.2;

    private Examples() {
    }

    /** Every example by its file name (without .xlsx). */
    public static List<Named> all() {
        return List.of(new Named("tiny", tiny()), new Named("superpod-4su", superpod4su()),
                new Named("cpo-tight-rack", cpoTightRack()), new Named("infeasible-rack", infeasibleRack()),
                new Named("campus-dwdm", campusDwdm()), new Named("dci-ring", dciRing()),
                new Named("superpod-4su-study", superpod4suStudyInstance(), superpod4suStudy()),
                new Named("refresh-stock", refreshStock()), new Named("compatibility", compatibility()),
                new Named("superpod-4su-pluggable", superpod4suPluggable()));
    }

    /** An example, its file name, and its scenarios when it is a study (empty otherwise). */
    public record Named(String name, Instance instance, List<Scenario> scenarios) {
        public Named {
            scenarios = List.copyOf(scenarios);
        }

        public Named(String name, Instance instance) {
            this(name, instance, List.of());
        }

        public boolean isStudy() {
            return !scenarios.isEmpty();
        }
    }

    /** The study's base: superpod-4su with a 20 s limit per scenario (the hardest take about 2 s). */
    public static Instance superpod4suStudyInstance() {
        Instance base = superpod4su();
        Settings s = base.settings();
        return base.withSettings(new Settings(s.objective(), s.energyUsdPerKwh(), s.pue(), s.years(), s.usdPerWatt(),
                20, s.relativeGap(), s.solver(), s.threads(), s.seed(), s.intraRackM(), s.interRackSlackM(),
                s.osnrMarginDb(), s.gridStartThz(), s.maxChannels()));
    }

    /**
     * Where co-packaged optics start to pay on superpod-4su: the energy price (0.05 to 0.30 USD/kWh) against the
     * CPO switches' premium over today's catalogue price (x1.0, x1.1, x1.2) and the network racks' budget (20 kW,
     * or 16 kW), 24 scenarios; and one more that asks for the capex-power front at a 20 % premium.
     */
    public static List<Scenario> superpod4suStudy() {
        OverrideTarget energy = OverrideTarget.parse("energy_usd_per_kwh");
        OverrideTarget premium = OverrideTarget.parse("SwitchModels[packaging=CPO].cost_usd *");
        OverrideTarget budget = OverrideTarget.parse("Racks[base_load_kw=0].power_budget_kw");
        List<Scenario> out = new ArrayList<>();
        int row = 2;
        for (double kw : new double[] {20, 16}) {
            for (double factor : new double[] {1.0, 1.1, 1.2}) {
                for (double price : new double[] {0.05, 0.10, 0.20, 0.30}) {
                    String id = String.format(Locale.ROOT, "e%.2f-cpo%.1f-net%.0fkW", price, factor, kw);
                    out.add(new Scenario(id, "", List.of(OverrideValue.of(energy, price, "Scenarios!D" + row),
                            OverrideValue.of(premium, factor, "Scenarios!E" + row),
                            OverrideValue.of(budget, kw, "Scenarios!F" + row)), false, "Scenarios!A" + row));
                    row++;
                }
            }
        }
        out.add(new Scenario("front-cpo1.2", "the capex-power front at a 20 % CPO premium", List.of(
                OverrideValue.of(energy, 0.10, "Scenarios!D" + row), OverrideValue.of(premium, 1.2, "Scenarios!E" + row),
                OverrideValue.of(budget, 20, "Scenarios!F" + row)), true, "Scenarios!A" + row));
        return out;
    }

    /**
     * A handful of links whose optimum the README works out by hand.
     *
     * <pre>
     *   R1 (0,0) network rack          R2 (3,0) servers           R3 (26,0) network rack
     *   +--------+   7 m each          +-------+                  +---------+
     *   | leaf1  |---------------------| s1 s2 |      30 m x 2    | spine1  |
     *   |        |=====================================================|         |
     *   +--------+                     +-------+                  +---------+
     * </pre>
     * s1-leaf1 and s2-leaf1 at 800G over 7 m; leaf1-spine1 twice at 800G over 30 m. Objective TCO.
     */
    public static Instance tiny() {
        List<Rack> racks = List.of(
                new Rack("R1", "main", 0, 0, 10, 0, 20),
                new Rack("R2", "main", 3, 0, 30, 20, 0),
                new Rack("R3", "main", 26, 0, 10, 0, 20));
        List<Device> devices = List.of(
                Device.switchOf("leaf1", Role.LEAF, SW51T, PackagingChoice.AUTO, "R1"),
                Device.switchOf("spine1", Role.SPINE, SW51T, PackagingChoice.AUTO, "R3"),
                Device.server("s1", "R2", 1, 800, false),
                Device.server("s2", "R2", 1, 800, false));
        List<Link> links = List.of(
                new Link("s1-leaf1", "s1", "leaf1", 1, 800, null),
                new Link("s2-leaf1", "s2", "leaf1", 1, 800, null),
                new Link("leaf1-spine1", "leaf1", "spine1", 2, 800, null));
        return new Instance(Settings.defaults(), racks, DefaultCatalog.switchModels(), devices, links,
                DefaultCatalog.optics());
    }

    /**
     * 1,024 GPUs laid out like a DGX H100 SuperPOD of 4 scalable units (SUs): 128 nodes of 8 GPUs, 4 nodes per
     * rack (41 kW racks), a rail-optimised fat tree of 32 leaf and 16 spine switches at 400G.
     *
     * <pre>
     *  y=0.0   SU1: S S S S [N] S S S S     S = server rack (4 nodes, 40.8 kW)
     *  y=2.4   SU2: S S S S [N] S S S S     N = middle-of-row network rack: the SU's 8 leaves (one per rail)
     *  y=4.8   SU3: S S S S [N] S S S S     racks 0.6 m apart, rows 2.4 m apart (1.2 m rack + 1.2 m aisle)
     *  y=7.2   SU4: S S S S [N] S S S S
     *
     *  y=40    spine row: [SP1] [SP2] at x=1.2 and x=12.0, 8 spines each
     * </pre>
     * Every node links each of its 8 NICs (400G) to its SU's leaf of that rail; every leaf links twice to every
     * spine (32 x 400G up, 32 x 400G down: non-blocking).
     */
    public static Instance superpod4su() {
        int sus = 4;
        int racksPerRow = 8;
        int nodesPerRack = 4;
        int rails = 8;
        int spines = 16;
        double pitch = 0.6;
        double rowPitch = 2.4;
        List<Rack> racks = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int su = 1; su <= sus; su++) {
            double y = (su - 1) * rowPitch;
            String network = "N" + su;
            racks.add(new Rack(network, "main", 4 * pitch, y, 20, 0, 42));
            for (int rail = 1; rail <= rails; rail++) {
                devices.add(Device.switchOf(leaf(su, rail), Role.LEAF, SW51T, PackagingChoice.AUTO, network));
            }
            int node = 0;
            for (int r = 0; r < racksPerRow; r++) {
                double x = (r < racksPerRow / 2 ? r : r + 1) * pitch;
                String rackId = String.format(Locale.ROOT, "S%d-%d", su, r + 1);
                racks.add(new Rack(rackId, "main", x, y, 42, nodesPerRack * DGX_H100_KW, 0));
                for (int n = 0; n < nodesPerRack; n++) {
                    node++;
                    String server = String.format(Locale.ROOT, "dgx%d-%02d", su, node);
                    devices.add(Device.server(server, rackId, rails, 400, false));
                    for (int rail = 1; rail <= rails; rail++) {
                        links.add(new Link(server + "-r" + rail, server, leaf(su, rail), 1, 400, null));
                    }
                }
            }
        }
        racks.add(new Rack("SP1", "main", 1.2, 40, 20, 0, 42));
        racks.add(new Rack("SP2", "main", 12.0, 40, 20, 0, 42));
        for (int s = 1; s <= spines; s++) {
            devices.add(Device.switchOf("spine" + s, Role.SPINE, SW51T, PackagingChoice.AUTO, s <= spines / 2 ? "SP1"
                    : "SP2"));
        }
        for (int su = 1; su <= sus; su++) {
            for (int rail = 1; rail <= rails; rail++) {
                for (int s = 1; s <= spines; s++) {
                    links.add(new Link(leaf(su, rail) + "-spine" + s, leaf(su, rail), "spine" + s, 2, 400, null));
                }
            }
        }
        return new Instance(Settings.defaults(), racks, DefaultCatalog.switchModels(), devices, links,
                DefaultCatalog.optics());
    }

    /**
     * superpod-4su as a DGX H100 SuperPOD is built and cabled today: every switch pluggable (51.2T, 800G OSFP
     * cages), the Optics of {@link DefaultCatalog#opticsWithBreakouts()} (twin-port 2xSR4/2xDR4/2xFR4 modules whose
     * 400G halves face the NICs' 400G modules, 800G-to-2x400G DAC/AOC), and network racks of 16 kW, where a
     * breakout AOC's whole power at the switch end counts.
     */
    public static Instance superpod4suPluggable() {
        Instance base = superpod4su();
        List<Device> devices = base.devices().stream().map(d -> !d.isSwitch() ? d : new Device(d.id(), d.role(),
                d.family(), PackagingChoice.PLUGGABLE, d.rackId(), d.ports(), d.portGbps(), d.lpoCapable(),
                d.candidateRacks(), d.installedModel(), d.platform())).toList();
        List<Rack> racks = base.racks().stream().map(r -> r.baseLoadKw() == 0 ? new Rack(r.id(), r.siteId(), r.xM(),
                r.yM(), 16, r.baseLoadKw(), r.freeU()) : r).toList();
        return base.withDevices(devices).withRacks(racks).withOptics(DefaultCatalog.opticsWithBreakouts());
    }

    /** The leaves of superpod-4su standing there today (pluggable 51.2T): rails 1-4 of every SU. */
    static boolean installedLeaf(int rail) {
        return rail <= 4;
    }

    /**
     * A refresh of {@link #superpod4su()}: half its leaves (rails 1-4 of every SU, 16 switches) stand there today
     * as pluggable sw51-p, kept at no capex or replaced for 2,500 USD of labour each; 1,000 400G DR4 modules are in
     * stock (re-cabling 25 USD a module), and the CPO switch ships at most 8 units this quarter.
     */
    public static Instance refreshStock() {
        Instance base = superpod4su();
        List<Device> devices = base.devices().stream().map(d -> {
            if (d.role() == Role.LEAF && installedLeaf(Integer.parseInt(d.id().substring(d.id().indexOf('-') + 1)))) {
                return d.withInstalledModel("sw51-p");
            }
            return d;
        }).toList();
        List<SwitchModel> models = base.switchModels().stream()
                .map(m -> m.id().equals("sw51-cpo") ? m.withMaxBuy(8) : m).toList();
        return base.withDevices(devices).withSwitchModels(models)
                .withSettings(base.settings().withLabour(2_500, 25))
                .withInventory(List.of(new StockItem("dr4_400", 1_000, "from the decommissioned hall B")));
    }

    /**
     * Two switch families whose optics are qualified differently: leaves of the 51.2T family (vendor A) and
     * spines of the 102.4T family (vendor B), 16 servers with a {@code CX7} NIC platform.
     *
     * <pre>
     *   L1..L4 (x = 0, 2, 4, 6): a leaf and 4 servers (2 x 800G each) per rack
     *   SP (x = 3, y = 20): two spines; every leaf has 4 x 800G to each spine
     * </pre>
     * Compatibility: vendor A (SW51T) runs every optic; vendor B (SW102T) refuses AOCs and SR modules and runs DR,
     * FR and linear (LPO) modules with third-party coding at 60 USD a module; the CX7 NIC takes AOC, SR and DR
     * modules (no FR or LPO rows). Objective TCO.
     */
    public static Instance compatibility() {
        List<Rack> racks = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        racks.add(new Rack("SP", "main", 3, 20, 20, 0, 42));
        devices.add(Device.switchOf("spine1", Role.SPINE, "SW102T", PackagingChoice.PLUGGABLE, "SP"));
        devices.add(Device.switchOf("spine2", Role.SPINE, "SW102T", PackagingChoice.PLUGGABLE, "SP"));
        for (int r = 1; r <= 4; r++) {
            String rackId = "L" + r;
            String leaf = "leaf" + r;
            racks.add(new Rack(rackId, "main", 2 * (r - 1), 0, 60, 4 * DGX_H100_KW, 10));
            devices.add(Device.switchOf(leaf, Role.LEAF, SW51T, PackagingChoice.AUTO, rackId));
            for (int n = 1; n <= 4; n++) {
                String server = String.format(Locale.ROOT, "gpu%d-%d", r, n);
                devices.add(Device.server(server, rackId, 2, 800, false).withPlatform("CX7"));
                links.add(new Link(server + "-" + leaf, server, leaf, 2, 800, null));
            }
            for (int s = 1; s <= 2; s++) {
                links.add(new Link(leaf + "-spine" + s, leaf, "spine" + s, 4, 800, null));
            }
        }
        List<CompatibilityRule> rules = new ArrayList<>();
        for (String optic : List.of("aoc800", "sr8_800", "dr8_800", "fr4x2_800", "lpo_800")) {
            rules.add(new CompatibilityRule(optic, SW51T, true, 0));
        }
        rules.add(new CompatibilityRule("aoc800", "SW102T", false, 0));
        rules.add(new CompatibilityRule("sr8_800", "SW102T", false, 0));
        rules.add(new CompatibilityRule("dr8_800", "SW102T", true, 60));
        rules.add(new CompatibilityRule("fr4x2_800", "SW102T", true, 60));
        rules.add(new CompatibilityRule("lpo_800", "SW102T", true, 60));
        rules.add(new CompatibilityRule("aoc800", "CX7", true, 0));
        rules.add(new CompatibilityRule("sr8_800", "CX7", true, 0));
        rules.add(new CompatibilityRule("dr8_800", "CX7", true, 0));
        return new Instance(Settings.defaults(), racks, DefaultCatalog.switchModels(), devices, links,
                DefaultCatalog.optics()).withCompatibility(rules);
    }

    private static String leaf(int su, int rail) {
        return "leaf" + su + "-" + rail;
    }

    /**
     * A network rack so tight that only CPO fits: leaf1 in N1 serves 32 servers over 20 to 30 m at 800G, objective
     * COST. The cheapest links are AOCs on a pluggable leaf (13 W per end), which would put 1.72 kW into N1; its
     * budget is 1.60 kW. A CPO leaf draws 5.5 W per port instead (1.48 kW) and the servers take DR modules.
     *
     * <pre>
     *   N1 (0,0): leaf1, budget 1.60 kW       C1..C4 (x = 8, 10, 12, 14; y = 8): 8 servers each, 800G NIC
     * </pre>
     */
    public static Instance cpoTightRack() {
        return leafRack(1.6, Objective.COST);
    }

    /**
     * The same fabric with N1's budget at 1.40 kW: even a CPO leaf needs 1.48 kW there, so no plan exists; the
     * planner says so and by how much.
     */
    public static Instance infeasibleRack() {
        return leafRack(1.4, Objective.COST);
    }

    private static Instance leafRack(double networkRackKw, Objective objective) {
        List<Rack> racks = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        racks.add(new Rack("N1", "main", 0, 0, networkRackKw, 0, 4));
        devices.add(Device.switchOf("leaf1", Role.LEAF, SW51T, PackagingChoice.AUTO, "N1"));
        for (int c = 1; c <= 4; c++) {
            String rackId = "C" + c;
            racks.add(new Rack(rackId, "main", 6 + 2 * c, 8, 90, 80, 0));
            for (int n = 1; n <= 8; n++) {
                String server = String.format(Locale.ROOT, "gpu%d-%d", c, n);
                devices.add(Device.server(server, rackId, 1, 800, false));
                links.add(new Link(server + "-leaf1", server, "leaf1", 1, 800, null));
            }
        }
        Settings settings = Settings.defaults().withObjective(objective);
        return new Instance(settings, racks, DefaultCatalog.switchModels(), devices, links, DefaultCatalog.optics());
    }

    /** Buildings of {@link #campusDwdm()}, in ring order. */
    private static final String[] CAMPUS_BUILDINGS = {"A", "B", "C", "D"};
    /** Lengths in km of the ring's spans A-B, B-C, C-D, D-A. */
    private static final double[] CAMPUS_SPANS_KM = {1.2, 1.6, 1.4, 1.8};

    /**
     * A campus of four buildings on a ring of fiber spans, 96 inter-building 800G links: where grey optics run out
     * of fiber and DWDM takes the rest.
     *
     * <pre>
     *            s-AB 1.2 km
     *     [A] ================ [B]        every span: 12 fiber pairs (a 24-fiber cable)
     *      ||                   ||        each building: 4 leaves (N rack), 2 spines (S rack), 32 servers
     * s-DA 1.8 km          s-BC 1.6 km    (one 800G NIC each, 8 per leaf), leaf-spine 4 x 800G
     *      ||                   ||
     *     [D] ================ [C]        every spine links 4 x 800G to each spine of every other building:
     *            s-CD 1.4 km              16 cables per building pair, 96 in all; A-C and B-D cross 2 spans
     * </pre>
     * All-grey needs at least 128 fiber pairs of span (16 direct on each span, 2 x 16 x 2 for the diagonals),
     * the ring has 48: it does not fit. DWDM shares a pair among 32 channels of 800ZR (150 GHz) but costs about
     * four times as much per cable. The line equipment is the default catalog's plus a 4.5 dB (typical) 32-channel
     * AWG: with it one 800ZR lightpath may pass a building (DEMUX + MUX) and still meet 27 + 2 dB OSNR; with the
     * 6 dB one it may not. Objective TCO.
     */
    public static Instance campusDwdm() {
        List<Rack> racks = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        List<io.fabricplan.model.Site> sites = new ArrayList<>();
        for (String b : CAMPUS_BUILDINGS) {
            sites.add(new io.fabricplan.model.Site(b, "building " + b));
            racks.add(new Rack(b + "-N", b, 0, 0, 20, 0, 42));
            racks.add(new Rack(b + "-S", b, 6, 0, 20, 0, 42));
            for (int l = 1; l <= 4; l++) {
                String leaf = b + "-leaf" + l;
                devices.add(Device.switchOf(leaf, Role.LEAF, SW51T, PackagingChoice.AUTO, b + "-N"));
                String rackId = String.format(Locale.ROOT, "%s-G%d", b, l);
                racks.add(new Rack(rackId, b, 2.4 * l, 4, 90, 8 * DGX_H100_KW, 0));
                for (int n = 1; n <= 8; n++) {
                    String server = String.format(Locale.ROOT, "%s-gpu%d-%d", b, l, n);
                    devices.add(Device.server(server, rackId, 1, 800, false));
                    links.add(new Link(server + "-" + leaf, server, leaf, 1, 800, null));
                }
                for (int s = 1; s <= 2; s++) {
                    links.add(new Link(leaf + "-" + b + "-spine" + s, leaf, b + "-spine" + s, 4, 800, null));
                }
            }
            for (int s = 1; s <= 2; s++) {
                devices.add(Device.switchOf(b + "-spine" + s, Role.SPINE, SW51T, PackagingChoice.AUTO, b + "-S"));
            }
        }
        for (int i = 0; i < CAMPUS_BUILDINGS.length; i++) {
            for (int j = i + 1; j < CAMPUS_BUILDINGS.length; j++) {
                for (int si = 1; si <= 2; si++) {
                    for (int sj = 1; sj <= 2; sj++) {
                        String a = CAMPUS_BUILDINGS[i] + "-spine" + si;
                        String b = CAMPUS_BUILDINGS[j] + "-spine" + sj;
                        links.add(new Link(a + "~" + b, a, b, 4, 800, null));
                    }
                }
            }
        }
        List<io.fabricplan.model.Span> spans = new ArrayList<>();
        for (int i = 0; i < CAMPUS_BUILDINGS.length; i++) {
            String a = CAMPUS_BUILDINGS[i];
            String b = CAMPUS_BUILDINGS[(i + 1) % CAMPUS_BUILDINGS.length];
            spans.add(new io.fabricplan.model.Span("s-" + a + b, a, b, CAMPUS_SPANS_KM[i], 12));
        }
        List<io.fabricplan.model.WdmEquipment> wdm = new ArrayList<>(DefaultCatalog.wdmEquipment());
        wdm.add(io.fabricplan.model.WdmEquipment.mux("awg32-150-typ", 32, 150, 4.5, 0, 4000,
                "reference README 4: AWG insertion loss 4.5 dB typical (of 6.0 dB max), 32 ch @ 150 GHz for 800ZR; "
                        + "athermal so 0 W; price estimate"));
        Instance fabric = new Instance(Settings.defaults(), racks, DefaultCatalog.switchModels(), devices, links,
                DefaultCatalog.dwdmOptics());
        return fabric.withDwdm(sites, spans, wdm);
    }

    /**
     * Eight data-centre sites S0..S7 on a metro ring of 3, 7 and 11 km spans with four 9 km chords S_i-S_(i+4),
     * 16 fiber pairs per span; one spine per site (pluggable SW51T) and four 400G links between every two spines:
     * 112 cables over 28 site pairs, up to 3 spans apart. Grey 400G reaches 10 km (LR4); beyond that, or when the
     * fiber is taken, 400ZR / ZR+ channels through the default AWGs and EDFAs. Objective TCO.
     * <pre>
     *      S0 - S1 - S2 - S3
     *      |   chords S0-S4, S1-S5, S2-S6, S3-S7
     *      S7 - S6 - S5 - S4
     * </pre>
     * Past the DWDM layer's per-channel limit, so it plans per-span loads and assigns channels after the solve.
     */
    public static Instance dciRing() {
        int n = 8;
        List<Rack> racks = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        List<io.fabricplan.model.Site> sites = new ArrayList<>();
        List<io.fabricplan.model.Span> spans = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String s = "S" + i;
            sites.add(new io.fabricplan.model.Site(s, "data centre " + i));
            racks.add(new Rack(s + "-R", s, 0, 0, 40, 0, 20));
            devices.add(Device.switchOf("sp" + i, Role.SPINE, SW51T, PackagingChoice.PLUGGABLE, s + "-R"));
            spans.add(new io.fabricplan.model.Span("s" + i, s, "S" + ((i + 1) % n), 3 + i % 3 * 4, 16));
            if (i < n / 2) {
                spans.add(new io.fabricplan.model.Span("d" + i, s, "S" + (i + n / 2), 9, 16));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                links.add(new Link("l" + i + "-" + j, "sp" + i, "sp" + j, 4, 400, null));
            }
        }
        return new Instance(Settings.defaults(), racks, DefaultCatalog.switchModels(), devices, links,
                DefaultCatalog.dwdmOptics()).withDwdm(sites, spans, DefaultCatalog.wdmEquipment());
    }
}
