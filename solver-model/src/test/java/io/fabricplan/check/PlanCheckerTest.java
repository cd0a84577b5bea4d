package io.fabricplan.check;

import io.fabricplan.check.Violation.Kind;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.ReportedTotals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.fabricplan.model.Packaging.CPO;
import static io.fabricplan.model.Packaging.PLUGGABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PlanCheckerTest {

    @Test
    void validPlanPassesWithFiguresWorkedOutByHand() {
        CheckReport report = new PlanChecker(CheckerFixture.instance()).check(CheckerFixture.plan());

        assertThat(report.violations()).isEmpty();
        PlanEvaluation e = report.evaluation();
        assertThat(e.capexUsd()).isCloseTo(CheckerFixture.CAPEX_USD, within(1e-6));
        assertThat(e.powerW()).isCloseTo(CheckerFixture.POWER_W, within(1e-9));
        // TCO: 1.3 PUE x 8760 h x 5 years x 0.10 USD/kWh = 5.694 USD per W.
        assertThat(e.tcoUsd()).isCloseTo(CheckerFixture.CAPEX_USD + 5.694 * CheckerFixture.POWER_W, within(1e-6));
        assertThat(e.objectiveValue()).isEqualTo(e.tcoUsd());
        PlanEvaluation.RackRow rackA = e.racks().get(0);
        assertThat(rackA.networkKw()).isCloseTo(2.7215, within(1e-9));
        PlanEvaluation.RackRow rackB = e.racks().get(1);
        assertThat(rackB.totalKw()).isCloseTo(40.0345, within(1e-9));
        assertThat(e.devices()).filteredOn(d -> d.deviceId().equals("leafP"))
                .singleElement().satisfies(d -> assertThat(d.portsUsed()).isEqualTo(6.0));
    }

    @Test
    void lengthsFollowRacksAndCpoEndsDrawPortPower() {
        PlanEvaluation e = new PlanChecker(CheckerFixture.instance()).check(CheckerFixture.plan()).evaluation();

        assertThat(e.links()).extracting(PlanEvaluation.LinkRow::lengthM).containsExactly(14.0, 14.0, 1.5);
        // L3: dr8 module at leafP (17 W) + CPO port at leafC (5.5 W x 800/800), four times.
        assertThat(e.links().get(2).powerW()).isEqualTo(90.0);
        // L3: one module per link (the CPO end costs nothing) plus 1.5 m of fiber at 2 USD/m.
        assertThat(e.links().get(2).costUsd()).isEqualTo(4 * (1250 + 3.0));
    }

    @Test
    void rateMismatchIsCaught() {
        assertSingle(CheckerFixture.instance(), replaceLink(0, new LinkAssignment("L1", "aoc400", PLUGGABLE,
                PLUGGABLE, 2)), Kind.RATE_MISMATCH, "aoc400 runs at 400 Gb/s, the link needs 800");
    }

    @Test
    void reachExceededIsCaught() {
        assertSingle(CheckerFixture.instance(), replaceLink(0, new LinkAssignment("L1", "aec800", PLUGGABLE,
                PLUGGABLE, 2)), Kind.REACH_EXCEEDED, "aec800 reaches 7 m, the link is 14 m");
    }

    @Test
    void linearPluggableOnHostWithoutLpoIsCaught() {
        assertSingle(CheckerFixture.instance(), replaceLink(0, new LinkAssignment("L1", "lpo_800", PLUGGABLE,
                PLUGGABLE, 2)), Kind.END_INCOMPATIBLE, "needs an LPO-capable host");
    }

    @Test
    void cableOnCpoPortIsCaught() {
        assertSingle(CheckerFixture.instance(), replaceLink(2, new LinkAssignment("L3", "dac800", PLUGGABLE, CPO,
                4)), Kind.END_INCOMPATIBLE, "takes only TRANSCEIVER with pmd DR");
    }

    @Test
    void statedEndPackagingMustMatchTheSwitch() {
        assertSingle(CheckerFixture.instance(), replaceLink(1, new LinkAssignment("L2", "lpo_800", PLUGGABLE,
                PLUGGABLE, 1)), Kind.END_PACKAGING_MISMATCH, "the devices are PLUGGABLE/CPO");
    }

    @Test
    void partiallyServedLinkIsCaught() {
        assertSingle(CheckerFixture.instance(), replaceLink(0, new LinkAssignment("L1", "aoc800", PLUGGABLE,
                PLUGGABLE, 1)), Kind.LINK_COUNT_MISMATCH, "serves 1 of 2");
    }

    @Test
    void linkSplitOverTwoOptionsIsFine() {
        Plan plan = edit(links -> {
            links.set(0, new LinkAssignment("L1", "aoc800", PLUGGABLE, PLUGGABLE, 1));
            links.add(new LinkAssignment("L1", "sr8_800", PLUGGABLE, PLUGGABLE, 1));
        });
        assertThat(new PlanChecker(CheckerFixture.instance()).check(plan).violations()).isEmpty();
    }

    @Test
    void nonPositiveCountIsCaught() {
        Plan plan = edit(links -> links.add(new LinkAssignment("L1", "sr8_800", PLUGGABLE, PLUGGABLE, 0)));
        assertSingle(CheckerFixture.instance(), plan, Kind.BAD_COUNT, "count must be positive, got 0");
    }

    @Test
    void unknownLinkAndOpticAreCaught() {
        Plan plan = edit(links -> {
            links.add(new LinkAssignment("L9", "aoc800", PLUGGABLE, PLUGGABLE, 1));
            links.set(0, new LinkAssignment("L1", "warp-drive", PLUGGABLE, PLUGGABLE, 2));
        });
        CheckReport report = new PlanChecker(CheckerFixture.instance()).check(plan);
        assertThat(report.violations()).extracting(Violation::kind)
                .containsExactlyInAnyOrder(Kind.UNKNOWN_LINK, Kind.UNKNOWN_OPTIC);
    }

    @Test
    void portsExceededIsCaught() {
        // srv1 has one NIC port but L1 takes two.
        assertSingle(CheckerFixture.instance(5.0, 1), CheckerFixture.plan(), Kind.PORTS_EXCEEDED,
                "uses 2 ports of 1");
    }

    @Test
    void rackOverBudgetIsCaughtWithItsFigures() {
        assertSingle(CheckerFixture.instance(2.7, 2), CheckerFixture.plan(), Kind.RACK_POWER_EXCEEDED,
                "draws 2.7215 kW (base 0 + network 2.7215), budget 2.7 kW");
    }

    @Test
    void switchModelRulesAreCaught() {
        List<DeviceAssignment> devices = new ArrayList<>(CheckerFixture.devices());
        devices.set(0, new DeviceAssignment("leafP", "sw102-p", "A"));
        devices.set(1, new DeviceAssignment("leafC", "sw51-p", "A"));
        devices.add(new DeviceAssignment("ghost", null, "A"));
        devices.add(new DeviceAssignment("srv1", null, "A"));
        CheckReport report = new PlanChecker(CheckerFixture.instance()).check(new Plan(devices,
                CheckerFixture.links()));
        assertThat(report.violations()).extracting(Violation::kind).contains(Kind.WRONG_FAMILY,
                Kind.PACKAGING_NOT_ALLOWED, Kind.UNKNOWN_DEVICE, Kind.DUPLICATE_DEVICE_ASSIGNMENT);
    }

    /**
     * A server takes no switch model: one stated for it (a hand-edited DevicePlan row, or the corruption the
     * property {@code CorruptedPlanProperties} drew) is a violation, and the figures ignore it, as the totals
     * always did (the device row showed the model's power and price, which no total counted).
     */
    @Test
    void switchModelStatedForAServerIsCaughtAndCountsNowhere() {
        List<DeviceAssignment> devices = new ArrayList<>(CheckerFixture.devices());
        devices.set(2, new DeviceAssignment("srv1", "sw51-p", "B"));
        Plan plan = new Plan(devices, CheckerFixture.links());

        assertSingle(CheckerFixture.instance(), plan, Kind.WRONG_FAMILY,
                "server srv1 takes no switch model, the plan gives it sw51-p");
        PlanEvaluation e = new PlanChecker(CheckerFixture.instance()).check(plan).evaluation();
        assertThat(e.capexUsd()).isCloseTo(CheckerFixture.CAPEX_USD, within(1e-6));
        assertThat(e.powerW()).isCloseTo(CheckerFixture.POWER_W, within(1e-9));
        assertThat(e.devices()).filteredOn(d -> d.deviceId().equals("srv1")).singleElement().satisfies(d -> {
            assertThat(d.modelId()).isNull();
            assertThat(d.powerW()).isZero();
            assertThat(d.costUsd()).isZero();
            assertThat(d.portsUsed()).isEqualTo(2.0);
        });
    }

    @Test
    void switchWithoutModelAndMovedDeviceAreCaught() {
        List<DeviceAssignment> devices = new ArrayList<>(CheckerFixture.devices());
        devices.remove(0);
        devices.set(2, new DeviceAssignment("srv2", null, "A"));
        CheckReport report = new PlanChecker(CheckerFixture.instance()).check(new Plan(devices,
                CheckerFixture.links()));
        assertThat(report.violations()).extracting(Violation::kind).contains(Kind.MISSING_MODEL, Kind.WRONG_RACK);
    }

    @Test
    void reportedTotalsThatDisagreeAreCaught() {
        Plan plan = CheckerFixture.plan().withReported(new ReportedTotals(Objective.TCO, Double.NaN,
                CheckerFixture.CAPEX_USD - 100, CheckerFixture.POWER_W, Double.NaN));
        assertSingle(CheckerFixture.instance(), plan, Kind.REPORTED_TOTAL_MISMATCH,
                "plan states 137940, the plan's choices give 138040");
    }

    /** A plan solved with another objective than the Settings' states its objective_value in that objective. */
    @Test
    void reportedObjectiveValueIsTakenInTheObjectiveTheSolveMinimised() {
        Plan plan = CheckerFixture.plan().withReported(new ReportedTotals(Objective.POWER, CheckerFixture.POWER_W,
                CheckerFixture.CAPEX_USD, CheckerFixture.POWER_W, Double.NaN));

        assertThat(new PlanChecker(CheckerFixture.instance()).check(plan).violations()).isEmpty();
    }

    /**
     * Stated figures of a plan built in code (no workbook) are named by table, row and column; a figure within
     * half a cent of its value agrees (shown rounded), one a dollar off does not.
     */
    @Test
    void statedFiguresWithoutAWorkbookAreNamedByTableRowAndColumn() {
        Plan plan = CheckerFixture.plan();
        PlanEvaluation e = new io.fabricplan.model.PlanEvaluator(CheckerFixture.instance()).evaluate(plan);
        List<StatedFigures.LinkRow> links = new ArrayList<>();
        for (int i = 0; i < plan.links().size(); i++) {
            PlanEvaluation.LinkRow r = e.links().get(i);
            links.add(new StatedFigures.LinkRow(i + 1, i, r.link().aDevice(), r.link().bDevice(), r.link().gbps(),
                    r.lengthM(), r.powerW(), i == 0 ? r.costUsd() + 0.004 : i == 1 ? r.costUsd() + 1 : r.costUsd(),
                    null));
        }
        StatedFigures stated = new StatedFigures(StatedFigures.Table.absent("Summary"),
                new StatedFigures.Table<>("LinkPlan", true, List.of(), links, null),
                new StatedFigures.Table<>("DevicePlan", true, List.of("power_w"), List.of(), null),
                StatedFigures.Table.absent("RackPower"), StatedFigures.Table.absent("BOM"),
                StatedFigures.Table.absent("DwdmLightpaths"), StatedFigures.Table.absent("DwdmGreyRoutes"),
                StatedFigures.Table.absent("DwdmSpans"), StatedFigures.Table.absent("DwdmPlacements"));

        CheckReport report = new PlanChecker(CheckerFixture.instance()).check(plan, stated);

        assertThat(report.violations()).extracting(Violation::toString).contains(
                "STATED_FIGURE_MISMATCH LinkPlan[2].cost_usd: cost_usd " + StatedFigureCheck.fmt(
                        e.links().get(1).costUsd() + 1) + " but the plan's choices cost "
                        + StatedFigureCheck.fmt(e.links().get(1).costUsd()) + " USD",
                "STATED_ROW_MISSING Summary: the sheet is missing; it states the plan's status and totals",
                "STATED_ROW_MISSING RackPower: the sheet is missing; it states each rack's power",
                "STATED_ROW_MISSING BOM: the sheet is missing; it states the plan's bill of materials")
                .noneMatch(v -> v.contains("LinkPlan[1]"))
                .filteredOn(v -> v.startsWith("STATED_ROW_MISSING DevicePlan:")).containsExactly(
                        "STATED_ROW_MISSING DevicePlan: column \"power_w\" is missing; the plan workbook states its "
                                + "figures there",
                        "STATED_ROW_MISSING DevicePlan: no row for server srv1; the plan workbook lists every device",
                        "STATED_ROW_MISSING DevicePlan: no row for server srv2; the plan workbook lists every device");
    }

    private static Plan replaceLink(int at, LinkAssignment replacement) {
        return edit(links -> links.set(at, replacement));
    }

    private static Plan edit(java.util.function.Consumer<List<LinkAssignment>> change) {
        List<LinkAssignment> links = new ArrayList<>(CheckerFixture.links());
        change.accept(links);
        return new Plan(CheckerFixture.devices(), links);
    }

    private static void assertSingle(Instance instance, Plan plan, Kind kind, String messagePart) {
        CheckReport report = new PlanChecker(instance).check(plan);
        assertThat(report.violations()).as(report.violations().toString()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(kind);
            assertThat(v.message()).contains(messagePart);
        });
    }


    /** Figures in violations keep six significant digits and the zeros of their integer part. */
    @Test
    void figuresInMessagesKeepTheZerosOfTheirIntegerPart() {
        assertThat(PlanChecker.fmt(123_450.4)).isEqualTo("123450");
        assertThat(PlanChecker.fmt(29.408)).isEqualTo("29.408");
        assertThat(PlanChecker.fmt(0.5)).isEqualTo("0.5");
        assertThat(PlanChecker.fmt(1_200)).isEqualTo("1200");
        assertThat(PlanChecker.fmt(Double.NaN)).isEqualTo("NaN");
    }
}
