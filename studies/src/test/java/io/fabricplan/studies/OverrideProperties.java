package io.fabricplan.studies;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.instances.Examples;
import io.fabricplan.model.Instance;
import io.fabricplan.studies.SheetColumns.Column;
import io.fabricplan.studies.SheetColumns.Table;
import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.OverrideTarget;
import io.fabricplan.study.Scenario;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Overrides that change nothing leave the instance equal, on every column of every sheet of a campus with rows in
 * each; and no header or value, however wrong, makes apply throw.
 */
class OverrideProperties {
    private static final Instance CAMPUS = Examples.campusDwdm();

    /** A sheet's column and one of its rows (by id; null for every row), both valid for the campus. */
    record Field(String sheet, String column, String rowId) {
        OverrideTarget target(boolean multiply) {
            return new OverrideTarget(sheet, column, rowId, null, null, multiply);
        }
    }

    /** Fields of one row (by id), or of every row when {@code everyRow}; Settings has its one row. */
    private static Arbitrary<Field> fields(boolean everyRow) {
        List<Arbitrary<Field>> perSheet = new ArrayList<>();
        for (Table<?> table : SheetColumns.tables()) {
            List<String> columns = table.columns().values().stream().filter(c -> !c.isId()).map(Column::name)
                    .toList();
            List<String> ids = new ArrayList<>();
            if (everyRow || table.isSettings()) {
                ids.add(null);
            }
            if (!table.isSettings()) {
                ids.addAll(rowIds(table));
            }
            perSheet.add(Combinators.combine(Arbitraries.of(columns), Arbitraries.of(ids))
                    .as((column, id) -> new Field(table.sheet(), column, id)));
        }
        return Arbitraries.oneOf(perSheet);
    }

    @Provide
    Arbitrary<Field> rowFields() {
        return fields(false);
    }

    @Provide
    Arbitrary<Field> numericFields() {
        return fields(true).filter(f -> SheetColumns.table(f.sheet()).columns().get(f.column()).kind()
                .numeric());
    }

    private static <R> List<String> rowIds(Table<R> table) {
        return table.rows().apply(CAMPUS).stream().map(table.id()).toList();
    }

    @Property(tries = 300, seed = "20261203")
    void multiplyingByOneLeavesTheInstanceEqual(@ForAll("numericFields") Field field) {
        Scenario s = new Scenario("x1", "", List.of(OverrideValue.of(field.target(true), 1, "Scenarios!D2")));

        assertThat(ScenarioInstances.apply(CAMPUS, s).instance()).isEqualTo(CAMPUS);
    }

    @Property(tries = 300, seed = "20261204")
    void writingTheValueACellShowsLeavesTheInstanceEqual(@ForAll("rowFields") Field field) {
        Table<?> table = SheetColumns.table(field.sheet());
        String shown = shownValue(table, field);
        Scenario s = new Scenario("same", "", List.of(OverrideValue.of(field.target(false), shown, "Scenarios!D2")));

        assertThat(ScenarioInstances.apply(CAMPUS, s).instance()).isEqualTo(CAMPUS);
    }

    /** The value of the field's first row as a workbook cell shows it. */
    private static <R> String shownValue(Table<R> table, Field field) {
        R row = table.rows().apply(CAMPUS).stream()
                .filter(r -> field.rowId() == null || field.rowId().equals(table.id().apply(r))).findFirst()
                .orElseThrow();
        return ScenarioInstances.shown(table.columns().get(field.column()).get().apply(row));
    }

    @Provide
    Arbitrary<OverrideTarget> anyTargets() {
        List<String> names = new ArrayList<>(List.of("", "x", "R1", "A-N", "kind", "cost_usd", "packaging", "id"));
        SheetColumns.tables().forEach(t -> names.addAll(t.columns().keySet()));
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(names), Arbitraries.strings().ofMaxLength(6));
        Arbitrary<String> sheet = Arbitraries.oneOf(Arbitraries.of(OverrideTarget.SHEETS),
                Arbitraries.of("Sites", "racks", ""));
        Arbitrary<String> optional = Arbitraries.oneOf(name, Arbitraries.just(null));
        return Combinators.combine(sheet, name, optional, optional, optional, Arbitraries.of(true, false))
                .as((s, column, rowId, matchColumn, matchValue, multiply) -> new OverrideTarget(s, column, rowId,
                        matchColumn, matchColumn == null ? null : matchValue == null ? "" : matchValue, multiply));
    }

    @Provide
    Arbitrary<String> anyValues() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(8), Arbitraries.of("", "0", "-1", "1e300",
                "2.5", "NaN", "YES", "CPO", "A-N;B-N", "3000000000"));
    }

    @Property(tries = 1000, seed = "20261205")
    void applyNeverThrows(@ForAll("anyTargets") OverrideTarget target, @ForAll("anyValues") String value,
                          @ForAll("anyTargets") OverrideTarget other, @ForAll("anyValues") String otherValue) {
        Scenario s = new Scenario("any", "", List.of(OverrideValue.of(target, value, "Scenarios!D2"),
                OverrideValue.of(other, otherValue, "Scenarios!E2")), false, "Scenarios!A2");

        ScenarioInstances.Applied applied = ScenarioInstances.apply(CAMPUS, s);

        assertThat(applied.instance()).isNotNull();
        assertThat(applied.problems()).allSatisfy(p -> assertThat(p.where()).isNotBlank());
        assertThat(ScenarioInstances.checkHeaders(CAMPUS, List.of(target, other), List.of("Scenarios!D1")))
                .allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }
}
