package io.fabricplan.cli;

import io.fabricplan.excel.InstanceWorkbookWriter;
import io.fabricplan.instances.FabricGenerator;
import io.fabricplan.instances.GeneratedFabric;
import io.fabricplan.instances.GeneratorOptions;
import io.fabricplan.model.DefaultCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fabricplan generate --gpus N -o OUT.xlsx}: a rail-optimised fat-tree instance of any size. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes an instance workbook of a rail-optimised fat tree like a DGX SuperPOD: servers of "
                + "--gpus-per-node GPUs with one NIC port per GPU, rail leaves in middle-of-row racks, spines (and "
                + "cores with 3 tiers) in network rows, rack budgets that make the CPO choice matter.",
                "The GPU count is rounded up to whole scalable units (leaf down-ports x GPUs per node)."},
        footer = {"", "Example: fabricplan generate --gpus 16384 -o fabric-16k.xlsx",
                "         fabricplan generate --gpus 131072 --switch-family SW102T --nic-gbps 800 -o fabric-131k.xlsx",
                "         fabricplan generate --gpus 16384 --halls 4 --hall-spans -o fabric-16k-spans.xlsx",
                "         fabricplan generate --gpus 16384 --tiers 2 --switch-family SW102T --installed-fraction 0.5 "
                        + "--stock dr4_400=4000 --max-buy sw102-cpo=144 --switch-swap-usd 2500 --recable-usd 25 "
                        + "-o refresh-16k.xlsx",
                "         fabricplan generate --gpus 1024 --breakouts -o fabric-1k-twin-port.xlsx"})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--gpus", paramLabel = "N", converter = Flags.Whole.class, description = "GPUs in the cluster")
    Integer gpus;

    @Option(names = "--gpus-per-node", paramLabel = "G", converter = Flags.Whole.class, defaultValue = "8",
            description = "GPUs (and NIC ports, i.e. rails) per server (default: ${DEFAULT-VALUE})")
    int gpusPerNode;

    @Option(names = "--nodes-per-rack", paramLabel = "K", converter = Flags.Whole.class, defaultValue = "4",
            description = "servers per server rack (default: ${DEFAULT-VALUE})")
    int nodesPerRack;

    @Option(names = "--rack-kw", paramLabel = "KW", converter = Flags.Decimal.class, defaultValue = "41",
            description = "power of a server rack in kW; raised to fit the servers and their optics "
                    + "(default: ${DEFAULT-VALUE})")
    double rackKw;

    @Option(names = "--tiers", paramLabel = "2|3", converter = Flags.Whole.class,
            description = "switch tiers (default: the fewest that hold the GPUs)")
    Integer tiers;

    @Option(names = "--switch-family", paramLabel = "F", defaultValue = GeneratorOptions.DEFAULT_FAMILY,
            description = "switch family of every switch: SW51T (64 x 800G) or SW102T (128 x 800G) "
                    + "(default: ${DEFAULT-VALUE})")
    String switchFamily;

    @Option(names = "--nic-gbps", paramLabel = "400|800", converter = Flags.Whole.class, defaultValue = "400",
            description = "rate of a NIC port and of every link (default: ${DEFAULT-VALUE})")
    int nicGbps;

    @Option(names = "--breakouts", description = "add the default catalog's breakout items to the Optics: twin-port "
            + "800G modules (2xSR4, 2xDR4, 2xFR4) facing 400G modules, a single-port 800G DR4 and the 1.6T 2xDR4 "
            + "facing it, 800G-to-2x400G DAC and AOC; a twin-port module needs a switch port of its whole rate, so "
            + "they serve --nic-gbps 400 fabrics (default: without them)")
    boolean breakouts;

    @Option(names = "--oversubscription", paramLabel = "O", converter = Flags.Whole.class, defaultValue = "1",
            description = "leaf down-ports per up-port, 1 = non-blocking (default: ${DEFAULT-VALUE})")
    int oversubscription;

    @Option(names = "--halls", paramLabel = "H", converter = Flags.Whole.class, defaultValue = "1",
            description = "halls, " + (int) FabricGenerator.HALL_SEPARATION_M + " m apart, the floor is split into "
                    + "(default: ${DEFAULT-VALUE})")
    int halls;

    @Option(names = "--hall-spans", description = "halls are sites on a ring of fiber spans: links between halls "
            + "get no length and cross the spans, grey or DWDM (needs --halls 2 or more)")
    boolean hallSpans;

    @Option(names = "--span-km", paramLabel = "KM", converter = Flags.Decimal.class, description = "with --hall-spans: "
            + "length of every span in km (default: " + (int) GeneratorOptions.HallSpans.DEFAULT_SPAN_KM + ")")
    Double spanKm;

    @Option(names = "--fiber-pairs", paramLabel = "N", converter = Flags.Whole.class,
            description = "with --hall-spans: fiber pairs of every span (default: half the cables crossing the "
                    + "busiest span, rounded up, so all-grey does not fit)")
    Integer fiberPairs;

    @Option(names = "--placement", paramLabel = "fixed|free", converter = PlacementConverter.class,
            defaultValue = "fixed", description = "fixed: every switch in its rack; free: candidate racks for the "
            + "optimiser (default: ${DEFAULT-VALUE})")
    GeneratorOptions.Placement placement;

    @Option(names = "--seed", paramLabel = "S", converter = Flags.Whole.class, defaultValue = "1",
            description = "seed of the small variations of server base loads (default: ${DEFAULT-VALUE})")
    int seed;

    @Option(names = "--installed-fraction", paramLabel = "F", converter = Flags.Decimal.class,
            description = "share of the leaves, 0 to 1, that stand today as the family's pluggable model "
                    + "(installed_model): kept at no capex or replaced; the first rails of each scalable unit "
                    + "(default: 0, a green field)")
    Double installedFraction;

    @Option(names = "--stock", paramLabel = "ID=QTY", converter = ItemCount.Stock.class,
            description = "units owned of an optic or switch model of the default catalog, an Inventory row; "
                    + "repeatable, e.g. --stock dr4_400=4000")
    List<ItemCount> stock;

    @Option(names = "--max-buy", paramLabel = "ID=N", converter = ItemCount.MaxBuy.class,
            description = "units of an optic or switch model that can be bought at most (its max_buy); "
                    + "repeatable, e.g. --max-buy sw102-cpo=144")
    List<ItemCount> maxBuy;

    @Option(names = "--switch-swap-usd", paramLabel = "USD", converter = Flags.Decimal.class,
            description = "labour of replacing an installed switch, Settings switch_swap_usd (default: 0)")
    Double switchSwapUsd;

    @Option(names = "--recable-usd", paramLabel = "USD", converter = Flags.Decimal.class,
            description = "labour of re-cabling an optic taken from stock, Settings recable_usd (default: 0)")
    Double recableUsd;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.xlsx", description = "instance workbook to write")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (gpus == null) {
            return invalid(err, "--gpus is missing", "give the cluster size, e.g. --gpus 1024.");
        }
        if (output == null) {
            return invalid(err, "-o OUT.xlsx is missing", "name the workbook to write, e.g. -o fabric.xlsx.");
        }
        if (!Outputs.check(err).workbook("-o", output, "fabric.xlsx").ok()) {
            return ExitCode.INVALID_INPUT;
        }
        if (!hallSpans && (spanKm != null || fiberPairs != null)) {
            return invalid(err, (spanKm != null ? "--span-km" : "--fiber-pairs") + " only applies to halls over "
                    + "spans", "add --hall-spans (and --halls 2 or more).");
        }
        if (fiberPairs != null && fiberPairs < 1) {
            return invalid(err, "--fiber-pairs must be at least 1, got " + fiberPairs,
                    "leave it out to size the spans from the cables between halls, or give e.g. --fiber-pairs 144.");
        }
        // nothing is worth keeping half-way: Ctrl-C aborts, and the workbook is written whole or not at all
        try (GracefulStop stop = GracefulStop.aborting(err).writes(output)) {
            return generateAndWrite(err);
        }
    }

    /**
     * The generator options of the flags. Throws IllegalArgumentException ("what\nMaybe hint") for a bad value;
     * needs {@code --gpus}.
     */
    GeneratorOptions options() {
        GeneratorOptions.HallSpans spans = !hallSpans ? null : new GeneratorOptions.HallSpans(
                spanKm == null ? GeneratorOptions.HallSpans.DEFAULT_SPAN_KM : spanKm,
                fiberPairs == null ? GeneratorOptions.HallSpans.AUTO_FIBER_PAIRS : fiberPairs);
        return new GeneratorOptions(gpus, gpusPerNode, nodesPerRack, rackKw, tiers == null ? 0 : tiers,
                switchFamily, nicGbps, oversubscription, halls, placement, seed, spans, supply(), breakouts);
    }

    /** The supply of the flags, or null when none of them is given (a green field, as before they existed). */
    private GeneratorOptions.Supply supply() {
        if (installedFraction == null && stock == null && maxBuy == null && switchSwapUsd == null
                && recableUsd == null) {
            return null;
        }
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (ItemCount item : maxBuy == null ? List.<ItemCount>of() : maxBuy) {
            if (limits.put(item.id(), item.count()) != null) {
                throw new IllegalArgumentException("--max-buy " + item.id() + " is given twice\nMaybe give each "
                        + "item's limit once.");
            }
        }
        Map<String, Integer> owned = new LinkedHashMap<>();
        for (ItemCount item : stock == null ? List.<ItemCount>of() : stock) {
            long sum = (long) owned.getOrDefault(item.id(), 0) + item.count();
            if (sum > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("--stock " + item.id() + ": " + sum + " units are too many\n"
                        + "Maybe write a smaller number.");
            }
            owned.put(item.id(), (int) sum);
        }
        return new GeneratorOptions.Supply(installedFraction == null ? 0 : installedFraction, owned, limits,
                switchSwapUsd == null ? 0 : switchSwapUsd, recableUsd == null ? 0 : recableUsd);
    }

    private int generateAndWrite(PrintWriter err) throws IOException {
        GeneratedFabric fabric;
        try {
            fabric = FabricGenerator.generate(options());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int split = message.lastIndexOf("\nMaybe ");
            return split < 0 ? invalid(err, message, "run fabricplan generate --help.")
                    : invalid(err, message.substring(0, split), message.substring(split + "\nMaybe ".length()));
        }
        fabric.warnings().forEach(w -> err.println("warning: " + w));
        if (fabric.sizing().linkRows() > 100_000) {
            err.printf(Locale.ROOT, "writing %,d link rows to %s: this takes about a minute per 300,000 rows%n",
                    fabric.sizing().linkRows(), output);
        }
        InstanceWorkbookWriter.write(fabric.instance(), output);
        spec.commandLine().getOut().println("wrote " + output + ": " + fabric.sizing().summary()
                + supplySummary(fabric) + (breakouts ? String.format(Locale.ROOT, "; %d breakout items in the "
                + "Optics", DefaultCatalog.breakoutOptics().size()) : ""));
        return ExitCode.OK;
    }

    /** "; 64 installed leaves (sw102-p), 4,000 units in stock, max_buy on sw102-cpo" or "" without supply. */
    static String supplySummary(GeneratedFabric fabric) {
        var instance = fabric.instance();
        if (!instance.usesSupplyRules()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        List<String> installed = instance.devices().stream().map(d -> d.installedModel()).filter(m -> m != null)
                .toList();
        if (!installed.isEmpty()) {
            parts.add(String.format(Locale.ROOT, "%,d installed leaves (%s)", installed.size(),
                    String.join(", ", installed.stream().distinct().toList())));
        }
        long units = instance.inventory().stream().mapToLong(i -> i.quantity()).sum();
        if (!instance.inventory().isEmpty()) {
            parts.add(String.format(Locale.ROOT, "%,d units in stock", units));
        }
        List<String> limited = new ArrayList<>();
        instance.optics().stream().filter(x -> x.maxBuy() != null).forEach(x -> limited.add(x.id() + " <= "
                + String.format(Locale.ROOT, "%,d", x.maxBuy())));
        instance.switchModels().stream().filter(m -> m.maxBuy() != null).forEach(m -> limited.add(m.id() + " <= "
                + String.format(Locale.ROOT, "%,d", m.maxBuy())));
        if (!limited.isEmpty()) {
            parts.add("max_buy " + String.join(", ", limited));
        }
        var settings = instance.settings();
        if (settings.switchSwapUsd() != 0 || settings.recableUsd() != 0) {
            parts.add(String.format(Locale.ROOT, "labour %s USD per switch swap, %s USD per re-cabled optic",
                    Flags.number(settings.switchSwapUsd()), Flags.number(settings.recableUsd())));
        }
        return parts.isEmpty() ? "" : "; " + String.join(", ", parts);
    }

    private static int invalid(PrintWriter err, String what, String maybe) {
        err.println("fabricplan: " + what);
        err.println("  Maybe " + maybe);
        return ExitCode.INVALID_INPUT;
    }

    /** An {@code ID=N} value of {@code --stock} or {@code --max-buy}; the generator checks the id and the number. */
    record ItemCount(String id, int count) {
        private static ItemCount parse(String value, String example) {
            int eq = value.indexOf('=');
            String maybe = "write an optic or switch model id, an = and a whole number, e.g. " + example + ".";
            if (eq <= 0 || eq == value.length() - 1) {
                throw new CommandLine.TypeConversionException("\"" + value + "\" is not ID=N\n  Maybe " + maybe);
            }
            String id = value.substring(0, eq).trim();
            String number = value.substring(eq + 1).trim().replace("_", "").replace(",", "");
            long count;
            try {
                count = Long.parseLong(number);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("\"" + value + "\": \"" + value.substring(eq + 1)
                        + "\" is not a whole number\n  Maybe " + maybe);
            }
            if (count < 0 || count > Integer.MAX_VALUE) {
                throw new CommandLine.TypeConversionException("\"" + value + "\": " + (count < 0
                        ? "the number cannot be negative" : "the number is too large") + "\n  Maybe " + maybe);
            }
            return new ItemCount(id, (int) count);
        }

        /** {@code --stock ID=QTY}. */
        static final class Stock implements CommandLine.ITypeConverter<ItemCount> {
            @Override
            public ItemCount convert(String value) {
                return parse(value, "--stock dr4_400=4000");
            }
        }

        /** {@code --max-buy ID=N}. */
        static final class MaxBuy implements CommandLine.ITypeConverter<ItemCount> {
            @Override
            public ItemCount convert(String value) {
                return parse(value, "--max-buy sw102-cpo=144");
            }
        }
    }

    /** fixed or free, any case. */
    static final class PlacementConverter implements CommandLine.ITypeConverter<GeneratorOptions.Placement> {
        @Override
        public GeneratorOptions.Placement convert(String value) {
            try {
                return GeneratorOptions.Placement.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("\"" + value + "\" is not a placement\n"
                        + "  Maybe use fixed or free.");
            }
        }
    }
}
