package io.fabricplan.servicebench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code --name value} flags of a benchmark's main, as the scripts pass them: each value by its flag's name,
 * an unknown flag refused with the program's name.
 */
final class BenchFlags {
    private final Map<String, String> values = new HashMap<>();

    private BenchFlags() {
    }

    /**
     * @throws IllegalArgumentException for a flag not among {@code known}, or one without a value
     */
    static BenchFlags parse(String program, String[] args, String... known) {
        BenchFlags flags = new BenchFlags();
        java.util.List<String> names = java.util.List.of(known);
        for (int i = 0; i < args.length; i += 2) {
            if (!names.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException(program + ": " + (names.contains(args[i]) ? "no value for "
                        : "unknown flag ") + args[i] + " (known: " + String.join(", ", names) + ")");
            }
            flags.values.put(args[i], args[i + 1]);
        }
        return flags;
    }

    int whole(String name, int otherwise) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : otherwise;
    }

    Path path(String name, Path otherwise) {
        return values.containsKey(name) ? Path.of(values.get(name)) : otherwise;
    }
}
