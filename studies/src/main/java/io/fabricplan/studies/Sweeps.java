package io.fabricplan.studies;

import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.OverrideTarget;
import io.fabricplan.study.Scenario;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * {@code --sweep HEADER=FROM:TO:STEP} and {@code --sweep HEADER=v1,v2,v3}: one header's values, and the scenarios
 * a study runs for every combination of them with its own rows.
 */
public final class Sweeps {
    /** Values one sweep may have. */
    public static final int MOST_VALUES = 10_000;
    /** Scenarios a cross product may make. */
    public static final long MOST_SCENARIOS = 1_000_000;
    private static final MathContext TWELVE_DIGITS = new MathContext(12);
    private static final String FORMS = "write HEADER=FROM:TO:STEP or HEADER=v1,v2,v3, e.g. --sweep pue=1.1:1.5:0.1 "
            + "or --sweep Devices[role=SPINE].packaging=CPO,PLUGGABLE.";

    private Sweeps() {
    }

    /**
     * One swept header.
     *
     * @param target what it changes
     * @param values one override per value, in order, each located at {@code --sweep SPEC}
     * @param spec   the spec as given, e.g. {@code pue=1.1:1.5:0.1}
     */
    public record Sweep(OverrideTarget target, List<OverrideValue> values, String spec) {
        public Sweep {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(spec, "spec");
            values = List.copyOf(values);
        }
    }

    /**
     * Reads a spec: a header, {@code =}, then a range {@code FROM:TO:STEP} (numbers, TO included when a step
     * reaches it) or a list of values separated by commas (numbers or texts such as CPO).
     *
     * @throws IllegalArgumentException saying what is wrong, with a "Maybe ..." hint
     */
    public static Sweep parse(String spec) {
        String text = spec == null ? "" : spec.strip();
        int equals = assignment(text);
        if (equals < 0) {
            throw refused("\"" + text + "\" has no \"=\" between a header and its values", FORMS);
        }
        String header = text.substring(0, equals).strip();
        String values = text.substring(equals + 1).strip();
        OverrideTarget target;
        try {
            target = OverrideTarget.parse(header);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sweep " + text + ": " + e.getMessage(), e);
        }
        String cell = "--sweep " + text;
        if (values.isEmpty()) {
            throw refused("\"" + text + "\" has no values after \"=\"", FORMS);
        }
        List<OverrideValue> overrides = values.contains(":") ? range(target, values, text, cell)
                : list(target, values, text, cell);
        return new Sweep(target, overrides, text);
    }

    /** The first "=" outside brackets: the one after the header, since a header may hold [col=value]. */
    private static int assignment(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == '=' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * FROM, FROM + STEP, ... up to TO: each {@code from + i x step} rounded to 12 significant digits, so that 0.1
     * steps do not drift (1.1:1.5:0.1 gives 1.1, 1.2, 1.3, 1.4, 1.5), TO included when a step lands within 1e-9
     * of it (relative).
     */
    private static List<OverrideValue> range(OverrideTarget target, String values, String spec, String cell) {
        String[] parts = values.split(":", -1);
        if (parts.length != 3) {
            throw refused("range \"" + values + "\" in \"" + spec + "\" has " + parts.length + " parts",
                    "write FROM:TO:STEP, e.g. 1.1:1.5:0.1.");
        }
        double from = rangeNumber(parts[0], "FROM", spec);
        double to = rangeNumber(parts[1], "TO", spec);
        double step = rangeNumber(parts[2], "STEP", spec);
        if (step == 0) {
            throw refused("the step of \"" + spec + "\" is 0", "write a step that leads from " + parts[0].strip()
                    + " to " + parts[1].strip() + ", e.g. " + OverrideValue.format(round(to - from)) + ".");
        }
        if (to != from && (to - from > 0) != (step > 0)) {
            throw refused("the step of \"" + spec + "\" leads away from " + parts[1].strip() + ": " + parts[2].strip()
                    + " is " + (step > 0 ? "positive" : "negative"), "write the step as "
                    + OverrideValue.format(-step) + ", or swap FROM and TO.");
        }
        double steps = (to - from) / step;
        double tolerance = 1e-9 * Math.max(Math.abs(to), Math.abs(step));
        long count = steps >= MOST_VALUES ? MOST_VALUES + 1 : (Math.abs(from + Math.rint(steps) * step - to)
                <= tolerance ? (long) Math.rint(steps) : (long) Math.floor(steps)) + 1;
        if (count > MOST_VALUES) {
            throw refused("\"" + spec + "\" has " + (steps < 1e15 ? String.format(Locale.ROOT, "%,d",
                    (long) Math.floor(steps) + 1) : "too many") + " values, more than "
                    + String.format(Locale.ROOT, "%,d", MOST_VALUES), "take a larger step, or split the range over "
                    + "several studies.");
        }
        List<OverrideValue> overrides = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            double value = round(from + i * step);
            overrides.add(OverrideValue.of(target, Math.abs(value - to) <= tolerance ? to : value, cell));
        }
        return overrides;
    }

