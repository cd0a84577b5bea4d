package io.fabricplan.cli;

import io.fabricplan.check.PlanChecker;
import io.fabricplan.excel.InstanceWorkbookWriter;
import io.fabricplan.excel.PlanWorkbookReader;
import io.fabricplan.instances.Examples;
import io.fabricplan.model.DwdmPlan;
import io.fabricplan.model.GreyRoute;
import io.fabricplan.model.Objective;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** What a new user reads: the help, the hints, and the words around the figures. */
class HelpAndMessagesTest {
    @TempDir
    Path dir;

    @Test
    void topLevelHelpFooterKeepsEveryExitCodeOnItsOwnLine() {
        CliRun help = CliRun.of("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Exit codes:\n", "\n  2    invalid input or flag (each problem named, with a "
                + "\"Maybe ...\" hint)\n", "\n  3    infeasible\n", "\n  130  aborted by Ctrl-C (nothing written)\n");
        assertThat(help.out().lines()).noneMatch(line -> line.startsWith("input,") || line.endsWith(" invalid"));
    }

    @Test
    void bareFabricplanListsEveryCommand() {
        List<String> commands = new CommandLine(new Fabricplan()).getSubcommands().keySet().stream()
                .filter(name -> !name.equals("help")).toList();

        CliRun run = CliRun.of();

        assertThat(commands).hasSize(13);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("a command is missing", "Maybe ").contains(commands);
    }

    @Test
    void unknownCommandListsTheCommands() {
        CliRun run = CliRun.of("plan", "x.xlsx");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'plan'", "Maybe ", "the commands are solve, validate", "sndlib");
    }

    @Test
    void examplesHelpNamesEveryExampleItsBuildersWrite() {
        CliRun help = CliRun.of("examples", "--help");

        assertThat(Examples.all()).hasSize(10);
        String oneLine = help.out().replaceAll("\\s+", " ");
        assertThat(oneLine).contains("Writes the 10 example instance workbooks");
        Examples.all().forEach(e -> assertThat(oneLine).contains(e.name() + ".xlsx"));
    }

    @Test
    void solveHelpSaysWhatCtrlCDoesAndTheExitCodes() {
        String help = CliRun.of("solve", "--help").out().replaceAll("\\s+", " ");

        assertThat(help).contains("Ctrl-C stops the search and still writes the best plan found",
                "a second Ctrl-C aborts at once without writing (exit 130)", "4 no plan within the time limit",
                "a percentage such as 0.1%");
    }

    @Test
    void comparisonWithTheRuleOfThumbReadsRightWhicheverIsLarger() {
        assertThat(SolveCommand.comparison(Objective.TCO, 93.18, 100, true))
                .isEqualTo("the plan's TCO is 6.82 % below the rule of thumb's");
        assertThat(SolveCommand.comparison(Objective.COST, 114.89, 100, false))
                .isEqualTo("the rule of thumb is not a valid plan; the plan meets every rule with a capex 14.89 % "
                        + "above the rule of thumb's");
        assertThat(SolveCommand.comparison(Objective.POWER, 81.7, 100, false))
                .isEqualTo("the rule of thumb is not a valid plan; the plan meets every rule with a power 18.30 % "
                        + "below the rule of thumb's");
        assertThat(SolveCommand.comparison(Objective.TCO, 100, 100, true))
                .isEqualTo("the plan's TCO equals the rule of thumb's");
    }

    @Test
    void countsBetweenSitesHaveThousandsSeparators() {
        List<GreyRoute> grey = IntStream.range(0, 1006).mapToObj(i -> new GreyRoute("l" + i, 0, "lr4_400", List.of()))
                .toList();

        assertThat(SolveCommand.betweenSites(new DwdmPlan(List.of(), grey, List.of(), List.of())))
                .startsWith("between sites: 1,006 grey cable(s) on dedicated fiber pairs, 0 DWDM lightpath(s)");
    }

    @Test
    void validateCountsHaveThousandsSeparators() {
        Path fabric = dir.resolve("fabric.xlsx");
        assertThat(CliRun.of("generate", "--gpus", "1024", "-o", fabric.toString()).exitCode()).isZero();

        CliRun run = CliRun.of("validate", fabric.toString());

        assertThat(run.out()).contains("1,152 links (2,048 cables)");
    }

    /** superpod-4su: optimal within a 2 % gap asked for; then its plan found at a tiny time limit. */
    @Test
    void statusLinesSayWhatTheGapMeans() throws Exception {
        Path in = dir.resolve("superpod.xlsx");
        InstanceWorkbookWriter.write(Examples.superpod4su(), in);
        Path plan = dir.resolve("plan.xlsx");

        CliRun withinGap = CliRun.of("solve", in.toString(), "-o", plan.toString(), "--gap", "2%");

        assertThat(withinGap.exitCode()).as(withinGap.toString()).isZero();
        assertThat(withinGap.out()).containsPattern("OPTIMAL {2}TCO\n  objective [0-9,.]+ {2}bound [0-9,.]+ {2}gap "
                + "[0-9.]+%, (optimal within the 2 % gap asked|proven optimal)\n");
        assertThat(new PlanChecker(Examples.superpod4su()).check(PlanWorkbookReader.read(plan).plan()).passed())
                .isTrue();

        CliRun tiny = CliRun.of("solve", in.toString(), "-o", plan.toString(), "--time-limit", "0.001");

        assertThat(tiny.exitCode()).as(tiny.toString()).isZero();
        assertThat(tiny.out()).contains("FEASIBLE  TCO", ", the best plan found within the time limit of 0.001 s");
        assertThat(new PlanChecker(Examples.superpod4su()).check(PlanWorkbookReader.read(plan).plan()).passed())
                .isTrue();
    }

    /** The one rule for output folders: every command that writes refuses a missing one, and creates none. */
    @Test
    void everyCommandRefusesAMissingOutputFolderAndCreatesNone() throws Exception {
        Path in = dir.resolve("tiny.xlsx");
        InstanceWorkbookWriter.write(Examples.tiny(), in);
        Path topology = Files.writeString(dir.resolve("ring.txt"), "NODES\nA\nB\nEDGES\nA B 5\n");
        Path missing = dir.resolve("missing");
        List<String[]> commandLines = List.of(
                new String[] {"template", missing.resolve("new.xlsx").toString()},
                new String[] {"examples", missing.toString()},
                new String[] {"solve", in.toString(), "-o", missing.resolve("plan.xlsx").toString()},
                new String[] {"solve", in.toString(), "-o", dir.resolve("p.xlsx").toString(), "--export-model",
                    missing.resolve("m.lp").toString()},
                new String[] {"generate", "--gpus", "1024", "-o", missing.resolve("f.xlsx").toString()},
                new String[] {"rwa", "--topology", topology.toString(), "--all-to-all", "-o",
                    missing.resolve("a.json").toString()},
                new String[] {"bench", "--output", missing.resolve("B.md").toString()});
        for (String[] args : commandLines) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args) + "\n" + run).contains("does not exist",
                    "Maybe create it first (mkdir -p " + missing + ")");
            assertThat(missing).doesNotExist();
        }
        assertThat(dir.resolve("p.xlsx")).doesNotExist();
    }
}
