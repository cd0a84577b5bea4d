package io.fabricplan.json;

import io.fabricplan.validate.InputProblem;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The problems of one reading: the first {@code kept} in order, all of them counted, and the places they name
 * remembered so that a place is reported once (the validator says nothing more of a field the reader found
 * unreadable). Places in arrays ({@code /links/13/gbps}) are remembered as one bit per index of
 * {@code /links/* /gbps}, so that a million bad records hold the first problems, a count and a few bit sets.
 */
final class Problems {
    /** Places outside arrays remembered at most; more are rare and harmless. */
    private static final int MAX_OTHER_PLACES = 10_000;

    private final int kept;
    private final List<InputProblem> first = new ArrayList<>();
    private long count;
    private final Map<String, BitSet> indexed = new HashMap<>();
    private final Set<String> otherPlaces = new HashSet<>();

    Problems(int kept) {
        this.kept = kept;
    }

    void add(String where, String message, String hint) {
        add(new InputProblem(where, message, hint));
    }

    void add(InputProblem problem) {
        count++;
        if (first.size() < kept) {
            first.add(problem);
        }
        remember(problem.where());
    }

    /** Adds the problem unless its place has one already. */
    void addIfNew(InputProblem problem) {
        if (!isReported(problem.where())) {
            add(problem);
        }
    }

    /** Marks a place as reported without a problem of its own. */
    void remember(String where) {
        Indexed at = Indexed.of(where);
        if (at != null) {
            indexed.computeIfAbsent(at.pattern, k -> new BitSet()).set(at.index);
        } else if (where != null && otherPlaces.size() < MAX_OTHER_PLACES) {
            otherPlaces.add(where);
        }
    }

    boolean isReported(String where) {
        Indexed at = Indexed.of(where);
        if (at != null) {
            BitSet rows = indexed.get(at.pattern);
            return rows != null && rows.get(at.index);
        }
        return otherPlaces.contains(where);
    }

    long count() {
        return count;
    }

    /** The problems kept: the first ones, in order. */
    List<InputProblem> kept() {
        return Collections.unmodifiableList(first);
    }

    /** {@code /links/13/gbps} as pattern {@code /links/* /gbps} and index 13. */
    private record Indexed(String pattern, int index) {
        static Indexed of(String where) {
            if (where == null || where.length() < 3 || where.charAt(0) != '/') {
                return null;
            }
            int slash = where.indexOf('/', 1);
            if (slash < 0 || slash + 1 >= where.length()) {
                return null;
            }
            int end = where.indexOf('/', slash + 1);
            end = end < 0 ? where.length() : end;
            if (end - slash - 1 > 9) {
                return null;
            }
            int index = 0;
            for (int i = slash + 1; i < end; i++) {
                char c = where.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                index = index * 10 + c - '0';
            }
            return new Indexed(where.substring(0, slash + 1) + "*" + where.substring(end), index);
        }
    }
}
