package io.fabricplan.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charts are drawn by an application that did not write them: LibreOffice prints a results workbook (a sweep
 * of one key and a front) to PDF, poppler rasterises its pages, and the pages must show each series in its colour.
 * POI checks none of this: a chart can be well-formed XML and still draw nothing (series colours given as scRGB
 * percentages drew every line black). Skipped where LibreOffice is not installed.
 */
class StudyWorkbookRenderingTest {
    private static final String INSTALL = "apt-get install -y libreoffice-calc poppler-utils (or, smaller, "
            + "apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils)";
    /**
     * Pixels of its colour a series draws at 100 dpi at the least: a line of the sweep gives some 500, the front's
     * four points 90 and its knee 43 (LibreOffice 7.4, poppler 22.12); a chart drawn black gives none.
     */
    private static final int LINE_PIXELS = 200;
    private static final int POINTS_PIXELS = 40;
    private static final int KNEE_PIXELS = 15;

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatWasStarted() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void libreOfficeDrawsTheSweepsLinesAndTheFrontsPoints() throws Exception {
        Path soffice = onPath("soffice");
        assumeTrue(soffice != null, "LibreOffice (soffice) is not on the PATH, so the charts cannot be rendered; "
                + "install it with " + INSTALL);
        Path pdftoppm = onPath("pdftoppm");
        assertThat(pdftoppm).as("pdftoppm (poppler-utils) rasterises the PDF LibreOffice prints; install it with "
                + INSTALL).isNotNull();
        Path xlsx = dir.resolve("study.xlsx");
        StudyWorkbookWriter.writeResults(xlsx, StudyFixtures.sweep());

        // A profile of its own: no first-start dialogs, and no clash with a LibreOffice the user has open.
        run(soffice.toString(), "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless",
                "--norestore", "--convert-to", "pdf", "--outdir", dir.toString(), xlsx.toString());
        run(pdftoppm.toString(), "-r", "100", "-png", dir.resolve("study.pdf").toString(),
                dir.resolve("page").toString());

        Map<String, int[]> pages = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path png : files.filter(p -> p.getFileName().toString().matches("page-\\d+\\.png")).sorted()
                    .toList()) {
                pages.put(png.getFileName().toString(), count(ImageIO.read(png.toFile()), StudyCharts.CAPEX,
                        StudyCharts.TCO, StudyCharts.POWER, StudyCharts.KNEE));
            }
        }
        assertThat(pages).as("pages printed").hasSizeGreaterThanOrEqualTo(2);
        String counts = describe(pages);
        assertThat(pages.values()).as("a page with the sweep's three lines (capex, TCO, power), pixels of "
                + "each colour by page: " + counts).anyMatch(c -> c[0] >= LINE_PIXELS && c[1] >= LINE_PIXELS
                && c[2] >= LINE_PIXELS);
        assertThat(pages.values()).as("a page with the front's points and its knee: " + counts)
                .anyMatch(c -> c[3] >= KNEE_PIXELS && c[0] >= POINTS_PIXELS && c[1] < KNEE_PIXELS);
    }

    /** Pixels close to each colour (anti-aliased edges included), in the order given. */
    private static int[] count(BufferedImage image, int... colours) {
        int[] counts = new int[colours.length];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                for (int i = 0; i < colours.length; i++) {
                    if (close(rgb, colours[i])) {
                        counts[i]++;
                    }
                }
            }
        }
        return counts;
    }

    private static boolean close(int a, int b) {
        int dr = (a >> 16 & 0xFF) - (b >> 16 & 0xFF);
        int dg = (a >> 8 & 0xFF) - (b >> 8 & 0xFF);
        int db = (a & 0xFF) - (b & 0xFF);
        return dr * dr + dg * dg + db * db <= 40 * 40;
    }

    private static String describe(Map<String, int[]> pages) {
        StringBuilder sb = new StringBuilder();
        pages.forEach((page, c) -> sb.append(String.format("%s: capex/points %d, TCO %d, power %d, knee %d; ", page,
                c[0], c[1], c[2], c[3])));
        return sb.toString();
    }

    /** Runs a command to its end within two minutes; fails with its output otherwise. */
    private void run(String... command) throws IOException, InterruptedException {
        Path log = dir.resolve("command.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        started.add(process);
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        assertThat(ended).as("%s ended within 2 minutes; its output: %s", command[0], Files.readString(log)).isTrue();
        assertThat(process.exitValue()).as("%s exit value; its output: %s", String.join(" ", command),
                Files.readString(log)).isZero();
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        for (String d : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path candidate = Path.of(d, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
