package io.fabricplan.study;

import java.util.List;
import java.util.Objects;

/**
 * A Pareto front of two totals, both minimised: its points sorted by {@code x}, and where the search stopped
 * before it was complete, a certified lower bound for every region left open.
 *
 * @param xTotal          the first total: {@code capex}, {@code power} or {@code tco}
 * @param yTotal          the second total
 * @param points          nondominated points, by increasing x (so decreasing y)
 * @param openRegions     regions not closed by the limit: in each, no plan has x below {@code xLowerBound} while y
 *                        is within {@code [yFrom, yTo)}
 * @param exact           true only when every region is closed: the points are the whole front
 * @param hypervolumeGap  the hypervolume between the points and the regions' bounds, relative to the hypervolume
 *                        of the points' box (0 when exact)
 * @param solves          solves made
 * @param seconds         wall time
 */
public record FrontReport(String xTotal, String yTotal, List<FrontPoint> points, List<OpenRegion> openRegions,
                          boolean exact, double hypervolumeGap, int solves, double seconds) {
    public FrontReport {
        Objects.requireNonNull(xTotal, "xTotal");
        Objects.requireNonNull(yTotal, "yTotal");
        points = List.copyOf(points);
        openRegions = List.copyOf(openRegions);
    }

    /**
     * A part of the front not explored to the end: every plan with y in {@code [yFrom, yTo)} has x at least
     * {@code xLowerBound}; plans there with x of {@code xUpTo} or more are searched elsewhere (another region or a
     * closed box), so the region's doubt is x in {@code [xLowerBound, xUpTo)}.
     */
    public record OpenRegion(double yFrom, double yTo, double xLowerBound, double xUpTo) {
        /** A region whose doubt reaches the points' staircase. */
        public OpenRegion(double yFrom, double yTo, double xLowerBound) {
            this(yFrom, yTo, xLowerBound, Double.POSITIVE_INFINITY);
        }
    }
}
