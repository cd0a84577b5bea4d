package io.fabricplan.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.json.InstanceJson;
import io.fabricplan.json.JsonLimits;
import io.fabricplan.json.PlanJson;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Objective;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** What the service tests share: instances as JSON, and the checker on every plan the service answers. */
final class Served {
    private Served() {
    }

    static String json(Instance instance) {
        return InstanceJson.toJson(instance);
    }

    /**
     * The plan of an answer (plan JSON) read back and passed through the independent checker with every figure it
     * states; returns the check.
     */
    static CheckReport checked(Instance instance, Client.Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        PlanJson.ReadResult read = PlanJson.read(new ByteArrayInputStream(answer.body()), JsonLimits.DEFAULTS);
        assertThat(read.problems()).as("the plan JSON reads back").isEmpty();
        Objective objective = Objective.valueOf(answer.json().get("objective").asText());
        Instance solved = instance.withSettings(instance.settings().withObjective(objective));
        CheckReport report = new PlanChecker(solved).check(read.plan(), read.stated());
        assertThat(report.passed()).as("the checker on the served plan: %s", report.violations()).isTrue();
        return report;
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < end).as("waited %s for %s", timeout, what).isTrue();
            Thread.sleep(20);
        }
    }
}
