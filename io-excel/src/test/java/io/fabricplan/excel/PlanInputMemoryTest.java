package io.fabricplan.excel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.PlanResult;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.excel.PlanWorkbookReader.PlanReadResult;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Plan;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory of the input's copy, proven in a test JVM of 1 GB of heap (the {@code heap-1g} execution of this
 * module's surefire): a valid input of 250 KB whose extra sheet unpacks to 20 MB of blank cells. Loaded whole,
 * as its size on disk once decided, it kept about a gigabyte; copied by streaming, a few MB.
 */
@Tag("heap-1g")
class PlanInputMemoryTest {
    @TempDir
    Path dir;

    @Test
    void smallFileOfTwentyMegabytesOfBlankCellsIsCopiedWithinAGigabyteOfHeap() throws IOException {
        assertThat(Runtime.getRuntime().maxMemory()).as("run in the heap-1g execution").isLessThan(1L << 31);
        Instance instance = SyntheticFabric.instance(40, 8);
        Plan plan = SyntheticFabric.plan(instance);
        PlanResult result = SyntheticFabric.result(instance, plan);
        Path valid = dir.resolve("valid.xlsx");
        InstanceWorkbookWriter.write(instance, valid);
        Path input = HandMadeXlsx.withSheet(valid, dir.resolve("in.xlsx"), "Notes",
                HandMadeXlsx.blankCells(2_000_000));
        assertThat(Files.size(input)).isLessThan(256 * 1024);
        Path out = dir.resolve("plan.xlsx");

        long before = oldGenerationPeak(true);

        PlanWorkbookWriter.write(input, instance, result, "none", out);

        long peak = oldGenerationPeak(false);
        assertThat(peak - before).as("old generation grew by %,d bytes", peak - before).isLessThan(256L << 20);

        assertThat(InstanceWorkbookReader.read(out).instance()).isEqualTo(instance);
        PlanReadResult read = PlanWorkbookReader.read(out);
        assertThat(read.problems()).isEmpty();
        assertThat(read.plan().links()).isEqualTo(plan.links());
        assertThat(new PlanChecker(instance).check(read.plan()).passed()).isTrue();
        try (StreamingRowSource copy = StreamingRowSource.open(out)) {
            int[] rows = {0};
            copy.rows("Notes", row -> rows[0]++);
            assertThat(rows[0]).as("blank cells are not copied").isZero();
        }
    }

    /**
     * The peak of the heap's old generation since the last reset: what survived collections, so what a copy
     * keeps (young garbage does not count).
     */
    private static long oldGenerationPeak(boolean reset) {
        System.gc();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && (pool.getName().contains("Old")
                    || pool.getName().contains("Tenured"))) {
                if (reset) {
                    pool.resetPeakUsage();
                }
                peak += pool.getPeakUsage().getUsed();
            }
        }
        assertThat(peak).as("an old generation is there").isPositive();
        return peak;
    }
}
