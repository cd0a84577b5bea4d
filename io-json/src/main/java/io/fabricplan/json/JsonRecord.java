package io.fabricplan.json;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A kind of JSON record: the fields of one workbook sheet's rows (or of the settings, or of a document's top
 * level), in the workbook's column order.
 *
 * @param key         the key of its array in the document, e.g. {@code links}
 * @param sheet       the workbook sheet of the same records, e.g. {@code Links}; the validator names it
 * @param noun        one record in words, e.g. {@code link}
 * @param fields      its fields in order; the first is the id of array records
 * @param positions   each field's position, by name
 */
record JsonRecord(String key, String sheet, String noun, List<JsonField> fields, Map<String, Integer> positions) {
    JsonRecord {
        fields = List.copyOf(fields);
        positions = Map.copyOf(positions);
    }

    static JsonRecord of(String key, String sheet, String noun, JsonField... fields) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < fields.length; i++) {
            if (positions.put(fields[i].name(), i) != null) {
                throw new IllegalArgumentException("field " + fields[i].name() + " twice in " + key);
            }
        }
        return new JsonRecord(key, sheet, noun, List.of(fields), positions);
    }

    /** The field of that name, or null. */
    JsonField field(String name) {
        Integer i = positions.get(name);
        return i == null ? null : fields.get(i);
    }

    int position(String name) {
        Integer i = positions.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no field " + name + " in " + key);
        }
        return i;
    }

    List<String> names() {
        return fields.stream().map(JsonField::name).toList();
    }
}
