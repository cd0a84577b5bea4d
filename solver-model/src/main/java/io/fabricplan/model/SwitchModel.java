package io.fabricplan.model;

import java.util.Objects;

/**
 * A switch model of a family.
 *
 * @param id          model id
 * @param family      family the devices ask for
 * @param packaging   PLUGGABLE (cages for pluggables) or CPO (optical engines in package)
 * @param ports       number of ports
 * @param portGbps    rate of one port
 * @param basePowerW  chassis and ASIC power, without pluggables
 * @param portPowerW  CPO: power of one used port, lasers included
 * @param cpoPmd      CPO: the optical PMD of its ports (e.g. DR); null for pluggable models
 * @param costUsd     price of the switch
 * @param heightU     rack units
 * @param lpoCapable  whether its SerDes can drive linear pluggables (LPO)
 * @param source      where the figures come from
 * @param maxBuy      units that may be bought, null for no limit
 */
public record SwitchModel(String id, String family, Packaging packaging, int ports, double portGbps,
                          double basePowerW, double portPowerW, String cpoPmd, double costUsd, int heightU,
                          boolean lpoCapable, String source, Integer maxBuy) {
    public SwitchModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(packaging, "packaging");
        cpoPmd = cpoPmd == null || cpoPmd.isBlank() ? null : cpoPmd;
        source = source == null ? "" : source;
    }

    /** A model without a supply limit. */
    public SwitchModel(String id, String family, Packaging packaging, int ports, double portGbps,
                       double basePowerW, double portPowerW, String cpoPmd, double costUsd, int heightU,
                       boolean lpoCapable, String source) {
        this(id, family, packaging, ports, portGbps, basePowerW, portPowerW, cpoPmd, costUsd, heightU, lpoCapable,
                source, null);
    }

    /** The same model with a supply limit (null: none). */
    public SwitchModel withMaxBuy(Integer value) {
        return new SwitchModel(id, family, packaging, ports, portGbps, basePowerW, portPowerW, cpoPmd, costUsd,
                heightU, lpoCapable, source, value);
    }
}
