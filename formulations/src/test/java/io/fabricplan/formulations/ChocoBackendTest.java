package io.fabricplan.formulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.SolverKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Choco does beyond the contract every backend meets: Choco's int range, its LP bound, progress, stops. */
class ChocoBackendTest {

    private static final MipBackend.Parameters PARAMETERS = new MipBackend.Parameters(20, 0, 1, 0);

    private static MipBackend.Result solve(MipModel m, MipBackend.Parameters parameters) {
        return MipBackends.create(SolverKind.CHOCO).solve(m, parameters, MipBackend.Observer.NONE, new Cancellation());
    }

    /**
     * A row whose sum leaves int's range (3e6 x up to 6e9) is kept exact in long, not rounded:
     * <pre>
     *   min x + y   s.t.  3,000,000 x + y >= 3,000,000,005,   x in 0..2000, y in 0..10
     * </pre>
     * x = 1000 needs y = 5 (1005); x = 1001 alone covers it (1001), the optimum.
     */
    @Test
    void rowBeyondIntRangeIsSolvedExactly() {
        MipModel m = new MipModel("wide row");
        MipModel.Var x = m.addInteger("x", 0, 2000);
        MipModel.Var y = m.addInteger("y", 0, 10);
        m.addRow("cover", 3_000_000_005.0, new MipModel.Expr().add(x, 3_000_000).add(y, 1), Double.POSITIVE_INFINITY);
        m.addObjective(x, 1);
        m.addObjective(y, 1);

        MipBackend.Result r = solve(m, PARAMETERS);

        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.values()).containsExactly(1001.0, 0.0);
        assertThat(r.objective()).isEqualTo(1001.0);
        assertThat(r.bound()).isEqualTo(1001.0);
        assertThat(r.solver()).startsWith("Choco ");
    }

    /**
     * An objective whose range over the bounds (50,000.5 x 100,000 = 5e9 USD, 5e11 in cents) leaves int's range:
     * Choco minimises it rounded down to a power of ten, then the remainder, so the optimum is still exact.
     * <pre>
     *   min 50,000.5 x + 1.25 y   s.t.  x + y >= 100,   x in 0..100,000, y in 0..60
     * </pre>
     * y = 60, x = 40: 2,000,020 + 75 = 2,000,095.
     */
    @Test
    void objectiveBeyondIntRangeStaysExact() {
        MipBackend.Result r = solve(wideObjective(false), PARAMETERS);

        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.values()).containsExactly(40.0, 60.0);
        assertThat(r.objective()).isEqualTo(2_000_095.0);
        assertThat(r.bound()).isEqualTo(2_000_095.0);
    }

    /** The same with a hint: the second (remainder) search must not wrap the hints' strategy in itself. */
    @Test
    void hintedObjectiveBeyondIntRangeStaysExact() {
        MipBackend.Result r = solve(wideObjective(true), PARAMETERS);

        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.values()).containsExactly(40.0, 60.0);
        assertThat(r.objective()).isEqualTo(2_000_095.0);
    }

    private static MipModel wideObjective(boolean hinted) {
        MipModel m = new MipModel("wide objective");
        MipModel.Var x = m.addInteger("x", 0, 100_000);
        MipModel.Var y = m.addInteger("y", 0, 60);
        m.addRow("demand", 100, new MipModel.Expr().add(x, 1).add(y, 1), Double.POSITIVE_INFINITY);
        m.addObjective(x, 50_000.5);
        m.addObjective(y, 1.25);
        if (hinted) {
            m.hint(x, 100);
            m.hint(y, 0);
        }
        return m;
    }

    /** A variable Choco's int domains cannot hold is refused with a message naming it, not overflowed. */
    @Test
    void variableBeyondIntRangeIsRefusedByName() {
        MipModel m = new MipModel("huge");
        MipModel.Var big = m.addInteger("big", 0, 5_000_000_000L);
        m.addObjective(big, 1);

        assertThatThrownBy(() -> solve(m, PARAMETERS)).isInstanceOf(UnsupportedInstanceException.class)
                .hasMessageContaining("variable big ranges over [0, 5000000000]")
                .hasMessageContaining("int domains");
    }

    /**
     * The bound comes from the LP relaxation: cover 7 units with packs of 2 (3 USD) and of 3 (4 USD), at most 2 of
     * each. Propagation alone bounds the cost by 7 (one pack of each is forced); the LP gives 7 x 4/3 = 9.33,
     * which rounds up to 10 on this integer objective: the optimum (2 + 2 + 3), proven at the root.
     */
    @Test
    void boundComesFromTheLpRelaxation() {
        MipModel m = new MipModel("packs");
        MipModel.Var two = m.addInteger("two", 0, 2);
        MipModel.Var three = m.addInteger("three", 0, 2);
        m.addRow("cover", 7, new MipModel.Expr().add(two, 2).add(three, 3), Double.POSITIVE_INFINITY);
        m.addObjective(two, 3);
        m.addObjective(three, 4);
        List<double[]> seen = new ArrayList<>();

        MipBackend.Result r = MipBackends.create(SolverKind.CHOCO).solve(m, PARAMETERS,
                (elapsed, objective, bound) -> seen.add(new double[] {objective, bound}), new Cancellation());

        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.objective()).isEqualTo(10.0);
        assertThat(seen).isNotEmpty().allSatisfy(s -> assertThat(s[1]).isEqualTo(10.0));
    }

    /** A cancellation raised before the search starts returns at once without a plan. */
    @Test
    void cancelledSolveReturnsNoSolution() {
        MipModel m = new MipModel("cancelled");
        MipModel.Var x = m.addInteger("x", 0, 10);
        m.addRow("some", 3, new MipModel.Expr().add(x, 1), Double.POSITIVE_INFINITY);
        m.addObjective(x, 1);
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        MipBackend.Result r = MipBackends.create(SolverKind.CHOCO).solve(m, PARAMETERS, MipBackend.Observer.NONE,
                cancellation);

        assertThat(r.status()).isEqualTo(SolveStatus.NO_SOLUTION);
        assertThat(r.values()).isNull();
    }

    /** The model's hint is the first plan (then improved): a + b = 4 costing a + 2 b, hinted a = 1, b = 3 (7). */
    @Test
    void hintIsTheFirstPlan() {
        MipModel m = new MipModel("hinted");
        MipModel.Var a = m.addInteger("a", 0, 5);
        MipModel.Var b = m.addInteger("b", 0, 5);
        m.addRow("sum", 4, new MipModel.Expr().add(a, 1).add(b, 1), 4);
        m.addObjective(a, 1);
        m.addObjective(b, 2);
        m.hint(a, 1);
        m.hint(b, 3);
        List<Double> plans = new ArrayList<>();

        MipBackend.Result r = MipBackends.create(SolverKind.CHOCO).solve(m, PARAMETERS,
                (elapsed, objective, bound) -> plans.add(objective), new Cancellation());

        assertThat(plans.get(0)).isEqualTo(7.0);
        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.values()).containsExactly(4.0, 0.0);
        assertThat(r.objective()).isEqualTo(4.0);
    }

    @Test
    void chocoIsNamedWithItsVersion() {
        assertThat(MipBackends.create(SolverKind.CHOCO)).isInstanceOf(ChocoBackend.class);
        assertThat(MipBackends.create(SolverKind.CHOCO).name()).isEqualTo("Choco 5.0.0");
        assertThat(MipBackends.create(SolverKind.CHOCO).notes()).isEmpty();
    }
}
