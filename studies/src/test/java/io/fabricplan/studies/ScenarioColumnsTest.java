package io.fabricplan.studies;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.instances.Examples;
import io.fabricplan.model.Instance;
import io.fabricplan.studies.SheetColumns.Column;
import io.fabricplan.studies.SheetColumns.Table;
import io.fabricplan.study.OverrideTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The column tables: they name exactly the workbook's columns (io-excel's Schema, copied here since studies has no
 * Excel; the workbook v2's columns as the last of their sheets), and each setter changes its own column and no
 * other.
 */
class ScenarioColumnsTest {

    /** io-excel's Schema.SETTING_KEYS and the columns of Schema.*_COLUMNS, in the writer's order. */
    private static final Map<String, List<String>> WORKBOOK_COLUMNS = Map.of(
            "Settings", List.of("objective", "energy_usd_per_kwh", "pue", "years", "usd_per_watt", "time_limit_s",
                    "relative_gap", "solver", "threads", "seed", "intra_rack_m", "inter_rack_slack_m",
                    "osnr_margin_db", "grid_start_thz", "max_channels", "switch_swap_usd", "recable_usd"),
            "Racks", List.of("rack_id", "site_id", "x_m", "y_m", "power_budget_kw", "base_load_kw", "free_u"),
            "SwitchModels", List.of("model_id", "family", "packaging", "ports", "port_gbps", "base_power_w",
                    "port_power_w", "cpo_pmd", "cost_usd", "height_u", "lpo_capable", "source", "max_buy"),
            "Devices", List.of("device_id", "role", "family", "packaging", "rack_id", "candidate_racks", "ports",
                    "port_gbps", "lpo_capable", "installed_model", "platform"),
            "Links", List.of("link_id", "a_device", "b_device", "count", "gbps", "length_m"),
            "Optics", List.of("optic_id", "kind", "gbps", "reach_m", "pmd", "media", "power_w", "cost_usd",
                    "fiber_usd_per_m", "lpo", "source", "baud_gbd", "spacing_ghz", "required_osnr_db",
                    "tx_power_dbm", "max_unamplified_loss_db", "max_buy", "breakout", "pairs_with"),
            "Spans", List.of("span_id", "a_site", "b_site", "length_km", "loss_db_per_km", "connector_loss_db",
                    "fiber_pairs"),
            "WdmEquipment", List.of("item_id", "kind", "channels", "spacing_ghz", "insertion_loss_db", "gain_db",
                    "noise_figure_db", "power_w", "cost_usd", "source"));

    @Test
    void everySheetAnOverrideMayChangeHasTheWorkbooksColumnsInItsOrder() {
        assertThat(SheetColumns.tables()).extracting(Table::sheet).containsExactlyElementsOf(OverrideTarget.SHEETS);
        for (Table<?> table : SheetColumns.tables()) {
            assertThat(table.columns().keySet()).as(table.sheet())
                    .containsExactlyElementsOf(WORKBOOK_COLUMNS.get(table.sheet()));
        }
    }

    @Test
    void onlyTheIdColumnsMayNotBeSet() {
        for (Table<?> table : SheetColumns.tables()) {
            assertThat(table.columns().values().stream().filter(Column::isId).map(Column::name).toList())
                    .as(table.sheet()).isEqualTo(table.isSettings() ? List.of() : List.of(table.idColumn()));
        }
    }

    @Test
    void everySetterChangesItsColumnAndNoOther() {
        Instance campus = Examples.campusDwdm(); // every sheet has rows, and the coherent optics DWDM data
        Instance v2 = ScenarioV2FieldsTest.withEveryV2Field(campus); // and every v2 column a value
        // and every optic a breakout and a pairing, which the other columns' setters must keep
        Instance paired = v2.withOptics(v2.optics().stream().map(o -> o.withBreakout(2, List.of("dr4_400")))
                .toList());
        for (Table<?> table : SheetColumns.tables()) {
            checkSetters(table, campus);
            checkSetters(table, v2);
            checkSetters(table, paired);
        }
    }

    private static <R> void checkSetters(Table<R> table, Instance instance) {
        for (R row : table.rows().apply(instance)) {
            for (Column<R> column : table.columns().values()) {
                if (column.isId()) {
                    continue;
                }
                Object value = otherValue(column, column.get().apply(row));
                R changed = column.set().apply(row, value);
                for (Column<R> other : table.columns().values()) {
                    if (other != column && givesDwdmData(row, column) && DWDM_COLUMNS.contains(other.name())) {
                        continue; // the other DWDM columns take the reader's blanks: ScenarioInstancesTest
                    }
                    Object expected = other == column ? value : other.get().apply(row);
                    if (column.kind() == SheetColumns.Kind.CHOICE && other == column) {
                        expected = value.toString();
                    }
                    Object actual = other.get().apply(changed);
                    assertThat(other.kind() == SheetColumns.Kind.CHOICE ? ScenarioInstances.shown(actual) : actual)
                            .as("%s.%s after setting %s", table.sheet(), other.name(), column.name())
                            .isEqualTo(other.kind() == SheetColumns.Kind.CHOICE ? ScenarioInstances.shown(expected)
                                    : expected);
                }
            }
        }
    }

    private static final List<String> DWDM_COLUMNS = List.of("baud_gbd", "spacing_ghz", "required_osnr_db",
            "tx_power_dbm", "max_unamplified_loss_db");

    /** Whether setting the column gives an optic without DWDM data some. */
    private static boolean givesDwdmData(Object row, Column<?> column) {
        return row instanceof io.fabricplan.model.Optic o && o.coherent() == null
                && DWDM_COLUMNS.contains(column.name());
    }

    /** A value of the column's kind other than the current one, as the setter takes it. */
    private static Object otherValue(Column<?> column, Object current) {
        return switch (column.kind()) {
            case NUMBER, OPTIONAL_NUMBER -> current == null || ((Double) current).isNaN() ? 12.25
                    : ((Double) current) + 12.25;
            case INT -> ((Integer) current) + 7;
            case OPTIONAL_INT -> current == null ? 7 : ((Integer) current) + 7;
            case COUNT -> ((Integer) current) + 7;
            case LONG -> ((Long) current) + 7;
            case TEXT, OPTIONAL_TEXT -> current + "x";
            case FLAG -> !((Boolean) current);
            case CHOICE -> column.choices().stream().filter(c -> !c.equals(ScenarioInstances.shown(current)))
                    .findFirst().orElseThrow();
            case RACK_LIST -> List.of("A-N", "B-N");
            case ID_LIST -> List.of("fr4_400", "sr4_400");
        };
    }
}
