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
        if (optic.isBreakout() && !optic.kind().isAssembly() && end.portGbps() + EPS * optic.gbps() < optic.gbps()) {
            return false; // a twin-port module plugs into a port of its full rate
        }
        return (!optic.lpo() || end.lpoCapable()) && end.qualifies(optic);
    }

    /**
     * Whether module y may face module x at the far end of a link: the same optic, or two modules one of which
     * names the other in {@code pairs_with}. An assembly pairs only with itself.
     */
    public static boolean pairs(Optic x, Optic y) {
        if (x.id().equals(y.id())) {
            return true;
        }
        if (x.kind().isAssembly() || y.kind().isAssembly()) {
            return false;
        }
        return x.pairsWith().contains(y.id()) || y.pairsWith().contains(x.id());
    }

    /**
     * Where the wide end of a breakout cable goes: to the end whose ports are faster, which must run at least at
     * the cable's {@code gbps}; between equal ports, to the device whose id sorts first. Returns {@code 'a'},
     * {@code 'b'}, or {@code 0} when neither end has ports that fast. Ordinary optics: {@code 0}.
     */
    public static char wideEnd(Optic optic, LinkEnd a, String aDevice, LinkEnd b, String bDevice) {
        if (!optic.isBreakout() || !optic.kind().isAssembly()) {
            return 0;
        }
        double need = optic.gbps() * (1 - EPS);
        boolean aFits = a.portGbps() >= need;
        boolean bFits = b.portGbps() >= need;
        if (aFits && bFits) {
            int c = Double.compare(a.portGbps(), b.portGbps());
            return c > 0 || c == 0 && aDevice.compareTo(bDevice) <= 0 ? 'a' : 'b';
        }
        return aFits ? 'a' : bFits ? 'b' : 0;
    }

    /**
     * The unit a link shares at one end with the device's other links (counted whole per device, ceil(links /
     * breakout)): a twin-port or breakout module at a pluggable end, or the wide end of a breakout cable; null
     * when the end's units are per link (or none).
     *
     * @param wide the cable's wide end ({@link #wideEnd}), ignored for modules
     */
    public static Optic pooledUnit(OpticPair pair, boolean atA, LinkEnd end, char wide) {
        Optic optic = pair.at(atA);
        if (!optic.isBreakout()) {
            return null;
        }
        if (optic.kind().isAssembly()) {
            return wide == (atA ? 'a' : 'b') ? optic : null;
        }
        return end.packaging() == Packaging.PLUGGABLE ? optic : null;
    }

    /** Capex of one pooled unit at an end: its price and its coding there. */
    public static double pooledUnitCostUsd(Optic unit, LinkEnd end) {
        return unit.costUsd() + end.codingUsd(unit);
    }

    /**
     * The usability rule for an option that may differ at its two ends: each end's optic has the link's rate,
     * reaches and is accepted there; the two pair; a pair of different modules joins two pluggable ends; a
     * breakout cable's wide end finds ports fast enough.
     */
    public static boolean usable(OpticPair pair, Link link, double lengthM, LinkEnd a, String aDevice, LinkEnd b,
                                 String bDevice) {
        if (!rateMatches(pair.a(), link) || !rateMatches(pair.b(), link) || !reaches(pair.a(), lengthM)
                || !reaches(pair.b(), lengthM) || !endAccepts(pair.a(), a) || !endAccepts(pair.b(), b)) {
            return false;
        }
        if (!pair.symmetric() && (!pairs(pair.a(), pair.b()) || a.packaging() != Packaging.PLUGGABLE
                || b.packaging() != Packaging.PLUGGABLE)) {
            return false;
        }
        return !pair.a().isBreakout() || !pair.a().kind().isAssembly()
                || wideEnd(pair.a(), a, aDevice, b, bDevice) != 0;
    }

    /**
     * Capex one link carries by itself, every pooled unit left out (see {@link #pooledUnit}): the modules of
     * its per-link pluggable ends with their coding and the fiber (at the dearer of the two modules' rates per
     * metre), or a plain cable assembly with the coding of both ends; a breakout cable's narrow end codes per link.
     */
    public static double ownCostUsd(OpticPair pair, double lengthM, LinkEnd a, LinkEnd b, char wide) {
        if (pair.a().kind().isAssembly()) {
            Optic cable = pair.a();
            if (!cable.isBreakout()) {
                return cable.costUsd() + a.codingUsd(cable) + b.codingUsd(cable);
            }
            return wide == 'a' ? b.codingUsd(cable) : a.codingUsd(cable);
        }
        double cost = lengthM * Math.max(pair.a().fiberUsdPerM(), pair.b().fiberUsdPerM());
        for (boolean atA : new boolean[] {true, false}) {
            LinkEnd end = atA ? a : b;
            Optic module = pair.at(atA);
            if (end.packaging() == Packaging.PLUGGABLE && !module.isBreakout()) {
                cost += module.costUsd() + end.codingUsd(module);
            }
        }
        return cost;
    }

    /**
     * Power one link draws by itself at one end, pooled units left out: half a plain assembly, a per-link
     * module, or the CPO port's share; nothing at a breakout cable's ends (the wide end's unit carries it all).
     */
    public static double ownEndPowerW(OpticPair pair, boolean atA, Link link, LinkEnd end) {
        Optic optic = pair.at(atA);
        if (optic.isBreakout() && (optic.kind().isAssembly() || end.packaging() == Packaging.PLUGGABLE)) {
            return 0;
        }
        return endPowerW(optic, link, end);
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

    /** Whether the option serves links of the link's rate ({@code gbps / breakout}). */
    public static boolean rateMatches(Optic optic, Link link) {
        return Math.abs(optic.linkGbps() - link.gbps()) <= EPS * Math.max(1, link.gbps());
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

    /**
     * Ports that one link takes on a device whose ports run at {@code portGbps}, unless its end there is a pooled
     * unit: those take {@code ceil(links / breakout) x gbps / portGbps} per device.
     */
    public static double portsPerLink(Link link, double portGbps) {
        return link.gbps() / portGbps;
    }
}
