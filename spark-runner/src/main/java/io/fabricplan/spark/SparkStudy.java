package io.fabricplan.spark;

import io.fabricplan.excel.StudyWorkbookWriter;
import io.fabricplan.studies.Study;
import io.fabricplan.studies.StudyJournal;
import io.fabricplan.study.FrontReport;
import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.Scenario;
import io.fabricplan.study.ScenarioResult;
import io.fabricplan.study.StudyReport;
import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * {@code spark-submit --class io.fabricplan.spark.SparkStudy fabricplan-spark.jar IN.xlsx -o RESULTS.xlsx}: the
 * study that {@code fabricplan study} would run, its scenarios spread over a Spark cluster, written to the same
 * results workbook and journal ({@code RESULTS.xlsx.journal.jsonl}, which {@code fabricplan study merge} reads).
 *
 * <p>The driver reads the workbook, makes the scenarios (refusing bad input before Spark starts), broadcasts the
 * workbook's bytes and parallelizes the scenarios' indices; each task solves one scenario ({@link ScenarioTask})
 * and returns its journal line. Solver threads per solve are {@code spark.task.cpus}, so that Spark never puts
 * more solves on an executor than it has cores for them.
 *
 * <p>Exit codes as {@code fabricplan study}: 0 results written (failed scenarios keep their rows), 2 invalid
 * input or flag, 1 the Spark job failed.
 */
public final class SparkStudy {
    static final int OK = 0;
    static final int JOB_FAILED = 1;
    static final int INVALID_INPUT = 2;
    /** Problems printed one by one at most; the rest are counted. */
    private static final int MAX_PRINTED = 200;
    /** Tasks at most when --partitions is not given (one per scenario below it). */
    private static final int MAX_DEFAULT_PARTITIONS = 10_000;

    private SparkStudy() {
    }

    public static void main(String[] args) {
        int code = run(args, null, System.out, System.err);
        if (code != OK) {
            System.exit(code);
        }
    }

    /**
     * Runs the study of the command line.
     *
     * @param context a running Spark context to use (left running), or null to start one from spark-submit's
     *                configuration (local[*] when it has no master) and stop it at the end
     * @return the exit code
     */
    static int run(String[] args, JavaSparkContext context, PrintStream out, PrintStream err) {
        StudyArgs a;
        try {
            a = StudyArgs.parse(args);
        } catch (StudyArgs.Help help) {
            out.println(help.getMessage());
            return OK;
        } catch (StudyArgs.Invalid invalid) {
            err.println("fabricplan-spark: " + invalid.getMessage());
            return INVALID_INPUT;
        }
        if (!checkFiles(a, err)) {
            return INVALID_INPUT;
        }
        byte[] workbook;
        try {
            workbook = Files.readAllBytes(a.input());
        } catch (IOException | OutOfMemoryError e) {
            err.println("fabricplan-spark: cannot read " + a.input() + ": " + e.getMessage()
                    + ". Maybe check that the file is readable.");
            return INVALID_INPUT;
        }
        String name = a.input().getFileName().toString();
        StudySource.Made made = StudySource.make(a.input(), name, a.sweeps(), a.stages());
        made.warnings().forEach(w -> err.println("warning: " + w));
        if (made.study() == null) {
            printProblems(a.input(), made.problemCount(), made.problems(), err);
            return INVALID_INPUT;
        }
        JavaSparkContext sc = context;
        SparkConf conf = new SparkConf().setIfMissing("spark.master", "local[*]")
                .setIfMissing("spark.app.name", "fabricplan study " + name);
        if (context != null ? context.isLocal() : conf.get("spark.master").startsWith("local")) {
            ScenarioTask.warmUpInBackground(); // this JVM runs the tasks
        }
        if (sc == null) {
            if (a.threads() != null) {
                conf.set("spark.task.cpus", Integer.toString(a.threads()));
            }
            try {
                sc = new JavaSparkContext(conf);
            } catch (RuntimeException e) {
                err.println("fabricplan-spark: Spark did not start (master " + conf.get("spark.master") + "): "
                        + rootMessage(e) + "\n  Maybe check spark-submit's --master and --conf settings (with "
                        + "--threads N each executor needs N cores).");
                return JOB_FAILED;
            }
        }
        try {
            return solve(a, sc, workbook, made.study(), out, err);
        } finally {
            if (context == null) {
                sc.stop();
            }
        }
    }

