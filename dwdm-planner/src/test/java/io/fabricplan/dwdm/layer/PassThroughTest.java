package io.fabricplan.dwdm.layer;

import io.fabricplan.api.InterSiteMedia;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import io.fabricplan.model.Site;
import io.fabricplan.model.Span;
import io.fabricplan.model.WdmEquipment;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three buildings in a line; two 800G cables from A to C must pass B, DWDM only.
 * <pre>
 *   [A: la] --- s-ab 1.2 km --- [B] --- s-bc 1.6 km --- [C: lc]      one fiber pair per span
 * </pre>
 * 800ZR needs 27 + 2 = 29 dB. One edfa-high (NF 7) per span: the first section loses MUX + 1.3 dB, the second
 * DEMUX + MUX at B + 1.4 dB; OSNR = 58 - 10 dBm - loss - 7. With 6 dB AWGs that is 7.3 dB (33.7 dB OSNR) and
 * 13.4 dB (27.6 dB): 26.7 dB together, short. With a 4.5 dB AWG: 5.8 dB (35.2) and 10.4 dB (30.6): 29.3 dB.
 */
class PassThroughTest {

    private static Instance line(List<WdmEquipment> wdm) {
        Instance base = new Instance(Settings.defaults(), List.of(new Rack("A1", "A", 0, 0, 20, 0, 10),
                new Rack("C1", "C", 0, 0, 20, 0, 10)), DefaultCatalog.switchModels(),
                List.of(Device.switchOf("la", Role.SPINE, "SW51T", PackagingChoice.PLUGGABLE, "A1"),
                        Device.switchOf("lc", Role.SPINE, "SW51T", PackagingChoice.PLUGGABLE, "C1")),
                List.of(new Link("ac", "la", "lc", 2, 800, null)), DefaultCatalog.dwdmOptics());
        return base.withDwdm(List.of(new Site("A", null), new Site("B", null), new Site("C", null)),
                List.of(new Span("s-ab", "A", "B", 1.2, 1), new Span("s-bc", "B", "C", 1.6, 1)), wdm);
    }

    private static PlanResult solveDwdm(Instance instance) {
        return Planner.create().solve(instance, SolveOptions.from(instance.settings())
                .withInterSite(InterSiteMedia.DWDM));
    }

    @Test
    void passThroughFailsOsnrWithMaximumLossAwgs() {
        Instance instance = line(DefaultCatalog.wdmEquipment());

        PlanResult result = solveDwdm(instance);

        assertThat(result.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(result.diagnostics().get(0)).contains("sites A-C: no option carries cables between them",
                "zr800 gets at most 26.65 dB OSNR on its 1 route(s), it needs 29.00 dB", "Maybe");
    }

    /** Any media, one pair per span: 800ZR cannot pass B, so both cables must go grey, a pair each on s-ab. */
    @Test
    void cablesNoCoherentOpticCanCarryCountAsGreyInTheCutBound() {
        Instance instance = line(DefaultCatalog.wdmEquipment());

        PlanResult result = Planner.create().solve(instance, SolveOptions.from(instance.settings()));

        assertThat(result.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(result.diagnostics()).first().asString().contains(
                "sites A | B, C: 2 cable(s) between them cross span(s) s-ab with 1 fiber pair(s)",
                "2 of them can only go grey (A-C: no coherent optic meets its optical budget)",
                "at least 2 pairs needed, 1 short", "Maybe add fiber pairs");
        assertThat(String.join("\n", result.diagnostics())).doesNotContain("bounds all fit");
    }

    @Test
    void passThroughMeetsOsnrWithTypicalLossAwg() {
        List<WdmEquipment> wdm = new java.util.ArrayList<>(DefaultCatalog.wdmEquipment());
        wdm.add(WdmEquipment.mux("awg32-150-typ", 32, 150, 4.5, 0, 4000, "typical loss"));
        Instance instance = line(wdm);

        PlanResult result = solveDwdm(instance);

        assertThat(result.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(new PlanChecker(instance).check(result.plan()).violations()).isEmpty();
        assertThat(result.plan().dwdm().lightpaths()).hasSize(2).allSatisfy(lp -> {
            assertThat(lp.route()).extracting(h -> h.spanId()).containsExactly("s-ab", "s-bc");
            assertThat(lp.opticId()).isEqualTo("zr800");
        });
        // one DWDM pair per span, a MUX at each of its ends, one amplifier each; both lightpaths on distinct channels
        assertThat(result.plan().dwdm().muxes()).hasSize(4)
                .allSatisfy(m -> assertThat(m.itemId()).isEqualTo("awg32-150-typ"));
        assertThat(result.plan().dwdm().amplifiers()).hasSize(2)
                .allSatisfy(a -> assertThat(a.itemId()).isEqualTo("edfa-high"));
        assertThat(result.plan().dwdm().lightpaths()).extracting(lp -> lp.channel()).doesNotHaveDuplicates();
    }

    @Test
    void fewestAmplifiersCountsSectionsThatFitTheGain() {
        // 40 dB of span behind a 6 dB MUX with 35 dB of gain: sections of 40/2 + 6 = 26 dB fit, 40 + 6 do not
        assertThat(LineSystemCombinations.fewestAmplifiers(40, 6, 35)).isEqualTo(2);
        assertThat(LineSystemCombinations.fewestAmplifiers(2.5, 12, 35)).isEqualTo(1);
        assertThat(LineSystemCombinations.fewestAmplifiers(10, 16, 16)).isZero();
    }
}
