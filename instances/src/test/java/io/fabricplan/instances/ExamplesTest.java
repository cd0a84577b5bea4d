package io.fabricplan.instances;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.excel.InstanceWorkbookReader;
import io.fabricplan.model.Instance;
import io.fabricplan.model.SolverKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExamplesTest {
    private static final Planner PLANNER = Planner.create();

    static Stream<Examples.Named> solvable() {
        return Examples.all().stream().filter(e -> !e.name().startsWith("infeasible") && !e.isStudy());
    }

    /** CP-SAT, SCIP and HiGHS agree on the optimal objective of every example, and every plan passes the checker. */
    @ParameterizedTest
    @MethodSource("solvable")
    void everyBackendFindsTheSameOptimum(Examples.Named example) {
        Map<SolverKind, Double> objectives = new EnumMap<>(SolverKind.class);
        for (SolverKind solver : new SolverKind[] {SolverKind.CP_SAT, SolverKind.SCIP, SolverKind.HIGHS}) {
            Instance instance = example.instance();
            PlanResult result = PLANNER.solve(instance, SolveOptions.from(instance.settings())
                    .withSolver(solver).withRelativeGap(0).withTimeLimitSeconds(120));
            assertThat(result.status()).as(example.name() + " " + solver).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(new PlanChecker(instance).check(result.plan()).violations()).as(example.name() + " " + solver)
                    .isEmpty();
            objectives.put(solver, result.objectiveValue());
        }
        double cpSat = objectives.get(SolverKind.CP_SAT);
        assertThat(objectives.values()).allSatisfy(v -> assertThat(v).isCloseTo(cpSat, within(1e-6 * cpSat)));
    }

    /**
     * Choco, the pure-Java engine, on every example: its plan always passes the checker, and where it proves the
     * optimum (every example inside one site, whose LP relaxation is tight) that is CP-SAT's. The DWDM examples'
     * relaxations are 2-3 % below their optima: Choco may stop at the limit with a plan and a gap.
     */
    @ParameterizedTest
    @MethodSource("solvable")
    void chocoAgreesWithCpSatWhereItProvesTheOptimum(Examples.Named example) {
        Instance instance = example.instance();
        SolveOptions options = SolveOptions.from(instance.settings()).withRelativeGap(0);
        PlanResult cpSat = PLANNER.solve(instance, options.withSolver(SolverKind.CP_SAT).withTimeLimitSeconds(120));
        PlanResult choco = PLANNER.solve(instance, options.withSolver(SolverKind.CHOCO).withTimeLimitSeconds(15));

        assertThat(choco.status().hasPlan()).as(example.name()).isTrue();
        assertThat(new PlanChecker(instance).check(choco.plan()).violations()).as(example.name()).isEmpty();
        assertThat(choco.statistics().solver()).startsWith("Choco ");
        assertThat(choco.bestBound()).isLessThanOrEqualTo(cpSat.objectiveValue() * (1 + 1e-9));
        if (!instance.hasSpans() && instance.optics().stream().noneMatch(io.fabricplan.model.Optic::isBreakout)) {
            // with breakout items every switch is a class of its own: Choco may need more than 15 s to prove it
            assertThat(choco.status()).as(example.name()).isEqualTo(SolveStatus.OPTIMAL);
        }
        if (choco.status() == SolveStatus.OPTIMAL) {
            assertThat(choco.objectiveValue()).as(example.name())
                    .isCloseTo(cpSat.objectiveValue(), within(1e-6 * cpSat.objectiveValue()));
        }
    }

    /**
     * superpod-4su built as today (pluggable switches, 16 kW network racks) with the breakout items: proven optimal
     * at 4,715,795.33 USD with 384 twin-port 2xSR4 modules at the leaves facing 768 SR4 modules at the NICs and
     * 640 800G-to-2x400G AOCs; every twin-port module stands in a switch's 800G cage, used on both its ports.
     */
    @Test
    void pluggableSuperpodCablesItsLeavesWithTwinPortModules() {
        Instance instance = Examples.superpod4suPluggable();
        PlanResult result = PLANNER.solve(instance, SolveOptions.from(instance.settings()).withTimeLimitSeconds(120));

        assertThat(result.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(result.objectiveValue()).isCloseTo(4_715_795.328, within(1e-3));
        io.fabricplan.check.CheckReport report = new PlanChecker(instance).check(result.plan());
        assertThat(report.violations()).isEmpty();
        assertThat(report.notes()).isEmpty();
        Map<String, Double> bom = new java.util.HashMap<>();
        report.evaluation().bom().forEach(b -> bom.merge(b.itemId(), b.quantity(), Double::sum));
        assertThat(bom).containsEntry("twin_sr4_800", 384.0).containsEntry("sr4_400", 768.0)
                .containsEntry("aoc800_2x400", 640.0);
        assertThat(report.evaluation().pooled()).allSatisfy(p -> assertThat(p.deviceId()).matches("(leaf|spine).*"));
    }

    /** The README works this optimum out by hand: two pluggable switches, AECs to the servers, AOCs between. */
    @Test
    void tinyOptimumMatchesTheHandCalculation() {
        Instance tiny = Examples.tiny();
        PlanResult result = PLANNER.solve(tiny, SolveOptions.from(tiny.settings()));
        assertThat(result.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(new PlanChecker(tiny).check(result.plan()).violations()).isEmpty();
        // capex 2 x 60000 + 2 x 700 + 2 x 1100 = 123600 USD; power 2 x 1300 + 2 x 20 + 2 x 26 = 2692 W;
        // TCO = 123600 + 2692 W x 5.694 USD/W.
        assertThat(result.evaluation().capexUsd()).isCloseTo(123_600, within(1e-6));
        assertThat(result.evaluation().powerW()).isCloseTo(2_692, within(1e-9));
        assertThat(result.objectiveValue()).isCloseTo(138_928.248, within(1e-6));
        assertThat(result.plan().links()).extracting(a -> a.linkId() + "=" + a.opticId())
                .containsExactlyInAnyOrder("s1-leaf1=aec800", "s2-leaf1=aec800", "leaf1-spine1=aoc800");
    }

    @Test
    void infeasibleExampleNamesTheRackAndTheShortfall() {
        Instance instance = Examples.infeasibleRack();
        PlanResult result = PLANNER.solve(instance, SolveOptions.from(instance.settings()));
        assertThat(result.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(String.join("\n", result.diagnostics())).contains("rack N1", "1.48 kW", "1.40 kW");
    }

    /** The committed workbooks read back as exactly the instances their builders make. */
    @ParameterizedTest
    @MethodSource("io.fabricplan.instances.Examples#all")
    void committedWorkbookReadsBackAsItsBuilderInstance(Examples.Named example) {
        Path committed = Path.of("examples", example.name() + ".xlsx");
        var read = InstanceWorkbookReader.read(committed);
        assertThat(read.problems()).isEmpty();
        assertThat(read.instance()).isEqualTo(example.instance());
    }

    /** The committed study reads back with the Scenarios of its builder, cell references included. */
    @Test
    void committedStudyReadsBackAsItsBuilderScenarios() throws Exception {
        var sheet = io.fabricplan.excel.StudyWorkbookReader.readScenarios(Path.of("examples",
                "superpod-4su-study.xlsx"), io.fabricplan.excel.ReadLimits.defaults());
        assertThat(sheet.present()).isTrue();
        assertThat(sheet.scenarios()).isEqualTo(Examples.superpod4suStudy());
        assertThat(sheet.scenarios()).hasSizeGreaterThanOrEqualTo(25);
    }

    /**
     * The committed workbooks are what the builders write: every sheet and every cell (so a difference is named
     * by its cell), then every byte (styles, drop-downs, dates), so that `fabricplan examples` leaves git clean.
     */
    @ParameterizedTest
    @MethodSource("io.fabricplan.instances.Examples#all")
    void committedWorkbookHasTheCellsAndBytesItsBuilderWrites(Examples.Named example, @TempDir Path dir)
            throws IOException {
        Path committed = Path.of("examples", example.name() + ".xlsx");
        Path built = ExampleWorkbooks.write(example, dir);

        List<String> differences = WorkbookCells.differences(WorkbookCells.of(built), WorkbookCells.of(committed));
        assertThat(differences).as("cells of %s that differ from its builder's; rebuild with ./fabricplan examples",
                committed).isEmpty();
        assertThat(Files.mismatch(committed, built))
                .as("first byte where %s differs from its builder's workbook; rebuild with ./fabricplan examples",
                        committed).isEqualTo(-1L);
    }

    /** Writing the examples again, later, gives the same bytes: no timestamps of the moment in the files. */
    @Test
    void rewritingTheExamplesLaterGivesTheSameBytes(@TempDir Path first, @TempDir Path second) throws Exception {
        ExampleWorkbooks.writeAll(first);
        Thread.sleep(2_100); // POI stamps the second (core.xml) and zip entries the even second
        ExampleWorkbooks.writeAll(second);

        for (Examples.Named example : Examples.all()) {
            String file = example.name() + ".xlsx";
            assertThat(Files.mismatch(first.resolve(file), second.resolve(file))).as(file).isEqualTo(-1L);
        }
    }
}
