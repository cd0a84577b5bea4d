package io.fabricplan.excel;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * A list that keeps its first {@code kept} elements and counts the rest: {@link #add} always succeeds, so that
 * a reader's warnings stay bounded whatever a hostile workbook repeats.
 */
final class CappedList<T> extends AbstractList<T> {
    private final int kept;
    private final List<T> first = new ArrayList<>();
    private long count;

    CappedList(int kept) {
        this.kept = kept;
    }

    @Override
    public boolean add(T element) {
        count++;
        if (first.size() < kept) {
            first.add(element);
        }
        return true;
    }

    @Override
    public T get(int index) {
        return first.get(index);
    }

    @Override
    public int size() {
        return first.size();
    }

    /** Every element added, kept or not. */
    long count() {
        return count;
    }
}