    private static double rangeNumber(String text, String part, String spec) {
        Double value = Texts.number(text);
        if (value == null) {
            throw refused(part + " of \"" + spec + "\" must be a number, got \"" + text.strip() + "\"",
                    "write numbers in a range, e.g. 1.1:1.5:0.1, or list texts as v1,v2,v3.");
        }
        return value;
    }

    private static double round(double value) {
        return new BigDecimal(value).round(TWELVE_DIGITS).doubleValue();
    }

    /** The values of a list, in order; blank or repeated ones are refused. */
    private static List<OverrideValue> list(OverrideTarget target, String values, String spec, String cell) {
        String[] parts = values.split(",", -1);
        if (parts.length > MOST_VALUES) {
            throw refused("\"" + spec + "\" lists " + String.format(Locale.ROOT, "%,d", parts.length)
                    + " values, more than " + String.format(Locale.ROOT, "%,d", MOST_VALUES),
                    "split the list over several studies.");
        }
        List<OverrideValue> overrides = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : parts) {
            String value = part.strip();
            if (value.isEmpty()) {
                throw refused("\"" + spec + "\" has an empty value in its list", "remove the extra comma.");
            }
            Double number = Texts.number(value);
            String key = number != null ? OverrideValue.format(number) : value.toUpperCase(Locale.ROOT);
            if (!seen.add(key)) {
                throw refused("\"" + spec + "\" lists " + value + " twice", "list each value once.");
            }
            overrides.add(OverrideValue.of(target, value, cell));
        }
        return overrides;
    }

    /**
     * Every row with every combination of the sweeps' values: per row, the last sweep varies fastest. Each
     * scenario keeps its row's description, pareto flag and cell, and has the row's overrides followed by one of
     * each sweep. Ids are {@code <rowId>/<header>=<value>/...} (a multiplying header spelt {@code pue*}); with no rows, the sweeps alone make the
     * scenarios, of the base instance, with ids {@code <header>=<value>/...}. Without sweeps, the rows as they are.
     *
     * @throws IllegalArgumentException when there would be more than {@link #MOST_SCENARIOS} scenarios
     */
    public static List<Scenario> cross(List<Scenario> rows, List<Sweep> sweeps) {
        if (sweeps.isEmpty()) {
            return List.copyOf(rows);
        }
        List<Scenario> bases = rows.isEmpty() ? List.of(new Scenario("", "", List.of())) : rows;
        long total = bases.size();
        for (Sweep s : sweeps) {
            total = Math.multiplyHigh(total, s.values().size()) != 0 ? Long.MAX_VALUE : total * s.values().size();
            if (total > MOST_SCENARIOS) {
                throw refused("the sweeps make more than " + String.format(Locale.ROOT, "%,d", MOST_SCENARIOS)
                        + " scenarios (" + bases.size() + " rows x " + sweeps.stream().map(x -> String.valueOf(
                        x.values().size())).reduce((a, b) -> a + " x " + b).orElse("") + " values)",
                        "take larger steps or fewer values.");
            }
        }
        List<Scenario> scenarios = new ArrayList<>((int) total);
        Set<String> ids = new HashSet<>();
        for (Scenario base : bases) {
            int[] at = new int[sweeps.size()];
            do {
                StringBuilder id = new StringBuilder(base.id());
                List<OverrideValue> overrides = new ArrayList<>(base.overrides());
                for (int k = 0; k < sweeps.size(); k++) {
                    OverrideValue value = sweeps.get(k).values().get(at[k]);
                    id.append(id.isEmpty() ? "" : "/").append(value.target().header().replace(" *", "*"))
                            .append('=').append(value.text());
                    overrides.add(value);
                }
                scenarios.add(new Scenario(unique(id.toString(), ids), base.description(), overrides, base.pareto(),
                        base.cell()));
            } while (next(at, sweeps));
        }
        return scenarios;
    }

    /** Advances the odometer of value indices, last sweep fastest; false once every combination was made. */
    private static boolean next(int[] at, List<Sweep> sweeps) {
        for (int k = at.length - 1; k >= 0; k--) {
            if (++at[k] < sweeps.get(k).values().size()) {
                return true;
            }
            at[k] = 0;
        }
        return false;
    }

    /** The id, or when a row already made it (rows with equal ids), the id with " (2)", " (3)" ... */
    private static String unique(String id, Set<String> ids) {
        String candidate = id;
        for (int n = 2; !ids.add(candidate); n++) {
            candidate = id + " (" + n + ")";
        }
        return candidate;
    }

    private static IllegalArgumentException refused(String what, String hint) {
        return new IllegalArgumentException("--sweep: " + what + ". Maybe " + hint);
    }
}
