package io.fabricplan.excel;

import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles of one workbook, each made once, however many cells use it (a workbook holds at most 64,000
 * styles, and a streamed plan writes millions of cells): the bold header and one number format per unit. A format
 * only changes what a cell shows; the value stays as computed, to the last digit.
 */
final class CellStyles {
    /** How a number shows, by what it measures. */
    enum Unit {
        /** Dollars: thousands separators, cents. */
        USD("#,##0.00"),
        /** Kilowatts, to 10 W. */
        KW("#,##0.00"),
        /** Watts, to a tenth. */
        WATTS("#,##0.0"),
        /** A share such as a rack's utilisation: 37.3%. */
        PERCENT("0.0%"),
        /** A solver's relative gap, small: 0.018%. */
        GAP("0.000%"),
        /** Decibels, to one or two decimals: 6.2, 25.43. */
        DB("0.0#"),
        /** Lengths in metres, to a tenth. */
        METRES("#,##0.0"),
        /** Counts of things: whole, with thousands separators. */
        COUNT("#,##0"),
        /** A number that names one of several (a cable, a channel, a fiber pair): whole, no separators. */
        INDEX("0"),
        /** Ports in use, which breakouts make fractional: 12.0, 12.5. */
        PORTS("#,##0.0#"),
        /** A frequency in THz on a 12.5 GHz grid or finer: 193.100. */
        THZ("0.000##"),
        /** Seconds, to a hundredth. */
        SECONDS("#,##0.00");

        private final String format;

        Unit(String format) {
            this.format = format;
        }

        /** The Excel number format. */
        String format() {
            return format;
        }

        /** About how many characters the value takes when shown in this format, for column widths. */
        int width(double value) {
            boolean percent = format.endsWith("%");
            double shown = Math.abs(percent ? value * 100 : value);
            int point = format.indexOf('.');
            int decimals = point < 0 ? 0 : format.length() - point - 1 - (percent ? 1 : 0);
            int digits = shown < 10 ? 1 : (int) Math.floor(Math.log10(shown)) + 1;
            int separators = format.contains(",") ? (digits - 1) / 3 : 0;
            return (value < 0 ? 1 : 0) + digits + separators + (decimals > 0 ? decimals + 1 : 0) + (percent ? 1 : 0);
        }
    }

    private final Workbook workbook;
    private final Map<Unit, CellStyle> numbers = new EnumMap<>(Unit.class);
    private CellStyle header;

    CellStyles(Workbook workbook) {
        this.workbook = workbook;
    }

    Workbook workbook() {
        return workbook;
    }

    /** Bold, for header rows. */
    CellStyle header() {
        if (header == null) {
            header = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            header.setFont(font);
        }
        return header;
    }

    /** The style showing numbers in the unit's format. */
    CellStyle of(Unit unit) {
        return numbers.computeIfAbsent(unit, u -> {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(u.format()));
            return style;
        });
    }
}
