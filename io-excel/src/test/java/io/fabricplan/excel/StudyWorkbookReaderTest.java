package io.fabricplan.excel;

import static io.fabricplan.excel.TestWorkbook.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabricplan.excel.StudyWorkbookReader.ScenarioSheet;
import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.OverrideTarget;
import io.fabricplan.study.Scenario;
import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Scenarios sheet: read into scenarios whose every value names its cell, or refused with every problem at its
 * cell and a hint.
 */
class StudyWorkbookReaderTest {
    @TempDir
    Path dir;

    private static final Object[] HEADER = row("scenario_id", "description", "pareto", "pue",
            "racks[N1].power_budget_kw", "SwitchModels[packaging=CPO].cost_usd *");

    private ScenarioSheet read(Object[]... rows) throws IOException {
        return read(ReadLimits.DEFAULTS, rows);
    }

    private ScenarioSheet read(ReadLimits limits, Object[]... rows) throws IOException {
        Path file = TestWorkbook.valid().sheet("Scenarios", rows).write(dir.resolve("in.xlsx"));
        return StudyWorkbookReader.readScenarios(file, limits);
    }

    /** The problems of a refused sheet, as {@code where: message}. */
    private List<String> problems(Object[]... rows) {
        InputWorkbookException e = org.junit.jupiter.api.Assertions.assertThrows(InputWorkbookException.class,
                () -> read(rows));
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.hint()).as(p.describe()).isNotBlank());
        return e.problems().stream().map(p -> p.where() + ": " + p.message()).toList();
    }

    @Test
    void goodSheetReadsIntoScenariosWithTheirCells() throws IOException {
        ScenarioSheet sheet = read(HEADER,
                row("base", "as it is", null, null, null, null),
                row("S2", null, "YES", 1.2, 30, "0.9"),
                row(3, "numbers as ids", "no", "1.5", null, 0.75));

        OverrideTarget pue = OverrideTarget.parse("pue");
        OverrideTarget budget = OverrideTarget.parse("Racks[N1].power_budget_kw");
        OverrideTarget cpo = OverrideTarget.parse("SwitchModels[packaging=CPO].cost_usd *");
        assertThat(sheet.present()).isTrue();
        assertThat(sheet.targets()).containsExactly(pue, budget, cpo);
        assertThat(sheet.headerCells()).containsExactly("Scenarios!D1", "Scenarios!E1", "Scenarios!F1");
        assertThat(sheet.headers()).containsExactly("pue", "Racks[N1].power_budget_kw",
                "SwitchModels[packaging=CPO].cost_usd *");
        assertThat(sheet.scenarios()).containsExactly(
                new Scenario("base", "as it is", List.of(), false, "Scenarios!A2"),
                new Scenario("S2", "", List.of(OverrideValue.of(pue, "1.2", "Scenarios!D3"),
                        OverrideValue.of(budget, "30", "Scenarios!E3"), OverrideValue.of(cpo, "0.9", "Scenarios!F3")), true,
                        "Scenarios!A3"),
                new Scenario("3", "numbers as ids", List.of(OverrideValue.of(pue, "1.5", "Scenarios!D4"),
                        OverrideValue.of(cpo, "0.75", "Scenarios!F4")), false, "Scenarios!A4"));
        assertThat(sheet.scenarios().get(1).overrides().get(0).number()).isEqualTo(1.2);
    }

    @Test
    void workbookWithoutTheSheetHasNoScenarios() throws IOException {
        Path file = TestWorkbook.valid().write(dir.resolve("in.xlsx"));

        ScenarioSheet sheet = StudyWorkbookReader.readScenarios(file, ReadLimits.DEFAULTS);

        assertThat(sheet.present()).isFalse();
        assertThat(sheet.scenarios()).isEmpty();
        assertThat(sheet.targets()).isEmpty();
    }

    @Test
    void sheetNameInAnyCaseIsRead() throws IOException {
        Path file = TestWorkbook.valid().sheet(" scenarios", row("scenario_id", "pue"), row("S1", 1.1))
                .write(dir.resolve("in.xlsx"));

        assertThat(StudyWorkbookReader.readScenarios(file, ReadLimits.DEFAULTS).scenarios())
                .extracting(Scenario::id).containsExactly("S1");
    }

    @Test
    void onlyColumnsAndSettingsKeysAreNotCheckedHere() throws IOException {
        // Whether Racks has such a column, or a rack N9, is for the study to say, where it applies the override.
        ScenarioSheet sheet = read(row("scenario_id", "Racks[N9].no_such_column", "no_such_key"), row("S1", 1, 2));

        assertThat(sheet.headers()).containsExactly("Racks[N9].no_such_column", "no_such_key");
    }

    @Test
    void missingScenarioIdColumnIsAProblemAtTheHeaderRow() {
        assertThat(problems(row("name", "description", "pue"), row("S1", "x", 1.2)))
                .containsExactly("Scenarios!1: column \"scenario_id\" is missing");
    }

    @Test
    void blankScenarioIdIsAProblemAtItsCell() {
        assertThat(problems(HEADER, row("S1", null, null, 1.1), row(null, "forgot the id", null, 1.2)))
                .containsExactly("Scenarios!A3: scenario_id is blank");
    }

    @Test
    void duplicateScenarioIdsNameBothCells() {
        assertThat(problems(HEADER, row("S1", null, null, 1.1), row("S2", null, null, 1.2), row("s1", null, null, 1.3)))
                .containsExactly("Scenarios!A4: scenario_id \"s1\" is used again, first at Scenarios!A2 (ids are "
                        + "compared ignoring case)");
    }

    @Test
    void headerOutsideTheGrammarIsAProblemAtItsCellWithTheGrammarsHint() {
        InputWorkbookException e = org.junit.jupiter.api.Assertions.assertThrows(InputWorkbookException.class,
                () -> read(row("scenario_id", "pue", "Rack.power_budget_kw", "Racks[].x_m", "PUE value"),
                        row("S1", 1.1, 20, 1, 2)));

        assertThat(e.problems()).extracting(InputProblem::where, InputProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Scenarios!C1",
                        "\"Rack\" is not a sheet an override may change"),
                org.assertj.core.groups.Tuple.tuple("Scenarios!D1",
                        "\"Racks[].x_m\" has an empty row id in []"),
                org.assertj.core.groups.Tuple.tuple("Scenarios!E1",
                        "\"PUE value\" is not an override header"));
        assertThat(e.problems().get(0).hint()).startsWith("you meant Racks (one of Settings, Racks,");
        assertThat(e.getMessage()).contains("Scenarios!C1: \"Rack\" is not a sheet an override may change"
                + System.lineSeparator() + "  Maybe you meant Racks");
    }

    @Test
    void duplicateHeadersNameBothCellsAsTheCanonicalSpellingShowsThem() {
        assertThat(problems(row("scenario_id", "racks.power_budget_kw", "pue", "Racks.power_budget_kw",
                "Description", "description"), row("S1", 20, 1.1, 30, "a", "b")))
                .containsExactly(
                        "Scenarios!D1: column \"Racks.power_budget_kw\" appears again, first at Scenarios!B1",
                        "Scenarios!F1: column \"description\" appears again, first at Scenarios!E1");
    }

    @Test
    void setAndMultiplyOfOneColumnAreTwoOverrides() throws IOException {
        ScenarioSheet sheet = read(row("scenario_id", "Racks.power_budget_kw", "Racks.power_budget_kw *"),
                row("S1", 20, 1.1));

        assertThat(sheet.headers()).containsExactly("Racks.power_budget_kw", "Racks.power_budget_kw *");
    }

    @Test
    void paretoTakesYesOrNo() {
        assertThat(problems(HEADER, row("S1", null, "YES"), row("S2", null, "maybe"), row("S3", null, 2)))
                .containsExactly("Scenarios!C3: pareto must be YES or NO, got \"maybe\"",
                        "Scenarios!C4: pareto must be YES or NO, got \"2\"");
    }

    @Test
    void emptySheetIsAProblem() {
        assertThat(problems()).containsExactly("Scenarios!1: sheet \"Scenarios\" is empty");
        assertThat(problems(row((Object) null), row(" "))).containsExactly("Scenarios!1: sheet \"Scenarios\" is empty");
    }

    @Test
    void headerWithoutScenariosIsAProblem() {
        assertThat(problems(HEADER)).containsExactly("Scenarios!2: sheet \"Scenarios\" has a header row but no "
                + "scenario");
    }

    @Test
    void valueUnderABlankHeaderIsAProblemOncePerColumn() {
        assertThat(problems(row("scenario_id", "pue", null), row("S1", 1.1, 5), row("S2", 1.2, 6)))
                .containsExactly("Scenarios!C2: a value in a column without a header (Scenarios!C1 is blank)");
    }

    @Test
    void errorValuesAndDatesAreProblemsAtTheirCells() {
        assertThat(problems(row("scenario_id", "pue", "years"),
                row("S1", new TestWorkbook.Formula("1/0", true), new TestWorkbook.Date(45000))))
                .containsExactly("Scenarios!B2: pue holds the error #DIV/0!",
                        "Scenarios!C2: years looks like a date (2023-03-15): the cell has a date format");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(problems(row("scenario_id", "pareto", "Rackz.x_m", "pue", "pue"),
                row("S1", "sure", 1, 1.1, 1.2), row("S1", null, 2, 1.3, 1.4), row(null, "NO", 3, 1.5, 1.6)))
                .containsExactly(
                        "Scenarios!C1: \"Rackz\" is not a sheet an override may change",
                        "Scenarios!E1: column \"pue\" appears again, first at Scenarios!D1",
                        "Scenarios!B2: pareto must be YES or NO, got \"sure\"",
                        "Scenarios!A3: scenario_id \"S1\" is used again, first at Scenarios!A2 (ids are compared "
                                + "ignoring case)",
                        "Scenarios!A4: scenario_id is blank");
    }

    @Test
    void formulasAreReadByTheirValuesAndEvaluatedWhenSavedWithoutOne() throws IOException {
        ScenarioSheet sheet = read(row("scenario_id", "pue", "years"),
                row(new TestWorkbook.Formula("\"S\"&1", true), new TestWorkbook.Formula("1+0.2", true),
                        new TestWorkbook.Formula("2*3", false)));

        assertThat(sheet.scenarios()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("S1");
            assertThat(s.overrides()).extracting(OverrideValue::text).containsExactly("1.2", "6");
        });
    }

    @Test
    void readLimitsApplyToTheSheet() {
        Object[][] rows = new Object[30][];
        rows[0] = row("scenario_id", "pue");
        for (int i = 1; i < rows.length; i++) {
            rows[i] = row("S" + i, 1 + i / 100.0);
        }

        assertThatThrownBy(() -> read(ReadLimits.DEFAULTS.withRows(10), rows))
                .isInstanceOf(InputWorkbookException.class)
                .hasMessageContaining("Scenarios")
                .hasMessageContaining("--limit rows=");
    }

    @Test
    void problemsPastTheLimitAreCounted() {
        Object[][] rows = new Object[8][];
        rows[0] = row("scenario_id", "pareto");
        for (int i = 1; i < rows.length; i++) {
            rows[i] = row("S" + i, "often");
        }

        assertThatThrownBy(() -> read(ReadLimits.DEFAULTS.withProblems(3), rows))
                .isInstanceOf(InputWorkbookException.class)
                .satisfies(e -> assertThat(((InputWorkbookException) e).problems()).extracting(InputProblem::message)
                        .hasSize(4).last().isEqualTo("4 more problems not shown"));
    }

    @Test
    void fileThatIsNotAWorkbookIsAProblemAtItsName() throws IOException {
        Path text = java.nio.file.Files.writeString(dir.resolve("notes.xlsx"), "not a workbook");

        assertThatThrownBy(() -> StudyWorkbookReader.readScenarios(text, ReadLimits.DEFAULTS))
                .isInstanceOf(InputWorkbookException.class)
                .hasMessageStartingWith("notes.xlsx: is not an Excel .xlsx workbook");
    }
}
