package io.fabricplan.formulations;

import static io.fabricplan.formulations.Fabrics.assertCheckedPlan;
import static io.fabricplan.formulations.Fabrics.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Objective;
import io.fabricplan.model.SolverKind;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A JVM whose OR-Tools natives cannot load, simulated by {@code -Dfabricplan.ortools.disable=true}. Runs in its
 * own surefire execution ({@code natives-disabled} in this module's pom), since a JVM tries the natives once.
 */
@EnabledIfSystemProperty(named = MipBackends.DISABLE_PROPERTY, matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NativesDisabledTest {

    private final OrToolsPlanner planner = new OrToolsPlanner();

    /** The demand instance of {@link ConstraintFamilyContractTest}: 4 cheap + 4 frugal cables, 1200 USD. */
    private static Instance splitCables() {
        return ConstraintFamilyContractTest.splitCables();
    }

    @Test
    @Order(1)
    void chocoSolvesWithoutAskingForTheNatives() {
        Instance instance = splitCables();

        PlanResult r = assertCheckedPlan(instance, planner.solve(instance,
                Fabrics.options(Objective.COST, SolverKind.CHOCO)));

        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.objectiveValue()).isCloseTo(1200, within(1200));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(MipBackends.nativesRequested()).as("CHOCO loaded no native code").isFalse();
    }

    @Test
    @Order(2)
    void autoFallsBackToChocoWithOneWarning() {
        Instance instance = splitCables();

        PlanResult r = assertCheckedPlan(instance, planner.solve(instance,
                Fabrics.options(Objective.COST, SolverKind.AUTO)));

        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.objectiveValue()).isCloseTo(1200, within(1200));
        assertThat(r.statistics().solver()).startsWith("Choco ");
        assertThat(r.diagnostics()).singleElement().asString()
                .contains("OR-Tools native libraries could not be loaded")
                .contains("disabled by -Dfabricplan.ortools.disable=true")
                .contains("used Choco");
        assertThat(MipBackends.nativesProblem()).isPresent();
    }

    @Test
    @Order(3)
    void anOrToolsEngineAskedForByNameSaysWhyItCannotRun() {
        assertThatThrownBy(() -> MipBackends.create(SolverKind.CP_SAT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OR-Tools native libraries could not be loaded")
                .hasMessageContaining("solver CHOCO needs none");
    }
}
