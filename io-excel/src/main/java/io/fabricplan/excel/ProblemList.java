package io.fabricplan.excel;

import io.fabricplan.validate.InputProblem;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The problems of one reading: the first {@code kept} in order, all of them counted, and the cells they name
 * remembered (one bit per row of a sheet's column) so that a cell is reported once. Memory stays bounded
 * whatever the count: a million bad rows hold the first problems, a count and a few bit sets.
 *
 * <p>As a {@link List} it is the problems kept ({@link #add} always succeeds); {@link #count()} counts them all.
 */
final class ProblemList extends AbstractList<InputProblem> implements Consumer<InputProblem> {
    /** Names of places that are not a cell (a sheet, a file) remembered at most; more are rare and harmless. */
    private static final int MAX_OTHER_PLACES = 10_000;

    private final int kept;
    private final List<InputProblem> first = new ArrayList<>();
    private long count;
    /** Rows reported, by the cell reference's sheet-and-column prefix, e.g. {@code Links!E}. */
    private final Map<String, BitSet> cells = new HashMap<>();
    private final Set<String> otherPlaces = new HashSet<>();
    private String lastPrefix;
    private BitSet lastRows;

    ProblemList(int kept) {
        this.kept = kept;
    }

    @Override
    public void accept(InputProblem problem) {
        add(problem);
    }

    @Override
    public boolean add(InputProblem problem) {
        count++;
        if (first.size() < kept) {
            first.add(problem);
        }
        remember(problem.where());
        return true;
    }

    @Override
    public InputProblem get(int index) {
        return first.get(index);
    }

    @Override
    public int size() {
        return first.size();
    }

    /** Adds the problem unless its place has one already. */
    void addIfNew(InputProblem problem) {
        if (!isReported(problem.where())) {
            add(problem);
        }
    }

    /** Marks a place as reported (or unreadable) without a problem of its own. */
    void remember(String where) {
        if (where == null) {
            return;
        }
        int split = rowStart(where);
        if (split > 0) {
            rows(where, split, true).set(row(where, split));
        } else if (otherPlaces.size() < MAX_OTHER_PLACES) {
            otherPlaces.add(where);
        }
    }

    boolean isReported(String where) {
        if (where == null) {
            return false;
        }
        int split = rowStart(where);
        if (split > 0) {
            BitSet rows = rows(where, split, false);
            return rows != null && rows.get(row(where, split));
        }
        return otherPlaces.contains(where);
    }

    /** The rows of the sheet-and-column prefix {@code where[0, split)}; the last one asked is kept at hand. */
    private BitSet rows(String where, int split, boolean create) {
        if (lastPrefix != null && lastPrefix.length() == split && where.startsWith(lastPrefix)) {
            return lastRows;
        }
        String prefix = where.substring(0, split);
        BitSet rows = create ? cells.computeIfAbsent(prefix, k -> new BitSet()) : cells.get(prefix);
        if (rows != null) {
            lastPrefix = prefix;
            lastRows = rows;
        }
        return rows;
    }

    private static int row(String where, int split) {
        int row = 0;
        for (int i = split; i < where.length(); i++) {
            row = row * 10 + where.charAt(i) - '0';
        }
        return row;
    }

    /**
     * Where the row number starts in {@code Sheet!AB12} or {@code Sheet!12} (a column of at most three letters,
     * a row of at most seven digits); -1 for anything else.
     */
    private static int rowStart(String where) {
        int bang = where.lastIndexOf('!');
        if (bang < 0) {
            return -1;
        }
        int i = bang + 1;
        int letters = 0;
        while (i < where.length() && Character.isLetter(where.charAt(i))) {
            i++;
            letters++;
        }
        int digits = where.length() - i;
        if (letters > 3 || digits < 1 || digits > 7) {
            return -1;
        }
        for (int k = i; k < where.length(); k++) {
            char c = where.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return i;
    }

    long count() {
        return count;
    }

    /** The problems kept: the first ones, in order. */
    List<InputProblem> kept() {
        return Collections.unmodifiableList(first);
    }
}
