package io.fabricplan.servicebench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic mix of request kinds by weight (smooth weighted round robin, as nginx balances upstreams):
 * in every cycle of {@code sum of weights} draws each kind comes exactly its weight times, spread over the cycle
 * rather than in runs, so a rare kind (a full queue, an oversized body) comes at steady intervals and the mix is
 * the same on every run. Shared by the client threads: {@link #next} is synchronized.
 *
 * @param <K> the kinds
 */
final class Mix<K> {
    private final List<K> kinds;
    private final int[] weights;
    private final long[] current;
    private final int total;

    Mix(Map<K, Integer> weights) {
        this.kinds = new ArrayList<>(weights.keySet());
        this.weights = new int[kinds.size()];
        int sum = 0;
        for (int i = 0; i < kinds.size(); i++) {
            int w = weights.get(kinds.get(i));
            if (w < 1) {
                throw new IllegalArgumentException("weight of " + kinds.get(i) + " is " + w + ", must be >= 1");
            }
            this.weights[i] = w;
            sum += w;
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("no kinds");
        }
        this.total = sum;
        this.current = new long[kinds.size()];
    }

    static <K> Mix<K> of(Map<K, Integer> weights) {
        return new Mix<>(new LinkedHashMap<>(weights));
    }

    /** Draws per cycle: the sum of the weights. */
    int cycle() {
        return total;
    }

    /** The next kind: each kind's credit grows by its weight, the richest is drawn and pays the total. */
    synchronized K next() {
        int best = 0;
        for (int i = 0; i < current.length; i++) {
            current[i] += weights[i];
            if (current[i] > current[best]) {
                best = i;
            }
        }
        current[best] -= total;
        return kinds.get(best);
    }
}
