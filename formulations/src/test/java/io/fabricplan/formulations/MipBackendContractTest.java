package io.fabricplan.formulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.SolverKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every {@link MipBackend} does with a raw {@link MipModel}, and CP-SAT's exact integer scaling. */
class MipBackendContractTest {

    private static final MipBackend.Parameters PARAMETERS = new MipBackend.Parameters(10, 0, 1, 0);

    /**
     * A row whose optimum sits exactly on its fractional right-hand side, with an objective constant:
     * <pre>
     *   min 1.7 x + 2.9 y + 100.25   s.t.  0.5 x + 1.1 y >= 3.3,  x, y in 0..10 integer
     * </pre>
     * y = 3 meets the row with equality (3.3; in doubles 1.1 x 3 = 3.3000000000000003) for 8.7 + 100.25; every
     * other point costs more (x = 5, y = 1: 11.4; x = 7: 11.9). CP-SAT must scale the row by 10 exactly.
     */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS", "CHOCO"})
    void fractionalRowIsMetExactlyAtItsBoundary(SolverKind kind) {
        MipModel m = LpRelaxationTest.cover("boundary", 3.3, 100.25);

        MipBackend.Result r = MipBackends.create(kind).solve(m, PARAMETERS, MipBackend.Observer.NONE,
                new Cancellation());

        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.values()).containsExactly(0.0, 3.0);
        assertThat(r.objective()).isCloseTo(108.95, Fabrics.within(108.95));
        assertThat(r.bound()).isCloseTo(108.95, Fabrics.within(108.95));
    }

    /** Two binaries cannot sum to 3. */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS", "CHOCO"})
    void infeasibleModelIsInfeasible(SolverKind kind) {
        MipModel m = new MipModel("infeasible");
        MipModel.Var a = m.addBinary("a");
        MipModel.Var b = m.addBinary("b");
        m.addEquality("three", new MipModel.Expr().add(a, 1).add(b, 1), 3);

        MipBackend.Result r = MipBackends.create(kind).solve(m, PARAMETERS, MipBackend.Observer.NONE,
                new Cancellation());

        assertThat(r.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(r.values()).isNull();
    }

    /**
     * A model with nothing to decide (a fabric without links, whose rack rows hold no terms): its optimum is its
     * objective constant, found without search. HiGHS through MPSolver answered such a model with a status Java
     * does not know (99), an exception.
     */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS", "CHOCO"})
    void modelWithoutVariablesIsOptimalAtItsConstant(SolverKind kind) {
        MipModel m = new MipModel("empty");
        m.addRow("rackPower", Double.NEGATIVE_INFINITY, new MipModel.Expr(), 40000);
        m.addObjectiveConstant(61300.5);

        MipBackend.Result r = MipBackends.create(kind).solve(m, PARAMETERS, MipBackend.Observer.NONE,
                new Cancellation());

        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.values()).isEmpty();
        assertThat(r.objective()).isCloseTo(61300.5, Fabrics.within(61300.5));
        assertThat(r.bound()).isCloseTo(61300.5, Fabrics.within(61300.5));
    }

    /** A model without variables whose row 0 cannot meet is infeasible. */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS", "CHOCO"})
    void modelWithoutVariablesAndAnUnmetRowIsInfeasible(SolverKind kind) {
        MipModel m = new MipModel("empty-infeasible");
        m.addRow("demand", 1, new MipModel.Expr(), 1);

        MipBackend.Result r = MipBackends.create(kind).solve(m, PARAMETERS, MipBackend.Observer.NONE,
                new Cancellation());

        assertThat(r.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(r.values()).isNull();
    }

    /** A row without terms beside real decisions changes nothing. */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS", "CHOCO"})
    void emptyRowBesideVariablesIsIgnored(SolverKind kind) {
        MipModel m = new MipModel("empty-row");
        MipModel.Var x = m.addInteger("x", 1, 4);
        m.addRow("rackPower", Double.NEGATIVE_INFINITY, new MipModel.Expr(), 40000);
        m.addObjective(x, 2.5);

        MipBackend.Result r = MipBackends.create(kind).solve(m, PARAMETERS, MipBackend.Observer.NONE,
                new Cancellation());

        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.values()).containsExactly(1.0);
        assertThat(r.objective()).isCloseTo(2.5, Fabrics.within(2.5));
    }

    @Test
    void autoIsCpSat() {
        assertThat(MipBackends.create(SolverKind.AUTO)).isInstanceOf(CpSatBackend.class);
    }

    @Test
    void rowScaleIsTheSmallestPowerOfTenMakingCoefficientsIntegral() {
        assertThat(IntegerScaling.exactDigits(new double[] {1, -16, 8}, 6)).isZero();
        assertThat(IntegerScaling.exactDigits(new double[] {8.5, 17, 0.1}, 6)).isEqualTo(1);
        assertThat(IntegerScaling.exactDigits(new double[] {1305.25, 2.75}, 6)).isEqualTo(2);
        assertThat(IntegerScaling.exactDigits(new double[] {1.0 / 3}, 6)).isEqualTo(6);
    }

    @Test
    void objectiveScaleKeepsRoundingBelowOneTenMillionth() {
        assertThat(IntegerScaling.objectiveDigits(new double[] {60000, 1100}, 1e7, IntegerScaling.MAX_SCALED_OBJECTIVE)).isZero();
        // TCO coefficients: 60000 + 5.694 x 1300 = 67402.2
        assertThat(IntegerScaling.objectiveDigits(new double[] {67402.2, 1253}, 1e7, IntegerScaling.MAX_SCALED_OBJECTIVE)).isEqualTo(1);
        // 1/3 needs 7 digits to be within 1e-7 relative
        assertThat(IntegerScaling.objectiveDigits(new double[] {1.0 / 3}, 10, IntegerScaling.MAX_SCALED_OBJECTIVE)).isEqualTo(7);
    }

    /** An objective too wide for more digits stops scaling before CP-SAT's int64 range is at risk. */
    @Test
    void objectiveScaleStaysInsideInt64() {
        assertThat(IntegerScaling.objectiveDigits(new double[] {1.0 / 3}, 1e14, IntegerScaling.MAX_SCALED_OBJECTIVE)).isEqualTo(2);
    }
}
