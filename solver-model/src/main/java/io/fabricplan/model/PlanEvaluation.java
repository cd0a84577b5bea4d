package io.fabricplan.model;

import java.util.List;

/**
 * Every figure of a plan, recomputed from the instance: per link row, device, rack and BOM item, and the totals.
 * Power per link row includes both of its ends (pluggables, half of an assembly each side, CPO port power);
 * power per device is the switch's base power, so the two add up to the network power.
 */
public record PlanEvaluation(List<LinkRow> links, List<DeviceRow> devices, List<RackRow> racks,
                             List<BomRow> bom, double capexUsd, double powerW, double tcoUsd,
                             double objectiveValue) {

    public PlanEvaluation {
        links = List.copyOf(links);
        devices = List.copyOf(devices);
        racks = List.copyOf(racks);
        bom = List.copyOf(bom);
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
