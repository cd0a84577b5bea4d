package io.fabricplan.studies;

import io.fabricplan.model.Instance;
import io.fabricplan.study.OverrideTarget;
import io.fabricplan.study.Scenario;
import io.fabricplan.validate.InputProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a study's scenarios from what the user gave: the Scenarios sheet's rows, {@code --sweep} specs and
 * {@code --stages}, crossed in that order, and finds every problem of them at once before any solve starts
 * (headers that name nothing in the instance, bad sweep specs, cells that cannot apply). Every runner (the CLI,
 * the Spark job) makes them here, so that the same inputs give the same scenarios in the same order.
 */
public final class StudyScenarios {
    private StudyScenarios() {
    }

    /**
     * The scenarios, or the problems.
     *
     * @param scenarios in study order; empty when there are problems
     * @param problems  each at its cell or flag, with a hint
     */
    public record Made(List<Scenario> scenarios, List<InputProblem> problems) {
        public Made {
            scenarios = List.copyOf(scenarios);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * @param instance     the base instance, valid
     * @param rows         the Scenarios sheet's scenarios (empty without the sheet)
     * @param targets      the sheet's override headers, parsed
     * @param headerCells  where each header is, e.g. {@code Scenarios!D1}
     * @param sheetPresent whether the workbook has a Scenarios sheet
     * @param sweeps       {@code --sweep} specs, e.g. {@code pue=1.1:1.5:0.1}
     * @param stages       whether the CPO stages cross every scenario
     * @param source       what to call the input in a problem that has no cell (e.g. the workbook's path)
     */
    public static Made make(Instance instance, List<Scenario> rows, List<OverrideTarget> targets,
                            List<String> headerCells, boolean sheetPresent, List<String> sweeps, boolean stages,
                            String source) {
        List<InputProblem> problems = new ArrayList<>(ScenarioInstances.checkHeaders(instance, targets, headerCells));
        List<Sweeps.Sweep> parsed = new ArrayList<>();
        for (String spec : sweeps) {
            try {
                Sweeps.Sweep sweep = Sweeps.parse(spec);
                parsed.add(sweep);
                problems.addAll(ScenarioInstances.checkHeaders(instance, List.of(sweep.target()),
                        List.of("--sweep " + spec)));
            } catch (IllegalArgumentException e) {
                problems.add(new InputProblem("--sweep " + spec, e.getMessage(), null));
            }
        }
        if (!sheetPresent && parsed.isEmpty() && !stages) {
            problems.add(new InputProblem(source, "there is no Scenarios sheet, and neither --sweep nor --stages make "
                    + "scenarios", "add a Scenarios sheet (scenario_id, then override columns; see README), or run "
                    + "with --sweep energy_usd_per_kwh=0.05:0.20:0.05 or --stages."));
        }
        if (!problems.isEmpty()) {
            return new Made(List.of(), problems);
        }
        List<Scenario> scenarios;
        try {
            scenarios = parsed.isEmpty() ? rows : Sweeps.cross(rows, parsed);
        } catch (IllegalArgumentException e) {
            return new Made(List.of(), List.of(new InputProblem("--sweep", e.getMessage(), null)));
        }
        if (stages) {
            scenarios = CpoStages.scenarios(instance, scenarios);
        }
        // every cell's value on every scenario, before any solve starts; a problem of a cell shared by many
        // scenarios (a row crossed with sweeps) is said once
        java.util.Set<InputProblem> cells = new java.util.LinkedHashSet<>();
        for (Scenario s : scenarios) {
            cells.addAll(ScenarioInstances.cellProblems(instance, s));
        }
        return cells.isEmpty() ? new Made(scenarios, List.of()) : new Made(List.of(), List.copyOf(cells));
    }
}
