package io.fabricplan.excel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.model.Instance;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproducibleWorkbookTest {
    @TempDir
    Path dir;

    @Test
    void sameInstanceWrittenLaterGivesTheSameBytesAndReadsBackEqual() throws Exception {
        Instance instance = InstanceWorkbookWriterTest.richInstance();
        Path first = dir.resolve("first.xlsx");
        Path second = dir.resolve("second.xlsx");
        InstanceWorkbookWriter.writeReproducible(instance, first);
        Thread.sleep(2_100); // POI stamps the second (core.xml) and zip entries the even second
        InstanceWorkbookWriter.writeReproducible(instance, second);

        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
        InstanceWorkbookReader.ReadResult read = InstanceWorkbookReader.read(second);
        assertThat(read.problems()).isEmpty();
        assertThat(read.instance()).isEqualTo(instance);
    }

    @Test
    void datesAndEntryTimesAreTheFixedOnesAndEntriesAreStored() throws Exception {
        Path out = dir.resolve("fixed.xlsx");
        InstanceWorkbookWriter.writeReproducible(InstanceWorkbookWriter.templateInstance(), out);

        try (InputStream in = Files.newInputStream(out); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            var core = workbook.getProperties().getCoreProperties();
            assertThat(core.getCreated().toInstant()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
            assertThat(core.getModified().toInstant()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        }
        List<ZipEntry> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(out.toFile())) {
            zip.stream().forEach(entries::add);
        }
        assertThat(entries).extracting(ZipEntry::getName).contains("[Content_Types].xml", "xl/workbook.xml");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.getMethod()).as(e.getName()).isEqualTo(ZipEntry.STORED);
            assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(ReproducibleWorkbooks.FIXED_TIME);
        });
    }
}
