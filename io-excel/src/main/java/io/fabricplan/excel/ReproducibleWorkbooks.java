package io.fabricplan.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Makes a workbook's bytes depend on its content only. POI stamps the current time twice: in
 * {@code docProps/core.xml} (created) and on every zip entry. Both are set to {@link #FIXED_TIME} here, and the
 * entries are stored uncompressed: deflated bytes depend on the zlib the JDK links (system zlib, zlib-ng, a
 * bundled copy), so the same cells could give different files on different machines.
 */
final class ReproducibleWorkbooks {
    /** The date every reproducible workbook states: created, modified and the time of each zip entry. */
    static final LocalDateTime FIXED_TIME = LocalDateTime.of(2025, 1, 1, 0, 0);

    private ReproducibleWorkbooks() {
    }

    /** Sets the workbook's created and modified dates to {@link #FIXED_TIME} (UTC). */
    static void fixDates(XSSFWorkbook workbook) {
        POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
        Optional<Date> fixed = Optional.of(Date.from(FIXED_TIME.toInstant(ZoneOffset.UTC)));
        core.setCreated(fixed);
        core.setModified(fixed);
    }

    /**
     * Copies a zip to {@code out} entry by entry, in the same order, each stored uncompressed with the time
     * {@link #FIXED_TIME} and no extra fields. Leaves {@code out} open.
     */
    static void copyStored(byte[] zip, OutputStream out) throws IOException {
        ZipOutputStream stored = new ZipOutputStream(out);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                CRC32 crc = new CRC32();
                crc.update(data);
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(data.length);
                copy.setCompressedSize(data.length);
                copy.setCrc(crc.getValue());
                copy.setTimeLocal(FIXED_TIME); // a local date-time: the same DOS time in every time zone
                stored.putNextEntry(copy);
                stored.write(data);
                stored.closeEntry();
            }
        }
        stored.finish(); // not close(): the caller owns out
    }
}
