package io.fabricplan.study;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Scenarios column (or a {@code --sweep} key) changes: the header grammar
 * <pre>
 *   key                       a Settings key, e.g. energy_usd_per_kwh
 *   Sheet.column              that column on every row of the sheet
 *   Sheet[id].column          the row whose id is id
 *   Sheet[col=value].column   every row whose col equals value (case-insensitive)
 *   any of these + " *"       multiply by the cell instead of setting it
 * </pre>
 * Parsing checks only the grammar and the sheet name; whether the column, id or match exist depends on the
 * instance and is checked where the override is applied.
 *
 * @param sheet       one of {@link #SHEETS}; {@code Settings} for a bare key
 * @param column      the column (or Settings key) set
 * @param rowId       {@code Sheet[id]}: the row's id; null otherwise
 * @param matchColumn {@code Sheet[col=value]}: the column compared; null otherwise
 * @param matchValue  {@code Sheet[col=value]}: the value it must equal, ignoring case; null otherwise
 * @param multiply    whether the cell multiplies the current value instead of replacing it
 */
public record OverrideTarget(String sheet, String column, String rowId, String matchColumn, String matchValue,
                             boolean multiply) {
    /** The sheets an override may change. */
    public static final List<String> SHEETS = List.of("Settings", "Racks", "SwitchModels", "Devices", "Links",
            "Optics", "Spans", "WdmEquipment");

    private static final Pattern GRAMMAR = Pattern.compile(
            "([A-Za-z]+)(?:\\[([^\\]=]*)(?:=([^\\]]*))?\\])?\\.([A-Za-z0-9_]+)");
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    public OverrideTarget {
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(column, "column");
    }

    /** True for a bare Settings key. */
    public boolean isSetting() {
        return sheet.equals("Settings");
    }

    /**
     * The target a header names.
     *
     * @throws IllegalArgumentException with what is wrong and a "Maybe ..." hint, when the header is not in the
     *                                  grammar or names an unknown sheet
     */
    public static OverrideTarget parse(String header) {
        String text = header == null ? "" : header.strip();
        boolean multiply = text.endsWith("*");
        if (multiply) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the header is blank. Maybe remove the column, or name a Settings key "
                    + "or Sheet.column, e.g. energy_usd_per_kwh or Racks.power_budget_kw.");
        }
        // A key in another case (PUE) is kept as written, so that applying it can say which key was meant; a
        // sheet's name alone is not a key.
        if (KEY.matcher(text).matches() && canonicalSheet(text) == null) {
            return new OverrideTarget("Settings", text, null, null, null, multiply);
        }
        Matcher m = GRAMMAR.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + header + "\" is not an override header. Maybe write a Settings "
                    + "key (pue), Sheet.column (Racks.power_budget_kw), Sheet[id].column (Racks[N1].power_budget_kw) "
                    + "or Sheet[col=value].column (SwitchModels[packaging=CPO].cost_usd), with \" *\" to multiply.");
        }
        String sheet = canonicalSheet(m.group(1));
        if (sheet == null) {
            throw new IllegalArgumentException("\"" + m.group(1) + "\" is not a sheet an override may change. Maybe "
                    + suggestion(m.group(1)) + " (one of " + String.join(", ", SHEETS) + ").");
        }
        String selector = m.group(2);
        String value = m.group(3);
        String rowId = null;
        String matchColumn = null;
        String matchValue = null;
        if (selector != null && value == null) {
            rowId = selector.strip();
            if (rowId.isEmpty()) {
                throw new IllegalArgumentException("\"" + header + "\" has an empty row id in []. Maybe write the "
                        + "row's id, e.g. Racks[N1].power_budget_kw, or leave out [] for every row.");
            }
        } else if (selector != null) {
            matchColumn = selector.strip();
            matchValue = value.strip();
            if (matchColumn.isEmpty()) {
                throw new IllegalArgumentException("\"" + header + "\" has no column before = in []. Maybe write "
                        + "[col=value], e.g. Optics[kind=AOC].power_w.");
            }
        }
        if (sheet.equals("Settings") && (rowId != null || matchColumn != null)) {
            throw new IllegalArgumentException("\"" + header + "\": Settings has one value per key. Maybe write the "
                    + "key alone, e.g. " + (rowId != null ? rowId : m.group(4)) + ".");
        }
        return new OverrideTarget(sheet, m.group(4), rowId, matchColumn, matchValue, multiply);
    }

    /** The header in its canonical spelling, e.g. {@code SwitchModels[packaging=CPO].cost_usd *}. */
    public String header() {
        StringBuilder sb = new StringBuilder();
        if (isSetting()) {
            sb.append(column);
        } else {
            sb.append(sheet);
            if (rowId != null) {
                sb.append('[').append(rowId).append(']');
            } else if (matchColumn != null) {
                sb.append('[').append(matchColumn).append('=').append(matchValue).append(']');
            }
            sb.append('.').append(column);
        }
        return multiply ? sb.append(" *").toString() : sb.toString();
    }

    private static String canonicalSheet(String name) {
        for (String s : SHEETS) {
            if (s.equalsIgnoreCase(name)) {
                return s;
            }
        }
        return null;
    }

    private static String suggestion(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = SHEETS.get(0);
        int bestDistance = Integer.MAX_VALUE;
        for (String s : SHEETS) {
            int d = io.fabricplan.validate.Spelling.editDistance(lower, s.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = s;
            }
        }
        return "you meant " + best;
    }
}
