package io.fabricplan.formulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.Media;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import io.fabricplan.model.SolverKind;
import io.fabricplan.model.SwitchModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test fixtures: a small instance builder, a generated leaf-spine fabric, and the assertions every solve makes. */
final class Fabrics {

    private Fabrics() {
    }

    static Builder builder() {
        return new Builder();
    }

    /** An assembly priced and powered per cable (power split half per end). */
    static Optic assembly(String id, double gbps, double reachM, double powerW, double costUsd) {
        return new Optic(id, OpticKind.AOC, gbps, reachM, null, Media.MMF, powerW, costUsd, 0, false, "test");
    }

    static Optic catalog(String id) {
        return DefaultCatalog.optics().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    /** Options with gap 0 so the optimum is proven, two threads to keep the suite light. */
    static SolveOptions options(Objective objective, SolverKind solver) {
        return new SolveOptions(objective, 30, 0, 2, 1, solver, null);
    }

    /**
     * Asserts the result has a plan that the independent checker passes and whose objective is the evaluator's;
     * returns the result for further assertions.
     */
    static PlanResult assertCheckedPlan(Instance instance, PlanResult result) {
        assertThat(result.status().hasPlan()).as("status %s, diagnostics %s", result.status(), result.diagnostics())
                .isTrue();
        Instance target = instance.withSettings(instance.settings().withObjective(result.objective()));
        CheckReport report = new PlanChecker(target).check(result.plan());
        assertThat(report.passed()).as("checker violations: %s", report.violations()).isTrue();
        double evaluated = new PlanEvaluator(target).evaluate(result.plan()).objectiveValue();
        assertThat(result.objectiveValue()).isCloseTo(evaluated, within(evaluated));
        if (!Double.isNaN(result.bestBound())) { // NaN: no bound known (a plan returned before any search)
            assertThat(result.bestBound()).isLessThanOrEqualTo(result.objectiveValue());
        }
        return result;
    }

    static org.assertj.core.data.Offset<Double> within(double expected) {
        return org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(expected)));
    }

    /**
     * A generated leaf-spine fabric of the default catalog: {@code leaves} racks in a row 3 m apart, each with an
     * AUTO 51.2T leaf and {@code serversPerLeaf} servers (800G, some LPO-capable, 1-2 links each), and two AUTO
     * spines (102.4T beyond 16 leaves) in a spine rack at the row's end, each leaf with 4 x 800G to each spine. Leaf racks have
     * {@code leafRackHeadroomKw} of budget above their base load. Deterministic for a seed.
     */
    static Instance leafSpine(int leaves, int serversPerLeaf, double leafRackHeadroomKw, long seed) {
        Random random = new Random(seed);
        Builder b = builder().catalog();
        b.rack("SP", 3.0 * leaves + 6, 0, 50, 40);
        for (int s = 1; s <= 2; s++) {
            b.auto("spine" + s, leaves * 4 > 64 ? "SW102T" : "SW51T", "SP");
        }
        for (int i = 1; i <= leaves; i++) {
            String rack = "N" + i;
            b.rack(rack, 3.0 * i, 0, 40 + leafRackHeadroomKw, 40);
            b.auto("leaf" + i, "SW51T", rack);
            for (int s = 1; s <= serversPerLeaf; s++) {
                String server = "s" + i + "_" + s;
                int count = 1 + random.nextInt(2);
                b.server(server, rack, 4, 800, random.nextInt(3) == 0);
                // servers of a rack sit 1.5 m (intra-rack) from the leaf, some cabled across to the next rack
                Double length = random.nextInt(4) == 0 ? Double.valueOf(4 + random.nextInt(40)) : null;
                b.link("u" + i + "_" + s, server, "leaf" + i, count, 800, length);
            }
            for (int s = 1; s <= 2; s++) {
                b.link("f" + i + "_" + s, "leaf" + i, "spine" + s, 4, 800, null);
            }
        }
        return b.build(Objective.TCO);
    }

    /** Builds instances record by record. */
    static final class Builder {
        private final List<Rack> racks = new ArrayList<>();
        private final List<SwitchModel> models = new ArrayList<>();
        private final List<Device> devices = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();
        private final List<Optic> optics = new ArrayList<>();
        private final List<io.fabricplan.model.StockItem> inventory = new ArrayList<>();
        private final List<io.fabricplan.model.CompatibilityRule> compatibility = new ArrayList<>();
        private Settings settings = Settings.defaults();

        /** Units of an optic or switch model in the Inventory. */
        Builder stock(String itemId, int quantity) {
            inventory.add(new io.fabricplan.model.StockItem(itemId, quantity, ""));
            return this;
        }

        /** A Compatibility row. */
        Builder qualify(String opticId, String platform, boolean allowed, double codingUsd) {
            compatibility.add(new io.fabricplan.model.CompatibilityRule(opticId, platform, allowed, codingUsd));
            return this;
        }

        /** The last device added gets the platform. */
        Builder platform(String platform) {
            devices.set(devices.size() - 1, devices.get(devices.size() - 1).withPlatform(platform));
            return this;
        }

        /** The last device added stands there today as the model. */
        Builder installed(String modelId) {
            devices.set(devices.size() - 1, devices.get(devices.size() - 1).withInstalledModel(modelId));
            return this;
        }

        Builder labour(double switchSwapUsd, double recableUsd) {
            settings = settings.withLabour(switchSwapUsd, recableUsd);
            return this;
        }

        Builder catalog() {
            optics.addAll(DefaultCatalog.optics());
            models.addAll(DefaultCatalog.switchModels());
            return this;
        }

        Builder catalogModels() {
            models.addAll(DefaultCatalog.switchModels());
            return this;
        }

        Builder optic(Optic o) {
            optics.add(o);
            return this;
        }

        Builder model(SwitchModel m) {
            models.add(m);
            return this;
        }

        Builder rack(String id, double x, double y, double budgetKw, double baseKw) {
            racks.add(new Rack(id, null, x, y, budgetKw, baseKw, 40));
            return this;
        }

        Builder server(String id, String rack, int ports, double gbps, boolean lpo) {
            devices.add(Device.server(id, rack, ports, gbps, lpo));
            return this;
        }

        Builder auto(String id, String family, String rack) {
            return switchOf(id, family, PackagingChoice.AUTO, rack);
        }

        Builder switchOf(String id, String family, PackagingChoice packaging, String rack) {
            devices.add(Device.switchOf(id, Role.LEAF, family, packaging, rack));
            return this;
        }

        Builder link(String id, String a, String b, int count, double gbps, Double lengthM) {
            links.add(new Link(id, a, b, count, gbps, lengthM));
            return this;
        }

        Builder settings(Settings value) {
            settings = value;
            return this;
        }

        Instance build(Objective objective) {
            return new Instance(settings.withObjective(objective), racks, models, devices, links, optics)
                    .withInventory(inventory).withCompatibility(compatibility);
        }
    }
}
