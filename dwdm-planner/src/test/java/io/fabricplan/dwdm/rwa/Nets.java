package io.fabricplan.dwdm.rwa;

import java.util.ArrayList;
import java.util.List;

/** Small networks built in code. */
final class Nets {
    private Nets() {
    }

    static Network ring(int n) {
        List<String> ids = new ArrayList<>();
        List<int[]> links = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("n" + i);
            links.add(new int[] {i, (i + 1) % n});
        }
        return new Network(ids, links);
    }

    static Network of(int nodes, int[][] links) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            ids.add(String.valueOf(i));
        }
        return new Network(ids, List.of(links));
    }

    static RwaResult solveChecked(RwaProblem p, double seconds) {
        RwaResult r = RwaSolver.solve(p, new RwaOptions(seconds, 1, 2));
        org.assertj.core.api.Assertions.assertThat(RwaChecker.check(p, r)).as("checker").isEmpty();
        return r;
    }
}
