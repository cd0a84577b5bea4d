package io.fabricplan.dwdm.layer;

import io.fabricplan.model.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A triangle of spans and the three two-span routes around it.
 * <pre>
 *        A
 *   ab  / \\  ca        abc = ab>bc,  bca = bc>ca,  cab = ca>ab: every two of them share a span
 *      B---C
 *        bc
 * </pre>
 */
class ChannelAssignmentTest {
    private static final Span AB = new Span("ab", "A", "B", 1, 4);
    private static final Span BC = new Span("bc", "B", "C", 1, 4);
    private static final Span CA = new Span("ca", "C", "A", 1, 4);
    private static final Route ABC = new Route("A", "C", List.of(AB, BC), 2);
    private static final Route BCA = new Route("B", "A", List.of(BC, CA), 2);
    private static final Route CAB = new Route("C", "B", List.of(CA, AB), 2);

    private static Map<Span, Integer> each(int n) {
        Map<Span, Integer> m = new HashMap<>();
        for (Span s : List.of(AB, BC, CA)) {
            m.put(s, n);
        }
        return m;
    }

    /** Checks continuity and distinctness: per span and channel at most its pairs, channels below the MUX's. */
    private static void assertValid(List<Route> routes, ChannelAssignment.Result r, int channels) {
        Map<String, Integer> use = new HashMap<>();
        for (int i = 0; i < routes.size(); i++) {
            assertThat(r.channels()[i]).isBetween(0, channels - 1);
            for (Span s : routes.get(i).spans()) {
                int n = use.merge(s.id() + "#" + r.channels()[i], 1, Integer::sum);
                assertThat(n).isLessThanOrEqualTo(r.pairs().get(s));
            }
        }
    }

    @Test
    void firstFitGivesEachOfThreeMutuallyCrossingRoutesItsOwnChannel() {
        List<Route> routes = List.of(ABC, BCA, CAB);

        ChannelAssignment.Result r = ChannelAssignment.assign(routes, each(1), each(3), each(0));

        assertThat(r.method()).isEqualTo("first fit");
        assertThat(r.channels()).containsExactlyInAnyOrder(0, 1, 2);
        assertValid(routes, r, 3);
    }

    /**
     * Two channels on one pair per span carry a load of 2 on every span, but the three routes pairwise conflict
     * (an odd cycle needs three colours): continuity needs a second pair on some span, which the free fiber gives.
     */
    @Test
    void oddCycleNeedsOneMorePairThanTheLoadsSay() {
        List<Route> routes = List.of(ABC, BCA, CAB);

        ChannelAssignment.Result r = ChannelAssignment.assign(routes, each(1), each(2), each(1));

        assertThat(r.method()).isEqualTo("first fit with added DWDM pairs");
        assertThat(r.complete()).isTrue();
        assertThat(r.pairs().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
        assertValid(routes, r, 2);
    }

    @Test
    void withoutFreeFiberTheOddCycleLeavesOneLightpathWithoutAChannel() {
        ChannelAssignment.Result r = ChannelAssignment.assign(List.of(ABC, BCA, CAB), each(1), each(2), each(0));

        assertThat(r.complete()).isFalse();
        assertThat(r.channels()).containsOnlyOnce(-1);
    }

    /** Two pairs per span: every channel may carry two lightpaths per span, so two channels hold all six. */
    @Test
    void pairsPerSpanMultiplyWhatAChannelCarries() {
        List<Route> routes = List.of(ABC, BCA, CAB, ABC, BCA, CAB);

        ChannelAssignment.Result r = ChannelAssignment.assign(routes, each(2), each(3), each(0));

        assertThat(r.complete()).isTrue();
        assertValid(routes, r, 3);
        assertThat(r.pairs()).isEqualTo(each(2));
    }
}
