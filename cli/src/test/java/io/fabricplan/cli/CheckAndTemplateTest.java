package io.fabricplan.cli;

import io.fabricplan.excel.InstanceWorkbookWriter;
import io.fabricplan.instances.Examples;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CheckAndTemplateTest {
    @TempDir
    Path dir;

    @Test
    void handBrokenPlanFailsTheCheckWithExitCodeFive() throws Exception {
        Path in = dir.resolve("tiny.xlsx");
        Path plan = dir.resolve("plan.xlsx");
        InstanceWorkbookWriter.write(Examples.tiny(), in);
        assertThat(CliRun.of("solve", in.toString(), "-o", plan.toString()).exitCode()).isZero();
        // LinkPlan row 2 is a 7 m server link; a passive DAC reaches 2 m.
        assertThat(WorkbookEdits.get(plan, "LinkPlan!G2")).isEqualTo("aec800");
        WorkbookEdits.edit(plan, WorkbookEdits.set("LinkPlan!G2", "dac800"));

        CliRun run = CliRun.of("check", in.toString(), plan.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(run.out()).contains("REACH_EXCEEDED s1-leaf1: dac800 reaches 2 m, the link is 7 m (LinkPlan!G2)");
        // The Summary still states the solved totals, which the edit changed.
        assertThat(run.out()).contains("REPORTED_TOTAL_MISMATCH Summary!B7: capex_usd");
    }

    /**
     * An infeasible solve still writes its workbook (status and diagnostics); checking it says the instance is
     * infeasible and why, with the exit code of solve, and does not advise a longer time limit.
     */
    @Test
    void checkingTheWorkbookOfAnInfeasibleSolveSaysWhyItIsInfeasible() throws Exception {
        Path in = dir.resolve("infeasible.xlsx");
        Path plan = dir.resolve("plan.xlsx");
        InstanceWorkbookWriter.write(Examples.infeasibleRack(), in);
        assertThat(CliRun.of("solve", in.toString(), "-o", plan.toString()).exitCode()).isEqualTo(3);

        CliRun run = CliRun.of("check", in.toString(), plan.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).contains("records an infeasible instance", "Why, from its Summary:",
                "rack N1: the least network power possible is 1.48 kW, budget 1.40 kW", "Maybe change what it names",
                "a longer --time-limit will not help")
                .doesNotContain("MISSING_MODEL", "Maybe solve again with a longer --time-limit");
    }

    @Test
    void templateIsAValidInstance() {
        Path template = dir.resolve("new.xlsx");
        CliRun written = CliRun.of("template", template.toString());
        assertThat(written.exitCode()).as(written.toString()).isZero();

        CliRun run = CliRun.of("validate", template.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(CliRun.of("template", template.toString()).exitCode()).as("refuses to overwrite").isEqualTo(2);
    }

    /** The template has the v2 sheets to fill (headers only) and the v2 columns and settings, blank or 0. */
    @Test
    void templateHasTheInventoryAndCompatibilitySheetsAndTheV2Columns() {
        Path template = dir.resolve("new.xlsx");
        assertThat(CliRun.of("template", template.toString()).exitCode()).isZero();

        assertThat(List.of("Inventory!A1", "Inventory!B1", "Inventory!C1").stream()
                .map(ref -> WorkbookEdits.get(template, ref))).containsExactly("item_id", "quantity", "note");
        assertThat(List.of("Compatibility!A1", "Compatibility!B1", "Compatibility!C1", "Compatibility!D1").stream()
                .map(ref -> WorkbookEdits.get(template, ref)))
                .containsExactly("optic_id", "platform", "allowed", "coding_usd");
        assertThat(List.of("Devices!J1", "Devices!K1", "SwitchModels!M1", "Optics!Q1", "Settings!A17",
                "Settings!A18").stream().map(ref -> WorkbookEdits.get(template, ref)))
                .containsExactly("installed_model", "platform", "max_buy", "max_buy", "switch_swap_usd",
                        "recable_usd");
    }

    /** Bad v2 cells are each named with a hint, all at once, and nothing is solved. */
    @Test
    void badInventoryAndCompatibilityCellsAreNamedWithAHint() {
        Path in = dir.resolve("stock.xlsx");
        assertThat(CliRun.of("template", in.toString()).exitCode()).isZero();
        WorkbookEdits.edit(in, WorkbookEdits.set("Inventory!A2", "aoc800"));
        WorkbookEdits.edit(in, WorkbookEdits.set("Inventory!B2", 2.5));
        WorkbookEdits.edit(in, WorkbookEdits.set("Compatibility!A2", "aoc800"));
        WorkbookEdits.edit(in, WorkbookEdits.set("Compatibility!B2", "SW51T"));
        WorkbookEdits.edit(in, WorkbookEdits.set("Compatibility!C2", "maybe"));

        CliRun run = CliRun.of("validate", in.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out() + run.err()).contains(
                "Inventory!B2: quantity must be a whole number, got 2.5",
                "Maybe give the units owned, a whole number, 0 or more (e.g. 8).",
                "Compatibility!C2: allowed must be YES or NO, got \"maybe\"",
                "Maybe type YES where the optic is qualified on the platform, NO where it is refused.");
    }

    @Test
    void versionAndHelpExitZero() {
        assertThat(CliRun.of("--version").exitCode()).isZero();
        CliRun help = CliRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("solve", "validate", "check", "template", "Exit codes");
    }
}
