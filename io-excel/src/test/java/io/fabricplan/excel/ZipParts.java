package io.fabricplan.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Edits the XML of a workbook's parts in place, the way other tools write what POI would not: a formula with an
 * empty saved value (openpyxl), a shared formula, a calculation flag.
 */
final class ZipParts {
    private ZipParts() {
    }

    /** Rewrites part {@code name} (e.g. {@code xl/worksheets/sheet4.xml}) of the file through {@code edit}. */
    static void edit(Path file, String name, UnaryOperator<String> edit) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    parts.put(e.getName(), in.readAllBytes());
                }
            }
        }
        if (!parts.containsKey(name)) {
            throw new IllegalArgumentException(name + " is not in " + parts.keySet());
        }
        String xml = new String(parts.get(name), StandardCharsets.UTF_8);
        String edited = edit.apply(xml);
        if (edited.equals(xml)) {
            throw new IllegalArgumentException("the edit changed nothing in " + name);
        }
        parts.put(name, edited.getBytes(StandardCharsets.UTF_8));
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue());
                zip.closeEntry();
            }
        }
    }

    /** The part of the sheet at 1-based position {@code index} as POI writes it. */
    static String sheet(int index) {
        return "xl/worksheets/sheet" + index + ".xml";
    }
}
