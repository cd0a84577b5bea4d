package io.fabricplan.formulations;

import io.fabricplan.api.FormulationKind;
import static io.fabricplan.formulations.Fabrics.assertCheckedPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.Progress;
import io.fabricplan.api.ProgressListener;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.Objective;
import io.fabricplan.model.SolverKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planner's contract beyond the formulation: statuses, diagnostics, limits, cancellation, export. */
class OrToolsPlannerTest {

    private final OrToolsPlanner planner = new OrToolsPlanner();

    @Test
    void plannerCreateFindsTheOrToolsPlanner() {
        assertThat(Planner.create()).isInstanceOf(OrToolsPlanner.class);
    }

    /**
     * The rack bound proves infeasibility before any solve: N1 leaves 1350 W, the least the leaf can draw is the
     * CPO model's 1300 + 16 x 5.5 = 1388 W (pluggable: 1300 + 16 x 13 W AOC ends = 1508 W).
     */
    @Test
    void rackBoundProvesInfeasibilityAndNamesTheRackInKilowatts() {
        Instance instance = ConstraintFamilyContractTest.leafAndServer(1.35);

        PlanResult r = planner.solve(instance, Fabrics.options(Objective.COST, SolverKind.CP_SAT));

        assertThat(r.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(r.plan()).isNull();
        assertThat(r.diagnostics()).containsExactly("rack N1: the least network power possible is 1.39 kW, "
                + "budget 1.35 kW (base load 40.00 kW of 41.35 kW)");
        assertThat(r.baseline()).isNotNull();
        assertThat(r.baseline().feasible()).isFalse();
    }

    /** Twenty 800G links on a family whose largest model has 16 ports. */
    @Test
    void portBoundProvesInfeasibilityAndNamesTheSwitch() {
        PlanResult r = planner.solve(ConstraintFamilyContractTest.smallSwitchWithServers(20),
                Fabrics.options(Objective.COST, SolverKind.CP_SAT));

        assertThat(r.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(r.diagnostics()).containsExactly(
                "switch sw: needs 20 ports of 800 Gb/s, the largest model of family SMALL has 16");
    }

    /**
     * Every per-rack bound fits, yet the racks conflict through the link: only a CPO leaf fits N1 (1388 W of
     * 1450 W), which forces DR modules at s1's end (16 x 17 W = 272 W), more than S1's 240 W; S1's own bound
     * assumes the AOC ends a pluggable leaf would allow (16 x 13 W = 208 W). The solver proves it and the
     * diagnosis lists the tightest racks.
     * <pre>
     *   N1: [leaf1 AUTO] ===== 16 x 800G, 30 m ===== S1: [s1]      N1 leaves 1450 W, S1 leaves 240 W
     * </pre>
     */
    @Test
    void solverProvenInfeasibilityListsTheTightestRacks() {
        Instance instance = ConstraintFamilyContractTest.leafAndServer(1.45, 0.24);
        assertThat(new InfeasibilityDiagnosis(instance).provenReasons()).isEmpty();

        PlanResult r = planner.solve(instance, Fabrics.options(Objective.TCO, SolverKind.CP_SAT));

        assertThat(r.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(r.diagnostics()).containsExactly(
                "no plan meets every rack budget and port limit together; the simple per-rack bounds all fit",
                "rack N1: least network power 1.39 kW of 1.45 kW available (96%)",
                "rack S1: least network power 0.21 kW of 0.24 kW available (87%)");
    }

    @Test
    void invalidInstanceIsReportedNotThrown() {
        Instance valid = ConstraintFamilyContractTest.leafAndServer(2.0);
        List<Link> links = new ArrayList<>(valid.links());
        links.add(new Link("bad", "leaf1", "nobody", 0, 800, null));
        Instance invalid = new Instance(valid.settings(), valid.racks(), valid.switchModels(), valid.devices(), links,
                valid.optics());

        PlanResult r = planner.solve(invalid, Fabrics.options(Objective.COST, SolverKind.CP_SAT));

        assertThat(r.status()).isEqualTo(SolveStatus.INVALID);
        assertThat(r.plan()).isNull();
        assertThat(r.diagnostics()).anyMatch(d -> d.contains("Links[bad].b_device") && d.contains("nobody"))
                .anyMatch(d -> d.contains("Links[bad].count"));
    }

    @Test
    void timeLimitIsHonouredOnALargerInstance() {
        Instance instance = Fabrics.leafSpine(24, 30, 1.8, 11);
        SolveOptions options = Fabrics.options(Objective.TCO, SolverKind.CP_SAT).withTimeLimitSeconds(0.5);

        PlanResult r = assertCheckedPlan(instance, planner.solve(instance, options));

        assertThat(r.status()).isIn(SolveStatus.OPTIMAL, SolveStatus.FEASIBLE);
        assertThat(r.bestBound()).isLessThanOrEqualTo(r.objectiveValue());
        // the limit covers the search; model building and the JIT's first pass come on top
        assertThat(r.statistics().totalS()).isLessThan(3.0);
        // servers of a rack with the same count and length to their leaf are twins: far fewer variables than
        // the per-link reference model
        assertThat(r.statistics().variables()).isPositive()
                .isLessThan(FabricFormulation.build(instance).model().numVariables() / 3);
    }

    @Test
    void cancellationFromAnotherThreadReturnsPromptly() throws Exception {
        Instance instance = Fabrics.leafSpine(24, 30, 1.8, 11);
        Cancellation cancellation = new Cancellation();
        SolveOptions options = Fabrics.options(Objective.TCO, SolverKind.CP_SAT).withTimeLimitSeconds(60);

        CompletableFuture<PlanResult> solve = CompletableFuture.supplyAsync(
                () -> planner.solve(instance, options, ProgressListener.NONE, cancellation));
        Thread.sleep(150);
        long cancelledAt = System.nanoTime();
        cancellation.cancel();
        PlanResult r = solve.get(10, TimeUnit.SECONDS);
        double afterCancelS = (System.nanoTime() - cancelledAt) / 1e9;

        assertThat(afterCancelS).isLessThan(2.0);
        assertThat(r.status()).isIn(SolveStatus.FEASIBLE, SolveStatus.NO_SOLUTION, SolveStatus.OPTIMAL);
        if (r.status().hasPlan()) {
            assertCheckedPlan(instance, r);
        }
    }

    /** Cancelled before the search: the feasible greedy baseline is the best plan known. */
    @Test
    void cancelledBeforeTheSearchReturnsTheFeasibleBaseline() {
        Instance instance = Fabrics.leafSpine(2, 5, 2.0, 1);
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        PlanResult r = assertCheckedPlan(instance, planner.solve(instance,
                Fabrics.options(Objective.TCO, SolverKind.SCIP), ProgressListener.NONE, cancellation));

        assertThat(r.status()).isEqualTo(SolveStatus.FEASIBLE);
        assertThat(r.plan()).isEqualTo(r.baseline().plan());
        assertThat(r.statistics().solver()).isEqualTo("greedy baseline");
        assertThat(r.diagnostics()).singleElement().asString().contains("greedy baseline is returned");
    }

    /** Cancelled before the search, with a baseline that breaks a rack budget: no plan. */
    @Test
    void cancelledBeforeTheSearchWithoutFeasibleBaselineMeansNoSolution() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        PlanResult r = planner.solve(ConstraintFamilyContractTest.leafAndServer(1.45),
                Fabrics.options(Objective.COST, SolverKind.CP_SAT), ProgressListener.NONE, cancellation);

        assertThat(r.status()).isEqualTo(SolveStatus.NO_SOLUTION);
        assertThat(r.plan()).isNull();
        assertThat(r.diagnostics()).containsExactly("cancelled before a plan was found");
    }

    @Test
    void progressListenerHearsOfPhasesSolutionsAndTheEnd() {
        Instance instance = Fabrics.leafSpine(4, 10, 1.5, 11);
        List<Progress> events = Collections.synchronizedList(new ArrayList<>());

        PlanResult r = assertCheckedPlan(instance, planner.solve(instance,
                Fabrics.options(Objective.TCO, SolverKind.CP_SAT), events::add, new Cancellation()));

        assertThat(events).hasSizeGreaterThanOrEqualTo(3);
        assertThat(events.subList(0, 6)).extracting(Progress::message).containsExactly("validating",
                "rule of thumb", "bounds", "repairing the rule of thumb", "building the model",
                events.get(5).message());
        assertThat(events.get(5).message()).startsWith("solving AggregatedFabricFormulation");
        assertThat(events.subList(0, 5)).allMatch(p -> Double.isNaN(p.bestObjective()));
        assertThat(events).filteredOn(p -> p.message().equals("solution found")).isNotEmpty()
                .allMatch(p -> Double.isFinite(p.bestObjective()) && p.bound() <= p.bestObjective() + 1e-6);
        Progress last = events.get(events.size() - 1);
        assertThat(last.message()).isEqualTo("optimal");
        assertThat(last.bestObjective()).isEqualTo(r.objectiveValue());
        assertThat(r.statistics().timeToBestS()).isBetween(0.0, r.statistics().totalS());
    }

    @Test
    void sameInstanceFromFourThreadsGivesEqualObjectives() throws Exception {
        Instance instance = Fabrics.leafSpine(4, 10, 1.5, 11);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PlanResult>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> planner.solve(instance,
                        Fabrics.options(Objective.TCO, SolverKind.CP_SAT))));
            }
            List<Double> objectives = new ArrayList<>();
            for (Future<PlanResult> f : futures) {
                objectives.add(assertCheckedPlan(instance, f.get(60, TimeUnit.SECONDS)).objectiveValue());
            }
            assertThat(objectives).allSatisfy(o -> assertThat(o).isCloseTo(objectives.get(0),
                    Fabrics.within(objectives.get(0))));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void statisticsDescribeTheSolve() {
        Instance instance = Fabrics.leafSpine(2, 5, 2.0, 1);

        PlanResult r = assertCheckedPlan(instance, planner.solve(instance,
                Fabrics.options(Objective.COST, SolverKind.SCIP)));

        assertThat(r.statistics().model()).isEqualTo("AggregatedFabricFormulation");
        assertThat(r.statistics().solver()).startsWith("SCIP");
        assertThat(r.statistics().status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.statistics().objective()).isEqualTo(r.objectiveValue());
        assertThat(r.statistics().variables()).isPositive();
        assertThat(r.statistics().constraints()).isPositive();
        assertThat(r.statistics().buildS()).isLessThanOrEqualTo(r.statistics().totalS());
        assertThat(r.baseline()).isNotNull();
        assertThat(r.baseline().evaluation().objectiveValue()).isGreaterThanOrEqualTo(r.objectiveValue() - 1e-6);
    }

