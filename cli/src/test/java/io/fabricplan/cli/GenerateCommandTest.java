package io.fabricplan.cli;

import io.fabricplan.excel.InstanceWorkbookReader;
import io.fabricplan.instances.FabricGenerator;
import io.fabricplan.instances.GeneratorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesAWorkbookThatReadsBackAsTheGeneratedInstance() {
        Path out = dir.resolve("fabric.xlsx");

        CliRun run = CliRun.of("generate", "--gpus", "1000", "--halls", "2", "-o", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).contains("wrote " + out, "1,024 GPUs, 128 nodes", "16 leaves",
                "8 spines", "0 cores", "2,048 cables");
        assertThat(run.err()).contains("warning: --gpus 1,000 rounded up to 1,024 GPUs");
        InstanceWorkbookReader.ReadResult read = InstanceWorkbookReader.read(out);
        assertThat(read.problems()).isEmpty();
        assertThat(read.instance()).isEqualTo(FabricGenerator.generate(GeneratorOptions.of(1000).withHalls(2))
                .instance());
    }

    @Test
    void generatedWorkbookValidates() {
        Path out = dir.resolve("fabric.xlsx");
        assertThat(CliRun.of("generate", "--gpus", "512", "--nic-gbps", "800", "-o", out.toString()).exitCode())
                .isZero();

        CliRun run = CliRun.of("validate", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void badFlagsExitTwoWithAMaybeAndNoStackTrace() {
        String out = dir.resolve("x.xlsx").toString();
        String[][] bad = {
            {"generate", "--gpus", "0", "-o", out},
            {"generate", "--gpus", "lots", "-o", out},
            {"generate", "--gpus", "1024"},
            {"generate", "-o", out},
            {"generate", "--gpus", "16384", "--tiers", "2", "-o", out},
            {"generate", "--gpus", "1024", "--tiers", "4", "-o", out},
            {"generate", "--gpus", "1024", "--switch-family", "SW7", "-o", out},
            {"generate", "--gpus", "1024", "--nic-gbps", "100", "-o", out},
            {"generate", "--gpus", "1024", "--oversubscription", "2", "-o", out},
            {"generate", "--gpus", "1024", "--placement", "anywhere", "-o", out},
            {"generate", "--gpus", "1024", "--rack-kw", "-3", "-o", out},
            {"generate", "--gpus", "1024", "--halls", "5", "-o", out},
            {"generate", "--gpus", "1024", "-o", dir.resolve("no/such/dir/x.xlsx").toString()},
            {"generate", "--gpus", "1024", "--hall-spans", "-o", out},
            {"generate", "--gpus", "1024", "--halls", "2", "--span-km", "3", "-o", out},
            {"generate", "--gpus", "1024", "--halls", "2", "--fiber-pairs", "10", "-o", out},
            {"generate", "--gpus", "1024", "--halls", "2", "--hall-spans", "--span-km", "0", "-o", out},
            {"generate", "--gpus", "1024", "--halls", "2", "--hall-spans", "--span-km", "-2", "-o", out},
            {"generate", "--gpus", "1024", "--halls", "2", "--hall-spans", "--span-km", "far", "-o", out},
            {"generate", "--gpus", "1024", "--halls", "2", "--hall-spans", "--span-km", "1000", "-o", out},
            {"generate", "--gpus", "1024", "--halls", "2", "--hall-spans", "--fiber-pairs", "0", "-o", out},
            {"generate", "--gpus", "1024", "--halls", "2", "--hall-spans", "--fiber-pairs", "-4", "-o", out},
        };
        for (String[] args : bad) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args) + "\n" + run).contains("Maybe")
                    .doesNotContain("Exception", "\tat ");
        }
        assertThat(Files.exists(dir.resolve("x.xlsx"))).isFalse();
    }

    @Test
    void hallSpansWriteSitesAndSpansThatReadBackAndSayHowManyFiberPairs() {
        Path out = dir.resolve("spans.xlsx");

        CliRun run = CliRun.of("generate", "--gpus", "1024", "--halls", "2", "--hall-spans", "--span-km", "3.5",
                "--fiber-pairs", "300", "-o", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).contains("2,048 cables; 512 of them between halls over 1 span of "
                + "3.5 km with 300 fiber pairs each");
        InstanceWorkbookReader.ReadResult read = InstanceWorkbookReader.read(out);
        assertThat(read.problems()).isEmpty();
        assertThat(read.instance()).isEqualTo(FabricGenerator.generate(GeneratorOptions.of(1024).withHalls(2)
                .withHallSpans(3.5, 300)).instance());
        assertThat(read.instance().spans()).hasSize(1);
    }

    @Test
    void hallSpansWithoutEnoughHallsSayToAddHalls() {
        CliRun run = CliRun.of("generate", "--gpus", "1024", "--hall-spans", "-o", dir.resolve("x.xlsx").toString());

        assertThat(run.err()).contains("fabricplan: --hall-spans needs at least 2 halls, got --halls 1",
                "  Maybe add --halls 2 or more");
    }

    @Test
    void twoTierLimitSuggestsThreeTiersOrABiggerFamily() {
        CliRun run = CliRun.of("generate", "--gpus", "16384", "--tiers", "2", "-o", dir.resolve("x.xlsx").toString());

        assertThat(run.err()).contains("fabricplan: 16,384 GPUs do not fit in 2 tiers of SW51T",
                "  Maybe use --tiers 3, or --switch-family SW102T.");
    }

    @Test
    void helpListsGenerate() {
        assertThat(CliRun.of("--help").out()).contains("generate");
        assertThat(CliRun.of("generate", "--help").out()).contains("--gpus", "--placement", "--hall-spans",
                "--span-km", "--fiber-pairs", "--installed-fraction", "--stock", "--max-buy", "--switch-swap-usd",
                "--recable-usd", "--breakouts", "Example:");
    }

    /** The options of a generate command line, as the command builds them. */
    static GeneratorOptions options(String... args) {
        GenerateCommand command = new GenerateCommand();
        new CommandLine(command).parseArgs(args);
        return command.options();
    }

    @Test
    void withoutSupplyFlagsThereIsNoSupply() {
        GeneratorOptions options = options("--gpus", "1024", "-o", "x.xlsx");

        assertThat(options.supply()).isNull();
        assertThat(options).isEqualTo(GeneratorOptions.of(1024));
    }

    @Test
    void supplyFlagsBecomeTheGeneratorsSupply() {
        GeneratorOptions options = options("--gpus", "16384", "--tiers", "2", "--switch-family", "SW102T",
                "--installed-fraction", "0.5", "--stock", "dr4_400=4000", "--stock", "SW102-P=3", "--stock",
                "dr4_400=1_000", "--max-buy", "sw102-cpo=144", "--max-buy", "dr4_400=20000", "--switch-swap-usd",
                "2500", "--recable-usd", "25", "-o", "x.xlsx");

        assertThat(options.supply()).isEqualTo(new GeneratorOptions.Supply(0.5, Map.of("dr4_400", 5000, "sw102-p",
                3), Map.of("sw102-cpo", 144, "dr4_400", 20_000), 2500, 25));
        // any one flag is a supply, the others at their defaults (nothing owned, no limit, no labour)
        assertThat(options("--gpus", "1024", "--recable-usd", "25", "-o", "x.xlsx").supply())
                .isEqualTo(GeneratorOptions.Supply.none().withLabour(0, 25));
    }

    @Test
    void supplyFlagsAreSummedUpInTheOutputLine() {
        Path out = dir.resolve("refresh.xlsx");

        CliRun run = CliRun.of("generate", "--gpus", "256", "--gpus-per-node", "4", "--installed-fraction", "0.5",
                "--stock", "dr4_400=200", "--max-buy", "sw51-cpo=3", "--switch-swap-usd", "2500", "--recable-usd",
                "25", "-o", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).contains("4 leaves, 2 spines", "; 2 installed leaves (sw51-p), "
                + "200 units in stock, max_buy sw51-cpo <= 3, labour 2500 USD per switch swap, 25 USD per re-cabled "
                + "optic");
        assertThat(out).exists();
        // without supply flags the line is as before
        assertThat(CliRun.of("generate", "--gpus", "256", "--gpus-per-node", "4", "-o", dir.resolve("plain.xlsx")
                .toString()).out()).doesNotContain("installed", "stock", "max_buy", "labour");
    }

    @Test
    void breakoutsFlagAddsTheCatalogsBreakoutItemsAndSaysSo() {
        assertThat(options("--gpus", "1024", "--breakouts", "-o", "x.xlsx"))
                .isEqualTo(GeneratorOptions.of(1024).withBreakouts(true));
        assertThat(options("--gpus", "1024", "-o", "x.xlsx").breakouts()).isFalse();
        Path out = dir.resolve("twin.xlsx");

        CliRun run = CliRun.of("generate", "--gpus", "1024", "--breakouts", "-o", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).contains("2,048 cables", "; 7 breakout items in the Optics");
        assertThat(run.err()).doesNotContain("warning");
        var read = InstanceWorkbookReader.read(out);
        assertThat(read.problems()).isEmpty();
        assertThat(read.instance().optics()).extracting(io.fabricplan.model.Optic::id)
                .containsExactlyElementsOf(io.fabricplan.model.DefaultCatalog.opticsWithBreakouts().stream()
                        .map(io.fabricplan.model.Optic::id).toList());
        // without the flag the line is as before
        assertThat(CliRun.of("generate", "--gpus", "1024", "-o", dir.resolve("plain.xlsx").toString()).out())
                .doesNotContain("breakout");
    }

    @Test
    void breakoutsAt800GWarnThatNoTwinPortModuleFits() {
        CliRun run = CliRun.of("generate", "--gpus", "2048", "--switch-family", "SW102T", "--nic-gbps", "800",
                "--breakouts", "-o", dir.resolve("x.xlsx").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("warning: --breakouts at 800G: no twin-port module or breakout cable of the "
                + "default catalog fits SW102T's 800G ports", "use --nic-gbps 400 for twin-port modules at the "
                + "switches");
    }

    @Test
    void aBreakoutItemInStockNeedsTheBreakoutsFlag() {
        Path out = dir.resolve("x.xlsx");

        CliRun run = CliRun.of("generate", "--gpus", "1024", "--stock", "twin_dr4_800=64", "-o", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("fabricplan: --stock twin_dr4_800=64: twin_dr4_800 is one of the default "
                + "catalog's breakout items, which the instance has only with --breakouts",
                "  Maybe add --breakouts, or use an item of the catalog without breakouts.");
        assertThat(out).doesNotExist();
        assertThat(CliRun.of("generate", "--gpus", "1024", "--stock", "twin_dr4_800=64", "--breakouts", "-o",
                out.toString()).exitCode()).isZero();
    }

    /** Free placement writes candidate_racks; the optimiser then places every switch in one of them. */
    @Test
    void freePlacementIsWrittenAndSolvedWithEverySwitchInACandidateRack() throws Exception {
        Path out = dir.resolve("free.xlsx");
        Path plan = dir.resolve("free-plan.xlsx");

        CliRun run = CliRun.of("generate", "--gpus", "1024", "--placement", "free", "-o", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        var read = InstanceWorkbookReader.read(out);
        assertThat(read.problems()).isEmpty();
        assertThat(read.instance().devices()).filteredOn(d -> d.isSwitch())
                .allSatisfy(d -> assertThat(d.candidateRacks()).isNotEmpty())
                .anySatisfy(d -> assertThat(d.candidateRacks()).hasSizeGreaterThan(1));
        CliRun solve = CliRun.of("solve", out.toString(), "-o", plan.toString(), "--time-limit", "60");
        assertThat(solve.exitCode()).as(solve.toString()).isZero();
        var placed = io.fabricplan.excel.PlanWorkbookReader.read(plan).plan();
        assertThat(new io.fabricplan.check.PlanChecker(read.instance()).check(placed).violations()).isEmpty();
        assertThat(placed.devices()).filteredOn(a -> a.modelId() != null)
                .allSatisfy(a -> assertThat(a.rackId()).isNotNull());
    }
}
