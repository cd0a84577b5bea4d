package io.fabricplan.studies;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.instances.Examples;
import io.fabricplan.model.Instance;
import io.fabricplan.study.OverrideTarget;
import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.Scenario;
import io.fabricplan.study.ScenarioResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study of the tiny example (README works its optimum out by hand): the CPO switch price swept, a rack budget
 * no plan can meet, a scenario the validator refuses after its overrides, and one that asks for its front.
 */
class StudyRunnerTest {
    private static final Instance TINY = Examples.tiny();
    private static final OverrideTarget CPO_PRICE = OverrideTarget.parse("SwitchModels[packaging=CPO].cost_usd *");
    private static final OverrideTarget R1_BUDGET = OverrideTarget.parse("Racks[R1].power_budget_kw");

    @TempDir
    Path folder;

    private static Study study() {
        List<Scenario> scenarios = new ArrayList<>();
        for (double factor : new double[] {0.8, 1.0, 1.2}) {
            scenarios.add(new Scenario("cpo x" + factor, "", List.of(OverrideValue.of(CPO_PRICE, factor,
                    "Scenarios!B" + (scenarios.size() + 2)))));
        }
        scenarios.add(new Scenario("no budget", "leaf rack below its base load", List.of(
                OverrideValue.of(R1_BUDGET, -1, "Scenarios!C5")), false, "Scenarios!A5"));
        scenarios.add(new Scenario("front", "", List.of(), true, "Scenarios!A6"));
        return new Study("tiny", TINY, scenarios);
    }

    @Test
    void everyScenarioKeepsItsRowAndEveryPlanPassesTheChecker() {
        List<String> checked = Collections.synchronizedList(new ArrayList<>());
        StudyRunner.Outcome outcome = new StudyRunner(Planner.create()).run(study(),
                new StudyRunner.Options(2, 1, 30, null), null, List.of(), new StudyRunner.Listener() {
                    @Override
                    public void onScenarioDone(int index, ScenarioResult row, Instance instance, PlanResult result,
                                               ParetoFront.Result front) {
                        if (result != null && result.status().hasPlan()) {
                            Instance target = instance.withSettings(instance.settings()
                                    .withObjective(result.objective()));
                            assertThat(new PlanChecker(target).check(result.plan()).passed()).isTrue();
                            checked.add(row.scenario().id());
                        }
                    }
                }, new Cancellation());
        assertThat(outcome.stopped()).isFalse();
        assertThat(outcome.rows()).extracting(r -> r.scenario().id())
                .containsExactly("cpo x0.8", "cpo x1.0", "cpo x1.2", "no budget", "front");
        assertThat(checked).containsExactlyInAnyOrder("cpo x0.8", "cpo x1.0", "cpo x1.2");
        ScenarioResult cheapCpo = outcome.rows().get(0);
        assertThat(cheapCpo.status()).isEqualTo("OPTIMAL");
        // README's worked optimum with CPO switches at 80 % of their price: both switches CPO
        assertThat(cheapCpo.figures().cpoSwitches()).isEqualTo(2);
        assertThat(cheapCpo.figures().capexUsd()).isCloseTo(114_648, org.assertj.core.data.Offset.offset(0.01));
        double[] tco = outcome.rows().subList(0, 3).stream().mapToDouble(r -> r.figures().tcoUsd()).toArray();
        assertThat(tco[0]).isLessThanOrEqualTo(tco[1]);
        assertThat(tco[1]).isLessThanOrEqualTo(tco[2]);
        assertThat(outcome.rows().get(1).savingOverRuleOfThumbUsd()).isGreaterThanOrEqualTo(-1e-6);

        ScenarioResult invalid = outcome.rows().get(3);
        assertThat(invalid.status()).isEqualTo("INVALID");
        assertThat(invalid.figures()).isNull();
        assertThat(invalid.error()).contains("Scenarios!C5").contains("power_budget_kw");

        ScenarioResult front = outcome.rows().get(4);
        assertThat(front.status()).isEqualTo(StudyRunner.FRONT);
        assertThat(outcome.fronts()).containsKey("front");
        assertThat(outcome.fronts().get("front").exact()).isTrue();
        assertThat(front.figures().tcoUsd()).isEqualTo(outcome.fronts().get("front").points().stream()
                .mapToDouble(p -> p.figures().tcoUsd()).min().orElseThrow());
    }

