package io.fabricplan.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fabricplan.check.Violation.Kind;
import io.fabricplan.model.CompatibilityRule;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.StockItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stock, installed switches, supply limits and qualification as the checker recomputes them, on
 * {@link CheckerFixture}'s plan (capex 138,040 USD: sw51-p 60,000, sw51-cpo 70,000, two aoc800 at 1,100, one
 * lpo_800 at 800 + 28 m of fiber, four dr8_800 at 1,250 + 3 m of fiber).
 */
class SupplyCheckTest {

    private static PlanEvaluation.BomRow bom(CheckReport report, String itemId) {
        return report.evaluation().bom().stream().filter(b -> b.itemId().equals(itemId)).findFirst().orElseThrow();
    }

    /**
     * 3 dr8_800 and 1 aoc800 in stock, re-cabling 20 USD a unit: 138,040 - 3 x (1,250 - 20) - (1,100 - 20) =
     * 133,270 USD, of which 80 USD of re-cabling labour.
     */
    @Test
    void stockIsCreditedAtItsPriceLessReCabling() {
        Instance instance = CheckerFixture.instance()
                .withInventory(List.of(new StockItem("dr8_800", 3, "store"), new StockItem("aoc800", 1, "")))
                .withSettings(CheckerFixture.instance().settings().withLabour(0, 20));

        CheckReport report = new PlanChecker(instance).check(CheckerFixture.plan());

        assertThat(report.violations()).isEmpty();
        assertThat(report.evaluation().capexUsd()).isCloseTo(133_270, within(1e-6));
        PlanEvaluation.BomRow dr8 = bom(report, "dr8_800");
        assertThat(List.of(dr8.quantity(), dr8.reused(), dr8.bought(), dr8.totalCostUsd()))
                .containsExactly(4.0, 3.0, 1.0, 1250.0);
        assertThat(bom(report, "recable").quantity()).isEqualTo(4);
        assertThat(report.evaluation().bom().stream().mapToDouble(PlanEvaluation.BomRow::totalCostUsd).sum())
                .isCloseTo(133_270, within(1e-6));
    }

    /**
     * leafP keeps its installed sw51-p (no capex); leafC replaces an installed sw51-p by the sw51-cpo (70,000 +
     * 300 of swap labour): 138,040 - 60,000 + 300 = 78,340 USD.
     */
    @Test
    void keptSwitchCostsNothingAndReplacedOneAddsSwapLabour() {
        Instance base = CheckerFixture.instance();
        Instance instance = base.withDevices(base.devices().stream()
                        .map(d -> d.isSwitch() ? d.withInstalledModel("sw51-p") : d).toList())
                .withSettings(base.settings().withLabour(300, 0));

        CheckReport report = new PlanChecker(instance).check(CheckerFixture.plan());

        assertThat(report.violations()).isEmpty();
        assertThat(report.evaluation().capexUsd()).isCloseTo(78_340, within(1e-6));
        PlanEvaluation.BomRow kept = bom(report, "sw51-p");
        assertThat(List.of(kept.quantity(), kept.reused(), kept.bought())).containsExactly(1.0, 1.0, 0.0);
        assertThat(bom(report, "switch-swap").totalCostUsd()).isEqualTo(300);
        assertThat(report.evaluation().devices()).filteredOn(d -> d.deviceId().equals("leafP")).singleElement()
                .satisfies(d -> assertThat(d.costUsd()).isZero());
    }

    /** A plan edited to use 4 dr8_800 where 1 is in stock and 2 can be bought is flagged with the numbers. */
    @Test
    void buyingMoreThanMaxBuyIsFlagged() {
        Instance base = CheckerFixture.instance();
        Instance instance = base.withOptics(base.optics().stream()
                        .map(o -> o.id().equals("dr8_800") ? o.withMaxBuy(2) : o).toList())
                .withInventory(List.of(new StockItem("dr8_800", 1, "")));

        CheckReport report = new PlanChecker(instance).check(CheckerFixture.plan());

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Kind.SUPPLY_EXCEEDED);
            assertThat(v.subject()).isEqualTo("dr8_800");
            assertThat(v.message()).isEqualTo(
                    "the plan uses 4 dr8_800: 1 in stock and 3 to buy, at most 2 can be bought");
        });
    }

    @Test
    void switchesBoughtOverMaxBuyAreFlagged() {
        Instance base = CheckerFixture.instance();
        Instance instance = base.withSwitchModels(base.switchModels().stream()
                .map(m -> m.id().equals("sw51-cpo") ? m.withMaxBuy(0) : m).toList());

        CheckReport report = new PlanChecker(instance).check(CheckerFixture.plan());

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Kind.SUPPLY_EXCEEDED);
            assertThat(v.message()).contains("1 to buy, at most 0 can be bought");
        });
    }

    /**
     * aoc800 is qualified only on platform CX7; srv1 (no platform) and leafP (family SW51T) are not: both ends of
     * L1 are flagged.
     */
    @Test
    void unqualifiedModuleIsFlaggedAtEachEnd() {
        Instance instance = CheckerFixture.instance()
                .withCompatibility(List.of(new CompatibilityRule("aoc800", "CX7", true, 0)));

        CheckReport report = new PlanChecker(instance).check(CheckerFixture.plan());

        assertThat(report.violations()).extracting(Violation::kind)
                .containsExactly(Kind.END_INCOMPATIBLE, Kind.END_INCOMPATIBLE);
        assertThat(report.violations().get(0).message()).isEqualTo("aoc800 at srv1: not qualified on srv1, which "
                + "has no platform; the Compatibility sheet allows it on CX7 (a NO row wins)");
        assertThat(report.violations().get(1).message()).isEqualTo("aoc800 at leafP: not qualified on model sw51-p, "
                + "family SW51T; the Compatibility sheet allows it on CX7 (a NO row wins)");
    }

    /**
     * lpo_800 coded for platform CX7 at 10 USD a module: srv2 (CX7) pays it, leafC's CPO end takes no module:
     * 138,050 USD, one CODING line.
     */
    @Test
    void codingIsPaidPerModuleAtPluggableEndsOnly() {
        Instance base = CheckerFixture.instance();
        Instance instance = base.withDevices(base.devices().stream()
                        .map(d -> d.id().equals("srv2") ? d.withPlatform("CX7") : d).toList())
                .withCompatibility(List.of(new CompatibilityRule("lpo_800", "CX7", true, 10),
                        new CompatibilityRule("lpo_800", "SW51T", true, 99)));

        CheckReport report = new PlanChecker(instance).check(CheckerFixture.plan());

        assertThat(report.violations()).isEmpty();
        assertThat(report.evaluation().capexUsd()).isCloseTo(138_050, within(1e-6));
        assertThat(bom(report, "coding-lpo_800@10.0usd").quantity()).isEqualTo(1);
    }

    /** A v1 instance gives the BOM it gave: every unit bought. */
    @Test
    void withoutStockEveryUnitIsBought() {
        CheckReport report = new PlanChecker(CheckerFixture.instance()).check(CheckerFixture.plan());

        assertThat(report.evaluation().bom()).allSatisfy(b -> {
            assertThat(b.reused()).isZero();
            assertThat(b.bought()).isEqualTo(b.quantity());
            assertThat(b.totalCostUsd()).isEqualTo(b.quantity() * b.unitCostUsd());
        });
        assertThat(CheckerFixture.instance().usesSupplyRules()).isFalse();
        assertThat(new Device("d", io.fabricplan.model.Role.SERVER, null, null, "A", 1, 800, false, List.of())
                .installedModel()).isNull();
    }
}
