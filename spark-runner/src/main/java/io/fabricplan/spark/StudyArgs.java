package io.fabricplan.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link SparkStudy}, parsed and checked: the same flags as {@code fabricplan study} where
 * they mean the same, plus {@code --partitions}. Spark's own settings come from spark-submit.
 *
 * @param input      the instance workbook
 * @param output     the results workbook to write
 * @param sweeps     {@code --sweep} specs in order
 * @param stages     whether the CPO adoption stages cross every scenario
 * @param threads    solver threads per solve ({@code spark.task.cpus}); null takes the configuration's
 * @param timeLimit  each scenario's time limit in seconds; NaN keeps the scenario's own
 * @param partitions tasks to cut the scenarios into; null for one task per scenario
 */
record StudyArgs(Path input, Path output, List<String> sweeps, boolean stages, Integer threads, double timeLimit,
                 Integer partitions) {
    static final String USAGE = "usage: spark-submit --class io.fabricplan.spark.SparkStudy fabricplan-spark.jar "
            + "IN.xlsx -o RESULTS.xlsx [--sweep HEADER=FROM:TO:STEP|v1,v2]... [--stages] [--threads N] "
            + "[--time-limit S] [--partitions N]";

    StudyArgs {
        sweeps = List.copyOf(sweeps);
    }

    /** A flag or argument that cannot be; its message names it and ends with a "Maybe ..." hint. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** Thrown for {@code -h}/{@code --help}. */
    static final class Help extends Exception {
        private static final long serialVersionUID = 1L;

        Help() {
            super(USAGE, null, false, false);
        }
    }

    /** Parses {@code args}; {@code --flag value} and {@code --flag=value} alike. */
    static StudyArgs parse(String[] args) throws Invalid, Help {
        Path input = null;
        Path output = null;
        List<String> sweeps = new ArrayList<>();
        boolean stages = false;
        Integer threads = null;
        double timeLimit = Double.NaN;
        Integer partitions = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                flag = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (flag) {
                case "-h", "--help" -> throw new Help();
                case "--stages" -> stages = true;
                case "-o", "--output", "--sweep", "--threads", "--time-limit", "--partitions" -> {
                    if (value == null) {
                        if (i + 1 == args.length) {
                            throw new Invalid(flag + " needs a value. Maybe " + example(flag) + ".");
                        }
                        value = args[++i];
                    }
                    switch (flag) {
                        case "--sweep" -> sweeps.add(value);
                        case "--threads" -> threads = whole(flag, value, 1, 1024);
                        case "--partitions" -> partitions = whole(flag, value, 1, 1_000_000);
                        case "--time-limit" -> timeLimit = seconds(flag, value);
                        default -> output = Path.of(value);
                    }
                }
                default -> {
                    if (arg.startsWith("-") && arg.length() > 1) {
                        throw new Invalid("unknown option " + arg + ". Maybe one of -o, --sweep, --stages, "
                                + "--threads, --time-limit, --partitions (Spark's own settings go to spark-submit, "
                                + "before the jar).");
                    }
                    if (input != null) {
                        throw new Invalid("a second workbook " + arg + " after " + input + ". Maybe run one study "
                                + "per spark-submit, or quote a --sweep value that holds spaces.");
                    }
                    input = Path.of(arg);
                }
            }
        }
        if (input == null) {
            throw new Invalid("no instance workbook. Maybe " + USAGE.substring("usage: ".length()) + ".");
        }
        if (output == null) {
            throw new Invalid("no results workbook. Maybe add -o results.xlsx.");
        }
        return new StudyArgs(input, output, sweeps, stages, threads, timeLimit, partitions);
    }

    private static String example(String flag) {
        return switch (flag) {
            case "-o", "--output" -> flag + " results.xlsx";
            case "--sweep" -> "--sweep energy_usd_per_kwh=0.05:0.20:0.05";
            case "--threads" -> "--threads 2";
            case "--partitions" -> "--partitions 64";
            default -> "--time-limit 60";
        };
    }

    private static int whole(String flag, String value, int min, int max) throws Invalid {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Invalid(flag + " " + value + ": not a whole number from " + min + " to " + max + ". Maybe "
                + example(flag) + ".");
    }

    private static double seconds(String flag, String value) throws Invalid {
        try {
            double s = Double.parseDouble(value.strip());
            if (s > 0 && Double.isFinite(s)) {
                return s;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Invalid(flag + " " + value + ": not a positive number of seconds. Maybe " + example(flag) + ".");
    }
}
