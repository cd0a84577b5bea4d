package io.fabricplan.study;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole study as its results workbook shows it.
 *
 * @param instanceName    the instance file (or a name for it)
 * @param overrideHeaders the override columns in order, canonical spelling ({@link OverrideTarget#header()})
 * @param rows            one per scenario, in the study's order; scenarios not run (a stopped study) are absent
 * @param fronts          scenario id to its Pareto front, for scenarios that asked for one
 * @param scenarioCount   scenarios in the study (rows may be fewer when it was stopped)
 * @param wallSeconds     wall time of the run (this process's share when resumed)
 * @param parallel        scenarios solved at once
 * @param threadsPerSolve solver threads of each solve
 * @param machine         e.g. "2 cores, Linux 6.1, Java 17.0.12"
 * @param stopped         true when the study was stopped before every scenario ran
 */
public record StudyReport(String instanceName, List<String> overrideHeaders, List<ScenarioResult> rows,
                          Map<String, FrontReport> fronts, int scenarioCount, double wallSeconds, int parallel,
                          int threadsPerSolve, String machine, boolean stopped) {
    public StudyReport {
        Objects.requireNonNull(instanceName, "instanceName");
        overrideHeaders = List.copyOf(overrideHeaders);
        rows = List.copyOf(rows);
        fronts = Map.copyOf(fronts);
        machine = machine == null ? "" : machine;
    }
}
