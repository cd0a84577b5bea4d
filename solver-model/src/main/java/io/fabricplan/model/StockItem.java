package io.fabricplan.model;

import java.util.Objects;

/**
 * A row of the {@code Inventory} sheet: units of an optic or a switch model already owned (in a store room, or
 * standing somewhere in the data centre), which cost no capex when the plan uses them (an optic's re-cabling
 * labour, {@link Settings#recableUsd()}, aside). They still draw power.
 *
 * @param itemId   an optic id or a switch model id
 * @param quantity units owned, at least 0
 * @param note     free text, e.g. where they stand
 */
public record StockItem(String itemId, int quantity, String note) {
    public StockItem {
        Objects.requireNonNull(itemId, "itemId");
        note = note == null ? "" : note;
    }
}
