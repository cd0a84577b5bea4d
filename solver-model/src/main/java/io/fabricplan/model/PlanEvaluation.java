package io.fabricplan.model;

import java.util.List;

/**
 * Every figure of a plan, recomputed from the instance: per link row, device, rack and BOM item, and the totals.
 * Power per link row includes both of its ends (pluggables, half of an assembly each side, CPO port power);
 * power per device is the switch's base power. A link row holds its share of the pooled units at its ends
 * (a twin-port module's price and power over its breakout); the units a device leaves idle (one link on a
 * twin-port module) count in the totals, the BOM and the rack, not in any row.
 */
public record PlanEvaluation(List<LinkRow> links, List<DeviceRow> devices, List<RackRow> racks,
                             List<BomRow> bom, double capexUsd, double powerW, double tcoUsd,
                             double objectiveValue, List<PooledRow> pooled) {

    public PlanEvaluation {
        links = List.copyOf(links);
        devices = List.copyOf(devices);
        racks = List.copyOf(racks);
        bom = List.copyOf(bom);
        pooled = pooled == null ? List.of() : List.copyOf(pooled);
    }

    /** Figures without pooled units. */
    public PlanEvaluation(List<LinkRow> links, List<DeviceRow> devices, List<RackRow> racks, List<BomRow> bom,
                          double capexUsd, double powerW, double tcoUsd, double objectiveValue) {
        this(links, devices, racks, bom, capexUsd, powerW, tcoUsd, objectiveValue, List.of());
    }

    /**
     * The links of one device on one pooled unit (twin-port module, wide end of a breakout cable) and the whole
     * units they take: {@code ceil(links / breakout)}.
     */
    public record PooledRow(String deviceId, String opticId, int breakout, long links, long units) {
        /** Ports of the units no link uses. */
        public long idlePorts() {
            return units * breakout - links;
        }
    }

    /** A link assignment with its figures (totals over its count). */
    public record LinkRow(LinkAssignment assignment, Link link, double lengthM, double powerW, double costUsd) {
    }

    /** A device with its model, ports and figures. */
    public record DeviceRow(String deviceId, String modelId, Packaging packaging, String rackId, double portsUsed,
                            int ports, double powerW, double costUsd) {
    }

    /** A rack's power. */
    public record RackRow(String rackId, double powerBudgetKw, double baseLoadKw, double networkKw, double totalKw,
                          double utilization) {
    }

    /**
     * One line of the bill of materials: {@code quantity} units, of which {@code reused} are not bought (installed
     * switches kept, units from the Inventory) and {@code bought} are; the total is what is bought, at the unit
     * price.
     */
    public record BomRow(String itemId, String kind, double quantity, double unitCostUsd, double totalCostUsd,
                         double reused, double bought) {

        /** A line of units all bought. */
        public BomRow(String itemId, String kind, double quantity, double unitCostUsd, double totalCostUsd) {
            this(itemId, kind, quantity, unitCostUsd, totalCostUsd, 0, quantity);
        }
    }
}
