package io.fabricplan.excel;

import javax.xml.namespace.QName;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.ScatterStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTMarker;

/**
 * The native Excel charts of the study workbooks (DrawingML through POI's XDDF, so Excel and LibreOffice draw them
 * from the cells and redraw them when a cell changes), each over a table written beside it. Series colours are
 * set, not left to the application's theme, so that every reader sees the same chart.
 */
final class StudyCharts {
    /** Series colours, RGB; the rendering test looks for them. */
    static final int CAPEX = 0x1F77B4;
    static final int TCO = 0x2CA02C;
    static final int POWER = 0xD62728;
    static final int POINTS = 0x1F77B4;
    static final int KNEE = 0xFF7F0E;

    private static final QName SIZE = new QName("http://schemas.openxmlformats.org/drawingml/2006/chart", "size");

    private StudyCharts() {
    }

    /** A chart's place on its sheet: columns and rows (0-based) of its top left and bottom right corners. */
    record Place(int col1, int row1, int col2, int row2) {
    }

    /**
     * Capex and TCO (left axis, USD) and power (right axis, W) against one swept key: straight lines through the
     * points of the rows {@code first..last} of the table, whose columns are the key, capex, TCO and power.
     */
    static XSSFChart sweep(XSSFSheet sheet, Place place, String key, int first, int last, int keyCol, int capexCol,
                           int tcoCol, int powerCol) {
        XSSFChart chart = chart(sheet, place, "capex, TCO and power against " + key);
        XDDFValueAxis x = chart.createValueAxis(AxisPosition.BOTTOM);
        x.setTitle(key);
        XDDFValueAxis usd = chart.createValueAxis(AxisPosition.LEFT);
        usd.setTitle("USD");
        usd.setNumberFormat("#,##0");
        usd.setCrosses(AxisCrosses.AUTO_ZERO);
        x.crossAxis(usd);
        usd.crossAxis(x);
        XDDFScatterChartData money = (XDDFScatterChartData) chart.createData(ChartTypes.SCATTER, x, usd);
        line(money, sheet, first, last, keyCol, capexCol, CAPEX);
        line(money, sheet, first, last, keyCol, tcoCol, TCO);
        chart.plot(money);

        // Power has its own scale on the right, over a hidden copy of the key axis.
        XDDFValueAxis x2 = chart.createValueAxis(AxisPosition.BOTTOM);
        x2.setVisible(false);
        XDDFValueAxis watts = chart.createValueAxis(AxisPosition.RIGHT);
        watts.setTitle("W");
        watts.setNumberFormat("#,##0");
        watts.setCrosses(AxisCrosses.MAX);
        x2.crossAxis(watts);
        watts.crossAxis(x2);
        XDDFScatterChartData power = (XDDFScatterChartData) chart.createData(ChartTypes.SCATTER, x2, watts);
        line(power, sheet, first, last, keyCol, powerCol, POWER);
        chart.plot(power);
        return chart;
    }

    /**
     * A front: its points as markers without a line, the knee (row {@code kneeRow}, or -1 for none) as a
     * diamond of its own colour, over the table rows {@code first..last}.
     */
    static XSSFChart front(XSSFSheet sheet, Place place, String title, String xTitle, String yTitle, int first,
                           int last, int xCol, int yCol, int kneeRow) {
        XSSFChart chart = chart(sheet, place, title);
        XDDFValueAxis x = chart.createValueAxis(AxisPosition.BOTTOM);
        x.setTitle(xTitle);
        x.setNumberFormat("#,##0");
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setTitle(yTitle);
        y.setNumberFormat("#,##0");
        x.crossAxis(y);
        y.crossAxis(x);
        XDDFScatterChartData data = (XDDFScatterChartData) chart.createData(ChartTypes.SCATTER, x, y);
        data.setStyle(ScatterStyle.MARKER);
        // The knee first: LibreOffice draws the first series on top, Excel the last, and its diamond is the larger.
        if (kneeRow >= 0) {
            markers(data, sheet, "knee", kneeRow, kneeRow, xCol, yCol, MarkerStyle.DIAMOND, 12, KNEE);
        }
        markers(data, sheet, "plans", first, last, xCol, yCol, MarkerStyle.CIRCLE, 8, POINTS);
        chart.plot(data);
        return chart;
    }

    private static XSSFChart chart(XSSFSheet sheet, Place place, String title) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, place.col1(), place.row1(), place.col2(),
                place.row2());
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.setAutoTitleDeleted(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        return chart;
    }

    /** A series of straight lines through markers, titled by the header above its values. */
    private static void line(XDDFScatterChartData data, XSSFSheet sheet, int first, int last, int xCol, int yCol,
                             int rgb) {
        data.setStyle(ScatterStyle.LINE_MARKER);
        data.setVaryColors(false);
        XDDFScatterChartData.Series s = series(data, sheet, first, last, xCol, yCol);
        s.setTitle(header(sheet, first, yCol), new CellReference(sheet.getSheetName(), first - 1, yCol, true, true));
        s.setSmooth(false);
        XDDFLineProperties line = new XDDFLineProperties(solid(rgb));
        line.setWidth(2.25);
        s.setLineProperties(line);
        marker(s, MarkerStyle.CIRCLE, 5, rgb);
    }

    private static void markers(XDDFScatterChartData data, XSSFSheet sheet, String title, int first, int last,
                                int xCol, int yCol, MarkerStyle style, int size, int rgb) {
        data.setVaryColors(false);
        XDDFScatterChartData.Series s = series(data, sheet, first, last, xCol, yCol);
        s.setTitle(title, null);
        s.setSmooth(false);
        s.setLineProperties(new XDDFLineProperties(new XDDFNoFillProperties()));
        marker(s, style, size, rgb);
    }

    private static XDDFScatterChartData.Series series(XDDFChartData data, XSSFSheet sheet, int first, int last,
                                                      int xCol, int yCol) {
        return (XDDFScatterChartData.Series) data.addSeries(
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(first, last, xCol, xCol)),
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(first, last, yCol, yCol)));
    }

    /** Sets the marker's shape, size (in points, 2 to 72) and colour (fill and outline). */
    private static void marker(XDDFScatterChartData.Series s, MarkerStyle style, int size, int rgb) {
        s.setMarkerStyle(style);
        CTMarker marker = s.getCTScatterSer().getMarker();
        // POI's schema subset (poi-ooxml-lite) lacks the type of <c:size>, so it is written as plain XML, in its
        // place after <c:symbol>.
        try (XmlCursor cursor = marker.getSymbol().newCursor()) {
            cursor.toEndToken();
            cursor.toNextToken();
            cursor.beginElement(SIZE);
            cursor.insertAttributeWithValue("val", Integer.toString(size));
        }
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setFillProperties(solid(rgb));
        shape.setLineProperties(new XDDFLineProperties(solid(rgb)));
        marker.setSpPr(shape.getXmlObject());
    }

    private static XDDFSolidFillProperties solid(int rgb) {
        // from(byte[]) is sRGB; from(int, int, int) would be scRGB, in thousandths of a percent
        return new XDDFSolidFillProperties(XDDFColor.from(new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8),
            (byte) rgb}));
    }

    private static String header(XSSFSheet sheet, int firstDataRow, int col) {
        var row = sheet.getRow(firstDataRow - 1);
        var cell = row == null ? null : row.getCell(col);
        return cell == null ? "" : cell.getStringCellValue();
    }
}
