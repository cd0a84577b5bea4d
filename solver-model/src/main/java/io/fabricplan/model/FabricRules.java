package io.fabricplan.model;

/**
 * The fabric's semantics as the instance workbook defines them: link lengths, which interconnect may serve a
 * link, and what one link costs and draws. Pure arithmetic, shared by the evaluator, the checker, the validator
 * and the models, so that every part of the product reads the rules the same way.
 */
public final class FabricRules {
    /** Tolerance for comparing rates and reaches read from spreadsheets. */
    public static final double EPS = 1e-9;

    private FabricRules() {
    }

    /**
     * Length of a link in metres: the override if given; {@code intra_rack_m} in one rack; Manhattan distance
     * plus {@code inter_rack_slack_m} within a site; NaN when it cannot be derived (unknown racks, different
     * sites without an override).
     */
    public static double lengthM(Link link, Rack a, Rack b, Settings settings) {
        if (link.lengthM() != null) {
            return link.lengthM();
        }
        if (a == null || b == null) {
            return Double.NaN;
        }
        if (a.id().equals(b.id())) {
            return settings.intraRackM();
        }
        if (!a.siteId().equals(b.siteId())) {
            return Double.NaN;
        }
        return Math.abs(a.xM() - b.xM()) + Math.abs(a.yM() - b.yM()) + settings.interRackSlackM();
    }

    /** Length of a link with the racks of its devices as placed in the instance. */
    public static double lengthM(Link link, InstanceIndex index) {
        Device a = index.device(link.aDevice());
        Device b = index.device(link.bDevice());
        Rack ra = a == null || a.rackId() == null ? null : index.rack(a.rackId());
        Rack rb = b == null || b.rackId() == null ? null : index.rack(b.rackId());
        return lengthM(link, ra, rb, index.settings());
    }

    /**
     * Whether an end accepts an option: CPO ports take only transceivers of their PMD; LPO needs capable hosts; a
     * pluggable end takes an optic with Compatibility rows only where they qualify it ({@link Qualification}).
     */
    public static boolean endAccepts(Optic optic, LinkEnd end) {
        if (end.packaging() == Packaging.CPO) {
            return optic.kind() == OpticKind.TRANSCEIVER && optic.pmd() != null
                    && optic.pmd().equalsIgnoreCase(end.cpoPmd());
        }
        return (!optic.lpo() || end.lpoCapable()) && end.qualifies(optic);
    }

    /**
     * Units of the optic one link takes: one cable assembly, or one module per pluggable end (a CPO end takes
     * none).
     */
    public static int unitsPerLink(Optic optic, LinkEnd a, LinkEnd b) {
        return unitsPerLink(optic, a.packaging(), b.packaging());
    }

    /** The same for ends known by their packagings only. */
    public static int unitsPerLink(Optic optic, Packaging a, Packaging b) {
        if (optic.kind().isAssembly()) {
            return 1;
        }
        return (a == Packaging.PLUGGABLE ? 1 : 0) + (b == Packaging.PLUGGABLE ? 1 : 0);
    }

    /**
     * Capex of a switch of model m on the device: nothing when it is the device's installed model (kept);
     * otherwise its price, plus {@code switch_swap_usd} when it replaces an installed one.
     */
    public static double switchCostUsd(SwitchModel m, Device device, Settings settings) {
        if (device.installedModel() == null) {
            return m.costUsd();
        }
        return m.id().equals(device.installedModel()) ? 0.0 : m.costUsd() + settings.switchSwapUsd();
    }

    /** Whether a switch of model m on the device is a new unit (not the installed one kept). */
    public static boolean newSwitchUnit(SwitchModel m, Device device) {
        return !m.id().equals(device.installedModel());
    }

    /** Whether the option has the link's rate. */
    public static boolean rateMatches(Optic optic, Link link) {
        return Math.abs(optic.gbps() - link.gbps()) <= EPS * Math.max(1, link.gbps());
    }

    /** Whether the option reaches the length. */
    public static boolean reaches(Optic optic, double lengthM) {
        return optic.reachM() + EPS * Math.max(1, lengthM) >= lengthM;
    }

    /** The usability rule: rate, reach and both ends. */
    public static boolean usable(Optic optic, Link link, double lengthM, LinkEnd a, LinkEnd b) {
        return rateMatches(optic, link) && reaches(optic, lengthM) && endAccepts(optic, a) && endAccepts(optic, b);
    }

    /**
     * Capex of one link (not the count) with the option between the given ends, its units at list price (stock
     * is credited on the whole plan, see {@link SupplyRules}): the assembly, or a module per pluggable end and
     * the fiber; plus the coding of each pluggable end ({@link LinkEnd#codingUsd}).
     */
    public static double linkCostUsd(Optic optic, double lengthM, LinkEnd a, LinkEnd b) {
        double coding = a.codingUsd(optic) + b.codingUsd(optic);
        if (optic.kind().isAssembly()) {
            return optic.costUsd() + coding;
        }
        double ends = (a.packaging() == Packaging.PLUGGABLE ? optic.costUsd() : 0.0)
                + (b.packaging() == Packaging.PLUGGABLE ? optic.costUsd() : 0.0);
        return ends + lengthM * optic.fiberUsdPerM() + coding;
    }

    /**
     * Power one link draws at one end, in W: half an assembly; a pluggable module; or the CPO port's share,
     * {@code port_power_w x gbps / port_gbps}.
     */
    public static double endPowerW(Optic optic, Link link, LinkEnd end) {
        if (optic.kind().isAssembly()) {
            return optic.powerW() / 2.0;
        }
        if (end.packaging() == Packaging.PLUGGABLE) {
            return optic.powerW();
        }
        return end.model().portPowerW() * link.gbps() / end.model().portGbps();
    }

    /** Ports that one link takes on a device whose ports run at {@code portGbps}. */
    public static double portsPerLink(Link link, double portGbps) {
        return link.gbps() / portGbps;
    }
}
