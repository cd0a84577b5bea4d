package io.fabricplan.model;

import java.util.List;

/**
 * A fabric plan: a model (and rack) per device, an interconnect per link and, when the instance has spans, how
 * each cable between sites crosses them.
 *
 * @param devices  one entry per switch (servers optional)
 * @param links    link assignments; the counts of a link add up to its count
 * @param reported totals the plan states about itself, or null
 * @param dwdm     routes, channels and line equipment between sites; never null ({@link DwdmPlan#EMPTY})
 */
public record Plan(List<DeviceAssignment> devices, List<LinkAssignment> links, ReportedTotals reported,
                   DwdmPlan dwdm) {
    public Plan {
        devices = List.copyOf(devices);
        links = List.copyOf(links);
        dwdm = dwdm == null ? DwdmPlan.EMPTY : dwdm;
    }

    public Plan(List<DeviceAssignment> devices, List<LinkAssignment> links, ReportedTotals reported) {
        this(devices, links, reported, DwdmPlan.EMPTY);
    }

    public Plan(List<DeviceAssignment> devices, List<LinkAssignment> links) {
        this(devices, links, null, DwdmPlan.EMPTY);
    }

    public Plan withReported(ReportedTotals value) {
        return new Plan(devices, links, value, dwdm);
    }

    public Plan withDwdm(DwdmPlan value) {
        return new Plan(devices, links, reported, value);
    }
}
