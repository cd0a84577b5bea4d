package io.fabricplan.studies;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Reading numbers from text, and the wording of hints: "did you mean" and short lists of what is there. */
final class Texts {
    private Texts() {
    }

    /** The number a text holds (blanks around it allowed), or null when it holds none or a non-finite one. */
    static Double number(String text) {
        String t = text == null ? "" : text.strip();
        // Double.parseDouble also takes "NaN", "Infinity" and hex or "d"/"f" suffixes; a planner means none.
        if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        double d = Double.parseDouble(t);
        return Double.isFinite(d) ? d : null;
    }

    /** The known name closest to {@code wrong} ignoring case, or null when none is close enough to suggest. */
    static String closest(String wrong, Collection<String> known) {
        String w = wrong.toLowerCase(Locale.ROOT);
        int most = Math.max(1, w.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = io.fabricplan.validate.Spelling.editDistance(w, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= most ? best : null;
    }

    /** "A", "A or B", "A, B or C", or beyond {@code most} "A, B, C and 7 more". */
    static String listed(Collection<String> values, int most) {
        List<String> all = new ArrayList<>(values);
        if (all.size() > most) {
            return String.join(", ", all.subList(0, most)) + " and " + (all.size() - most) + " more";
        }
        if (all.size() <= 1) {
            return String.join("", all);
        }
        return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
    }
}
