package io.fabricplan.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.model.Instance;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.model.StockItem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The BOM's stated {@code reused} and {@code bought} are compared like its quantity, where the plan states them;
 * a plan that states neither (written before workbook v2) checks on its other figures.
 */
class StatedBomReuseTest {
    /** {@link CheckerFixture}'s fabric with one aoc800 in stock: L1's two AOCs are one reused, one bought. */
    private static Instance instance() {
        return CheckerFixture.instance().withInventory(List.of(new StockItem("aoc800", 1, "")));
    }

    private static StatedFigures stated(List<StatedFigures.BomRow> bom) {
        return new StatedFigures(StatedFigures.Table.absent("Summary"), StatedFigures.Table.absent("LinkPlan"),
                StatedFigures.Table.absent("DevicePlan"), StatedFigures.Table.absent("RackPower"),
                new StatedFigures.Table<>("BOM", true, List.of(), bom, null),
                StatedFigures.Table.absent("DwdmLightpaths"), StatedFigures.Table.absent("DwdmGreyRoutes"),
                StatedFigures.Table.absent("DwdmSpans"), StatedFigures.Table.absent("DwdmPlacements"));
    }

    /** The BOM as the plan states it, each row changed by {@code edit}. */
    private static List<StatedFigures.BomRow> bom(Plan plan, UnaryOperator<StatedFigures.BomRow> edit) {
        PlanEvaluation e = new PlanEvaluator(instance()).evaluate(plan);
        List<StatedFigures.BomRow> rows = new ArrayList<>();
        for (int i = 0; i < e.bom().size(); i++) {
            PlanEvaluation.BomRow b = e.bom().get(i);
            rows.add(edit.apply(new StatedFigures.BomRow(i + 1, b.itemId(), b.kind(), b.quantity(), b.unitCostUsd(),
                    b.totalCostUsd(), b.reused(), b.bought(), null)));
        }
        return rows;
    }

    private static List<String> bomViolations(List<StatedFigures.BomRow> bom) {
        return new PlanChecker(instance()).check(CheckerFixture.plan(), stated(bom)).violations().stream()
                .map(Violation::toString).filter(v -> v.contains("BOM")).toList();
    }

    @Test
    void statedReusedAndBoughtAgreeingWithThePlanPass() {
        assertThat(bomViolations(bom(CheckerFixture.plan(), r -> r))).isEmpty();
    }

    @Test
    void reusedAndBoughtOffAreNamedAtTheirPlace() {
        List<StatedFigures.BomRow> bom = bom(CheckerFixture.plan(), r -> r.itemId().equals("aoc800")
                ? new StatedFigures.BomRow(r.row(), r.itemId(), r.kind(), r.quantity(), r.unitCostUsd(),
                r.totalCostUsd(), 0, 3, null) : r);
        int row = bom.stream().filter(r -> r.itemId().equals("aoc800")).findFirst().orElseThrow().row();

        assertThat(bomViolations(bom)).containsExactlyInAnyOrder(
                "STATED_FIGURE_MISMATCH BOM[" + row + "].reused: reused 0 but the plan takes from stock or keeps "
                        + "installed 1",
                "STATED_FIGURE_MISMATCH BOM[" + row + "].bought: bought 3 but the plan buys 1");
    }

    @Test
    void planStatingNoReusedOrBoughtChecksOnItsOtherFigures() {
        List<StatedFigures.BomRow> bom = bom(CheckerFixture.plan(), r -> new StatedFigures.BomRow(r.row(),
                r.itemId(), r.kind(), r.quantity(), r.unitCostUsd(), r.totalCostUsd(), null));

        assertThat(bomViolations(bom)).isEmpty();
    }

    @Test
    void reusedTextIsNotANumber() {
        List<StatedFigures.BomRow> bom = bom(CheckerFixture.plan(), r -> r.itemId().equals("aoc800")
                ? new StatedFigures.BomRow(r.row(), r.itemId(), r.kind(), r.quantity(), r.unitCostUsd(),
                r.totalCostUsd(), Double.NaN, r.bought(), java.util.Map.of("reused", "one")) : r);
        int row = bom.stream().filter(r -> r.itemId().equals("aoc800")).findFirst().orElseThrow().row();

        assertThat(bomViolations(bom)).containsExactly("STATED_FIGURE_MISMATCH BOM[" + row + "].reused: reused "
                + "\"one\" is not a number; the plan takes from stock or keeps installed 1");
    }
}