    @Test
    void lpExportHoldsReadableNamesAndEverySection(@TempDir Path dir) throws Exception {
        Path lp = dir.resolve("fabric.lp");
        Instance instance = ConstraintFamilyContractTest.leafAndServer(1.45);

        assertCheckedPlan(instance, planner.solve(instance,
                Fabrics.options(Objective.COST, SolverKind.CP_SAT).withExportModel(lp)));

        String text = Files.readString(lp);
        assertThat(text).contains("z(class_leaf1.model_sw51_cpo)", "z(class_leaf1.model_sw51_p)",
                "x(group_leaf1~s1.optic_dr8_800.a_sw51_cpo.b_server)", "rackPower(rack_N1):",
                "classCount(class_leaf1):", "link(group_leaf1~s1.a_sw51_p):");
        List<String> sections = text.lines().filter(l -> !l.startsWith(" ") && !l.startsWith("\\")).toList();
        assertThat(sections).containsExactly("Minimize", "Subject To", "Bounds", "General", "Binary", "End");
        assertThat(text).doesNotContain("[", "]", "sw51-");
    }

    @Test
    void referenceLpExportHoldsReadableNamesAndEverySection(@TempDir Path dir) throws Exception {
        Path lp = dir.resolve("fabric.lp");
        Instance instance = ConstraintFamilyContractTest.leafAndServer(1.45);

        assertCheckedPlan(instance, new OrToolsPlanner(FormulationKind.REFERENCE).solve(instance,
                Fabrics.options(Objective.COST, SolverKind.CP_SAT).withExportModel(lp)));

        String text = Files.readString(lp);
        assertThat(text).contains("y(device_leaf1.model_sw51_cpo)", "y(device_leaf1.model_sw51_p)",
                "x(link_l1.optic_dr8_800.a_CPO.b_PLUGGABLE)", "rackPower(rack_N1):", "demand(link_l1):",
                "oneModel(device_leaf1):", "endCompatibility(link_l1.optic_aoc800.a_PLUGGABLE.b_PLUGGABLE.end_a):");
        List<String> sections = text.lines().filter(l -> !l.startsWith(" ") && !l.startsWith("\\")).toList();
        assertThat(sections).containsExactly("Minimize", "Subject To", "Bounds", "General", "Binary", "End");
        assertThat(text).doesNotContain("[", "]", "sw51-");
    }
}
