package io.fabricplan.cli;

import static io.fabricplan.cli.RawXlsx.row;
import static io.fabricplan.cli.RawXlsx.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.cli.RawXlsx.Cell;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of hostile and broken workbooks, generated here (no binaries committed), each through validate and
 * solve in-process as a planner runs them: refused with exit 2 and every problem named at its part or cell with
 * the limit that refuses it, or read with a warning into a plan that check passes; never a stack trace, never an
 * internal error. Runs in its own test JVM of 1 GB heap (cli/pom.xml), which a workbook loaded whole, a million
 * problems held, or a column of two billion allocated would exceed. Timeouts are guards against hangs, not timing
 * assertions. One class per item of issue 9 and per attack that already held.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HostileWorkbooksTest {
    @TempDir
    Path dir;

    // ------------------------------------------------------------------ runs

    private static CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.out() + run.err()).as(run.toString())
                .doesNotContain("Exception", "\tat ", "internal error", "FATAL", "XMLHelper", "Log4j");
        return run;
    }

    /** Validate and solve both refuse the file with exit 2, naming each expected text; no plan is written. */
    private CliRun refused(Path file, String... expected) {
        CliRun validate = run("validate", file.toString());
        assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(2);
        assertThat(validate.err()).as(validate.toString()).contains(expected);
        Path plan = dir.resolve("refused-plan.xlsx");
        CliRun solve = run("solve", file.toString(), "-o", plan.toString());
        assertThat(solve.exitCode()).as(solve.toString()).isEqualTo(2);
        assertThat(solve.err()).as(solve.toString()).contains(expected);
        assertThat(plan).doesNotExist();
        return validate;
    }

    /** Validate accepts, solve writes a plan, and check passes it; returns validate's run for its warnings. */
    private CliRun solvesAndChecks(Path file) {
        CliRun validate = run("validate", file.toString());
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.out()).contains("is valid: 2 racks, 3 devices, 2 links");
        Path plan = dir.resolve(file.getFileName().toString().replace(".xlsx", "-plan.xlsx"));
        CliRun solve = run("solve", file.toString(), "-o", plan.toString(), "--time-limit", "20");
        assertThat(solve.exitCode()).as(solve.toString()).isZero();
        assertThat(solve.out()).contains("OPTIMAL");
        CliRun check = run("check", file.toString(), plan.toString());
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).contains("check passed: 2 link rows");
        return validate;
    }

    private Path write(String name, RawXlsx workbook) throws IOException {
        return workbook.write(dir.resolve(name));
    }

    /** The valid instance with one Links row replaced. */
    private static RawXlsx withLinks(Object[] l1, Object[] l2) {
        return RawXlsx.instance().sheet("Links", rows(row("link_id", "a_device", "b_device", "count", "gbps",
                "length_m"), l1, l2));
    }

    private static Object[] link(String id, String b, Object count, Object gbps) {
        return row(id, "leaf1", b, count, gbps);
    }

    // ------------------------------------------------------------------ issue 9, item 1: a column of two billion

    @Test
    void cellWithAColumnOfTwoBillionIsRefusedAtTheCellWithoutAllocating() throws IOException {
        Path file = write("column.xlsx", RawXlsx.instance().sheet("Links", out -> {
            RawXlsx.start(out);
            out.write(RawXlsx.rowXml(1, "link_id", "a_device", "b_device", "count", "gbps"));
            out.write(RawXlsx.rowXml(2, "l1", "leaf1", "s1", 1, 800));
            out.write("<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>l2</t></is></c>"
                    + "<c r=\"FLHOMVY3\"><v>1</v></c></row>");
            RawXlsx.end(out);
        }));
        assertThat(Files.size(file)).isLessThan(10_000);

        refused(file, "Links!FLHOMVY3: cell reference \"FLHOMVY3\" is beyond column XFD, the limit of 16,384 "
                + "columns (limit columns)", "Maybe this is Excel's own maximum");
    }

    // ------------------------------------------------------------------ item 2: formula without value behind padding

    @Test
    void formulaWithoutSavedValueBehindPaddingAt85To1IsEvaluatedWithoutLoadingTheWorkbook() throws IOException {
        Random random = new Random(9);
        Path file = write("padded.xlsx", withLinks(link("l1", "s1", 1, RawXlsx.openpyxlFormula("2*400")),
                link("l2", "s2", 1, 800)).sheet("Padding", out -> {
                    RawXlsx.start(out);
                    for (int i = 1; i <= 800_000; i++) {
                        // rows without numbers compress about 1000:1; a random value every 14th brings it to ~85:1
                        out.write(i % 14 == 0 ? "<row><c t=\"inlineStr\"><is><t>padding</t></is></c><c><v>"
                                + random.nextInt(1_000_000) + "</v></c></row>"
                                : "<row><c t=\"inlineStr\"><is><t>padding</t></is></c></row>");
                    }
                    RawXlsx.end(out);
                }));
        long uncompressed = uncompressedSize(file);
        assertThat(uncompressed).isGreaterThan(40L << 20);
        assertThat((double) uncompressed / Files.size(file)).isBetween(60.0, 100.0);

        CliRun validate = solvesAndChecks(file);

        assertThat(validate.err()).doesNotContain("blank", "formula without a saved value");
    }

    // ------------------------------------------------------------------ item 3: 20,000 nested parentheses

    @Test
    void formulaNested20000DeepIsRefusedBeforePoiParsesIt() throws IOException {
        String deep = "(".repeat(20_000) + "800" + ")".repeat(20_000);
        Path file = write("nested.xlsx", withLinks(link("l1", "s1", 1, new Cell("", "<f>" + deep + "</f>")),
                link("l2", "s2", 1, 800)));
        assertThat(Files.size(file)).isLessThan(10_000);

        refused(file, "Links!E2: formula of more than 8,192 characters (limit formula-chars)");
    }

    @Test
    void formulaNestedDeeperThanExcelAllowsIsRefusedBeforePoiParsesIt() throws IOException {
        String deep = "(".repeat(4_000) + "800" + ")".repeat(4_000); // within 8,192 characters; POI overflows
        String signs = "-".repeat(3_000) + "800";
        Path file = write("nested4000.xlsx", withLinks(link("l1", "s1", 1, new Cell("", "<f>" + deep + "</f>")),
                link("l2", "s2", 1, new Cell("", "<f>" + signs + "</f>"))));

        refused(file, "Links!E2: formula nested 4,000 levels deep (parentheses and signs), more than 64 (limit "
                + "formula-nesting)", "Links!E3: formula nested 3,000 levels deep");
    }

    @Test
    void formulaLongerThanExcelAllowsIsRefused() throws IOException {
        String longSum = "1" + "+1".repeat(5_000);
        Path file = write("long.xlsx", withLinks(link("l1", "s1", 1, new Cell("", "<f>" + longSum + "</f>")),
                link("l2", "s2", 1, 800)));

        refused(file, "Links!E2: formula of more than 8,192 characters (limit formula-chars)");
    }

    // ------------------------------------------------------------------ item 4: validate and solve agree

    @Test
    void rowBeyondExcelsLastRowIsRefused() throws IOException {
        Path file = write("rows.xlsx", RawXlsx.instance().sheet("Notes", out -> {
            RawXlsx.start(out);
            out.write(RawXlsx.rowXml(1, "note"));
            out.write(RawXlsx.rowXml(1_048_577, "beyond"));
            RawXlsx.end(out);
        }));

        refused(file, "Notes!1048577: row 1,048,577 is beyond the limit of 1,048,576 rows per sheet (limit rows)");
    }

    @Test
    void sheetOfAllExcelsRowsIsReadSolvedCopiedIntoThePlanAndChecked() throws IOException {
        Path file = write("full-height.xlsx", RawXlsx.instance().sheet("Notes", out -> {
            RawXlsx.start(out);
            for (int r = 1; r <= 1_048_576; r++) {
                out.write(RawXlsx.rowXml(r, "n" + r));
            }
            RawXlsx.end(out);
        }));

        solvesAndChecks(file);
    }

    @Test
    void rowsOutOfOrderOrNumberedZeroAreRefusedAtTheRow() throws IOException {
        Path file = write("order.xlsx", RawXlsx.instance().sheet("Notes", out -> {
            RawXlsx.start(out);
            out.write(RawXlsx.rowXml(5, "five"));
            out.write(RawXlsx.rowXml(3, "three"));
            out.write("<row r=\"0\"><c t=\"inlineStr\"><is><t>zero</t></is></c></row>");
            RawXlsx.end(out);
        }));

        refused(file, "Notes!3: row 3 comes after row 5: rows must be in order, each once",
                "Notes!6: row number 0 is not a row number (rows start at 1)");
    }

    @Test
    void cellOfMoreThan32767CharactersIsRefusedInAnySheet() throws IOException {
        String tooLong = "x".repeat(32_768);
        Path file = write("long-text.xlsx", withLinks(link(tooLong, "s1", 1, 800), link("l2", "s2", 1, 800))
                .sheet("Notes", rows(row("note"), row("fine"), row("also", tooLong))));

        refused(file, "Links!A2: text of more than 32,767 characters (limit cell-chars)",
                "Notes!B3: text of more than 32,767 characters (limit cell-chars)");
    }

    @Test
    void zipBombInASheetThePlannerDoesNotReadIsRefusedByItsPart() throws IOException {
        Path file = write("bomb-extra.xlsx", RawXlsx.instance().level(Deflater.BEST_COMPRESSION)
                .sheet("Notes", bomb(150)));

        refused(file, "bomb-extra.xlsx: part xl/worksheets/sheet5.xml inflates", "more than 100:1 (limit "
                + "inflate-ratio)");
    }

    @Test
    void zipBombThatUnderstatesItsSizeIsCaughtWhileRead() throws IOException {
        Path file = write("liar.xlsx", RawXlsx.instance().level(Deflater.BEST_COMPRESSION).sheet("Notes", bomb(150)));
        understateSizes(file, "xl/worksheets/sheet5.xml");

        refused(file, "liar.xlsx: part xl/worksheets/sheet5.xml inflates", "(limit inflate-ratio)");
    }

    @Test
    void doctypeInASheetThePlannerDoesNotReadIsRefused() throws IOException {
        Path file = write("doctype-extra.xlsx", RawXlsx.instance().sheet("Notes", out -> out.write(
                "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"b\">]><worksheet xmlns=\"" + RawXlsx.MAIN
                        + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&a;</t></is></c></row>"
                        + "</sheetData></worksheet>")));

        refused(file, "doctype-extra.xlsx: part /xl/worksheets/sheet5.xml (sheet \"Notes\") declares a DOCTYPE");
    }

    @Test
    void yearsOf1e308IsRefusedAtItsCellBeforeTheSolverOverflows() throws IOException {
        Path file = write("years.xlsx", RawXlsx.instance().sheet("Settings", rows(row("key", "value"),
                row("objective", "TCO"), row("years", 1e308))));

        refused(file, "Settings!B3: years must be at most 100, got 1.0e308", "Maybe give the TCO horizon in years");
    }

    @Test
    void figuresWithinRangeWhoseProductOverflowsTheSolverAreRefused() throws IOException {
        Path file = write("magnitude.xlsx", RawXlsx.instance()
                .sheet("Settings", rows(row("key", "value"), row("objective", "TCO"), row("years", 100),
                        row("pue", 10), row("energy_usd_per_kwh", 10)))
                .sheet("Optics", rows(row("optic_id", "kind", "gbps", "reach_m", "power_w", "cost_usd"),
                        row("gold", "AOC", 800, 100, 10_000, 1e9)))
                .sheet("Links", rows(row("link_id", "a_device", "b_device", "count", "gbps"),
                        row("l1", "leaf1", "s1", 1_000_000, 800), row("l2", "leaf1", "s2", 1, 800))));

        refused(file, "Links!D2: a plan's objective could reach", "beyond the 1.0e15 the solvers compute exactly");
    }

    // ------------------------------------------------------------------ item 6: a million bad rows

    @Test
    void aMillionBadRowsAreCountedInFullAndPrintedCapped() throws IOException {
        Path file = write("million.xlsx", RawXlsx.instance().sheet("Links", out -> {
            RawXlsx.start(out);
            out.write(RawXlsx.rowXml(1, "link_id", "a_device", "b_device", "count", "gbps"));
            for (int r = 2; r <= 1_000_001; r++) {
                out.write(RawXlsx.rowXml(r, "l" + r, "leaf1", "ghost" + r, 1, 800));
            }
            RawXlsx.end(out);
        }));

        CliRun validate = run("validate", file.toString());

        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("has 1,000,000 problems:", "Links!C2: unknown device \"ghost2\"",
                "... and 999,800 more; fix these first, or see more with --limit problems=N");
        assertThat(validate.err().lines().count()).isLessThan(500);
    }

    /** {@code --limit problems=N} prints N of them, not the default 200. */
    @Test
    void limitOfProblemsIsWhatIsPrinted() throws IOException {
        Path file = write("five-hundred.xlsx", RawXlsx.instance().sheet("Links", out -> {
            RawXlsx.start(out);
            out.write(RawXlsx.rowXml(1, "link_id", "a_device", "b_device", "count", "gbps"));
            for (int r = 2; r <= 501; r++) {
                out.write(RawXlsx.rowXml(r, "l" + r, "leaf1", "ghost" + r, 1, 800));
            }
            RawXlsx.end(out);
        }));

        CliRun validate = run("validate", file.toString(), "--limit", "problems=300");

        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("has 500 problems:", "Links!C301: unknown device \"ghost301\"",
                "... and 200 more; fix these first")
                .doesNotContain("Links!C302:");
    }

    // ------------------------------------------------------------------ item 7: shared string out of range

    @Test
    void sharedStringIndexOutOfRangeIsABadCell() throws IOException {
        Path file = write("sst.xlsx", withLinks(row(new Cell("t=\"s\"", "<v>0</v>"), "leaf1", "s1", 1, 800),
                row(new Cell("t=\"s\"", "<v>99</v>"), "leaf1", "s2", 1, 800))
                .sharedStrings("<sst xmlns=\"" + RawXlsx.MAIN + "\" count=\"1\" uniqueCount=\"2000000000\">"
                        + "<si><t>l1</t></si></sst>"));

        refused(file, "Links!A3: shared string \"99\" does not exist (the workbook has 1); the file is damaged");
    }

    // ------------------------------------------------------------------ item 8: dates where numbers belong

    @Test
    void datesInNumericColumnsAreInputErrorsAtTheirCells() throws IOException {
        Cell date = new Cell("s=\"" + RawXlsx.DATE_STYLE + "\"", "<v>45292</v>");
        Cell dateTime = new Cell("s=\"" + RawXlsx.DATE_STYLE + "\"", "<v>45292.5</v>");
        Path file = write("dates.xlsx", withLinks(row("l1", "leaf1", "s1", 1, 800, dateTime),
                link("l2", "s2", 1, 800)).sheet("Racks", rows(row("rack_id", "site_id", "x_m", "y_m",
                        "power_budget_kw", "base_load_kw", "free_u"),
                row("R1", "main", 0, 0, date, 8, 10), row("R2", "main", 3, 0, 40, 30, 4))));

        refused(file, "Racks!E2: power_budget_kw looks like a date (2024-01-01): the cell has a date format",
                "Links!F2: length_m looks like a date (2024-01-01T12:00)");
    }

    // ------------------------------------------------------------------ item 9: NaN, Infinity, 1e999 as numbers

    @Test
    void notFiniteNumbersAreRefusedAtTheirCells() throws IOException {
        Path file = write("nan.xlsx", withLinks(link("l1", "s1", 1, new Cell("", "<v>NaN</v>")),
                link("l2", "s2", 1, new Cell("", "<v>1e999</v>"))).sheet("Racks", rows(row("rack_id", "site_id",
                        "x_m", "y_m", "power_budget_kw"), row("R1", "main", new Cell("", "<v>-Infinity</v>"), 0, 20),
                row("R2", "main", 3, 0, 40))));

        refused(file, "Links!E2: the number stored is NaN, not a finite number",
                "Links!E3: the number stored is 1e999, not a finite number",
                "Racks!C2: the number stored is -Infinity, not a finite number");
    }

    // ------------------------------------------------------------------ item 11: warn once each

    @Test
    void hiddenOrOddlyNamedSheetsAndFormulaLikeIdsAreReadWithOneWarningEach() throws IOException {
        Path file = write("odd.xlsx", RawXlsx.instance()
                .sheet("Links", "hidden", rows(row("link_id", "a_device", "b_device", "count", "gbps"),
                        row("=HYPERLINK(\"http://x\")", "leaf1", "s1", 1, 800), row("+l2", "leaf1", "s2", 1, 800)))
                .rename("Devices", " Devices "));

        CliRun validate = solvesAndChecks(file);

        assertThat(validate.err()).containsOnlyOnce("sheet \"Links\" is hidden in the workbook; it is read all the "
                + "same").containsOnlyOnce("sheet \" Devices \" is read as \"Devices\"")
                .containsOnlyOnce("Links!A2: link_id \"=HYPERLINK(\"http://x\")\" starts with \"=\"")
                .contains("(and 1 more such cells)");
    }

    // ------------------------------------------------------------------ issue 8, item 3: openpyxl's formulas

    @Test
    void formulasSavedWithoutValuesAreEvaluatedAndOnesThatCannotBeAreNamed() throws IOException {
        Path good = write("openpyxl.xlsx", withLinks(link("l1", "s1", 1, RawXlsx.openpyxlFormula("2*400")),
                link("l2", "s2", RawXlsx.openpyxlFormula("Racks!G3-3"), RawXlsx.openpyxlFormula("Racks!E3*20")))
                .fullCalcOnLoad());
        solvesAndChecks(good);

        Path bad = write("unsupported.xlsx", withLinks(link("l1", "s1", 1, RawXlsx.openpyxlFormula("FOO(1)")),
                link("l2", "s2", 1, RawXlsx.openpyxlFormula("INDIRECT(\"Racks!E3\")*20"))));
        CliRun run = refused(bad, "Links!E2: formula without a saved value (=FOO(1)): uses FOO",
                "Links!E3: formula without a saved value (=INDIRECT(\"Racks!E3\")*20): uses INDIRECT");
        assertThat(run.err()).doesNotContain("is blank");
    }

    @Test
    void chainOfAHundredThousandFormulasWithoutValuesIsEvaluatedWithoutOverflowingTheStack() throws IOException {
        int n = 100_000;
        Path file = write("chain.xlsx", withLinks(link("l1", "s1", 1, RawXlsx.openpyxlFormula("Chain!A1")),
                link("l2", "s2", 1, 800)).sheet("Chain", out -> {
                    RawXlsx.start(out);
                    for (int i = 1; i < n; i++) {
                        out.write("<row r=\"" + i + "\"><c r=\"A" + i + "\"><f>A" + (i + 1) + "+0</f><v></v></c></row>");
                    }
                    out.write(RawXlsx.rowXml(n, 800));
                    RawXlsx.end(out);
                }));

        solvesAndChecks(file);
    }

    // ------------------------------------------------------------------ classes that already held

    @Test
    void zipBombInALinksSheetOrInSharedStringsIsRefused() throws IOException {
        refused(write("bomb-links.xlsx", RawXlsx.instance().level(Deflater.BEST_COMPRESSION).sheet("Links",
                bomb(150))), "part xl/worksheets/sheet4.xml inflates", "(limit inflate-ratio)");
        refused(write("bomb-sst.xlsx", RawXlsx.instance().level(Deflater.BEST_COMPRESSION).sharedStrings(
                "<sst xmlns=\"" + RawXlsx.MAIN + "\"><si><t>" + "a".repeat(150 << 20) + "</t></si></sst>")),
                "part xl/sharedStrings.xml inflates", "(limit inflate-ratio)");
    }

    @Test
    void billionLaughsAndExternalEntitiesAreRefused() throws IOException {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;"
                + "&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"
                + "&lol2;&lol2;&lol2;\">]><worksheet xmlns=\"" + RawXlsx.MAIN + "\"><sheetData><row r=\"1\"><c r=\"A1\" "
                + "t=\"inlineStr\"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>";
        refused(write("laughs.xlsx", RawXlsx.instance().sheet("Links", out -> out.write(laughs))),
                "part /xl/worksheets/sheet4.xml (sheet \"Links\") declares a DOCTYPE");
        refused(write("xxe.xlsx", RawXlsx.instance().sharedStrings("<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY "
                + "x SYSTEM \"file:///etc/passwd\">]><sst xmlns=\"" + RawXlsx.MAIN + "\"><si><t>&x;</t></si></sst>")),
                "part /xl/sharedStrings.xml (shared strings) declares a DOCTYPE");
    }

    @Test
    void foreignEncryptedAndDamagedFilesAreRefusedByName() throws IOException {
        Path encrypted = dir.resolve("encrypted.xlsx");
        Path xls = dir.resolve("old.xlsx");
        for (Path p : List.of(encrypted, xls)) {
            try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(p)) {
                fs.createDocument(new java.io.ByteArrayInputStream(new byte[64]),
                        p == encrypted ? "EncryptionInfo" : "Workbook");
                fs.writeFilesystem(out);
            }
        }
        refused(encrypted, "encrypted.xlsx: is password protected");
        refused(xls, "old.xlsx: is an Excel 97-2003 .xls workbook, not .xlsx");

        Path ods = dir.resolve("calc.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(ods))) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write("application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.US_ASCII));
        }
        refused(ods, "calc.xlsx: cannot be read as an .xlsx workbook");
        refused(Files.writeString(dir.resolve("links.xlsx"), "link_id,a_device\nl1,leaf1\n"),
                "links.xlsx: is not an Excel .xlsx workbook");
        Path good = write("good.xlsx", RawXlsx.instance());
        byte[] bytes = Files.readAllBytes(good);
        refused(Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(bytes, bytes.length * 2 / 3)),
                "truncated.xlsx: cannot be read as an .xlsx workbook");
    }

    @Test
    void oddValuesAreRefusedAtTheirCells() throws IOException {
        Path file = write("values.xlsx", withLinks(
                link("l1", "s1", new Cell("t=\"b\"", "<v>1</v>"), new Cell("t=\"e\"", "<v>#REF!</v>")),
                link("l2", "s2", 2_147_483_648L, "1,200")).sheet("Racks", rows(row("rack_id", "site_id", "x_m",
                        "y_m", "power_budget_kw"), row("R1", "main", "NaN", 0, 1e308), row("R2", "main", 3, 0, 40))));

        refused(file, "Links!D2: count must be a whole number, got \"TRUE\"",
                "Links!E2: gbps must be a positive number, got \"#REF!\"",
                "Links!D3: count is too large, got 2147483648",
                "Links!E3: gbps must be a positive number, got \"1,200\"",
                "Racks!C2: x_m must be a number, got \"NaN\"",
                "Racks!E2: power_budget_kw must be at most 100000, got 1.0e308");
    }

    @Test
    void mergedCellsAreReadByTheirFirstCell() throws IOException {
        Path file = write("merged.xlsx", RawXlsx.instance().sheet("Links", out -> {
            RawXlsx.start(out);
            out.write(RawXlsx.rowXml(1, "link_id", "a_device", "b_device", "count", "gbps"));
            out.write(RawXlsx.rowXml(2, "l1", "leaf1", "s1", 1, 800));
            out.write(RawXlsx.rowXml(3, "l2", "leaf1", "s2", 1, 800));
            out.write("</sheetData><mergeCells count=\"1\"><mergeCell ref=\"E2:E3\"/></mergeCells><sheetData>");
            RawXlsx.end(out);
        }));

        solvesAndChecks(file);
    }

    // ------------------------------------------------------------------ limits on the command line

    @Test
    void limitsAreRaisedOrLoweredByNameOnTheCommandLine() throws IOException {
        Path file = write("limits.xlsx", RawXlsx.instance().sheet("Notes", rows(row("a"), row("b"), row("c"))));

        CliRun lowered = run("validate", file.toString(), "--limit", "rows=2");
        assertThat(lowered.exitCode()).isEqualTo(2);
        assertThat(lowered.err()).contains("Notes!3: row 3 is beyond the limit of 2 rows per sheet (limit rows)",
                "Maybe if the workbook is trusted and must be read, raise the limit with --limit rows=VALUE (at most "
                        + "1,048,576)");

        CliRun unknown = run("validate", file.toString(), "--limit", "cells=5");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--limit cells=5: unknown limit \"cells\"", "Maybe --limit NAME=VALUE");

        CliRun beyondExcel = run("validate", file.toString(), "--limit", "rows=2000000");
        assertThat(beyondExcel.exitCode()).isEqualTo(2);
        assertThat(beyondExcel.err()).contains("rows must be from 1 to 1,048,576 (Excel's own maximum)");

        Path big = write("big.xlsx", RawXlsx.instance().sheet("Notes", out -> {
            RawXlsx.start(out);
            for (int r = 1; r <= 60_000; r++) {
                out.write(RawXlsx.rowXml(r, "row " + r));
            }
            RawXlsx.end(out);
        }));
        CliRun small = run("validate", big.toString(), "--limit", "workbook-bytes=1m");
        assertThat(small.exitCode()).isEqualTo(2);
        assertThat(small.err()).contains("big.xlsx: inflates to more than 1 MiB (limit workbook-bytes)",
                "Maybe if the workbook is trusted and must be read, raise the limit with --limit workbook-bytes=VALUE");
        assertThat(run("validate", big.toString(), "--limit", "workbook-bytes=64m").exitCode()).isZero();
        // a value that would wrap round to 1 GiB in a long is refused, naming it, before anything is read
        CliRun wraps = run("validate", big.toString(), "--limit", "workbook-bytes=17179869185g");
        assertThat(wraps.exitCode()).isEqualTo(2);
        assertThat(wraps.err()).contains("workbook-bytes is too large").doesNotContain("Exception");

        // a trusted file beyond a default limit: read, solved and copied into the plan under the raised limit
        Path padded = write("trusted.xlsx", RawXlsx.instance().level(Deflater.BEST_COMPRESSION)
                .sheet("Notes", bomb(3)));
        assertThat(run("validate", padded.toString()).exitCode()).isEqualTo(2);
        Path plan = dir.resolve("trusted-plan.xlsx");
        CliRun solve = run("solve", padded.toString(), "-o", plan.toString(), "--limit", "inflate-ratio=5000");
        assertThat(solve.exitCode()).as(solve.toString()).isZero();
        assertThat(run("check", padded.toString(), plan.toString(), "--limit", "inflate-ratio=5000").exitCode())
                .isZero();
    }

    // ------------------------------------------------------------------ POI's own log lines

    @Test
    void poisLogLinesNeverReachStderrOfARealProcess() throws Exception {
        Path file = write("doctype.xlsx", RawXlsx.instance().sheet("Links", out -> out.write(
                "<?xml version=\"1.0\"?><!DOCTYPE worksheet><worksheet xmlns=\"" + RawXlsx.MAIN + "\"/>")));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Fabricplan.class.getName(), "validate", file.toString()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).as(out + err).isEqualTo(2);
        assertThat(err).as(err).startsWith("fabricplan: " + file + " has 1 problem:").contains("declares a DOCTYPE")
                .doesNotContain("FATAL", "XMLHelper", "Log4j", "StatusLogger", "\tat ");
    }

    // ------------------------------------------------------------------ generators

    /** A sheet of {@code megabytes} MB of repeated cells: it compresses about 1000:1. */
    private static RawXlsx.Body bomb(int megabytes) {
        return out -> {
            RawXlsx.start(out);
            String row = "<row><c t=\"inlineStr\"><is><t>boom</t></is></c></row>";
            long rows = ((long) megabytes << 20) / row.length();
            for (long r = 0; r < rows; r++) {
                out.write(row);
            }
            RawXlsx.end(out);
        };
    }

    private static long uncompressedSize(Path file) throws IOException {
        long total = 0;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                total += e.getSize();
            }
        }
        return total;
    }

    /**
     * Rewrites the sizes an entry declares (in its central directory record) to 1,000 bytes, as a crafted bomb
     * would: the true size shows only when the part is inflated.
     */
    private static void understateSizes(Path file, String entry) throws IOException {
        byte[] zip = Files.readAllBytes(file);
        byte[] name = entry.getBytes(StandardCharsets.US_ASCII);
        List<Integer> patched = new ArrayList<>();
        for (int i = 0; i + 46 < zip.length; i++) {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x01 && zip[i + 3] == 0x02) {
                int nameLength = (zip[i + 28] & 0xff) | (zip[i + 29] & 0xff) << 8;
                if (nameLength == name.length && Arrays.equals(Arrays.copyOfRange(zip, i + 46, i + 46 + nameLength),
                        name)) {
                    int size = 1000;
                    for (int b = 0; b < 4; b++) {
                        zip[i + 24 + b] = (byte) (size >>> (8 * b)); // uncompressed size
                    }
                    patched.add(i);
                }
            }
        }
        assertThat(patched).hasSize(1);
        Files.write(file, zip);
    }
}