    @Test
    void resumeSkipsJournalledScenariosAndATornLastLineRunsAgain() throws Exception {
        Path journalFile = folder.resolve("results.xlsx.journal.jsonl");
        Study study = study();
        StudyRunner runner = new StudyRunner(Planner.create());
        StudyRunner.Options options = new StudyRunner.Options(1, 1, 30, List.of(0, 1, 2));
        try (StudyJournal journal = StudyJournal.open(journalFile, true)) {
            runner.run(study, options, journal, List.of(), StudyRunner.Listener.NONE, new Cancellation());
        }
        List<StudyJournal.Entry> entries = StudyJournal.read(journalFile);
        assertThat(entries).hasSize(3);
        // a kill while the third line was written leaves it torn
        List<String> lines = Files.readAllLines(journalFile, StandardCharsets.UTF_8);
        Files.writeString(journalFile, lines.get(0) + "\n" + lines.get(1) + "\n"
                + lines.get(2).substring(0, lines.get(2).length() / 2), StandardCharsets.UTF_8);
        List<StudyJournal.Entry> survived = StudyJournal.read(journalFile);
        assertThat(survived).hasSize(2);
        assertThat(survived.get(0).result()).isEqualTo(entries.get(0).result());

        List<Integer> solved = Collections.synchronizedList(new ArrayList<>());
        StudyRunner.Outcome resumed;
        try (StudyJournal journal = StudyJournal.open(journalFile, false)) {
            resumed = runner.run(study, new StudyRunner.Options(2, 1, 30, null), journal, survived,
                    new StudyRunner.Listener() {
                        @Override
                        public void onScenarioDone(int index, ScenarioResult row, Instance instance,
                                                   PlanResult result, ParetoFront.Result front) {
                            solved.add(index);
                        }
                    }, new Cancellation());
        }
        assertThat(resumed.resumed()).isEqualTo(2);
        assertThat(solved).containsExactlyInAnyOrder(2, 3, 4);
        assertThat(resumed.rows()).hasSize(5);
        assertThat(resumed.rows().get(0)).isEqualTo(entries.get(0).result());
    }

    @Test
    void journalOfAnotherBaseInstanceIsNotResumed() {
        Path journalFile = folder.resolve("other.jsonl");
        StudyRunner runner = new StudyRunner(Planner.create());
        StudyRunner.Options first = new StudyRunner.Options(1, 1, 30, List.of(0));
        try (StudyJournal journal = StudyJournal.open(journalFile, true)) {
            runner.run(study(), first, journal, List.of(), StudyRunner.Listener.NONE, new Cancellation());
        }
        Instance edited = TINY.withSettings(TINY.settings().withObjective(io.fabricplan.model.Objective.COST));
        Study changed = new Study("tiny", edited, study().scenarios());
        StudyRunner.Outcome outcome = runner.run(changed, first, null, StudyJournal.read(journalFile),
                StudyRunner.Listener.NONE, new Cancellation());
        assertThat(outcome.resumed()).isZero();
        assertThat(outcome.rows().get(0).objective()).isEqualTo("COST");
        StudyRunner.Outcome same = runner.run(study(), first, null, StudyJournal.read(journalFile),
                StudyRunner.Listener.NONE, new Cancellation());
        assertThat(same.resumed()).isEqualTo(1);
    }

    @Test
    void cancelledStudyKeepsOnlyFinishedScenarios() {
        Cancellation cancel = new Cancellation();
        StudyRunner.Outcome outcome = new StudyRunner(Planner.create()).run(study(),
                new StudyRunner.Options(1, 1, 30, null), null, List.of(), new StudyRunner.Listener() {
                    @Override
                    public void onScenarioDone(int index, ScenarioResult row, Instance instance, PlanResult result,
                                               ParetoFront.Result front) {
                        cancel.cancel();
                    }
                }, cancel);
        assertThat(outcome.stopped()).isTrue();
        assertThat(outcome.rows()).hasSize(1);
        assertThat(outcome.rows().get(0).scenario().id()).isEqualTo("cpo x0.8");
    }

    @Test
    void journalEntriesReadBackEqual() {
        Path file = folder.resolve("j.jsonl");
        StudyRunner.Outcome outcome;
        try (StudyJournal journal = StudyJournal.open(file, true)) {
            outcome = new StudyRunner(Planner.create()).run(study(), new StudyRunner.Options(2, 1, 30, null),
                    journal, List.of(), StudyRunner.Listener.NONE, new Cancellation());
        }
        List<StudyJournal.Entry> read = StudyJournal.read(file);
        assertThat(read).hasSize(5);
        read.sort(java.util.Comparator.comparingInt(StudyJournal.Entry::index));
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i).result()).isEqualTo(outcome.rows().get(i));
        }
        assertThat(read.get(4).front()).isEqualTo(outcome.fronts().get("front"));
    }
}
