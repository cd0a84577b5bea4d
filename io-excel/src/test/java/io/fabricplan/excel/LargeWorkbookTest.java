package io.fabricplan.excel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.PlanResult;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.excel.InstanceWorkbookReader.ReadResult;
import io.fabricplan.excel.PlanWorkbookReader.PlanReadResult;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 50,000 links through every streaming path: instance written and read back, plan written over it and read. */
class LargeWorkbookTest {
    @TempDir
    Path dir;

    @Test
    void fiftyThousandLinksRoundTripThroughInstanceAndPlanWorkbooks() throws IOException {
        Instance instance = SyntheticFabric.instance(2_500, 20);
        assertThat(instance.links()).hasSize(50_000);
        Path input = dir.resolve("large.xlsx");

        InstanceWorkbookWriter.write(instance, input);
        ReadResult read = InstanceWorkbookReader.read(input);

        assertThat(read.problems()).isEmpty();
        assertThat(read.instance()).isEqualTo(instance);
        assertThat(read.locator().locate("Links", 49_999, "l49999", "gbps")).isEqualTo("Links!E50001");

        Plan plan = SyntheticFabric.plan(instance);
        PlanResult result = SyntheticFabric.result(instance, plan);
        Path out = dir.resolve("large-plan.xlsx");
        PlanWorkbookWriter.write(input, instance, result, "none", out, -1);

        PlanReadResult planRead = PlanWorkbookReader.read(out);
        assertThat(planRead.problems()).isEmpty();
        assertThat(planRead.plan().links()).isEqualTo(plan.links());
        assertThat(planRead.plan().devices()).isEqualTo(result.evaluation().devices().stream()
                .map(d -> new io.fabricplan.model.DeviceAssignment(d.deviceId(), d.modelId(), d.rackId())).toList());
        CheckReport report = new PlanChecker(instance).check(planRead.plan());
        assertThat(report.violations()).isEmpty();
        // every figure the streamed sheets state agrees with the plan, and names its cell
        assertThat(new PlanChecker(instance).check(planRead.plan(), planRead.stated()).violations()).isEmpty();
        assertThat(planRead.stated().links().rows()).hasSize(50_000);
        assertThat(planRead.stated().links().locate(50_001, "cost_usd")).isEqualTo("LinkPlan!K50001");
        assertThat(InstanceWorkbookReader.read(out).instance()).isEqualTo(instance);
        assertThat(Files.size(out)).isGreaterThan(Files.size(input));
    }

    @Test
    void smallInputKeepsItsFormattingWhileALargePlanStreams() throws IOException {
        Instance instance = SyntheticFabric.instance(520, 20);
        Path input = dir.resolve("input.xlsx");
        InstanceWorkbookWriter.write(instance, input);
        assertThat(InputCopy.unpacksWithin(input, PlanWorkbookWriter.KEEP_FORMATTING_LIMIT_BYTES)).isTrue();
        Plan plan = SyntheticFabric.plan(instance);
        Path out = dir.resolve("plan.xlsx");

        PlanWorkbookWriter.write(input, instance, SyntheticFabric.result(instance, plan), "none", out);

        PlanReadResult read = PlanWorkbookReader.read(out);
        assertThat(read.plan().links()).isEqualTo(plan.links());
        assertThat(new PlanChecker(instance).check(read.plan(), read.stated()).violations()).isEmpty();
        assertThat(InstanceWorkbookReader.read(out).instance()).isEqualTo(instance);
        try (java.io.InputStream in = Files.newInputStream(out);
             org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Devices").getDataValidations()).hasSize(3);
            assertThat(wb.getSheet("LinkPlan").getLastRowNum()).isEqualTo(10_400);
        }
    }
}
