package io.fabricplan.model;

import java.util.List;

/**
 * A fabric plan: a model (and rack) per device and an interconnect per link.
 *
 * @param devices  one entry per switch (servers optional)
 * @param links    link assignments; the counts of a link add up to its count
 * @param reported totals the plan states about itself, or null
 */
public record Plan(List<DeviceAssignment> devices, List<LinkAssignment> links, ReportedTotals reported) {
    public Plan {
        devices = List.copyOf(devices);
        links = List.copyOf(links);
    }

    public Plan(List<DeviceAssignment> devices, List<LinkAssignment> links) {
        this(devices, links, null);
    }

    public Plan withReported(ReportedTotals value) {
        return new Plan(devices, links, value);
    }
}
