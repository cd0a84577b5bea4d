package io.fabricplan.instances;

import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Optic;
import io.fabricplan.model.SwitchModel;
import io.fabricplan.validate.Spelling;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link FabricGenerator} builds. Every field is checked on construction; a bad value throws an
 * {@link IllegalArgumentException} whose message is one line saying what is wrong, then a line starting with
 * {@code Maybe} saying what to do. Start from {@link #of(int)} (the defaults) and change fields with the withers.
 *
 * @param gpus             GPUs wanted; rounded up to whole scalable units (see {@link FabricGenerator})
 * @param gpusPerNode      GPUs per server, one NIC port (rail) each; default 8
 * @param nodesPerRack     servers per server rack; default 4
 * @param rackKw           nominal power of a server rack in kW; default 41 (4 DGX H100 at 10.2 kW)
 * @param tiers            2 or 3 switch tiers, or 0 for the fewest that fit; default 0
 * @param switchFamily     switch family of {@link DefaultCatalog#switchModels()} for every switch; default SW51T
 * @param nicGbps          rate of a NIC port (and of every link): 400 or 800; default 400
 * @param oversubscription leaf down ports per up port (1 = non-blocking); default 1
 * @param halls            halls the floor is split into; default 1
 * @param placement        FIXED: every switch in its rack; FREE: the optimiser picks among candidate racks
 * @param seed             seed of the small random variations (server rack base loads); default 1
 * @param hallSpans        null (default): halls {@value FabricGenerator#HALL_SEPARATION_M} m apart, links between
 *                         them with their {@code length_m}; else halls are sites on a ring of fiber spans and the
 *                         links between them cross the spans (grey or DWDM, see {@link FabricGenerator})
 * @param supply           null (default): a green field, nothing owned, no supply limits (the instance is exactly
 *                         what it was before supply existed); else installed leaves, stock, max_buy limits and
 *                         labour figures (see {@link Supply})
 * @param breakouts        false (default): the Optics are the default catalog's as before breakouts existed; true:
 *                         {@link DefaultCatalog#breakoutOptics()} follow them (twin-port modules facing the
 *                         single-port ones, breakout cables; usable where switch ports are faster than the links,
 *                         i.e. with 400G NICs on the default 800G-port families; see {@link FabricGenerator})
 */
public record GeneratorOptions(int gpus, int gpusPerNode, int nodesPerRack, double rackKw, int tiers,
                               String switchFamily, int nicGbps, int oversubscription, int halls,
                               Placement placement, long seed, HallSpans hallSpans, Supply supply,
                               boolean breakouts) {
    /** Default switch family. */
    public static final String DEFAULT_FAMILY = Examples.SW51T;

    /** Where switches stand. */
    public enum Placement {
        /** Every switch has its rack_id. */
        FIXED,
        /** Switches have no rack_id but candidate_racks: the optimiser places them. */
        FREE
    }

    /**
     * Halls as sites joined by a ring of fiber spans hall1-hall2-...-hallH-hall1 (one span for two halls).
     *
     * @param spanKm     length of every span in km; default {@value #DEFAULT_SPAN_KM}
     * @param fiberPairs fiber pairs of every span, or {@link #AUTO_FIBER_PAIRS} to size them on the busiest span:
     *                   half its cables between neighbouring halls (rounded up) plus those passing a hall, so
     *                   all-grey does not fit and grey + DWDM does (see {@link FabricGenerator})
     */
    public record HallSpans(double spanKm, int fiberPairs) {
        /** Default span length: halls of a campus, a couple of kilometres of duct apart. */
        public static final double DEFAULT_SPAN_KM = 2.0;
        /** Longest span: the reach of the default catalog's 400ZR/800ZR with amplifiers is 120 km. */
        public static final double MAX_SPAN_KM = 120.0;
        /** Fiber pairs sized by the generator. */
        public static final int AUTO_FIBER_PAIRS = 0;

        public HallSpans {
            require(spanKm > 0 && spanKm <= MAX_SPAN_KM && Double.isFinite(spanKm), "--span-km must be more than 0 "
                    + "and at most " + num(MAX_SPAN_KM) + ", got " + num(spanKm), "give the length of a span between "
                    + "neighbouring halls in km, e.g. --span-km 2.");
            require(fiberPairs >= 0, "--fiber-pairs must be at least 1, got " + fiberPairs,
                    "leave it out to size the spans from the cables between halls, or give e.g. --fiber-pairs 144.");
        }

        /** {@value #DEFAULT_SPAN_KM} km spans with fiber pairs sized by the generator. */
        public static HallSpans defaults() {
            return new HallSpans(DEFAULT_SPAN_KM, AUTO_FIBER_PAIRS);
        }

        /** Whether the generator sizes the fiber pairs. */
        public boolean autoFiberPairs() {
            return fiberPairs == AUTO_FIBER_PAIRS;
        }
    }

    /**
     * What is owned and what can be bought (workbook v2): the generated fabric becomes a partial refresh.
     *
     * @param installedFraction 0 to 1: that share of the leaves (rounded to whole leaves, spread evenly over the
     *                          scalable units, in each the leaves of its first rails) get {@code installed_model} =
     *                          the family's PLUGGABLE model: kept at no capex, or replaced at {@code switchSwapUsd}
     * @param stock             units owned per optic or switch model id of the default catalog, each written as an
     *                          Inventory row; null = none
     * @param maxBuy            units that can be bought at most per optic or switch model id of the default
     *                          catalog (its {@code max_buy}); null = none
     * @param switchSwapUsd     labour of replacing an installed switch (Settings {@code switch_swap_usd}), at least 0
     * @param recableUsd        labour of re-cabling a stock optic (Settings {@code recable_usd}), at least 0
     */
    public record Supply(double installedFraction, Map<String, Integer> stock, Map<String, Integer> maxBuy,
                         double switchSwapUsd, double recableUsd) {
        public Supply {
            require(installedFraction >= 0 && installedFraction <= 1, "--installed-fraction must be from 0 to 1, "
                    + "got " + num(installedFraction), "give the share of the leaves that already stand, e.g. "
                    + "--installed-fraction 0.5.");
            stock = items("--stock", stock, "dr4_400=4000", true);
            maxBuy = items("--max-buy", maxBuy, "sw102-cpo=144", false);
            require(switchSwapUsd >= 0 && Double.isFinite(switchSwapUsd), "--switch-swap-usd must be 0 or more, got "
                    + num(switchSwapUsd), "give the labour of replacing an installed switch in USD, e.g. "
                    + "--switch-swap-usd 2500.");
            require(recableUsd >= 0 && Double.isFinite(recableUsd), "--recable-usd must be 0 or more, got "
                    + num(recableUsd), "give the labour of re-cabling an optic taken from stock in USD, e.g. "
                    + "--recable-usd 25.");
        }

        /** Nothing owned, no limits, no labour; change it with the withers. */
        public static Supply none() {
            return new Supply(0, Map.of(), Map.of(), 0, 0);
        }

        public Supply withInstalledFraction(double value) {
            return new Supply(value, stock, maxBuy, switchSwapUsd, recableUsd);
        }

        /** The same supply with {@code quantity} more units of the item in stock. */
        public Supply withStock(String itemId, int quantity) {
            Map<String, Integer> more = new LinkedHashMap<>(stock);
            more.merge(itemId, quantity, Integer::sum);
            return new Supply(installedFraction, more, maxBuy, switchSwapUsd, recableUsd);
        }

        /** The same supply with the item's max_buy set to {@code limit}. */
        public Supply withMaxBuy(String itemId, int limit) {
            Map<String, Integer> more = new LinkedHashMap<>(maxBuy);
            more.put(itemId, limit);
            return new Supply(installedFraction, stock, more, switchSwapUsd, recableUsd);
        }

        public Supply withLabour(double swapUsd, double recable) {
            return new Supply(installedFraction, stock, maxBuy, swapUsd, recable);
        }

        /**
         * The items checked and spelt as the default catalog spells them, in the order given. Ids are matched
         * ignoring case; the same id twice adds up ({@code add}, stock) or is refused (limits).
         */
        private static Map<String, Integer> items(String flag, Map<String, Integer> given, String example,
                                                  boolean add) {
            Map<String, Integer> items = new LinkedHashMap<>();
            if (given == null) {
                return Collections.unmodifiableMap(items);
            }
            List<String> known = catalogIds();
            for (Map.Entry<String, Integer> e : given.entrySet()) {
                String id = e.getKey() == null ? "" : e.getKey().trim();
                require(!id.isEmpty(), flag + " has an item without an id", "write the optic or switch model id, "
                        + "an = and a whole number, e.g. " + flag + " " + example + ".");
                String canonical = known.stream().filter(k -> k.equalsIgnoreCase(id)).findFirst().orElse(null);
                require(canonical != null, flag + " " + id + "=" + e.getValue() + ": unknown item \"" + id + "\""
                        + closest(id, known), "use an optic or switch model id of the default catalog, e.g. "
                        + String.join(", ", examples(known)) + ".");
                Integer quantity = e.getValue();
                require(quantity != null && quantity >= 0, flag + " " + canonical + "=" + quantity + ": the number "
                        + "must be 0 or more", "write a whole number of units, e.g. " + flag + " " + example + ".");
                require(add || !items.containsKey(canonical), flag + " " + canonical + " is given twice",
                        "give each item's limit once.");
                long sum = (long) items.getOrDefault(canonical, 0) + quantity;
                require(sum <= Integer.MAX_VALUE, flag + " " + canonical + ": " + sum + " units are too many",
                        "write a smaller number.");
                items.put(canonical, (int) sum);
            }
            return Collections.unmodifiableMap(items);
        }
    }

    public GeneratorOptions {
        Objects.requireNonNull(placement, "placement");
        require(gpus >= 1, "--gpus must be at least 1, got " + gpus, "give the cluster size, e.g. --gpus 1024.");
        require(gpus <= 4_194_304, "--gpus " + gpus + " is more than this generator builds (4,194,304)",
                "plan the cluster as several fabrics of at most a few hundred thousand GPUs.");
        require(gpusPerNode >= 1 && gpusPerNode <= 64, "--gpus-per-node must be 1 to 64, got " + gpusPerNode,
                "use 8 for DGX/HGX servers or 4 for GB200 compute trays.");
        require(nodesPerRack >= 1 && nodesPerRack <= 64, "--nodes-per-rack must be 1 to 64, got " + nodesPerRack,
                "use 4 for 41 kW air-cooled DGX racks.");
        require(rackKw > 0 && Double.isFinite(rackKw), "--rack-kw must be a positive number, got " + num(rackKw),
                "give the power of a server rack in kW, e.g. --rack-kw 41.");
        require(tiers == 0 || tiers == 2 || tiers == 3, "--tiers must be 2 or 3, got " + tiers,
                "leave it out to use the fewest tiers that fit.");
        require(switchFamily != null && !switchFamily.isBlank(), "--switch-family is blank",
                "use one of " + families() + ".");
        List<SwitchModel> models = models(switchFamily);
        require(!models.isEmpty(), "unknown switch family \"" + switchFamily + "\"",
                "use one of " + families() + ".");
        switchFamily = models.get(0).family();
        require(nicGbps == 400 || nicGbps == 800, "--nic-gbps must be 400 or 800, got " + nicGbps,
                "use 400 (ConnectX-7) or 800 (ConnectX-8).");
        require(oversubscription >= 1 && oversubscription <= 16, "--oversubscription must be 1 to 16, got "
                + oversubscription, "use 1 for a non-blocking fabric, or e.g. 3 for 3:1 at the leaves.");
        require(halls >= 1 && halls <= 64, "--halls must be 1 to 64, got " + halls, "use 1 for a single hall.");
        if (supply != null && !breakouts) {
            requireNoBreakoutItem("--stock", supply.stock());
            requireNoBreakoutItem("--max-buy", supply.maxBuy());
        }
    }

    /** Options without breakouts. */
    public GeneratorOptions(int gpus, int gpusPerNode, int nodesPerRack, double rackKw, int tiers,
                            String switchFamily, int nicGbps, int oversubscription, int halls, Placement placement,
                            long seed, HallSpans hallSpans, Supply supply) {
        this(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, switchFamily, nicGbps, oversubscription, halls,
                placement, seed, hallSpans, supply, false);
    }

    /** Options without supply (a green field) and without breakouts. */
    public GeneratorOptions(int gpus, int gpusPerNode, int nodesPerRack, double rackKw, int tiers,
                            String switchFamily, int nicGbps, int oversubscription, int halls, Placement placement,
                            long seed, HallSpans hallSpans) {
        this(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, switchFamily, nicGbps, oversubscription, halls,
                placement, seed, hallSpans, null, false);
    }

    /** The defaults for a cluster of the given size. */
    public static GeneratorOptions of(int gpus) {
        return new GeneratorOptions(gpus, 8, 4, 41, 0, DEFAULT_FAMILY, 400, 1, 1, Placement.FIXED, 1, null, null,
                false);
    }

    public GeneratorOptions withGpusPerNode(int value) {
        return new GeneratorOptions(gpus, value, nodesPerRack, rackKw, tiers, switchFamily, nicGbps, oversubscription,
                halls, placement, seed, hallSpans, supply, breakouts);
    }

    public GeneratorOptions withNodesPerRack(int value) {
        return new GeneratorOptions(gpus, gpusPerNode, value, rackKw, tiers, switchFamily, nicGbps, oversubscription,
                halls, placement, seed, hallSpans, supply, breakouts);
    }

    public GeneratorOptions withRackKw(double value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, value, tiers, switchFamily, nicGbps,
                oversubscription, halls, placement, seed, hallSpans, supply, breakouts);
    }

    public GeneratorOptions withTiers(int value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, value, switchFamily, nicGbps,
                oversubscription, halls, placement, seed, hallSpans, supply, breakouts);
    }

    public GeneratorOptions withSwitchFamily(String value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, value, nicGbps, oversubscription,
                halls, placement, seed, hallSpans, supply, breakouts);
    }

    public GeneratorOptions withNicGbps(int value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, switchFamily, value,
                oversubscription, halls, placement, seed, hallSpans, supply, breakouts);
    }

    public GeneratorOptions withOversubscription(int value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, switchFamily, nicGbps, value,
                halls, placement, seed, hallSpans, supply, breakouts);
    }

    public GeneratorOptions withHalls(int value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, switchFamily, nicGbps,
                oversubscription, value, placement, seed, hallSpans, supply, breakouts);
    }

    public GeneratorOptions withPlacement(Placement value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, switchFamily, nicGbps,
                oversubscription, halls, value, seed, hallSpans, supply, breakouts);
    }

    public GeneratorOptions withSeed(long value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, switchFamily, nicGbps,
                oversubscription, halls, placement, value, hallSpans, supply, breakouts);
    }

    /** Halls as sites on a ring of fiber spans (null: halls with link lengths); needs at least 2 halls. */
    public GeneratorOptions withHallSpans(HallSpans value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, switchFamily, nicGbps,
                oversubscription, halls, placement, seed, value, supply, breakouts);
    }

    /** Halls on a ring of spans of {@code spanKm} km with {@code fiberPairs} pairs each (0: sized, see HallSpans). */
    public GeneratorOptions withHallSpans(double spanKm, int fiberPairs) {
        return withHallSpans(new HallSpans(spanKm, fiberPairs));
    }

    /** Installed leaves, stock, max_buy limits and labour (null: a green field, as without it). */
    public GeneratorOptions withSupply(Supply value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, switchFamily, nicGbps,
                oversubscription, halls, placement, seed, hallSpans, value, breakouts);
    }

    /**
     * With {@code true} the generated Optics are followed by {@link DefaultCatalog#breakoutOptics()} (twin-port
     * modules, the single-port 800G DR4, breakout cables); with {@code false} they are the default catalog's alone.
     */
    public GeneratorOptions withBreakouts(boolean value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, switchFamily, nicGbps,
                oversubscription, halls, placement, seed, hallSpans, supply, value);
    }

    /** Refuses a stock or max_buy item that only {@code --breakouts} puts in the instance. */
    private static void requireNoBreakoutItem(String flag, Map<String, Integer> items) {
        for (Map.Entry<String, Integer> e : items.entrySet()) {
            require(DefaultCatalog.breakoutOptics().stream().noneMatch(x -> x.id().equals(e.getKey())), flag + " "
                    + e.getKey() + "=" + e.getValue() + ": " + e.getKey() + " is one of the default catalog's "
                    + "breakout items, which the instance has only with --breakouts", "add --breakouts, or use an "
                    + "item of the catalog without breakouts.");
        }
    }

    /**
     * The optic and switch model ids of the default catalog, optics first (breakout items after the others), in
     * catalog order.
     */
    static List<String> catalogIds() {
        List<String> ids = new ArrayList<>();
        DefaultCatalog.opticsWithBreakouts().forEach(x -> ids.add(x.id()));
        DefaultCatalog.switchModels().forEach(m -> ids.add(m.id()));
        return ids;
    }

    /** A few ids to show: the single-mode transceivers and every switch model. */
    static List<String> examples(List<String> known) {
        List<String> shown = new ArrayList<>();
        DefaultCatalog.optics().stream().filter(x -> x.pmd() != null && x.pmd().startsWith("DR") && !x.lpo())
                .map(Optic::id).forEach(shown::add);
        DefaultCatalog.switchModels().forEach(m -> shown.add(m.id()));
        return shown.isEmpty() ? known.subList(0, Math.min(6, known.size())) : shown;
    }

    /** " (did you mean \"x\"?)" for the closest known id by edit distance, or "" when none is close. */
    static String closest(String wrong, List<String> known) {
        String best = Spelling.closest(wrong, known);
        return best != null ? " (did you mean \"" + best + "\"?)" : "";
    }

    /** The models of the family in the default catalog (empty when unknown). */
    static List<SwitchModel> models(String family) {
        return DefaultCatalog.switchModels().stream().filter(m -> m.family().equalsIgnoreCase(family)).toList();
    }

    static String families() {
        return String.join(", ", DefaultCatalog.switchModels().stream().map(SwitchModel::family).distinct().toList());
    }

    /** Throws the two-line message "what\nMaybe hint" unless the condition holds. */
    static void require(boolean condition, String what, String maybe) {
        if (!condition) {
            throw new IllegalArgumentException(what + "\nMaybe " + maybe);
        }
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.3f", v);
    }
}