    private static int solve(StudyArgs a, JavaSparkContext sc, byte[] workbook, Study study, PrintStream out,
                             PrintStream err) {
        long start = System.nanoTime();
        List<Scenario> scenarios = study.scenarios();
        int threads = a.threads() != null ? a.threads() : sc.getConf().getInt("spark.task.cpus", 1);
        int partitions = a.partitions() != null ? Math.min(a.partitions(), scenarios.size())
                : Math.min(scenarios.size(), MAX_DEFAULT_PARTITIONS);
        err.printf(Locale.ROOT, "study: %d scenarios in %d task%s on Spark %s, %d solver thread%s each%n",
                scenarios.size(), partitions, partitions == 1 ? "" : "s", sc.master(), threads,
                threads == 1 ? "" : "s");
        Broadcast<byte[]> bytes = sc.broadcast(workbook);
        ScenarioTask task = new ScenarioTask(bytes, StudySource.key(workbook, study.name(), a.sweeps(), a.stages()),
                study.name(), a.sweeps(), a.stages(), threads, a.timeLimit());
        List<String> lines;
        try {
            sc.setJobDescription("fabricplan study " + study.name() + ": " + scenarios.size() + " scenarios");
            lines = sc.parallelize(IntStream.range(0, scenarios.size()).boxed().toList(), Math.max(1, partitions))
                    .map(task).collect();
        } catch (Exception e) { // SparkException is checked in Scala's eyes, undeclared in Java's
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            err.println("fabricplan-spark: the Spark job failed: " + rootMessage(e) + "\n  Maybe see the failed "
                    + "task's executor log; no results were written.");
            return JOB_FAILED;
        } finally {
            bytes.destroy();
        }
        Map<Integer, StudyJournal.Entry> byIndex = new TreeMap<>();
        for (String line : lines) {
            StudyJournal.Entry e = StudyJournal.parse(line);
            if (e.index() < 0 || e.index() >= scenarios.size() || !sameWork(scenarios.get(e.index()),
                    e.result().scenario()) || byIndex.put(e.index(), e) != null) {
                err.println("fabricplan-spark: an executor returned scenario " + e.result().scenario().id()
                        + " at index " + e.index() + ", which the driver does not have there. Maybe the executors "
                        + "run another fabricplan-spark.jar than the driver; no results were written.");
                return JOB_FAILED;
            }
        }
        if (byIndex.size() != scenarios.size()) {
            err.println("fabricplan-spark: the executors returned " + byIndex.size() + " of " + scenarios.size()
                    + " scenarios. Maybe run again; no results were written.");
            return JOB_FAILED;
        }
        List<ScenarioResult> rows = new ArrayList<>();
        Map<String, FrontReport> fronts = new LinkedHashMap<>();
        byIndex.values().forEach(e -> {
            rows.add(e.result());
            if (e.front() != null) {
                fronts.put(e.result().scenario().id(), e.front());
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        int slots = Math.max(1, sc.defaultParallelism() / Math.max(1, threads));
        StudyReport report = new StudyReport(study.name(), study.overrideHeaders(), rows, fronts, scenarios.size(),
                seconds, slots, threads, machine(sc, threads), false);
        Path journalFile = a.output().toAbsolutePath().normalize()
                .resolveSibling(a.output().getFileName() + ".journal.jsonl");
        try (StudyJournal journal = StudyJournal.open(journalFile, true)) {
            byIndex.values().forEach(journal::append);
        } catch (RuntimeException e) {
            err.println("fabricplan-spark: " + rootMessage(e) + "\n  Maybe write the results to a folder the "
                    + "driver may write to.");
            return JOB_FAILED;
        }
        try {
            StudyWorkbookWriter.writeResults(a.output(), report);
        } catch (IOException | RuntimeException e) {
            err.println("fabricplan-spark: cannot write " + a.output() + ": " + rootMessage(e) + "\n  Maybe close "
                    + "it in the spreadsheet, or write elsewhere; the journal " + journalFile + " holds every row "
                    + "(fabricplan study merge turns it into a workbook).");
            return JOB_FAILED;
        }
        Map<String, Long> byStatus = new TreeMap<>();
        rows.forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
        out.printf(Locale.ROOT, "study: %d scenarios in %.1f s: %s%n  results written to %s, journal %s%n",
                rows.size(), seconds, byStatus, a.output(), journalFile);
        return OK;
    }

    /** Whether the executor's scenario is the driver's: same id, same overrides as written. */
    private static boolean sameWork(Scenario driver, Scenario executor) {
        return driver.id().equals(executor.id()) && driver.pareto() == executor.pareto()
                && texts(driver).equals(texts(executor));
    }

    private static List<String> texts(Scenario s) {
        return s.overrides().stream().map(SparkStudy::describe).toList();
    }

    private static String describe(OverrideValue o) {
        return o.target().header() + "=" + o.text();
    }

    /** The input must be a workbook; the output a new .xlsx beside it or anywhere the driver may write. */
    private static boolean checkFiles(StudyArgs a, PrintStream err) {
        if (!Files.isRegularFile(a.input())) {
            err.println("fabricplan-spark: " + a.input() + ": no such file. Maybe give the instance workbook's path "
                    + "as the driver sees it (in cluster mode, ship it with spark-submit --files and name it "
                    + "without its folder).");
            return false;
        }
        String file = a.output().getFileName() == null ? "" : a.output().getFileName().toString();
        if (!file.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            err.println("fabricplan-spark: -o " + a.output() + ": not an .xlsx file. Maybe -o results.xlsx.");
            return false;
        }
        Path folder = a.output().toAbsolutePath().normalize().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            err.println("fabricplan-spark: -o " + a.output() + ": no folder " + folder + ". Maybe create it first.");
            return false;
        }
        if (a.output().toAbsolutePath().normalize().equals(a.input().toAbsolutePath().normalize())) {
            err.println("fabricplan-spark: -o " + a.output() + " is the instance workbook. Maybe -o results.xlsx.");
            return false;
        }
        return true;
    }

    private static void printProblems(Path workbook, long count, List<InputProblem> problems, PrintStream err) {
        err.println("fabricplan-spark: " + workbook + " has " + String.format(Locale.ROOT, "%,d", count)
                + (count == 1 ? " problem:" : " problems:"));
        problems.stream().limit(MAX_PRINTED).forEach(p -> err.println("  " + p.describe()
                .replace(System.lineSeparator(), System.lineSeparator() + "  ")));
        long shown = Math.min(problems.size(), MAX_PRINTED);
        if (count > shown) {
            err.println(String.format(Locale.ROOT, "  ... and %,d more; fix these first", count - shown));
        }
    }

    /** e.g. "Spark local[2] (4.0.1), 1 executor, 2 cores, 1 per task; driver Java 17.0.15, Linux 6.1". */
    private static String machine(JavaSparkContext sc, int threads) {
        boolean local = sc.isLocal();
        int executors = Math.max(1, sc.sc().statusTracker().getExecutorInfos().length - (local ? 0 : 1));
        return String.format(Locale.ROOT, "Spark %s (%s), %d executor%s, %d cores, %d per task; driver Java %s, "
                        + "%s %s", sc.master(), sc.version(), executors, executors == 1 ? "" : "s",
                sc.defaultParallelism(), threads, System.getProperty("java.version"), System.getProperty("os.name"),
                System.getProperty("os.version"));
    }

    /** The innermost cause's message, its first line only: Spark appends the executor's stack trace to it. */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int eol = message.indexOf('\n');
        return eol < 0 ? message : message.substring(0, eol).strip();
    }
}
