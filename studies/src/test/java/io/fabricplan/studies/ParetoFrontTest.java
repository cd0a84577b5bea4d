package io.fabricplan.studies;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.Planner;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.instances.Examples;
import io.fabricplan.model.Device;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Optic;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.model.SwitchModel;
import io.fabricplan.study.FrontPoint;
import io.fabricplan.study.FrontReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The front of the tiny example (a leaf and a spine of the 51.2T family, AUTO packaging; two servers; three
 * links, one of two cables) is enumerated by brute force: every switch model and every multiset of optics per
 * link that the checker accepts, evaluated, and the nondominated (capex, power) points kept. The exact method must
 * find exactly those points, each with a plan that passes the checker.
 */
class ParetoFrontTest {
    private static final Instance TINY = Examples.tiny();

    @Test
    void tinyFrontEqualsTheBruteForceFront() {
        List<double[]> expected = bruteForceFront(TINY);
        ParetoFront.Result result = new ParetoFront(Planner.create()).solve(TINY,
                new ParetoFront.Options(ParetoFront.Total.CAPEX, ParetoFront.Total.POWER, 120, 1, 0,
                        io.fabricplan.model.SolverKind.AUTO, 2), ParetoFront.PointListener.NONE, new Cancellation());
        FrontReport front = result.report();
        assertThat(front.exact()).as("%s %s", front, result.diagnostics()).isTrue();
        assertThat(front.hypervolumeGap()).isZero();
        assertThat(front.openRegions()).isEmpty();
        assertThat(front.points()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            FrontPoint p = front.points().get(i);
            assertThat(p.x()).as("capex of point %d", i).isCloseTo(expected.get(i)[0], within(expected.get(i)[0]));
            assertThat(p.y()).as("power of point %d", i).isCloseTo(expected.get(i)[1], within(expected.get(i)[1]));
            assertThat(p.status()).isEqualTo("OPTIMAL");
            assertThat(new PlanChecker(TINY).check(result.results().get(i).plan()).passed()).isTrue();
        }
        // two lexicographic pairs for the extremes, then four solves per box: at most one box per point
        assertThat(front.solves()).isLessThanOrEqualTo(4 + 4 * expected.size());
        assertThat(front.points().stream().filter(FrontPoint::knee).count()).isEqualTo(expected.size() >= 3 ? 1 : 0);
    }

    @Test
    void stoppedFrontCertifiesItsOpenRegionsAndIsNotExact() {
        ParetoFront.Result full = new ParetoFront(Planner.create()).solve(TINY,
                ParetoFront.Options.capexPower(120), ParetoFront.PointListener.NONE, new Cancellation());
        List<FrontPoint> all = full.report().points();
        assertThat(all.size()).as("the fixture needs a front of several points").isGreaterThanOrEqualTo(3);
        // stop as soon as the third point is known: two extremes and one step
        Cancellation cancel = new Cancellation();
        ParetoFront.Result partial = new ParetoFront(Planner.create()).solve(TINY,
                ParetoFront.Options.capexPower(120), (point, result, solves) -> {
                    if (solves >= 6) {
                        cancel.cancel();
                    }
                }, cancel);
        FrontReport front = partial.report();
        assertThat(front.exact()).isFalse();
        assertThat(front.points().size()).isLessThan(all.size());
        assertThat(front.hypervolumeGap()).isGreaterThan(0).isLessThanOrEqualTo(1);
        assertThat(front.openRegions()).isNotEmpty();
        for (FrontReport.OpenRegion region : front.openRegions()) {
            // every true point inside an open region lies at or above its certified bound
            all.stream().filter(p -> p.y() >= region.yFrom() && p.y() < region.yTo())
                    .forEach(p -> assertThat(p.x()).isGreaterThanOrEqualTo(region.xLowerBound() - 1e-6));
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double v) {
        return org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(v)));
    }

    /** Every plan the checker accepts, evaluated; the nondominated (capex, power) pairs by increasing capex. */
    static List<double[]> bruteForceFront(Instance instance) {
        InstanceIndex index = new InstanceIndex(instance);
        PlanChecker checker = new PlanChecker(instance);
        PlanEvaluator evaluator = new PlanEvaluator(instance);
        List<List<DeviceAssignment>> deviceChoices = new ArrayList<>();
        deviceChoices.add(List.of());
        for (Device d : instance.devices()) {
            if (!d.isSwitch()) {
                continue;
            }
            List<List<DeviceAssignment>> next = new ArrayList<>();
            for (List<DeviceAssignment> partial : deviceChoices) {
                for (SwitchModel m : index.candidateModels(d)) {
                    List<DeviceAssignment> more = new ArrayList<>(partial);
                    more.add(new DeviceAssignment(d.id(), m.id(), d.rackId()));
                    next.add(more);
                }
            }
            deviceChoices = next;
        }
        List<double[]> points = new ArrayList<>();
        for (List<DeviceAssignment> devices : deviceChoices) {
            List<List<LinkAssignment>> linkChoices = new ArrayList<>();
            linkChoices.add(List.of());
            for (Link link : instance.links()) {
                List<List<LinkAssignment>> options = multisets(link, devices, index);
                List<List<LinkAssignment>> next = new ArrayList<>();
                for (List<LinkAssignment> partial : linkChoices) {
                    for (List<LinkAssignment> option : options) {
                        List<LinkAssignment> more = new ArrayList<>(partial);
                        more.addAll(option);
                        next.add(more);
                    }
                }
                linkChoices = next;
            }
            for (List<LinkAssignment> links : linkChoices) {
                Plan plan = new Plan(devices, links);
                if (checker.check(plan).passed()) {
                    PlanEvaluation e = evaluator.evaluate(plan);
                    points.add(new double[] {e.capexUsd(), e.powerW()});
                }
            }
        }
        points.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        List<double[]> front = new ArrayList<>();
        for (double[] p : points) {
            if (front.isEmpty() || p[1] < front.get(front.size() - 1)[1] - 1e-6) {
                front.add(p);
            }
        }
        return front;
    }

    /** Every way to serve a link's cables with rate-matching optics (a multiset of its count). */
    private static List<List<LinkAssignment>> multisets(Link link, List<DeviceAssignment> devices,
                                                        InstanceIndex index) {
        Packaging a = packaging(link.aDevice(), devices, index);
        Packaging b = packaging(link.bDevice(), devices, index);
        List<Optic> optics = index.instance().optics().stream().filter(o -> o.gbps() == link.gbps()).toList();
        List<List<LinkAssignment>> out = new ArrayList<>();
        collect(link, optics, 0, link.count(), a, b, new ArrayList<>(), out);
        return out;
    }

    private static void collect(Link link, List<Optic> optics, int from, int left, Packaging a, Packaging b,
                                List<LinkAssignment> partial, List<List<LinkAssignment>> out) {
        if (left == 0) {
            out.add(List.copyOf(partial));
            return;
        }
        for (int i = from; i < optics.size(); i++) {
            for (int n = left; n >= 1; n--) {
                partial.add(new LinkAssignment(link.id(), optics.get(i).id(), a, b, n));
                collect(link, optics, i + 1, left - n, a, b, partial, out);
                partial.remove(partial.size() - 1);
            }
        }
    }

    private static Packaging packaging(String deviceId, List<DeviceAssignment> devices, InstanceIndex index) {
        for (DeviceAssignment d : devices) {
            if (d.deviceId().equals(deviceId)) {
                return index.model(d.modelId()).packaging();
            }
        }
        return Packaging.PLUGGABLE;
    }
}
