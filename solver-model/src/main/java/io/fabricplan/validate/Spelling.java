package io.fabricplan.validate;

/** Edit distances for the "did you mean" hints of every input message (sheets, columns, ids, override headers). */
public final class Spelling {
    private Spelling() {
    }

    /**
     * The known name closest to {@code wrong} by edit distance, in any case, or null when none is within a third of
     * its length (at least 1).
     */
    public static String closest(String wrong, java.util.List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int most = Math.max(1, wrong.length() / 3);
        String w = wrong.toLowerCase(java.util.Locale.ROOT);
        for (String k : known) {
            if (Math.abs(k.length() - wrong.length()) > most) {
                continue; // the distance is at least the difference in length: too far to suggest
            }
            int d = editDistance(w, k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= most ? best : null;
    }

    /**
     * Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. Three
     * rows of the table, not the whole table: a million unknown ids compare in little memory.
     */
    public static int editDistance(String s, String t) {
        int[] before = new int[t.length() + 1];
        int[] previous = new int[t.length() + 1];
        int[] current = new int[t.length() + 1];
        for (int j = 0; j <= t.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= t.length(); j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(previous[j - 1] + cost, Math.min(previous[j] + 1, current[j - 1] + 1));
                if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1)) {
                    current[j] = Math.min(current[j], before[j - 2] + 1);
                }
            }
            int[] oldest = before;
            before = previous;
            previous = current;
            current = oldest;
        }
        return previous[t.length()];
    }
}
