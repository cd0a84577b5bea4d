package io.fabricplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.check.PlanChecker;
import io.fabricplan.excel.InstanceWorkbookReader;
import io.fabricplan.excel.InstanceWorkbookWriter;
import io.fabricplan.excel.PlanWorkbookReader;
import io.fabricplan.instances.Examples;
import io.fabricplan.model.Instance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code solve} of workbooks with an extra sheet, made by hand, that the planner does not read: what it accepts
 * it writes; what no workbook may hold is exit 2 naming the cell, never an internal error, and leaves no file.
 */
class SolveOfOddWorkbooksTest {
    @TempDir
    Path dir;

    private Path tiny;
    private Path out;

    @BeforeEach
    void writeTiny() throws IOException {
        tiny = dir.resolve("tiny.xlsx");
        InstanceWorkbookWriter.write(Examples.tiny(), tiny);
        out = dir.resolve("plan.xlsx");
    }

    @Test
    void sheetReachingExcelsLastRowIsSolvedAndWritten() throws IOException {
        Path in = withNotes("<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                + "<row r=\"1048576\"><c r=\"A1048576\"><v>2</v></c></row></sheetData>");

        CliRun run = CliRun.of("solve", in.toString(), "-o", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Instance instance = InstanceWorkbookReader.read(out).instance();
        assertThat(instance).isEqualTo(InstanceWorkbookReader.read(tiny).instance());
        assertThat(new PlanChecker(instance).check(PlanWorkbookReader.read(out).plan()).passed()).isTrue();
    }

    @Test
    void rowPastExcelsLastRowIsInvalidInputAtItsCell() throws IOException {
        Path in = withNotes("<sheetData><row r=\"1048577\"><c r=\"A1048577\"><v>2</v></c></row></sheetData>");

        // the row, as the reader names rows (validate says the same)
        assertRefusedAt(CliRun.of("solve", in.toString(), "-o", out.toString()), "Notes!1048577");
    }

    @Test
    void textLongerThanACellHoldsIsInvalidInputAtItsCell() throws IOException {
        Path in = withNotes("<sheetData><row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>" + "x".repeat(40_000)
                + "</t></is></c></row></sheetData>");

        assertRefusedAt(CliRun.of("solve", in.toString(), "-o", out.toString()), "Notes!B2");
    }

    @Test
    void doctypeInASheetThePlannerDoesNotReadIsInvalidInputNamingTheSheet() throws IOException {
        Path in = withNotes("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&a;</t></is></c></row>"
                + "</sheetData>", "<!DOCTYPE worksheet [<!ENTITY a \"aaaa\">]>");

        assertRefusedAt(CliRun.of("solve", in.toString(), "-o", out.toString()), "Notes");
    }

    private void assertRefusedAt(CliRun run, String where) throws IOException {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains(where).contains("Maybe").doesNotContain("internal error");
        assertThat(out).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("tiny.xlsx", "in.xlsx");
        }
    }

    private Path withNotes(String sheetData) throws IOException {
        return withNotes(sheetData, "");
    }

    /** tiny.xlsx with a last sheet "Notes" of the given XML, written by hand. */
    private Path withNotes(String sheetData, String doctype) throws IOException {
        Path in = dir.resolve("in.xlsx");
        try (ZipFile zip = new ZipFile(tiny.toFile());
             ZipOutputStream copy = new ZipOutputStream(Files.newOutputStream(in))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String text;
                try (InputStream part = zip.getInputStream(entry)) {
                    text = new String(part.readAllBytes(), StandardCharsets.ISO_8859_1);
                }
                text = switch (entry.getName()) {
                    case "[Content_Types].xml" -> text.replace("</Types>", "<Override PartName=\"/xl/worksheets/"
                            + "notes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml"
                            + ".worksheet+xml\"/></Types>");
                    case "xl/workbook.xml" -> text.replace("</sheets>",
                            "<sheet name=\"Notes\" sheetId=\"99\" r:id=\"rIdNotes\"/></sheets>");
                    case "xl/_rels/workbook.xml.rels" -> text.replace("</Relationships>", "<Relationship "
                            + "Id=\"rIdNotes\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                            + "relationships/worksheet\" Target=\"worksheets/notes.xml\"/></Relationships>");
                    default -> text;
                };
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(text.getBytes(StandardCharsets.ISO_8859_1));
                copy.closeEntry();
            }
            copy.putNextEntry(new ZipEntry("xl/worksheets/notes.xml"));
            copy.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype + "<worksheet xmlns=\"http://schemas"
                    + ".openxmlformats.org/spreadsheetml/2006/main\">" + sheetData + "</worksheet>")
                    .getBytes(StandardCharsets.UTF_8));
            copy.closeEntry();
        }
        return in;
    }
}
