package io.fabricplan.spark;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.Planner;
import io.fabricplan.formulations.MipBackends;
import io.fabricplan.studies.Study;
import io.fabricplan.studies.StudyJournal;
import io.fabricplan.studies.StudyRunner;
import io.fabricplan.study.ScenarioResult;
import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * What an executor does with a scenario's index: solves that scenario of the study and returns its journal line.
 * Only strings, numbers and the broadcast workbook cross the wire (the study's records are not
 * {@link java.io.Serializable}): each executor JVM remakes the study once from the workbook's bytes and the flags,
 * and loads the OR-Tools natives once, both held in static fields for the tasks that follow.
 */
final class ScenarioTask implements Function<Integer, String> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> workbook;
    private final String key;
    private final String name;
    private final ArrayList<String> sweeps;
    private final boolean stages;
    private final int threads;
    private final double timeLimit;

    /**
     * @param workbook  the instance workbook's bytes
     * @param key       {@link StudySource#key} of the workbook and flags
     * @param threads   solver threads per solve
     * @param timeLimit each scenario's limit in seconds, NaN for the scenario's own
     */
    ScenarioTask(Broadcast<byte[]> workbook, String key, String name, List<String> sweeps, boolean stages,
                 int threads, double timeLimit) {
        this.workbook = workbook;
        this.key = key;
        this.name = name;
        this.sweeps = new ArrayList<>(sweeps);
        this.stages = stages;
        this.threads = threads;
        this.timeLimit = timeLimit;
    }

    @Override
    public String call(Integer index) {
        Natives.ready();
        Study study = Studies.get(this);
        StudyRunner.Outcome outcome = Studies.RUNNER.run(study, new StudyRunner.Options(1, threads, timeLimit,
                List.of(index)), null, List.of(), StudyRunner.Listener.NONE, new Cancellation());
        if (outcome.rows().size() != 1) {
            throw new IllegalStateException("scenario " + index + " of " + name + " gave " + outcome.rows().size()
                    + " rows. Maybe report it with the study workbook.");
        }
        ScenarioResult row = outcome.rows().get(0);
        return StudyJournal.line(new StudyJournal.Entry(index, row, outcome.fronts().get(row.scenario().id())));
    }

    /**
     * Loads and warms up the OR-Tools natives on a daemon thread. For local mode, where the driver's JVM runs the
     * tasks: the warm-up (about 2 s) then overlaps Spark's start rather than delaying the first tasks.
     */
    static void warmUpInBackground() {
        Thread thread = new Thread(Natives::loaded, "fabricplan-ortools-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** The OR-Tools natives, loaded and warmed up once per executor JVM (the holder's static initialiser). */
    private static final class Natives {
        /** Why OR-Tools cannot solve in this JVM, null when it can. */
        private static final String PROBLEM = warmUp();

        private static String warmUp() {
            try {
                MipBackends.warmUp();
                return null;
            } catch (RuntimeException | LinkageError e) {
                Throwable t = e;
                while (t.getCause() != null) {
                    t = t.getCause();
                }
                return t.toString().replaceAll("\\.+$", "");
            }
        }

        static boolean loaded() {
            return PROBLEM == null;
        }

        static void ready() {
            if (PROBLEM != null) {
                throw new IllegalStateException("OR-Tools cannot solve on this executor: " + PROBLEM + ". Maybe "
                        + "the executors' class path puts another protobuf-java or OR-Tools ahead of "
                        + "fabricplan-spark.jar (which relocates its own protobuf); submit the jar as built.");
            }
        }
    }

    /** The studies this JVM has made, by key; a few, for an executor that outlives one study. */
    private static final class Studies {
        private static final int KEPT = 4;
        static final StudyRunner RUNNER = new StudyRunner(Planner.create());
        private static final Map<String, Study> BY_KEY = new LinkedHashMap<>(8, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Study> eldest) {
                return size() > KEPT;
            }
        };

        /** The task's study: made by the first task that asks, while the others of this JVM wait for it. */
        static synchronized Study get(ScenarioTask task) {
            Study study = BY_KEY.get(task.key);
            if (study == null) {
                study = make(task);
                BY_KEY.put(task.key, study);
            }
            return study;
        }

        private static Study make(ScenarioTask task) {
            Path file = null;
            try {
                file = Files.createTempFile("fabricplan-study-", ".xlsx");
                Files.write(file, task.workbook.value());
                StudySource.Made made = StudySource.make(file, task.name, task.sweeps, task.stages);
                if (made.study() == null) {
                    throw new IllegalStateException("the executor could not remake the study " + task.name + ": "
                            + made.problems().stream().map(InputProblem::describe).toList() + ". Maybe the "
                            + "executors run another fabricplan-spark.jar than the driver.");
                }
                return made.study();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the study's workbook to a temporary file on the "
                        + "executor: " + e.getMessage() + ". Maybe give the executors a writable java.io.tmpdir.", e);
            } finally {
                if (file != null) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        // a temporary file left behind harms nothing
                    }
                }
            }
        }
    }
}
