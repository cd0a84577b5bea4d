package io.fabricplan.instances;

import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.Media;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import io.fabricplan.model.Site;
import io.fabricplan.model.Span;
import io.fabricplan.model.StockItem;
import io.fabricplan.model.SwitchModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates rail-optimised fat-tree instances of any size, laid out like a DGX SuperPOD, in well under a second
 * for a thousand GPUs and a few seconds for 131,072.
 *
 * <h2>Topology</h2>
 * Every switch is of one family; its radix {@code R} is counted at the NIC rate: {@code ports x port_gbps /
 * nic_gbps} (SW51T: 64 x 800G = 128 ports of 400G; SW102T at 800G: 128). A leaf has {@code d = R o / (o + 1)}
 * ports down and {@code u = R / (o + 1)} up, {@code o} being the oversubscription ({@code R} must be a multiple of
 * {@code o + 1}).
 * <ul>
 * <li>A <b>scalable unit</b> (SU) is {@code d} nodes of {@code g} GPUs (one NIC port per GPU) on {@code g} rail
 * leaves: leaf {@code r} of the SU links to NIC {@code r} of each of its nodes (one Links row per node and rail,
 * count 1). The GPU count is rounded up to whole SUs: {@code SUs = ceil(N / (d g))}.</li>
 * <li><b>2 tiers</b>: {@code L = SUs x g} leaves, {@code S = ceil(L u / R)} spines. Each leaf spreads its
 * {@code u} uplinks over all spines, {@code floor(u / S)} or one more to each (one Links row per leaf-spine pair,
 * with {@code count}); the extra links rotate so every spine has at most {@code R} ports in use. Every leaf must
 * reach every spine, so {@code S <= u}: at most {@code floor(R / g)} SUs, i.e. {@code floor(R / g) d g} GPUs
 * ({@code R^2 / 2} non-blocking with {@code g | R}: 8,192 for SW51T at 400G or SW102T at 800G).</li>
 * <li><b>3 tiers</b>: a pod is {@code floor(R / 2 / g)} SUs ({@code Lp} leaves) with {@code ceil(Lp u / (R/2))}
 * spines, spread as above; a spine uses as many ports up as down (so spines are non-blocking). Spine {@code i} of
 * every pod links to core plane {@code i}; the {@code Cp = ceil(max plane uplinks / R)} cores of a plane share
 * its spines' uplinks evenly. The last pod may hold fewer SUs. At most {@code R} pods.</li>
 * </ul>
 * With 131,072 GPUs, 8-GPU nodes and 800G NICs on SW102T (R = 128): 256 SUs of 64 nodes, 32 pods, 2,048 leaves,
 * 2,048 spines, 64 planes of 16 cores = 1,024 cores, and 3 x 131,072 = 393,216 cables.
 *
 * <h2>Floor plan</h2>
 * Racks stand 0.6 m apart in rows 2.4 m apart (1.2 m rack depth and a 1.2 m aisle), coordinates in metres. An SU
 * takes {@code ceil(d / nodes_per_rack)} server racks in {@code ceil(racks / 16)} rows; each row has a
 * middle-of-row network rack ({@code N<row>}) holding the leaves of the rails that row carries. Rows stand in
 * columns ({@code (racks per row + 1) x 0.6 m + 3 m} wide) so that each hall is about square. Behind the server
 * rows (3.6 m further) come the spine racks ({@code SP<k>}) and then the core racks ({@code CO<k>}), 16 switches
 * each, in rows as wide as the hall. Link lengths inside a hall come from the coordinates (Manhattan distance plus
 * the Settings' slack).
 *
 * <p>With {@code --halls H} the SUs (2 tiers) or pods (3 tiers) are split into {@code H} halls, {@value
 * #HALL_SEPARATION_M} m apart, each with its own coordinates and {@code site_id} {@code hall1..hallH}. 2-tier
 * spines and 3-tier core planes are spread over the halls; the links that cross halls get {@code length_m} =
 * Manhattan distance of the racks (in their halls' coordinates) + {@value #HALL_SEPARATION_M} m per hall apart +
 * the Settings' slack.
 *
 * <h2>Halls over fiber spans</h2>
 * With {@link GeneratorOptions#withHallSpans} ({@code --hall-spans}) and at least 2 halls, the halls are sites
 * {@code hall1..hallH} (a {@code Sites} row each) joined by a ring of {@code Spans} hall1-hall2-...-hallH-hall1
 * ({@code s-hall1-hall2}, ...; a single span for 2 halls), every span {@code span_km} long (default 2 km) with
 * the same {@code fiber_pairs}. The links between halls get no {@code length_m}: the planner routes each of their
 * cables over the spans, grey or as a DWDM lightpath. {@code WdmEquipment} is {@link DefaultCatalog#wdmEquipment()}
 * and the optics {@link DefaultCatalog#dwdmOptics()} (the coherent ones with their OSNR data). Unless given, the
 * fiber pairs are sized on the busiest span, the cables of each pair of halls taking the shorter way round the
 * ring (half each way between opposite halls): half its cables between neighbouring halls, rounded up, plus all
 * its cables between halls that are not neighbours (a lightpath passing a hall may miss its OSNR: 800ZR does with
 * the default 6 dB AWGs, so those may have to go grey). All-grey does not fit, grey + DWDM does, so the optimiser
 * trades grey optics on their own fiber pairs against coherent optics sharing one through MUXes. With 2 or 3
 * halls every pair are neighbours: half the cables over each span.
 * For the rack budgets an end of a link between halls counts as the most power-hungry coherent optic of the rate
 * (or the grey one that reaches the shorter way round, if more), so every grey/DWDM mix fits.
 *
 * <h2>Rack budgets</h2>
 * <ul>
 * <li>Server racks: base load = nodes x node kW (10.2 kW for 8 GPUs, scaled by {@code g / 8}), varied by up to
 * &plusmn;1 % with the seed; budget = {@code max(rack_kw, base + margin)}, margin = the larger of 1.2 kW and the
 * rack's NIC ends all with the most power-hungry non-coherent option of the rate, so every plan's server side
 * fits (41 kW racks of 4 DGX at 40.8 kW get 42 kW).</li>
 * <li>Network racks: base load 0; budget = the sum over its switches of {@code low + 0.5 (pluggable - low)},
 * where {@code pluggable} is the switch's pluggable model with the lowest-power single-mode transceiver that
 * reaches each of its links, and {@code low} the CPO model's power (if every link is within the reach of the
 * CPO port's PMD) or else {@code pluggable}; rounded up to 0.1 kW. All-CPO fits, all-pluggable does not: the
 * optimiser has to choose which switches go CPO. (A 16-switch SW51T spine rack at 400G: about 33 kW.)</li>
 * <li>free_u: 2 U per switch the rack nominally holds (the family's height).</li>
 * </ul>
 *
 * <h2>Placement</h2>
 * With {@link GeneratorOptions.Placement#FREE} switches have no rack but candidate racks: a leaf its row's
 * middle-of-row rack and those of the neighbouring rows of its hall; a spine or core its nominal rack and the
 * neighbouring racks of the same role in its hall. Along each such chain of racks the even ones get room (free_u
 * and budget) for a quarter more switches and the odd ones for a quarter fewer, so not every switch fits where it
 * would be fixed; the budget per switch is the largest of the rack's and its neighbours' (+2 %).
 *
 * <h2>Supply</h2>
 * With {@link GeneratorOptions#withSupply} the fabric is a partial refresh (workbook v2); the floor, links and
 * budgets stay as without it. {@code installedFraction} of the leaves, rounded to whole leaves, get {@code
 * installed_model} = the family's PLUGGABLE model: spread evenly over the scalable units (SU {@code s} of {@code
 * S} gets {@code floor((s+1) n / S) - floor(s n / S)} of the {@code n}), in each SU the leaves of its first rails.
 * Each {@code stock} item is an Inventory row; each {@code maxBuy} item sets the {@code max_buy} of that optic or
 * switch model of the catalog; the Settings get {@code switch_swap_usd} and {@code recable_usd}. Without supply
 * the instance has none of them.
 *
 * <h2>Breakouts</h2>
 * With {@link GeneratorOptions#withBreakouts} ({@code --breakouts}) the Optics are followed by {@link
 * DefaultCatalog#breakoutOptics()}: twin-port 800G modules (2xSR4, 2xDR4, 2xFR4) whose 400G halves face the 400G
 * modules, a single-port 800G DR4 and the 1.6T 2xDR4 facing it, and 800G-to-2x400G DAC and AOC breakout cables.
 * A twin-port module or the wide end of a breakout cable needs a switch port of its whole rate, so with the
 * default families (800G ports) they serve 400G links: with {@code --nic-gbps 400} a leaf may carry twin-port
 * modules facing the servers' 400G modules (as the switches of a DGX H100 SuperPOD do), and switch-to-switch links
 * twin-port modules at both ends. At 800G no twin-port module or breakout cable fits an 800G port (the 1.6T one
 * needs 1.6T ports): only the single-port 800G DR4 is new, and the generator warns. Nothing else changes: the
 * floor, links and rack budgets are those without breakouts (computed with the single-port modules, which draw
 * at least as much per link as the twin-port ones, so all-CPO still fits and all-pluggable still does not).
 *
 * <p>Everything else is deterministic; the seed only varies the server base loads. Settings are the defaults
 * (objective TCO, time limit 60 s), with the supply's labour figures.
 */
public final class FabricGenerator {
    /** Distance between two neighbouring halls, in metres. */
    public static final double HALL_SEPARATION_M = 200;
    /** Switches a spine or core rack holds. */
    public static final int SWITCHES_PER_NETWORK_RACK = 16;
    /** Server racks a row holds at most. */
    public static final int MAX_SERVER_RACKS_PER_ROW = 16;
    /** Power of an 8-GPU node in kW. */
    public static final double NODE_KW_PER_8_GPUS = Examples.DGX_H100_KW;
    /** Rack pitch along a row, in metres. */
    public static final double RACK_PITCH_M = 0.6;
    /** Row pitch (rack depth and aisle), in metres. */
    public static final double ROW_PITCH_M = 2.4;
    static final double COLUMN_AISLE_M = 3.0;
    static final double NETWORK_AISLE_M = 3.6;
    static final double SERVER_MARGIN_KW = 1.2;
    static final double PLUGGABLE_SHARE = 0.5;

    private final GeneratorOptions o;
    private final Settings settings = Settings.defaults();
    private final List<String> warnings = new ArrayList<>();
    // topology
    private int radix;
    private int down;
    private int up;
    private int tiers;
    private int sus;
    private int susPerPod;
    private int pods;
    private int switchHeightU;
    private SwitchModel pluggableModel;
    private SwitchModel cpoModel;
    private double cpoEndW;
    private double cpoReachM;
    private List<Optic> smfModules;
    // built
    private final List<RackSpec> racks = new ArrayList<>();
    private final List<SwitchSpec> switches = new ArrayList<>();
    private final List<Device> servers = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private long cables;
    private int serverRacks;
    // halls over spans
    private boolean hallSpans;
    private long[][] hallCables;
    private double coherentEndW;

    private FabricGenerator(GeneratorOptions options) {
        this.o = options;
    }

    /** Builds the instance. Throws IllegalArgumentException (with a "Maybe ..." line) if it cannot be built. */
    public static GeneratedFabric generate(GeneratorOptions options) {
        return new FabricGenerator(options).build();
    }

    private GeneratedFabric build() {
        size();
        hallCables = new long[o.halls()][o.halls()];
        int[] suHall = new int[sus];
        int[] podHall = new int[pods];
        for (int p = 0; p < pods; p++) {
            podHall[p] = (int) ((long) p * o.halls() / pods);
        }
        for (int s = 0; s < sus; s++) {
            suHall[s] = tiers == 2 ? (int) ((long) s * o.halls() / sus) : podHall[s / susPerPod];
        }
        SwitchSpec[][] leaves = new SwitchSpec[sus][o.gpusPerNode()];
        List<List<RackSpec>> moRsByHall = new ArrayList<>();
        double[] hallWidth = new double[o.halls()];
        double[] hallDepth = new double[o.halls()];
        SplittableRandom random = new SplittableRandom(o.seed());
        int row = 0;
        for (int h = 0; h < o.halls(); h++) {
            List<RackSpec> moRs = new ArrayList<>();
            moRsByHall.add(moRs);
            row = serverHall(h, suHall, leaves, moRs, hallWidth, hallDepth, random, row);
        }
        List<List<RackSpec>> networkChains = new ArrayList<>();
        int[] rackCounter = {0, 0};
        if (tiers == 2) {
            twoTier(leaves, hallWidth, hallDepth, networkChains, rackCounter);
        } else {
            threeTier(leaves, podHall, hallWidth, hallDepth, networkChains, rackCounter);
        }
        for (List<RackSpec> moRs : moRsByHall) {
            networkChains.add(moRs);
        }
        budgets(networkChains);
        if (hallSpans) {
            warnUnreachable();
        }
        if (o.supply() != null) {
            markInstalled(leaves);
        }
        if (o.breakouts()) {
            warnUnusableBreakouts();
        }
        return new GeneratedFabric(instance(), sizing(), warnings);
    }

    private void size() {
        List<SwitchModel> models = GeneratorOptions.models(o.switchFamily());
        pluggableModel = models.stream().filter(m -> m.packaging() == Packaging.PLUGGABLE).findFirst().orElse(null);
        cpoModel = models.stream().filter(m -> m.packaging() == Packaging.CPO).findFirst().orElse(null);
        SwitchModel reference = pluggableModel != null ? pluggableModel : cpoModel;
        double capacity = reference.ports() * reference.portGbps();
        for (SwitchModel m : models) {
            GeneratorOptions.require(m.ports() * m.portGbps() == capacity, "the models of family " + o.switchFamily()
                    + " differ in capacity", "use a family whose models all have the same ports and rate.");
        }
        GeneratorOptions.require(capacity % o.nicGbps() == 0 && reference.portGbps() % o.nicGbps() == 0,
                o.switchFamily() + " ports (" + GeneratorOptions.num(reference.portGbps()) + "G) cannot be split into "
                        + o.nicGbps() + "G links", "use --nic-gbps " + GeneratorOptions.num(reference.portGbps()) + ".");
        radix = (int) (capacity / o.nicGbps());
        switchHeightU = models.stream().mapToInt(SwitchModel::heightU).max().orElse(2);
        int os = o.oversubscription();
        GeneratorOptions.require(radix % (os + 1) == 0, "--oversubscription " + os + " does not split the "
                        + radix + " ports of " + o.switchFamily() + " at " + o.nicGbps() + "G evenly (" + radix
                        + " is not a multiple of " + (os + 1) + ")",
                "use an oversubscription o with " + radix + " a multiple of o + 1, e.g. 1, 3 or 7.");
        down = radix * os / (os + 1);
        up = radix / (os + 1);
        int g = o.gpusPerNode();
        long gpusPerSu = (long) down * g;
        sus = (int) ((o.gpus() + gpusPerSu - 1) / gpusPerSu);
        int maxSus2 = radix / g;
        susPerPod = radix / 2 / g;
        long max2 = (long) maxSus2 * gpusPerSu;
        long max3 = (long) radix * susPerPod * gpusPerSu;
        String family = o.switchFamily();
        String bigger = family.equals("SW51T") ? "--switch-family SW102T" : "a family with more ports";
        if (o.tiers() == 2) {
            GeneratorOptions.require(sus <= maxSus2, String.format(Locale.ROOT, "%,d GPUs do not fit in 2 tiers of %s "
                            + "at %dG with oversubscription %d: at most %,d GPUs (%d ports per switch)", o.gpus(),
                    family, o.nicGbps(), os, max2, radix), "use --tiers 3, or " + bigger + ".");
            tiers = 2;
        } else if (o.tiers() == 3 || sus > maxSus2) {
            GeneratorOptions.require(susPerPod >= 1, "a pod of " + family + " at " + o.nicGbps() + "G has "
                    + radix / 2 + " leaf ports per spine, fewer than " + g + " rails", "use fewer --gpus-per-node.");
            GeneratorOptions.require(sus <= (long) radix * susPerPod, String.format(Locale.ROOT, "%,d GPUs do not fit "
                    + "in 3 tiers of %s at %dG with oversubscription %d: at most %,d GPUs", o.gpus(), family,
                    o.nicGbps(), os, max3), "use " + bigger + ", a higher --oversubscription, or several fabrics.");
            tiers = 3;
        } else {
            tiers = 2;
        }
        pods = tiers == 2 ? 1 : (sus + susPerPod - 1) / susPerPod;
        int units = tiers == 2 ? sus : pods;
        GeneratorOptions.require(o.halls() <= units, "--halls " + o.halls() + " is more than the " + units
                        + (tiers == 2 ? " scalable units" : " pods") + " to split over halls",
                "use --halls " + units + " or fewer, or more --gpus.");
        hallSpans = o.hallSpans() != null;
        GeneratorOptions.require(!hallSpans || o.halls() >= 2, "--hall-spans needs at least 2 halls, got --halls "
                + o.halls(), "add --halls 2 or more, or leave out --hall-spans.");
        long built = (long) sus * gpusPerSu;
        if (built != o.gpus()) {
            warnings.add(String.format(Locale.ROOT, "--gpus %,d rounded up to %,d GPUs: %d scalable units of %d "
                    + "nodes x %d GPUs", o.gpus(), built, sus, down, g));
        }
        if (tiers == 3 && sus % susPerPod != 0) {
            warnings.add(String.format(Locale.ROOT, "the last pod holds %d of %d scalable units", sus % susPerPod,
                    susPerPod));
        }
        if (o.tiers() == 0 && tiers == 3) {
            warnings.add(String.format(Locale.ROOT, "3 tiers: more than the %,d GPUs 2 tiers of %s at %dG hold",
                    max2, family, o.nicGbps()));
        }
        // per-end figures for the rack budgets
        int rate = o.nicGbps();
        smfModules = DefaultCatalog.optics().stream().filter(x -> x.kind() == OpticKind.TRANSCEIVER && !x.lpo()
                && x.media() == Media.SMF && x.gbps() == rate).sorted((a, b) -> Double.compare(a.powerW(),
                b.powerW())).toList();
        GeneratorOptions.require(!smfModules.isEmpty(), "the default catalog has no single-mode transceiver at "
                + rate + "G", "use --nic-gbps 400 or 800.");
        coherentEndW = DefaultCatalog.dwdmOptics().stream().filter(x -> x.kind() == OpticKind.COHERENT
                && x.gbps() == rate).mapToDouble(Optic::powerW).max().orElse(0);
        GeneratorOptions.require(!hallSpans || coherentEndW > 0, "the default catalog has no coherent optic at "
                + rate + "G for DWDM between halls", "use --nic-gbps 400 or 800.");
        if (cpoModel != null) {
            cpoEndW = cpoModel.portPowerW() * rate / cpoModel.portGbps();
            cpoReachM = smfModules.stream().filter(x -> x.pmd() != null && x.pmd().equalsIgnoreCase(
                    cpoModel.cpoPmd())).mapToDouble(Optic::reachM).max().orElse(-1);
        } else {
            cpoReachM = -1;
        }
    }

    /**
     * Marks {@code installedFraction} of the leaves as standing today: spread evenly over the scalable units, in
     * each the leaves of its first rails.
     */
    private void markInstalled(SwitchSpec[][] leaves) {
        int leafCount = sus * o.gpusPerNode();
        long installed = Math.round(o.supply().installedFraction() * leafCount);
        if (installed == 0) {
            return;
        }
        GeneratorOptions.require(pluggableModel != null, "--installed-fraction: family " + o.switchFamily()
                + " has no PLUGGABLE model to stand installed", "leave out --installed-fraction, or use a family "
                + "with a pluggable model.");
        for (int s = 0; s < sus; s++) {
            long here = (s + 1) * installed / sus - s * installed / sus;
            for (int rail = 0; rail < here; rail++) {
                leaves[s][rail].installed = true;
            }
        }
    }

    /** Lays out the server rows and leaves of one hall; returns the next row number. */
    private int serverHall(int h, int[] suHall, SwitchSpec[][] leaves, List<RackSpec> moRs, double[] hallWidth,
                           double[] hallDepth, SplittableRandom random, int row) {
        int g = o.gpusPerNode();
        int n = o.nodesPerRack();
        int racksPerSu = (down + n - 1) / n;
        int rowsPerSu = (racksPerSu + MAX_SERVER_RACKS_PER_ROW - 1) / MAX_SERVER_RACKS_PER_ROW;
        int perRow = (racksPerSu + rowsPerSu - 1) / rowsPerSu;
        double colWidth = (perRow + 1) * RACK_PITCH_M + COLUMN_AISLE_M;
        int first = -1;
        int count = 0;
        for (int s = 0; s < sus; s++) {
            if (suHall[s] == h) {
                first = first < 0 ? s : first;
                count++;
            }
        }
        int hallRows = count * rowsPerSu;
        int target = (int) Math.ceil(Math.sqrt(hallRows * colWidth / ROW_PITCH_M));
        int rowsPerColumn = Math.min(hallRows, Math.max(rowsPerSu, (target + rowsPerSu - 1) / rowsPerSu * rowsPerSu));
        int columns = (hallRows + rowsPerColumn - 1) / rowsPerColumn;
        hallWidth[h] = columns * colWidth - COLUMN_AISLE_M;
        hallDepth[h] = (rowsPerColumn - 1) * ROW_PITCH_M + ROW_PITCH_M / 2;
        String site = site(h);
        double nodeKw = NODE_KW_PER_8_GPUS * g / 8.0;
        double worstEndW = DefaultCatalog.optics().stream().filter(x -> x.gbps() == o.nicGbps()
                && x.kind() != OpticKind.COHERENT).mapToDouble(x -> x.kind().isAssembly() ? x.powerW() / 2
                : x.powerW()).max().orElse(0);
        int hallRow = 0;
        for (int s = first; s < first + count; s++) {
            String su = Integer.toString(s + 1);
            RackSpec[] rowMoR = new RackSpec[rowsPerSu];
            RackSpec[] suRacks = new RackSpec[racksPerSu];
            for (int k = 0; k < rowsPerSu; k++, hallRow++) {
                row++;
                int column = hallRow / rowsPerColumn;
                double x0 = column * colWidth;
                double y = (hallRow % rowsPerColumn) * ROW_PITCH_M;
                RackSpec moR = new RackSpec("N" + row, h, x0 + (perRow / 2) * RACK_PITCH_M, y);
                rowMoR[k] = moR;
                moRs.add(moR);
                racks.add(moR);
                int firstRack = k * perRow;
                int lastRack = Math.min(racksPerSu, firstRack + perRow);
                for (int r = firstRack; r < lastRack; r++) {
                    int q = r - firstRack;
                    int slot = q < perRow / 2 ? q : q + 1;
                    RackSpec rack = new RackSpec("S" + row + "-" + (q + 1), h, x0 + slot * RACK_PITCH_M, y);
                    int nodesHere = Math.min(n, down - r * n);
                    double base = nodesHere * nodeKw * (1 + 0.01 * (2 * random.nextDouble() - 1));
                    rack.baseKw = Math.round(base * 100) / 100.0;
                    double margin = Math.max(SERVER_MARGIN_KW, nodesHere * g * worstEndW / 1000);
                    rack.budgetKw = ceilTenth(Math.max(o.rackKw(), rack.baseKw + margin));
                    rack.server = true;
                    racks.add(rack);
                    suRacks[r] = rack;
                    serverRacks++;
                }
            }
            for (int rail = 0; rail < g; rail++) {
                RackSpec moR = rowMoR[rail * rowsPerSu / g];
                SwitchSpec leaf = new SwitchSpec("leaf" + su + "-" + (rail + 1), Role.LEAF, moR);
                leaves[s][rail] = leaf;
            }
            for (int i = 0; i < down; i++) {
                RackSpec rack = suRacks[i / n];
                String node = "n" + su + "-" + (i + 1);
                servers.add(Device.server(node, rack.id, g, o.nicGbps(), false));
                for (int rail = 0; rail < g; rail++) {
                    link(node + "-r" + (rail + 1), node, rack, null, leaves[s][rail], 1);
                }
            }
        }
        return row;
    }

    private void twoTier(SwitchSpec[][] leaves, double[] hallWidth, double[] hallDepth,
                         List<List<RackSpec>> chains, int[] rackCounter) {
        int leafCount = sus * o.gpusPerNode();
        int spineCount = (int) (((long) leafCount * up + radix - 1) / radix);
        SwitchSpec[] spines = new SwitchSpec[spineCount];
        List<List<SwitchSpec>> byHall = new ArrayList<>();
        for (int h = 0; h < o.halls(); h++) {
            byHall.add(new ArrayList<>());
        }
        for (int s = 0; s < spineCount; s++) {
            spines[s] = new SwitchSpec("spine" + (s + 1), Role.SPINE, null);
            byHall.get((int) ((long) s * o.halls() / spineCount)).add(spines[s]);
        }
        for (int h = 0; h < o.halls(); h++) {
            chains.add(networkRacks(byHall.get(h), h, "SP", 0, hallWidth[h], hallDepth[h], rackCounter));
        }
        int offset = 0;
        for (SwitchSpec[] suLeaves : leaves) {
            for (SwitchSpec leaf : suLeaves) {
                offset = spread(leaf, up, spines, offset);
            }
        }
    }

    private void threeTier(SwitchSpec[][] leaves, int[] podHall, double[] hallWidth, double[] hallDepth,
                           List<List<RackSpec>> chains, int[] rackCounter) {
        int g = o.gpusPerNode();
        int half = radix / 2;
        List<SwitchSpec[]> podSpines = new ArrayList<>();
        List<List<SwitchSpec>> spinesByHall = new ArrayList<>();
        for (int h = 0; h < o.halls(); h++) {
            spinesByHall.add(new ArrayList<>());
        }
        int planes = 0;
        for (int p = 0; p < pods; p++) {
            int firstSu = p * susPerPod;
            int podSus = Math.min(susPerPod, sus - firstSu);
            int podLeaves = podSus * g;
            int count = (int) (((long) podLeaves * up + half - 1) / half);
            SwitchSpec[] spines = new SwitchSpec[count];
            for (int i = 0; i < count; i++) {
                spines[i] = new SwitchSpec("spine" + (p + 1) + "-" + (i + 1), Role.SPINE, null);
                spinesByHall.get(podHall[p]).add(spines[i]);
            }
            podSpines.add(spines);
            planes = Math.max(planes, count);
        }
        int[] spineRowsByHall = new int[o.halls()];
        for (int h = 0; h < o.halls(); h++) {
            chains.add(networkRacks(spinesByHall.get(h), h, "SP", 0, hallWidth[h], hallDepth[h], rackCounter));
            spineRowsByHall[h] = rowsOf(spinesByHall.get(h).size(), hallWidth[h]);
        }
        int[] planeUplinks = new int[planes];
        for (int p = 0; p < pods; p++) {
            SwitchSpec[] spines = podSpines.get(p);
            int offset = 0;
            for (int s = p * susPerPod; s < Math.min(sus, (p + 1) * susPerPod); s++) {
                for (SwitchSpec leaf : leaves[s]) {
                    offset = spread(leaf, up, spines, offset);
                }
            }
            for (int i = 0; i < spines.length; i++) {
                planeUplinks[i] += spines[i].downLinks;
            }
        }
        int maxPlane = 0;
        for (int v : planeUplinks) {
            maxPlane = Math.max(maxPlane, v);
        }
        int perPlane = (maxPlane + radix - 1) / radix;
        List<List<SwitchSpec>> coresByHall = new ArrayList<>();
        for (int h = 0; h < o.halls(); h++) {
            coresByHall.add(new ArrayList<>());
        }
        SwitchSpec[][] cores = new SwitchSpec[planes][perPlane];
        for (int i = 0; i < planes; i++) {
            int h = (int) ((long) i * o.halls() / planes);
            for (int j = 0; j < perPlane; j++) {
                cores[i][j] = new SwitchSpec("core" + (i + 1) + "-" + (j + 1), Role.CORE, null);
                coresByHall.get(h).add(cores[i][j]);
            }
        }
        for (int h = 0; h < o.halls(); h++) {
            chains.add(networkRacks(coresByHall.get(h), h, "CO", spineRowsByHall[h], hallWidth[h], hallDepth[h],
                    rackCounter));
        }
        for (int i = 0; i < planes; i++) {
            int offset = 0;
            for (SwitchSpec[] spines : podSpines) {
                if (i < spines.length) {
                    offset = spread(spines[i], spines[i].downLinks, cores[i], offset);
                }
            }
        }
    }

    /** Network racks per row of a hall as wide as {@code width}. */
    private static int racksPerRow(double width) {
        return Math.max(1, (int) Math.floor(width / RACK_PITCH_M + 1e-9) + 1);
    }

    private static int rowsOf(int switchCount, double width) {
        int rackCount = (switchCount + SWITCHES_PER_NETWORK_RACK - 1) / SWITCHES_PER_NETWORK_RACK;
        return (rackCount + racksPerRow(width) - 1) / racksPerRow(width);
    }

    /** Puts the switches into racks of 16 behind the server rows, starting {@code firstRow} network rows back. */
    private List<RackSpec> networkRacks(List<SwitchSpec> members, int h, String prefix, int firstRow, double width,
                                        double depth, int[] counter) {
        List<RackSpec> chain = new ArrayList<>();
        int perRow = racksPerRow(width);
        int counterIndex = prefix.equals("SP") ? 0 : 1;
        for (int i = 0; i < members.size(); i++) {
            int k = i / SWITCHES_PER_NETWORK_RACK;
            if (k == chain.size()) {
                double x = (k % perRow) * RACK_PITCH_M;
                double y = depth + NETWORK_AISLE_M + (firstRow + k / perRow) * ROW_PITCH_M;
                RackSpec rack = new RackSpec(prefix + (++counter[counterIndex]), h, x, y);
                chain.add(rack);
                racks.add(rack);
            }
            members.get(i).rack = chain.get(k);
            chain.get(k).switches.add(members.get(i));
        }
        return chain;
    }

    /**
     * Links {@code lower} to every upper switch with {@code k / uppers} links, plus one more to the {@code k %
     * uppers} uppers starting at {@code offset} (cyclically); returns the offset for the next lower switch, so the
     * extra links rotate and the uppers stay balanced.
     */
    private int spread(SwitchSpec lower, int k, SwitchSpec[] uppers, int offset) {
        int t = uppers.length;
        int base = k / t;
        int extra = k % t;
        for (int j = 0; j < t; j++) {
            int count = base + (Math.floorMod(j - offset, t) < extra ? 1 : 0);
            if (count > 0) {
                SwitchSpec upper = uppers[j];
                link(lower.id + "-" + upper.id, lower.id, lower.rack, lower, upper, count);
                lower.upLinks += count;
            }
        }
        return (offset + extra) % t;
    }

    /** Adds a link from a device in rack {@code aRack} to a switch, counting both ends' power for the budgets. */
    private void link(String id, String a, RackSpec aRack, SwitchSpec aSwitch, SwitchSpec b, int count) {
        double length;
        Double override = null;
        RackSpec bRack = b.rack;
        double endW;
        if (aRack == bRack) {
            length = settings.intraRackM();
            endW = pluggableEndW(length);
        } else if (aRack.hall != bRack.hall && hallSpans) {
            // no length_m: the cables cross the spans, grey or DWDM; budget the ends for either
            hallCables[Math.min(aRack.hall, bRack.hall)][Math.max(aRack.hall, bRack.hall)] += count;
            length = ringHops(aRack.hall, bRack.hall) * o.hallSpans().spanKm() * 1000;
            endW = Math.max(coherentEndW, greyEndW(length));
        } else {
            length = Math.abs(aRack.x - bRack.x) + Math.abs(aRack.y - bRack.y) + settings.interRackSlackM()
                    + HALL_SEPARATION_M * Math.abs(aRack.hall - bRack.hall);
            if (aRack.hall != bRack.hall) {
                hallCables[Math.min(aRack.hall, bRack.hall)][Math.max(aRack.hall, bRack.hall)] += count;
                override = Math.round(length * 10) / 10.0;
                length = override;
            }
            endW = pluggableEndW(length);
        }
        links.add(new Link(id, a, b.id, count, o.nicGbps(), override));
        cables += count;
        b.downLinks += count;
        b.account(length, count, endW);
        if (aSwitch != null) {
            aSwitch.account(length, count, endW);
        }
    }

    /** Spans between two halls the shorter way round the ring. */
    private int ringHops(int a, int b) {
        int d = Math.abs(a - b);
        return Math.min(d, o.halls() - d);
    }

    /** The lowest-power single-mode transceiver's power that reaches {@code length}, or 0 when none does. */
    private double greyEndW(double length) {
        for (Optic x : smfModules) {
            if (x.reachM() + 1e-9 >= length) {
                return x.powerW();
            }
        }
        return 0;
    }

    /**
     * Cables over each span of the ring (index k: hall k+1 to hall k+2, the last back to hall1; one span for 2
     * halls) when every pair of halls takes the shorter way round, half each way (the odd cable clockwise) between
     * opposite halls: {@code [0][k]} those between neighbouring halls, {@code [1][k]} those passing a hall.
     */
    private long[][] spanLoads() {
        int h = o.halls();
        int spanCount = h == 2 ? 1 : h;
        long[][] load = new long[2][spanCount];
        for (int i = 0; i < h; i++) {
            for (int j = i + 1; j < h; j++) {
                long c = hallCables[i][j];
                if (c == 0) {
                    continue;
                }
                if (h == 2) {
                    load[0][0] += c;
                    continue;
                }
                int cw = j - i;
                int ccw = h - cw;
                long clockwise = cw < ccw ? c : cw > ccw ? 0 : (c + 1) / 2;
                for (int k = i; k < j; k++) {
                    load[cw == 1 ? 0 : 1][k] += clockwise;
                }
                for (int k = j; k < i + h; k++) {
                    load[ccw == 1 ? 0 : 1][k % h] += c - clockwise;
                }
            }
        }
        return load;
    }

    /**
     * The fiber pairs of every span: as given, or for the busiest span half its cables between neighbouring halls
     * (rounded up) plus all its cables that pass a hall, at least 1. Those count in full because a lightpath
     * through a hall's DEMUX + MUX may miss its OSNR (800ZR does with the default 6 dB AWGs), so they may have to
     * go grey on a pair of each span; the neighbours' half keeps all-grey from fitting.
     */
    private int fiberPairs() {
        if (!o.hallSpans().autoFiberPairs()) {
            return o.hallSpans().fiberPairs();
        }
        long[][] load = spanLoads();
        long max = 0;
        for (int k = 0; k < load[0].length; k++) {
            max = Math.max(max, (load[0][k] + 1) / 2 + load[1][k]);
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, max));
    }

    /**
     * Warns when no twin-port module or breakout cable of {@link DefaultCatalog#breakoutOptics()} can carry a link:
     * each needs links at its rate per link ({@code gbps / breakout}) and a switch port of its whole rate.
     */
    private void warnUnusableBreakouts() {
        double portGbps = (pluggableModel != null ? pluggableModel : cpoModel).portGbps();
        boolean usable = DefaultCatalog.breakoutOptics().stream().anyMatch(x -> x.isBreakout()
                && Math.abs(x.linkGbps() - o.nicGbps()) < 1e-9 && portGbps + 1e-9 >= x.gbps());
        if (!usable) {
            List<String> ids = DefaultCatalog.breakoutOptics().stream().filter(x -> !x.isBreakout()
                    && x.gbps() == o.nicGbps()).map(Optic::id).toList();
            warnings.add(String.format(Locale.ROOT, "--breakouts at %dG: no twin-port module or breakout cable of "
                            + "the default catalog fits %s's %sG ports (each needs a port of its whole rate, twice the "
                            + "link's); %s", o.nicGbps(), o.switchFamily(), GeneratorOptions.num(portGbps),
                    ids.isEmpty() ? "no new optic serves these links" : "only " + String.join(", ", ids)
                            + " (single-port) is new; use --nic-gbps 400 for twin-port modules at the switches"));
        }
    }

    /** Warns when cables between halls that are not neighbours have no grey optic that reaches. */
    private void warnUnreachable() {
        int h = o.halls();
        for (int i = 0; i < h; i++) {
            for (int j = i + 1; j < h; j++) {
                int hops = ringHops(i, j);
                double km = hops * o.hallSpans().spanKm();
                if (hallCables[i][j] > 0 && hops >= 2 && greyEndW(km * 1000) == 0) {
                    warnings.add(String.format(Locale.ROOT, "no grey %dG optic reaches the %s km between %s and %s: "
                                    + "their %,d cables need lightpaths through %d hall(s), which may miss their OSNR "
                                    + "with the default line equipment", o.nicGbps(), GeneratorOptions.num(km),
                            site(i), site(j), hallCables[i][j], hops - 1));
                    return;
                }
            }
        }
    }

    private long cablesBetweenHalls() {
        long sum = 0;
        for (long[] row : hallCables) {
            for (long c : row) {
                sum += c;
            }
        }
        return sum;
    }

    private double pluggableEndW(double length) {
        for (Optic x : smfModules) {
            if (x.reachM() + 1e-9 >= length) {
                return x.powerW();
            }
        }
        return smfModules.get(smfModules.size() - 1).powerW() * 2; // coherent territory; never in our halls
    }

    private void budgets(List<List<RackSpec>> chains) {
        for (List<RackSpec> chain : chains) {
            int size = chain.size();
            int minNominal = Integer.MAX_VALUE;
            double[] perSwitch = new double[size];
            for (int k = 0; k < size; k++) {
                RackSpec r = chain.get(k);
                minNominal = Math.min(minNominal, r.switches.size());
                double low = 0;
                double plug = 0;
                for (SwitchSpec s : r.switches) {
                    double p = s.pluggableW();
                    double c = s.cpoW();
                    double l = Math.min(p, c);
                    low += l;
                    plug += p;
                }
                perSwitch[k] = r.switches.isEmpty() ? 0 : (low + PLUGGABLE_SHARE * (plug - low)) / r.switches.size();
            }
            boolean free = o.placement() == GeneratorOptions.Placement.FREE;
            int shift = size < 2 ? 0 : minNominal / 4 > 0 ? minNominal / 4 : minNominal >= 2 ? 1 : 0;
            for (int k = 0; k < size; k++) {
                RackSpec r = chain.get(k);
                int nominal = r.switches.size();
                if (!free) {
                    r.capacity = nominal;
                    r.budgetKw = Math.max(0.1, ceilTenth(perSwitch[k] * nominal / 1000));
                    continue;
                }
                r.capacity = nominal + (k % 2 == 0 ? shift : -shift);
                if (k % 2 == 0 && k == size - 1) {
                    r.capacity = nominal; // nobody after it borrows its room
                }
                double worst = perSwitch[k];
                if (k > 0) {
                    worst = Math.max(worst, perSwitch[k - 1]);
                }
                if (k + 1 < size) {
                    worst = Math.max(worst, perSwitch[k + 1]);
                }
                r.budgetKw = Math.max(0.1, ceilTenth(worst * r.capacity * 1.02 / 1000));
                for (SwitchSpec s : r.switches) {
                    s.candidates = new ArrayList<>();
                    s.candidates.add(r.id);
                    if (k > 0) {
                        s.candidates.add(chain.get(k - 1).id);
                    }
                    if (k + 1 < size) {
                        s.candidates.add(chain.get(k + 1).id);
                    }
                }
            }
        }
    }

    private Instance instance() {
        List<Rack> rackList = new ArrayList<>(racks.size());
        for (RackSpec r : racks) {
            int freeU = r.server ? 0 : r.capacity * switchHeightU;
            rackList.add(new Rack(r.id, site(r.hall), round2(r.x), round2(r.y), r.budgetKw, r.baseKw, freeU));
        }
        List<Device> devices = new ArrayList<>(servers.size() + switches.size());
        for (SwitchSpec s : switches) {
            Device d = s.candidates != null
                    ? Device.placedSwitch(s.id, s.role, o.switchFamily(), PackagingChoice.AUTO, s.candidates)
                    : Device.switchOf(s.id, s.role, o.switchFamily(), PackagingChoice.AUTO, s.rack.id);
            devices.add(s.installed ? d.withInstalledModel(pluggableModel.id()) : d);
        }
        devices.addAll(servers);
        return withSupply(plainInstance(rackList, devices));
    }

    /**
     * The instance without supply: exactly what the generator built before supply existed, with the breakout
     * optics after the others when asked for.
     */
    private Instance plainInstance(List<Rack> rackList, List<Device> devices) {
        if (!hallSpans) {
            return new Instance(settings, rackList, DefaultCatalog.switchModels(), devices, links,
                    withBreakouts(DefaultCatalog.optics()));
        }
        List<Site> sites = new ArrayList<>(o.halls());
        for (int h = 0; h < o.halls(); h++) {
            sites.add(new Site(site(h), "hall " + (h + 1)));
        }
        int pairs = fiberPairs();
        List<Span> spans = new ArrayList<>();
        for (int k = 0; k < (o.halls() == 2 ? 1 : o.halls()); k++) {
            String a = site(k);
            String b = site((k + 1) % o.halls());
            spans.add(new Span("s-" + a + "-" + b, a, b, o.hallSpans().spanKm(), pairs));
        }
        return new Instance(settings, rackList, DefaultCatalog.switchModels(), devices, links,
                withBreakouts(DefaultCatalog.dwdmOptics())).withDwdm(sites, spans, DefaultCatalog.wdmEquipment());
    }

    /** The optics, followed by {@link DefaultCatalog#breakoutOptics()} with {@code --breakouts}. */
    private List<Optic> withBreakouts(List<Optic> optics) {
        if (!o.breakouts()) {
            return optics;
        }
        List<Optic> all = new ArrayList<>(optics);
        all.addAll(DefaultCatalog.breakoutOptics());
        return all;
    }

    /** The supply's stock (Inventory rows), max_buy limits and labour; the instance itself without supply. */
    private Instance withSupply(Instance plain) {
        GeneratorOptions.Supply supply = o.supply();
        if (supply == null) {
            return plain;
        }
        Map<String, Integer> maxBuy = supply.maxBuy();
        List<Optic> optics = plain.optics().stream()
                .map(x -> maxBuy.containsKey(x.id()) ? x.withMaxBuy(maxBuy.get(x.id())) : x).toList();
        List<SwitchModel> models = plain.switchModels().stream()
                .map(m -> maxBuy.containsKey(m.id()) ? m.withMaxBuy(maxBuy.get(m.id())) : m).toList();
        List<StockItem> inventory = supply.stock().entrySet().stream()
                .map(e -> new StockItem(e.getKey(), e.getValue(), "generated")).toList();
        return plain.withOptics(optics).withSwitchModels(models).withInventory(inventory)
                .withSettings(plain.settings().withLabour(supply.switchSwapUsd(), supply.recableUsd()));
    }

    private FabricSizing sizing() {
        int leafCount = 0;
        int spineCount = 0;
        int coreCount = 0;
        for (SwitchSpec s : switches) {
            switch (s.role) {
                case LEAF -> leafCount++;
                case SPINE -> spineCount++;
                default -> coreCount++;
            }
        }
        int spanCount = !hallSpans ? 0 : o.halls() == 2 ? 1 : o.halls();
        return new FabricSizing(tiers, radix, down, up, (long) servers.size() * o.gpusPerNode(), servers.size(), sus,
                pods, leafCount, spineCount, coreCount, serverRacks, racks.size() - serverRacks, links.size(), cables,
                cablesBetweenHalls(), spanCount, hallSpans ? o.hallSpans().spanKm() : 0, hallSpans ? fiberPairs() : 0);
    }

    private String site(int hall) {
        return o.halls() == 1 ? Rack.DEFAULT_SITE : "hall" + (hall + 1);
    }

    private static double ceilTenth(double kw) {
        return Math.ceil(kw * 10 - 1e-6) / 10.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A rack while the floor is laid out. */
    private static final class RackSpec {
        final String id;
        final int hall;
        final double x;
        final double y;
        boolean server;
        double baseKw;
        double budgetKw;
        int capacity;
        final List<SwitchSpec> switches = new ArrayList<>(0);

        RackSpec(String id, int hall, double x, double y) {
            this.id = id;
            this.hall = hall;
            this.x = x;
            this.y = y;
        }
    }

    /** A switch while the fabric is built: its nominal rack and the power its link ends draw. */
    private final class SwitchSpec {
        final String id;
        final Role role;
        RackSpec rack;
        List<String> candidates;
        int downLinks;
        int upLinks;
        double pluggableEnds;
        double cpoEnds;
        boolean cpoReaches = cpoModel != null;
        /** A leaf standing today: installed_model = the family's pluggable model. */
        boolean installed;

        SwitchSpec(String id, Role role, RackSpec rack) {
            this.id = id;
            this.role = role;
            this.rack = rack;
            if (rack != null) {
                rack.switches.add(this);
            }
            switches.add(this);
        }

        void account(double length, int count, double pluggableEndW) {
            pluggableEnds += count * pluggableEndW;
            cpoEnds += count * cpoEndW;
            cpoReaches &= length <= cpoReachM + 1e-9;
        }

        double pluggableW() {
            return pluggableModel == null ? Double.POSITIVE_INFINITY : pluggableModel.basePowerW() + pluggableEnds;
        }

        double cpoW() {
            return cpoReaches ? cpoModel.basePowerW() + cpoEnds : Double.POSITIVE_INFINITY;
        }
    }
}
