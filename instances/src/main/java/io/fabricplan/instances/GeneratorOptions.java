package io.fabricplan.instances;

import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.SwitchModel;
import java.util.List;
import java.util.Locale;
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
 */
public record GeneratorOptions(int gpus, int gpusPerNode, int nodesPerRack, double rackKw, int tiers,
                               String switchFamily, int nicGbps, int oversubscription, int halls,
                               Placement placement, long seed, HallSpans hallSpans) {
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
    }

    /** The defaults for a cluster of the given size. */
    public static GeneratorOptions of(int gpus) {
        return new GeneratorOptions(gpus, 8, 4, 41, 0, DEFAULT_FAMILY, 400, 1, 1, Placement.FIXED, 1, null);
    }

    public GeneratorOptions withGpusPerNode(int value) {
        return new GeneratorOptions(gpus, value, nodesPerRack, rackKw, tiers, switchFamily, nicGbps, oversubscription,
                halls, placement, seed, hallSpans);
    }

    public GeneratorOptions withNodesPerRack(int value) {
        return new GeneratorOptions(gpus, gpusPerNode, value, rackKw, tiers, switchFamily, nicGbps, oversubscription,
                halls, placement, seed, hallSpans);
    }

    public GeneratorOptions withRackKw(double value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, value, tiers, switchFamily, nicGbps,
                oversubscription, halls, placement, seed, hallSpans);
    }

    public GeneratorOptions withTiers(int value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, value, switchFamily, nicGbps,
                oversubscription, halls, placement, seed, hallSpans);
    }

    public GeneratorOptions withSwitchFamily(String value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, value, nicGbps, oversubscription,
                halls, placement, seed, hallSpans);
    }

    public GeneratorOptions withNicGbps(int value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, switchFamily, value,
                oversubscription, halls, placement, seed, hallSpans);
    }

    public GeneratorOptions withOversubscription(int value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, switchFamily, nicGbps, value,
                halls, placement, seed, hallSpans);
    }

    public GeneratorOptions withHalls(int value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, switchFamily, nicGbps,
                oversubscription, value, placement, seed, hallSpans);
    }

    public GeneratorOptions withPlacement(Placement value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, switchFamily, nicGbps,
                oversubscription, halls, value, seed, hallSpans);
    }

    public GeneratorOptions withSeed(long value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, switchFamily, nicGbps,
                oversubscription, halls, placement, value, hallSpans);
    }

    /** Halls as sites on a ring of fiber spans (null: halls with link lengths); needs at least 2 halls. */
    public GeneratorOptions withHallSpans(HallSpans value) {
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, tiers, switchFamily, nicGbps,
                oversubscription, halls, placement, seed, value);
    }

    /** Halls on a ring of spans of {@code spanKm} km with {@code fiberPairs} pairs each (0: sized, see HallSpans). */
    public GeneratorOptions withHallSpans(double spanKm, int fiberPairs) {
        return withHallSpans(new HallSpans(spanKm, fiberPairs));
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
