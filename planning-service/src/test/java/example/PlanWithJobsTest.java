package example;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.instances.Examples;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Rack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's job API example is this package's PlanWithJobs: shown verbatim, compiled, and run here. */
class PlanWithJobsTest {
    private static final Path SOURCE = Path.of("src/test/java/example/PlanWithJobs.java");
    private static final Path README = Path.of("../README.md");

    @Test
    void readmeShowsTheExampleSourceVerbatim() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("### Jobs: `PlanningService`"));
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);

        assertThat(block.find()).as("a ```java block in README's job API section").isTrue();
        assertThat(block.group(1)).as("README's job API block; copy %s into it", SOURCE)
                .isEqualTo(Files.readString(SOURCE, StandardCharsets.UTF_8));
    }

    /** The tiny fabric's hand-worked optimum, as a DONE job, and its plan passes the checker. */
    @Test
    void mainQuotesTheTinyOptimumAndChecksIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            PlanWithJobs.quote(Examples.tiny(), out);
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("DONE OPTIMAL TCO 138928.25", "check passed");
    }

    /** Without a plan the job is still DONE: its message says why. */
    @Test
    void aFabricWithoutAPlanIsDoneWithTheReason() throws Exception {
        Instance fabric = Examples.tiny();
        List<Rack> racks = fabric.racks().stream()
                .map(r -> r.id().equals("R1") ? new Rack("R1", "main", 0, 0, 1.0, 0, 20) : r).toList();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            PlanWithJobs.quote(new Instance(fabric.settings(), racks, fabric.switchModels(), fabric.devices(),
                    fabric.links(), fabric.optics()), out);
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("DONE INFEASIBLE: ").contains("rack R1")
                .doesNotContain("check");
    }
}
