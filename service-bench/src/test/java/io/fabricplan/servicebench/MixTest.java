package io.fabricplan.servicebench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The soak's mix: each kind its weight times per cycle, spread out, the same on every run. */
class MixTest {
    @Test
    void everyCycleDrawsEachKindItsWeightTimes() {
        Mix<SoakBench.Kind> mix = Mix.of(SoakBench.Kind.weights());
        assertThat(mix.cycle()).isEqualTo(69);
        for (int cycle = 0; cycle < 3; cycle++) {
            Map<SoakBench.Kind, Integer> counts = new HashMap<>();
            for (int i = 0; i < mix.cycle(); i++) {
                counts.merge(mix.next(), 1, Integer::sum);
            }
            assertThat(counts).isEqualTo(SoakBench.Kind.weights());
        }
    }

    @Test
    void kindsAreSpreadNotInRunsAndTheOrderIsFixed() {
        Map<String, Integer> w = new LinkedHashMap<>();
        w.put("a", 5);
        w.put("b", 1);
        w.put("c", 1);
        Mix<String> mix = Mix.of(w);
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            drawn.add(mix.next());
        }
        assertThat(drawn).containsExactly("a", "a", "b", "a", "c", "a", "a", "a", "a", "b", "a", "c", "a", "a");
        // the heaviest kind never comes more than its share of a cycle in a row
        assertThat(String.join("", drawn)).doesNotContain("aaaaa");
    }

    @Test
    void weightsMustBePositive() {
        assertThatThrownBy(() -> Mix.of(Map.of("a", 0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mix.of(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
