package io.fabricplan.cli;

import io.fabricplan.check.PlanChecker;
import io.fabricplan.excel.InstanceWorkbookReader;
import io.fabricplan.excel.InstanceWorkbookWriter;
import io.fabricplan.excel.PlanWorkbookReader;
import io.fabricplan.instances.Examples;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Rack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SolveCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, Instance instance) throws IOException {
        Path file = dir.resolve(name + ".xlsx");
        InstanceWorkbookWriter.write(instance, file);
        return file;
    }

    @Test
    void tinySolvesToTheOptimumWorkedOutByHandAndPrintsOneJsonObject() throws Exception {
        Path in = write("tiny", Examples.tiny());
        Path out = dir.resolve("plan.xlsx");
        String before = sha256(in);

        CliRun run = CliRun.of("solve", in.toString(), "-o", out.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String json = run.out().strip();
        assertThat(json).startsWith("{").endsWith("}").doesNotContain("\n");
        assertThat(json).contains("\"status\": \"OPTIMAL\"", "\"objective\": \"TCO\"",
                "\"objective_value\": 138928.248", "\"capex_usd\": 123600", "\"power_w\": 2692",
                "\"greedy_objective_value\": 138928.248", "\"solver\": \"CP-SAT\"");
        assertThat(run.err()).contains("Model[AggregatedFabricFormulation]", "Status[OPTIMAL]");
        assertThat(sha256(in)).as("input untouched").isEqualTo(before);

        Instance instance = InstanceWorkbookReader.read(in).instance();
        var plan = PlanWorkbookReader.read(out);
        assertThat(plan.problems()).isEmpty();
        assertThat(new PlanChecker(instance).check(plan.plan()).violations()).isEmpty();
        assertThat(CliRun.of("check", in.toString(), out.toString()).exitCode()).isZero();
    }

    @Test
    void cpoIsChosenWhenTheNetworkRackBudgetBinds() throws IOException {
        Path in = write("cpo", Examples.cpoTightRack());
        Path out = dir.resolve("plan.xlsx");

        CliRun run = CliRun.of("solve", in.toString(), "-o", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        // 70000 (CPO leaf) + 32 x 1250 (DR modules at the servers) + 8 x 2 USD/m x (20 + 22 + 24 + 26) m fiber.
        assertThat(run.out()).contains("OPTIMAL", "objective 111,472.00");
        assertThat(run.out()).contains("rule of thumb").contains("breaks");
        var plan = PlanWorkbookReader.read(out).plan();
        assertThat(plan.devices()).filteredOn(d -> d.deviceId().equals("leaf1")).singleElement()
                .satisfies(d -> assertThat(d.modelId()).isEqualTo("sw51-cpo"));
        assertThat(new PlanChecker(Examples.cpoTightRack()).check(plan).violations()).isEmpty();
    }

    @Test
    void infeasibleRackIsNamedWithItsFiguresAndExitCodeThree() throws IOException {
        Path in = write("infeasible", Examples.infeasibleRack());

        CliRun run = CliRun.of("solve", in.toString(), "-o", dir.resolve("plan.xlsx").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out() + run.err()).contains("INFEASIBLE", "rack N1", "1.48 kW", "1.40 kW");
    }

    /** The campus: one plan of fabric and DWDM, its DWDM sheets read back, and the checker passing on it. */
    @Test
    void campusPlanCarriesLightpathsAndGreyRoutesThatTheCheckCommandAccepts() throws IOException {
        Path in = write("campus", Examples.campusDwdm());
        Path out = dir.resolve("plan.xlsx");

        CliRun run = CliRun.of("solve", in.toString(), "-o", out.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\"status\": \"OPTIMAL\"", "\"objective_value\": 2920078.976",
                "\"grey_routes\": 44", "\"lightpaths\": 52", "\"dwdm_fiber_pairs\": 4", "\"amplifiers\": 4");
        var plan = PlanWorkbookReader.read(out).plan();
        assertThat(plan.dwdm().lightpaths()).hasSize(52);
        assertThat(plan.dwdm().greyRoutes()).hasSize(44);
        CliRun check = CliRun.of("check", in.toString(), out.toString());
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(CliRun.of("validate", in.toString()).out()).contains("184 links (352 cables)",
                "4 sites, 4 spans, 8 WDM items");
    }

    @Test
    void greyOnlyCampusIsInfeasibleNamingTheCut() throws IOException {
        Path in = write("campus", Examples.campusDwdm());

        CliRun run = CliRun.of("solve", in.toString(), "-o", dir.resolve("plan.xlsx").toString(), "--inter-site",
                "GREY");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out() + run.err()).contains("INFEASIBLE", "sites A, B | C, D", "40 cable(s) too many");
    }

    @Test
    void flagsOverrideSettings() throws IOException {
        Path in = write("tiny", Examples.tiny());

        CliRun run = CliRun.of("solve", in.toString(), "-o", dir.resolve("p.xlsx").toString(), "--objective",
                "power", "--solver", "HIGHS", "--threads", "1", "--seed", "7", "--time-limit", "30", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\"objective\": \"POWER\"", "\"solver\": \"HiGHS\"");
    }

    @Test
    void planIsNeverWrittenOverTheInput() throws Exception {
        Path in = write("tiny", Examples.tiny());
        String before = sha256(in);

        CliRun run = CliRun.of("solve", in.toString(), "-o", in.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("would overwrite the input workbook").contains("Maybe");
        assertThat(sha256(in)).isEqualTo(before);
    }

    @Test
    void modelCanBeExportedInLpFormat() throws IOException {
        Path in = write("tiny", Examples.tiny());
        Path lp = dir.resolve("model.lp");

        CliRun run = CliRun.of("solve", in.toString(), "-o", dir.resolve("p.xlsx").toString(), "--export-model",
                lp.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readString(lp)).contains("Minimize", "Subject To", "End");
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /**
     * superpod-4su with 13 kW network racks: the all-pluggable rule of thumb does not fit there, but repaired (CPO
     * switches) it does: a 1 ms limit stops the planner before the model is built, and that repaired plan is
     * written, FEASIBLE, without a bound.
     */
    @Test
    void tooShortALimitWritesTheRepairedRuleOfThumb() throws IOException {
        Instance tight = Examples.superpod4su();
        tight = new Instance(tight.settings(), tight.racks().stream().map(r -> r.id().startsWith("N")
                ? new Rack(r.id(), r.siteId(), r.xM(), r.yM(), 13, r.baseLoadKw(), r.freeU()) : r).toList(),
                tight.switchModels(), tight.devices(), tight.links(), tight.optics());
        Path in = write("tight", tight);
        Path out = dir.resolve("plan.xlsx");

        CliRun run = CliRun.of("solve", in.toString(), "-o", out.toString(), "--time-limit", "0.001", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\"status\": \"FEASIBLE\"", "\"repaired_feasible\": true",
                "\"greedy_feasible\": false", "\"best_bound\": null");
        Instance instance = InstanceWorkbookReader.read(in).instance();
        assertThat(new PlanChecker(instance).check(PlanWorkbookReader.read(out).plan()).violations()).isEmpty();
    }

    /**
     * Three pluggable leaves the optimiser places, each with 4 x 800G to each of two servers in S; R1 has power
     * for one leaf (1.5 kW of headroom) and room for two; R2 and R3 room for one each:
     * <pre>
     *   S (0,0): [s1, s2]   R1 (3,0): 4 U, 1.5 kW   R2 (6,0): 2 U   R3 (9,0): 2 U
     *   leafA: R1 or R2     leafB: R2 or R3     leafC: R1 only
     * </pre>
     * The rule of thumb puts A and C in R1 (over budget) and B in R2; no single move helps (A cannot go to the
     * full R2 and moving B does not lower any excess), so the repair fails, while the optimum places A in R2 and
     * B in R3. With 1 ms there is no plan at hand: exit 4, and a longer limit finds the optimum.
     */
    @Test
    void noPlanWithinTheTimeLimitExitsWithFour() throws IOException {
        Instance catalog = Examples.tiny();
        java.util.List<Rack> racks = java.util.List.of(new Rack("S", null, 0, 0, 50, 10, 0),
                new Rack("R1", null, 3, 0, 1.5, 0, 4), new Rack("R2", null, 6, 0, 20, 0, 2),
                new Rack("R3", null, 9, 0, 20, 0, 2));
        java.util.List<io.fabricplan.model.Device> devices = new java.util.ArrayList<>(java.util.List.of(
                io.fabricplan.model.Device.server("s1", "S", 16, 800, false),
                io.fabricplan.model.Device.server("s2", "S", 16, 800, false)));
        java.util.List<io.fabricplan.model.Link> links = new java.util.ArrayList<>();
        String[][] candidates = {{"leafA", "R1", "R2"}, {"leafB", "R2", "R3"}, {"leafC", "R1"}};
        for (String[] c : candidates) {
            devices.add(io.fabricplan.model.Device.placedSwitch(c[0], io.fabricplan.model.Role.LEAF, "SW51T",
                    io.fabricplan.model.PackagingChoice.PLUGGABLE,
                    java.util.Arrays.asList(c).subList(1, c.length)));
            links.add(new io.fabricplan.model.Link(c[0] + "-s1", c[0], "s1", 4, 800, null));
            links.add(new io.fabricplan.model.Link(c[0] + "-s2", c[0], "s2", 4, 800, null));
        }
        Instance chain = new Instance(catalog.settings(), racks, catalog.switchModels(), devices, links,
                catalog.optics());
        Path in = write("chain", chain);
        Path out = dir.resolve("plan.xlsx");

        CliRun run = CliRun.of("solve", in.toString(), "-o", out.toString(), "--time-limit", "0.001");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.out()).contains("NO_SOLUTION", "no plan found within", "Maybe raise --time-limit");
        assertThat(PlanWorkbookReader.read(out).plan().links()).as("Summary only").isEmpty();

        CliRun longer = CliRun.of("solve", in.toString(), "-o", out.toString(), "--time-limit", "30");
        assertThat(longer.exitCode()).as(longer.toString()).isZero();
        assertThat(longer.out()).contains("OPTIMAL");
        Instance instance = InstanceWorkbookReader.read(in).instance();
        var plan = PlanWorkbookReader.read(out).plan();
        assertThat(new PlanChecker(instance).check(plan).violations()).isEmpty();
        assertThat(plan.devices()).extracting(d -> d.deviceId() + "@" + d.rackId())
                .contains("leafA@R2", "leafB@R3", "leafC@R1");
    }
}
