package io.fabricplan.formulations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The LP writer: names LP can read, every section, two-sided rows split. */
class LpFormatTest {

    @Test
    void namesAreMappedToCharactersLpAllows() {
        assertThat(LpFormat.sanitize("x[link=u3,optic=dr8_800,a=PLUGGABLE,b=CPO]"))
                .isEqualTo("x(link_u3.optic_dr8_800.a_PLUGGABLE.b_CPO)");
        assertThat(LpFormat.sanitize("y[device=leaf1,model=sw51-cpo]")).isEqualTo("y(device_leaf1.model_sw51_cpo)");
        assertThat(LpFormat.sanitize("3rd rack+1")).isEqualTo("_3rd_rack_1");
    }

    /**
     * <pre>
     *   min 2 a + 1.5 n + 7   s.t.  band: 1 <= a + n <= 4;  fix: n - a = 0;  a binary, n in 0..5 integer
     * </pre>
     */
    @Test
    void writesEverySectionAndSplitsTwoSidedRows() throws Exception {
        MipModel m = new MipModel("tiny");
        MipModel.Var a = m.addBinary("a[k=1]");
        MipModel.Var n = m.addInteger("n[k=1]", 0, 5);
        MipModel.Var clash = m.addInteger("n(k_1)", 0, 2);
        m.addRow("band", 1, new MipModel.Expr().add(a, 1).add(n, 1), 4);
        m.addEquality("fix", new MipModel.Expr().add(n, 1).add(a, -1).add(clash, 0), 0);
        m.addObjective(a, 2);
        m.addObjective(n, 1.5);
        m.addObjectiveConstant(7);

        StringWriter out = new StringWriter();
        LpFormat.write(m, out);

        assertThat(out.toString()).isEqualTo("""
                \\ Model tiny: 3 variables, 2 rows
                Minimize
                 obj: 2 a(k_1) + 1.5 n(k_1) + 7
                Subject To
                 band~lo: a(k_1) + n(k_1) >= 1
                 band~hi: a(k_1) + n(k_1) <= 4
                 fix: n(k_1) - a(k_1) = 0
                Bounds
                 0 <= n(k_1) <= 5
                 0 <= n(k_1)~2 <= 2
                General
                 n(k_1)
                 n(k_1)~2
                Binary
                 a(k_1)
                End
                """);
    }
}
