package io.fabricplan.json;

import io.fabricplan.validate.CellLocator;
import java.util.HashMap;
import java.util.Map;

/**
 * Locates instance fields in the JSON document they were read from, as JSON pointers: record {@code index} of a
 * sheet is the element of its array it was read from ({@code /links/13/gbps}), a setting its key
 * ({@code /settings/pue}). Records not read from the document (a default catalog) are named by id.
 */
final class PointerLocator implements CellLocator {
    private final Map<String, int[]> elements = new HashMap<>();

    /** The array index of each record of the sheet's array, in record order. */
    void add(JsonRecord type, int[] arrayIndices) {
        elements.put(type.sheet(), arrayIndices.clone());
    }

    @Override
    public String locate(String sheet, int index, String id, String column) {
        if (InstanceFields.SETTINGS.sheet().equals(sheet)) {
            return Pointers.child("/settings", id == null ? "" : id);
        }
        int[] at = elements.get(sheet);
        if (at == null || index < 0 || index >= at.length) {
            return BY_ID.locate(sheet, index, id, column);
        }
        String record = Pointers.child("/" + key(sheet), at[index]);
        return column == null ? record : Pointers.child(record, column);
    }

    private static String key(String sheet) {
        return InstanceFields.ARRAYS.stream().filter(t -> t.sheet().equals(sheet)).findFirst()
                .map(JsonRecord::key).orElse(sheet);
    }
}
