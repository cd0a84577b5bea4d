package io.fabricplan.dwdm.rwa;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RwaSolverTest {

    /**
     * 4-node ring, all-to-all (12 requests): 8 adjacent requests take one fiber each, the 4 opposite ones two
     * fibers each, so at least 16 fiber-hops over 8 fibers: W >= 2. Two suffice: adjacent requests on wavelength
     * 0 along their own fiber; 0->2 and 2->0 clockwise (disjoint halves), 1->3 and 3->1 anticlockwise, all on 1.
     */
    @Test
    void fourNodeRingAllToAllNeedsTwoWavelengths() {
        RwaProblem p = RwaProblem.allToAll(Nets.ring(4));
        RwaResult r = Nets.solveChecked(p, 5);
        assertThat(r.wavelengths()).isEqualTo(2);
        assertThat(r.lowerBound()).isEqualTo(2);
        assertThat(r.status()).isEqualTo(RwaResult.Status.OPTIMAL);
        assertThat(r.lightpaths()).hasSize(12);
    }

    /**
     * 5-node ring, all-to-all (20 requests): 10 at one hop, 10 at two, 30 fiber-hops over 10 fibers: W >= 3.
     * Shortest paths give each fiber one adjacent and two distance-2 requests; the distance-2 requests of one
     * direction conflict in a 5-cycle (3 wavelengths) and each adjacent one takes the third: W = 3.
     */
    @Test
    void fiveNodeRingAllToAllNeedsThree() {
        RwaProblem p = RwaProblem.allToAll(Nets.ring(5));
        RwaResult r = Nets.solveChecked(p, 5);
        assertThat(r.wavelengths()).isEqualTo(3);
        assertThat(r.status()).isEqualTo(RwaResult.Status.OPTIMAL);
    }

    /** Complete graph K5, all-to-all: every request on its own direct link, one wavelength. */
    @Test
    void completeMeshNeedsOneWavelength() {
        List<int[]> links = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            for (int b = a + 1; b < 5; b++) {
                links.add(new int[] {a, b});
            }
        }
        RwaProblem p = RwaProblem.allToAll(Nets.of(5, links.toArray(int[][]::new)));
        RwaResult r = Nets.solveChecked(p, 5);
        assertThat(r.wavelengths()).isEqualTo(1);
        assertThat(r.status()).isEqualTo(RwaResult.Status.OPTIMAL);
    }

    /** The tree of {@link #oddCycleOnATree()}. */
    static final int[][] TREE = {{1, 0}, {2, 1}, {3, 2}, {4, 1}, {5, 0}, {6, 4}, {7, 2}, {8, 3}, {9, 0}};

    /**
     * Paths on a tree are unique. The requests 9->4, 7->3, 0->8, 3->6, 7->1 pairwise share a directed fiber
     * exactly around a 5-cycle (9->4 with 3->6 on 1->4, 3->6 with 7->1 on 2->1, 7->1 with 7->3 on 7->2, 7->3 with
     * 0->8 on 2->3, 0->8 with 9->4 on 0->1): no fiber carries more than two, so load and LP bound are 2, yet an
     * odd cycle needs 3 colours. The exact model, with all (unique) paths, proves 3: OPTIMAL above the LP bound.
     */
    @Test
    void oddCycleOnATree() {
        Network tree = Nets.of(10, TREE);
        RwaProblem p = new RwaProblem(tree, List.of(new Request(9, 4), new Request(7, 3), new Request(0, 8),
                new Request(3, 6), new Request(7, 1)));
        assertThat(LowerBounds.lpCongestion(p, 5)).isEqualTo(2);
        RwaResult r = Nets.solveChecked(p, 10);
        assertThat(r.wavelengths()).isEqualTo(3);
        assertThat(r.lowerBound()).isEqualTo(3);
        assertThat(r.status()).isEqualTo(RwaResult.Status.OPTIMAL);
    }

    /** On the 5-ring, all-to-all, node cuts give ceil(4/2) = 2 but the LP flow bound gives 3, the optimum. */
    @Test
    void lpBoundBeatsNodeCutsAndStaysValid() {
        RwaProblem p = RwaProblem.allToAll(Nets.ring(5));
        assertThat(LowerBounds.nodeCut(p)).isEqualTo(2);
        assertThat(LowerBounds.lpCongestion(p, 5)).isEqualTo(3);
        RwaProblem q = RwaProblem.allToAll(Nets.ring(7));
        RwaResult r = Nets.solveChecked(q, 3);
        assertThat(r.lowerBound()).isLessThanOrEqualTo(r.wavelengths()).isGreaterThan(LowerBounds.nodeCut(q));
    }

    @Test
    void checkerRejectsSharedWavelengthBrokenPathAndWrongCount() {
        Network ring = Nets.ring(4);
        RwaProblem p = new RwaProblem(ring, List.of(new Request(0, 2), new Request(1, 2)));
        RwaResult clash = new RwaResult(1, 1, RwaResult.Status.OPTIMAL, 0, List.of(
                new Lightpath("n0", "n2", List.of("n0", "n1", "n2"), 0),
                new Lightpath("n1", "n2", List.of("n1", "n2"), 0)));
        assertThat(RwaChecker.check(p, clash)).anyMatch(s -> s.contains("share fiber n1>n2 on wavelength 0"));
        RwaResult broken = new RwaResult(2, 1, RwaResult.Status.FEASIBLE, 0, List.of(
                new Lightpath("n0", "n2", List.of("n0", "n2"), 0),
                new Lightpath("n1", "n2", List.of("n1", "n2"), 0)));
        assertThat(RwaChecker.check(p, broken)).anyMatch(s -> s.contains("no link n0-n2"))
                .anyMatch(s -> s.contains("highest wavelength used is 0"));
        RwaResult ok = new RwaResult(2, 1, RwaResult.Status.FEASIBLE, 0, List.of(
                new Lightpath("n0", "n2", List.of("n0", "n1", "n2"), 0),
                new Lightpath("n1", "n2", List.of("n1", "n2"), 1)));
        assertThat(RwaChecker.check(p, ok)).isEmpty();
    }

    @Test
    void unreachableRequestIsBadInput() {
        Network two = Nets.of(4, new int[][] {{0, 1}, {2, 3}});
        RwaProblem p = new RwaProblem(two, List.of(new Request(0, 3)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RwaSolver.solve(p, new RwaOptions(1, 1, 1)))
                .isInstanceOf(RwaInputException.class).hasMessageContaining("no path from \"0\" to \"3\"");
    }

    /** NSF.1 of the shared min-RWA set: best known 22; a few seconds must reach 22 or 23. */
    @Test
    void sharedNsfInstanceReachesNearBestKnown() {
        TopologyReader.Topology t = TopologyReader.read(Shared.file("rwa/minrwa/NSF.1.json"));
        RwaProblem p = new RwaProblem(t.network(), t.requests());
        RwaResult r = Nets.solveChecked(p, 6);
        assertThat(r.wavelengths()).isLessThanOrEqualTo(23);
        assertThat(r.lowerBound()).isLessThanOrEqualTo(22);
    }
}
