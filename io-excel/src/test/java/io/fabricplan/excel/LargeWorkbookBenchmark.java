package io.fabricplan.excel;

import io.fabricplan.api.PlanResult;
import io.fabricplan.excel.InstanceWorkbookReader.ReadResult;
import io.fabricplan.excel.PlanWorkbookReader.PlanReadResult;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Plan;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Measures by hand (not a test: no timing is asserted anywhere) the seconds and peak heap of writing and reading
 * a large synthetic instance and its plan. Run from io-excel after {@code verify}:
 *
 * <pre>
 * ../mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx4g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     io.fabricplan.excel.LargeWorkbookBenchmark 20000 20 /tmp
 * </pre>
 * Arguments: servers, ports per server (links = servers x ports), folder for the files.
 */
final class LargeWorkbookBenchmark {
    private LargeWorkbookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int servers = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int ports = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path dir = Files.createTempDirectory(Path.of(args.length > 2 ? args[2] : "/tmp"), "fabricplan-bench");
        Path input = dir.resolve("instance.xlsx");
        Path out = dir.resolve("plan.xlsx");

        Instance instance = phase("build instance", () -> SyntheticFabric.instance(servers, ports));
        System.out.printf("instance: %d links, %d devices, %d racks%n", instance.links().size(),
                instance.devices().size(), instance.racks().size());
        phase("write instance", () -> {
            InstanceWorkbookWriter.write(instance, input);
            return null;
        });
        System.out.printf("instance workbook: %.1f MB%n", Files.size(input) / 1e6);
        ReadResult read = phase("read instance", () -> InstanceWorkbookReader.read(input));
        check(read.problems().isEmpty() && read.instance().equals(instance), "instance read back equal");
        Plan plan = SyntheticFabric.plan(instance);
        PlanResult result = phase("evaluate plan", () -> SyntheticFabric.result(instance, plan));
        phase("write plan over the input", () -> {
            PlanWorkbookWriter.write(input, instance, result, "none", out);
            return null;
        });
        System.out.printf("plan workbook: %.1f MB%n", Files.size(out) / 1e6);
        PlanReadResult planRead = phase("read plan", () -> PlanWorkbookReader.read(out));
        check(planRead.problems().isEmpty() && planRead.plan().links().equals(plan.links()), "plan read back");
        System.out.printf("peak RSS of the process: %s%n", vmHwm());
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    private static <T> T phase(String name, Callable<T> body) throws Exception {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        T value = body.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%-28s %7.2f s   peak heap %6d MB%n", name, seconds, peak >> 20);
        return value;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("failed: " + what);
        }
    }

    private static String vmHwm() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .findFirst().map(l -> l.substring(6).strip()).orElse("?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
