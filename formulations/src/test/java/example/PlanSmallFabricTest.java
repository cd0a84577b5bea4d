package example;

import static org.assertj.core.api.Assertions.assertThat;

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

/** README's Java API example is this package's PlanSmallFabric: shown verbatim, compiled, and run here. */
class PlanSmallFabricTest {
    private static final Path SOURCE = Path.of("src/test/java/example/PlanSmallFabric.java");
    private static final Path README = Path.of("../README.md");

    @Test
    void readmeShowsTheExampleSourceVerbatim() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## The Java API"));
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);

        assertThat(block.find()).as("a ```java block in README's Java API section").isTrue();
        assertThat(block.group(1)).as("README's Java API block; copy %s into it", SOURCE)
                .isEqualTo(Files.readString(SOURCE, StandardCharsets.UTF_8));
    }

    /** main prints README's hand-worked optimum of the tiny fabric, every link's option, and the check. */
    @Test
    void mainPrintsTheTinyOptimumAndThatItsPlanPassesTheCheck() {
        String out = printed(() -> PlanSmallFabric.main(new String[0]));

        assertThat(out.lines()).containsExactly(
                "OPTIMAL TCO 138928.25: capex 123600.00 USD, 2692.0 W",
                "s1-leaf1: 1 x aec800",
                "s2-leaf1: 1 x aec800",
                "leaf1-spine1: 2 x aoc800",
                "check passed");
    }

    /** A leaf that cannot fit its rack's budget: no plan, and the example says why instead of failing. */
    @Test
    void fabricWithoutAPlanPrintsWhyInsteadOfFailing() {
        Instance fabric = PlanSmallFabric.smallFabric();
        List<Rack> racks = fabric.racks().stream()
                .map(r -> r.id().equals("R1") ? new Rack("R1", "main", 0, 0, 1.0, 0, 20) : r).toList();
        Instance tooSmallRack = new Instance(fabric.settings(), racks, fabric.switchModels(), fabric.devices(),
                fabric.links(), fabric.optics());

        String out = printed(() -> PlanSmallFabric.plan(tooSmallRack, System.out));

        assertThat(out).startsWith("INFEASIBLE: ").contains("rack R1", "budget 1.00 kW").doesNotContain("check");
    }

    private static String printed(Runnable run) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            run.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
