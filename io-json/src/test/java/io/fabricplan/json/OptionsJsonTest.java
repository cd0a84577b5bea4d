package io.fabricplan.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabricplan.api.Budgets;
import io.fabricplan.api.FormulationKind;
import io.fabricplan.api.InterSiteMedia;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.instances.Examples;
import io.fabricplan.model.Objective;
import io.fabricplan.model.SolverKind;
import io.fabricplan.validate.InputProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Solve options from a JSON object or query parameters: the CLI's flags and ranges, every problem at its place. */
class OptionsJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SolveOptions BASE = SolveOptions.from(Examples.tiny().settings());

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    private static List<String> described(OptionsJson.Result r) {
        return r.problems().stream().map(InputProblem::describe).toList();
    }

    private static String problem(String where, String message, String maybe) {
        return new InputProblem(where, message, maybe).describe();
    }

    @Test
    void everyFieldIsReadIntoTheBaseOptions() throws Exception {
        OptionsJson.Result r = OptionsJson.read(json("{\"objective\": \"cost\", \"time_limit_seconds\": 2.5, "
                + "\"relative_gap\": 0.01, \"threads\": 2, \"seed\": -7, \"solver\": \"cp_sat\", \"formulation\": "
                + "\"REFERENCE\", \"inter_site\": \"Grey\", \"budgets\": {\"capex_usd\": 500000, \"power_w\": 90000}}"),
                "/options", BASE);

        assertThat(r.problems()).isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.options()).isEqualTo(BASE.withObjective(Objective.COST).withTimeLimitSeconds(2.5)
                .withRelativeGap(0.01).withThreads(2).withSeed(-7).withSolver(SolverKind.CP_SAT)
                .withFormulation(FormulationKind.REFERENCE).withInterSite(InterSiteMedia.GREY)
                .withBudgets(Budgets.NONE.withCapexUsd(500_000).withPowerW(90_000)));
    }

    @Test
    void absentAndNullFieldsKeepTheBase() throws Exception {
        assertThat(OptionsJson.read(json("{}"), "/options", BASE).options()).isEqualTo(BASE);
        assertThat(OptionsJson.read(json("{\"threads\": null, \"budgets\": null}"), "/options", BASE).options())
                .isEqualTo(BASE);
        assertThat(OptionsJson.read(null, "/options", BASE).options()).isEqualTo(BASE);
        assertThat(OptionsJson.read(json("null"), "/options", BASE).options()).isEqualTo(BASE);
    }

    @Test
    void everyBadFieldIsReportedAtOnceAtItsPointer() throws Exception {
        OptionsJson.Result r = OptionsJson.read(json("{\"objective\": \"cots\", \"time_limit_seconds\": 0, "
                + "\"relative_gap\": 5, \"threads\": 2000, \"seed\": 1.5, \"solver\": \"gurobi\", "
                + "\"formulation\": 3, \"inter_site\": \"dwdm-only\", \"time_limit\": 60, "
                + "\"budgets\": {\"power_kw\": 90, \"capex_usd\": -1, \"tco_usd\": \"1e6\"}}"), "/options", BASE);

        assertThat(r.ok()).isFalse();
        assertThat(r.options()).isNull();
        assertThat(described(r)).containsExactly(
                problem("/options/objective", "must be one of COST, POWER, TCO, WEIGHTED, got \"cots\"",
                        "\"objective\": \"COST\"."),
                problem("/options/time_limit_seconds", "must be more than 0 seconds, got 0", "give the seconds the "
                        + "search may take, e.g. \"time_limit_seconds\": 60 (fractions such as 0.5 work too)."),
                problem("/options/relative_gap", "must be from 0 to below 1, got 5, which any plan meets",
                        "you meant 5 %: write \"relative_gap\": 0.05."),
                problem("/options/threads", "must be a whole number from 0 to 1,024, got 2000", "give 0 for all "
                        + "cores, or a count from 1 to 1024, e.g. \"threads\": 4."),
                problem("/options/seed", "must be a whole number from -9,007,199,254,740,992 to "
                        + "9,007,199,254,740,992, got 1.5", "give a whole number, e.g. \"seed\": 7; the same seed "
                        + "repeats the same search."),
                problem("/options/solver", "must be one of AUTO, CP_SAT, SCIP, HIGHS, CHOCO, got \"gurobi\"",
                        "give one of AUTO, CP_SAT, SCIP, HIGHS, CHOCO, e.g. \"solver\": \"CP_SAT\"."),
                problem("/options/formulation", "must be one of AUTO, AGGREGATED, REFERENCE, NAIVE_CABLE, got 3",
                        "give one of AUTO, AGGREGATED, REFERENCE, NAIVE_CABLE, e.g. \"formulation\": \"AUTO\"."),
                problem("/options/inter_site", "must be one of ANY, GREY, DWDM, got \"dwdm-only\"",
                        "give one of ANY, GREY, DWDM, e.g. \"inter_site\": \"ANY\"."),
                problem("/options/time_limit", "unknown field \"time_limit\"", "\"time_limit_seconds\" (the solve "
                        + "options are objective, time_limit_seconds, relative_gap, threads, seed, solver, "
                        + "formulation, inter_site, budgets)."),
                problem("/options/budgets/power_kw", "unknown field \"power_kw\"", "\"power_w\" (the budgets are "
                        + "capex_usd, power_w, tco_usd)."),
                problem("/options/budgets/capex_usd", "must be more than 0, got -1", "give the most the plan's capex "
                        + "may be in USD, e.g. \"capex_usd\": 500000; leave it out for no limit."),
                problem("/options/budgets/tco_usd", "must be a number, got \"1e6\"", "\"tco_usd\": 1e6, without "
                        + "quotes."));
    }

    @Test
    void aDocumentOfItsOwnIsReadAtTheRootAndMustBeAnObject() throws Exception {
        assertThat(described(OptionsJson.read(json("{\"threads\": \"4\"}"), "", BASE))).containsExactly(
                problem("/threads", "must be a whole number from 0 to 1,024, got \"4\"", "\"threads\": 4, without "
                        + "quotes."));
        assertThat(described(OptionsJson.read(json("[1]"), "/options", BASE))).containsExactly(
                problem("/options", "must be an object of solve options, got an array", "give the options as "
                        + "{\"time_limit_seconds\": 60, ...}; the fields are objective, time_limit_seconds, "
                        + "relative_gap, threads, seed, solver, formulation, inter_site, budgets."));
    }

    @Test
    void queryParametersReadTheSameFieldsWithTheBudgetsPrefixed() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("time_limit_seconds", List.of("2"));
        query.put("threads", List.of("1"));
        query.put("objective", List.of("COST"));
        query.put("relative_gap", List.of("0.5%"));
        query.put("budget_capex_usd", List.of("500000"));
        query.put("deadline_ms", List.of("not ours"));
        query.put("id", List.of("quote-1"));

        OptionsJson.Result r = OptionsJson.fromParameters(query, BASE, Set.of("deadline_ms", "id"));

        assertThat(r.problems()).isEmpty();
        assertThat(r.options()).isEqualTo(BASE.withTimeLimitSeconds(2).withThreads(1).withObjective(Objective.COST)
                .withRelativeGap(0.005).withBudgets(Budgets.NONE.withCapexUsd(500_000)));
        assertThat(OptionsJson.fromParameters(Map.of(), BASE).options()).isEqualTo(BASE);
    }

    @Test
    void badQueryParametersAreEachNamedWithAHint() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("time_limit_seconds", List.of("fast"));
        query.put("threads", List.of("1", "2"));
        query.put("seed", List.of(""));
        query.put("relative_gap", List.of("5"));
        query.put("objective", List.of("tc0"));
        query.put("budget_power_w", List.of("0"));
        query.put("deadline_m", List.of("100"));

        OptionsJson.Result r = OptionsJson.fromParameters(query, BASE, Set.of("deadline_ms", "id"));

        assertThat(described(r)).containsExactly(
                problem("query parameter time_limit_seconds", "must be a number, got \"fast\"", "give the seconds "
                        + "the search may take, e.g. time_limit_seconds=60 (fractions such as 0.5 work too)."),
                problem("query parameter threads", "is given 2 times: \"1\", \"2\"", "give it once."),
                problem("query parameter seed", "is empty", "give a value, e.g. seed=7, or leave the parameter out."),
                problem("query parameter relative_gap", "must be from 0 to below 1, got \"5\", which any plan meets",
                        "you meant 5 %: write relative_gap=0.05 or relative_gap=5%."),
                problem("query parameter objective", "must be one of COST, POWER, TCO, WEIGHTED, got \"tc0\"",
                        "objective=TCO."),
                problem("query parameter budget_power_w", "must be more than 0, got \"0\"", "give the most the "
                        + "plan's network power may be in W, e.g. budget_power_w=500000; leave it out for no limit."),
                problem("query parameter deadline_m", "unknown query parameter \"deadline_m\"", "\"deadline_ms\" "
                        + "(the query parameters are objective, time_limit_seconds, relative_gap, threads, seed, "
                        + "solver, formulation, inter_site, budget_capex_usd, budget_power_w, budget_tco_usd, "
                        + "deadline_ms, id)."));
    }

    @Test
    void writtenOptionsReadBackOverAnyBase() throws Exception {
        SolveOptions options = BASE.withObjective(Objective.WEIGHTED).withTimeLimitSeconds(0.25).withRelativeGap(0)
                .withThreads(0).withSeed(-3).withSolver(SolverKind.CHOCO).withFormulation(FormulationKind.NAIVE_CABLE)
                .withInterSite(InterSiteMedia.DWDM).withBudgets(Budgets.NONE.withTcoUsd(1e6));
        SolveOptions other = BASE.withThreads(8).withBudgets(Budgets.NONE.withPowerW(1));

        OptionsJson.Result r = OptionsJson.read(OptionsJson.toJson(options), "/options", other);

        assertThat(r.options()).isEqualTo(options);
        assertThat(OptionsJson.toJson(options).toString()).isEqualTo("{\"objective\":\"WEIGHTED\","
                + "\"time_limit_seconds\":0.25,\"relative_gap\":0,\"threads\":0,\"seed\":-3,\"solver\":\"CHOCO\","
                + "\"formulation\":\"NAIVE_CABLE\",\"inter_site\":\"DWDM\",\"budgets\":{\"tco_usd\":1000000}}");
        assertThat(OptionsJson.read(OptionsJson.toJson(BASE), "", other).options()).isEqualTo(BASE);
    }
}
