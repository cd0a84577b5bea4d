package io.fabricplan.dwdm.rwa;

import java.util.List;

/**
 * The outcome of a solve: wavelengths used, a valid lower bound on the optimum, the status (OPTIMAL only when
 * the two meet), wall-clock seconds, and one lightpath per request in request order.
 */
public record RwaResult(int wavelengths, int lowerBound, Status status, double seconds, List<Lightpath> lightpaths) {
    public enum Status { OPTIMAL, FEASIBLE }

    public RwaResult {
        lightpaths = List.copyOf(lightpaths);
    }
}
