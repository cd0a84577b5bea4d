package io.fabricplan.formulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fabricplan.api.Cancellation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The relaxation's dive (relax-and-fix) on a model whose vertex is fractional because a limit couples its state
 * groups, as a CPO {@code max_buy} couples the leaves:
 * <pre>
 *   group c = 1..3:  cpo[c] + plain[c] = 1        (binary states; cpo costs 0, plain 10)
 *   limit:           cpo[1] + cpo[2] + cpo[3] <= 1.5
 * </pre>
 * The relaxation buys 1.5 CPO (bound 15) with one group at halves; integral plans have at most one CPO switch, so
 * the optimum is 20 (two plain). Rounding the half group up to CPO breaks the limit: the dive must take the other
 * rounding rather than give up.
 */
class LpDiveTest {

    private static MipModel coupledGroups() {
        MipModel model = new MipModel("dive");
        MipModel.Expr limit = new MipModel.Expr();
        for (int c = 1; c <= 3; c++) {
            MipModel.Var cpo = model.addBinary("cpo[" + c + "]");
            MipModel.Var plain = model.addBinary("plain[" + c + "]");
            model.addObjective(plain, 10);
            model.addEquality("group[" + c + "]", new MipModel.Expr().add(cpo, 1).add(plain, 1), 1);
            // cpo first: a tie of halves rounds it up first, which the limit refuses
            model.addStateGroup("class" + c, new ArrayList<>(List.of(cpo, plain)), 1);
            limit.add(cpo, 1);
        }
        model.addLessOrEqual("limit", limit, 1.5);
        return model;
    }

    @Test
    void diveFromAFractionalVertexFindsAPlanThatMeetsEveryRow() {
        MipModel model = coupledGroups();

        LpRelaxation.Outcome lp = LpRelaxation.solve(model, 30, new Cancellation());

        assertThat(lp.status()).isEqualTo(LpRelaxation.Status.OPTIMAL);
        assertThat(lp.integral()).isFalse();
        assertThat(lp.bound()).isCloseTo(15, within(1e-6));
        assertThat(lp.dived()).isNotNull();
        assertThat(LpRelaxation.meetsEveryRow(model, lp.dived())).isTrue();
        assertThat(model.objectiveValue(lp.dived())).isCloseTo(20, within(1e-6));
        assertThat(lp.diveSolves()).isBetween(1, 3);
    }

    @Test
    void withoutTheDiveTheFractionalVertexIsAllThereIs() {
        LpRelaxation.Outcome lp = LpRelaxation.solve(coupledGroups(), 30, new Cancellation(), false);

        assertThat(lp.integral()).isFalse();
        assertThat(lp.dived()).isNull();
        assertThat(lp.diveSolves()).isZero();
    }
}
