package io.fabricplan.cli;

import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The converters of every numeric flag: each checks the value's range too, so a bad value is refused while the
 * command line is parsed, before any work, with exit code 2. picocli prefixes the message with the flag's name
 * ({@code Invalid value for option '--time-limit': ...}); each message names the value and ends in a
 * {@code Maybe ...} line.
 */
final class Flags {
    /** More solver threads than this are a typo rather than a machine. */
    static final int MAX_THREADS = 1024;

    private Flags() {
    }

    private static TypeConversionException bad(String what, String maybe) {
        return new TypeConversionException(what + "\n  Maybe " + maybe);
    }

    private static double parseDecimal(String value, String maybe) {
        try {
            double v = Double.parseDouble(value.trim().replace("_", ""));
            if (Double.isNaN(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad("\"" + value + "\" is not a number", maybe);
        }
    }

    private static long parseWhole(String value, String maybe) {
        try {
            return Long.parseLong(value.trim().replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw bad("\"" + value + "\" is not a whole number", maybe);
        }
    }

    /** A time limit: a positive, finite number of seconds. */
    static final class Seconds implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String maybe = "give the seconds the search may take, e.g. 60 (fractions such as 0.5 work too).";
            double v = parseDecimal(value, maybe);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw bad("\"" + value + "\" is not a positive number of seconds", maybe);
            }
            return v;
        }
    }

    /**
     * A relative optimality gap: a fraction from 0 to below 1 ({@code 0.02}), or a percentage ({@code 2%}). A plain
     * 1 or more is refused: it would accept any plan, and mostly means a percentage written without its sign.
     */
    static final class Gap implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String text = value.trim();
            boolean percent = text.endsWith("%");
            String maybe = "give a fraction, e.g. 0.001 for 0.1 %, or a percentage with its sign, e.g. 0.1%; "
                    + "0 asks for proven optimality.";
            double v = parseDecimal(percent ? text.substring(0, text.length() - 1) : text, maybe);
            double fraction = percent ? v / 100 : v;
            if (fraction < 0) {
                throw bad("\"" + value + "\" is not a gap: it cannot be negative", maybe);
            }
            if (fraction >= 1) {
                throw bad("\"" + value + "\" would be a gap of " + percent(fraction) + " %, which any plan meets",
                        percent ? maybe : "you meant " + percent(v / 100) + " %: write " + text + "% or "
                                + decimal(v / 100) + ".");
            }
            return fraction;
        }

        private static String decimal(double v) {
            return String.format(Locale.ROOT, "%.10f", v).replaceAll("\\.?0+$", "");
        }
    }

    /** Solver threads: 0 (all cores) to {@link #MAX_THREADS}. */
    static final class Threads implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String maybe = "give 0 for all cores, or a count from 1 to " + MAX_THREADS + ", e.g. 4.";
            long v = parseWhole(value, maybe);
            if (v < 0 || v > MAX_THREADS) {
                throw bad("\"" + value + "\" is not a number of threads", maybe);
            }
            return (int) v;
        }
    }

    /** A random seed: any whole number. */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return parseWhole(value, "give a whole number, e.g. 7; the same seed repeats the same search.");
        }
    }

    /** A whole number; the command checks its range. */
    static final class Whole implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long v = parseWhole(value, "write it in digits, e.g. 1024.");
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw bad("\"" + value + "\" is too large", "write a smaller number.");
            }
            return (int) v;
        }
    }

    /** A whole number of at least one (scenarios or boxes at once). */
    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long v = parseWhole(value, "write a whole number of at least 1, e.g. 2.");
            if (v < 1 || v > MAX_THREADS) {
                throw bad("\"" + value + "\" is not between 1 and " + MAX_THREADS, "write e.g. 2.");
            }
            return (int) v;
        }
    }

    /** A finite decimal number; the command checks its range. */
    static final class Decimal implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String maybe = "write it with a decimal point, e.g. 41.5.";
            double v = parseDecimal(value, maybe);
            if (Double.isInfinite(v)) {
                throw bad("\"" + value + "\" is not a finite number", maybe);
            }
            return v;
        }
    }

    /** A percentage as the CLI prints it: up to 4 decimals, trailing zeros dropped ({@code 0.02} is "2"). */
    static String percent(double fraction) {
        return number(100 * fraction);
    }

    /** A number as the CLI prints it: up to 4 decimals, trailing zeros dropped. */
    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }

    /** The command line of the error, e.g. {@code fabricplan solve}. */
    static String commandName(CommandLine commandLine) {
        return commandLine.getCommandSpec().qualifiedName();
    }
}
