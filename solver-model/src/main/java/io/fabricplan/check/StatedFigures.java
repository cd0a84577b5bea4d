package io.fabricplan.check;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures a plan states about itself beside its decisions, as a plan workbook holds them: the Summary's
 * totals and status, the figure columns of LinkPlan and DevicePlan, RackPower, BOM, and the DWDM sheets' figures.
 * {@link PlanChecker#check(io.fabricplan.model.Plan, StatedFigures)} recomputes each from the plan's decisions and
 * names every one that differs by where it stands.
 *
 * <p>This type knows nothing of workbooks: a table has a name and a {@link Locator} that turns a row number and a
 * column into a place (a workbook reader gives cell references such as {@code LinkPlan!J4}). Numbers are held as
 * {@code double}s, NaN when the cell is blank or not a number; a row's {@code notNumbers} keeps, by column, the
 * text of each cell that should hold a number and does not (null when there is none), so blank and "twenty" stay
 * apart without a wrapper per cell: a plan of hundreds of thousands of links keeps its figures in some tens of
 * megabytes.
 *
 * @param summary    the Summary's key/value rows
 * @param links      a row per link assignment
 * @param devices    a row per device assignment
 * @param racks      a row per rack
 * @param bom        the bill of materials
 * @param lightpaths a row per DWDM lightpath
 * @param greyRoutes a row per grey route between sites
 * @param spans      a row per span
 * @param muxes      a row per MUX/DEMUX placement
 */
public record StatedFigures(Table<SummaryRow> summary, Table<LinkRow> links, Table<DeviceRow> devices,
                            Table<RackRow> racks, Table<BomRow> bom, Table<LightpathRow> lightpaths,
                            Table<GreyRouteRow> greyRoutes, Table<SpanRow> spans, Table<MuxRow> muxes) {

    public StatedFigures {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(racks, "racks");
        Objects.requireNonNull(bom, "bom");
        Objects.requireNonNull(lightpaths, "lightpaths");
        Objects.requireNonNull(greyRoutes, "greyRoutes");
        Objects.requireNonNull(spans, "spans");
        Objects.requireNonNull(muxes, "muxes");
    }

    /** Names the place of a figure: a table's row (as the table numbers them) and column. */
    @FunctionalInterface
    public interface Locator {
        String locate(int row, String column);
    }

    /**
     * One table of figures.
     *
     * @param name           the table's name, which names it as a whole ({@code RackPower: no row for rack R3})
     * @param present        false when the plan states no such table at all (the sheet is missing)
     * @param missingColumns figure columns the table lacks; their figures are NaN and not compared
     * @param rows           the rows, in order
     * @param locator        names the place of a row's figure; null names it {@code name[row].column}
     */
    public record Table<R>(String name, boolean present, List<String> missingColumns, List<R> rows,
                           Locator locator) {
        public Table {
            Objects.requireNonNull(name, "name");
            missingColumns = List.copyOf(missingColumns);
            rows = List.copyOf(rows);
            if (locator == null) {
                locator = (row, column) -> name + "[" + row + "]" + (column == null ? "" : "." + column);
            }
        }

        /** A table the plan does not state. */
        public static <R> Table<R> absent(String name) {
            return new Table<>(name, false, List.of(), List.of(), null);
        }

        public String locate(int row, String column) {
            return locator.locate(row, column);
        }
    }

    /**
     * A Summary row.
     *
     * @param row    its number
     * @param key    the key, lower case
     * @param number the value when it is a number, else NaN
     * @param text   the value as shown (numbers too), null when blank
     */
    public record SummaryRow(int row, String key, double number, String text) {
    }

    /**
     * The figures of a link assignment's row.
     *
     * @param row        its number
     * @param assignment index of its assignment in {@link io.fabricplan.model.Plan#links()}
     * @param aDevice    the device stated at the link's a-end, null when blank
     * @param bDevice    the device stated at its b-end
     * @param gbps       rate per link
     * @param lengthM    length with the devices where the plan places them
     * @param powerW     power of both ends over its count
     * @param costUsd    cost over its count
     * @param notNumbers text of number cells that hold no number, by column; null when none
     */
    public record LinkRow(int row, int assignment, String aDevice, String bDevice, double gbps, double lengthM,
                          double powerW, double costUsd, Map<String, String> notNumbers) {
    }

    /**
     * The figures of a device's row.
     *
     * @param row        its number
     * @param assignment index of its assignment in {@link io.fabricplan.model.Plan#devices()}
     * @param deviceId   the device
     * @param packaging  its stated packaging, null when blank
     * @param portsUsed  ports its links take
     * @param ports      ports it has
     * @param powerW     the switch's base power
     * @param costUsd    the switch's price
     * @param notNumbers text of number cells that hold no number, by column; null when none
     */
    public record DeviceRow(int row, int assignment, String deviceId, String packaging, double portsUsed,
                            double ports, double powerW, double costUsd, Map<String, String> notNumbers) {
    }

    /** A rack's power, as {@link io.fabricplan.model.PlanEvaluation.RackRow}; {@code rackId} null when blank. */
    public record RackRow(int row, String rackId, double powerBudgetKw, double baseLoadKw, double networkKw,
                          double totalKw, double utilization, Map<String, String> notNumbers) {
    }

    /**
     * A line of the bill of materials, as {@link io.fabricplan.model.PlanEvaluation.BomRow}; {@code itemId} and
     * {@code kind} null when blank. {@code reused} and {@code bought} came with workbook v2: NaN where a plan
     * written before them has no such column.
     */
    public record BomRow(int row, String itemId, String kind, double quantity, double unitCostUsd,
                         double totalCostUsd, double reused, double bought, Map<String, String> notNumbers) {

        /** A line of a plan that states no reused and bought units. */
        public BomRow(int row, String itemId, String kind, double quantity, double unitCostUsd, double totalCostUsd,
                      Map<String, String> notNumbers) {
            this(row, itemId, kind, quantity, unitCostUsd, totalCostUsd, Double.NaN, Double.NaN, notNumbers);
        }
    }

    /** A lightpath's figures; {@code lightpath} indexes {@link io.fabricplan.model.DwdmPlan#lightpaths()}. */
    public record LightpathRow(int row, int lightpath, double frequencyThz, double osnrDb, double marginDb,
                               Map<String, String> notNumbers) {
    }

    /** A grey route's length; {@code greyRoute} indexes {@link io.fabricplan.model.DwdmPlan#greyRoutes()}. */
    public record GreyRouteRow(int row, int greyRoute, double lengthM, Map<String, String> notNumbers) {
    }

    /** A span's use, as {@link io.fabricplan.model.DwdmEvaluator.SpanRow}; {@code spanId} null when blank. */
    public record SpanRow(int row, String spanId, double fiberPairsUsed, double dwdmFiberPairs, double channelsUsed,
                          double amplifiers, Map<String, String> notNumbers) {
    }

    /**
     * A MUX/DEMUX placement's count, always one pair; {@code mux} indexes
     * {@link io.fabricplan.model.DwdmPlan#muxes()}.
     */
    public record MuxRow(int row, int mux, double count, Map<String, String> notNumbers) {
    }
}
