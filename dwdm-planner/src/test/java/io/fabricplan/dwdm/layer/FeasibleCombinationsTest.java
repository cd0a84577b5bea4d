package io.fabricplan.dwdm.layer;

import io.fabricplan.model.CoherentSpec;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Instance;
import io.fabricplan.model.OpticalRules;
import io.fabricplan.model.Settings;
import io.fabricplan.model.Site;
import io.fabricplan.model.Span;
import io.fabricplan.model.WdmEquipment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pruned depth-first enumeration of line systems along a route finds exactly the combinations that brute
 * force over every combination (checked both ways with {@link OpticalRules#worseDirection}) accepts: a chain
 * S0-S1-S2-S3 of 2, 30 and 80 km spans, routes of one to three spans, the three default coherent optics.
 */
class FeasibleCombinationsTest {

    @Test
    void prunedEnumerationEqualsBruteForce() {
        List<Span> spans = List.of(new Span("a", "S0", "S1", 2, 4), new Span("b", "S1", "S2", 30, 4),
                new Span("c", "S2", "S3", 80, 4));
        List<WdmEquipment> wdm = new ArrayList<>(DefaultCatalog.wdmEquipment());
        wdm.add(WdmEquipment.mux("awg32-150-typ", 32, 150, 4.5, 0, 4000, "typical"));
        Instance instance = new Instance(Settings.defaults(), List.of(), DefaultCatalog.switchModels(), List.of(),
                List.of(), DefaultCatalog.dwdmOptics()).withDwdm(List.of(new Site("S0", null), new Site("S1", null),
                new Site("S2", null), new Site("S3", null)), spans, wdm);
        var budget = new io.fabricplan.dwdm.budget.OpticalBudget(instance.settings());
        LineSystemCombinations layer = new LineSystemCombinations(instance, budget);
        var systems = layer.systems();
        int feasibleSeen = 0;
        for (CoherentSpec spec : DefaultCatalog.coherentSpecs().values()) {
            for (int from = 0; from < 3; from++) {
                for (int to = from + 1; to <= 3; to++) {
                    Route r = new Route("S" + from, "S" + to, spans.subList(from, to), 0);
                    Set<String> pruned = labels(layer.feasibleCombinations(spec, r));
                    Set<String> brute = new HashSet<>();
                    bruteForce(spec, r, systems, new LineSystem[r.spans().size()], 0, budget, brute);
                    assertThat(pruned).as(spec + " over " + r.label()).isEqualTo(brute);
                    feasibleSeen += brute.size();
                }
            }
        }
        assertThat(feasibleSeen).isPositive();
    }

    private static Set<String> labels(List<LineSystem[]> combos) {
        Set<String> out = new HashSet<>();
        for (LineSystem[] t : combos) {
            StringBuilder sb = new StringBuilder();
            for (LineSystem y : t) {
                sb.append(y.label()).append('/');
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static void bruteForce(CoherentSpec spec, Route r, java.util.Map<Span, List<LineSystem>> systems,
                                   LineSystem[] t, int k, io.fabricplan.dwdm.budget.OpticalBudget budget,
                                   Set<String> out) {
        if (k == t.length) {
            for (LineSystem y : t) {
                if (y.mux().spacingGhz() != t[0].mux().spacingGhz() || spec.spacingGhz() > y.mux().spacingGhz()) {
                    return;
                }
            }
            OpticalRules.Budget b = LineSystemCombinations.budgetOf(spec, r, t);
            if (LineSystemCombinations.lossesFit(spec, b) && b.osnrDb() >= budget.requiredOsnrDb(spec)) {
                List<LineSystem[]> one = new ArrayList<>();
                one.add(t.clone());
                out.addAll(labels(one));
            }
            return;
        }
        for (LineSystem y : systems.get(r.spans().get(k))) {
            t[k] = y;
            bruteForce(spec, r, systems, t, k + 1, budget, out);
        }
    }
}
