package io.fabricplan.spark;

import io.fabricplan.excel.InputWorkbookException;
import io.fabricplan.excel.InstanceWorkbookReader;
import io.fabricplan.excel.ReadLimits;
import io.fabricplan.excel.StudyWorkbookReader;
import io.fabricplan.studies.Study;
import io.fabricplan.studies.StudyScenarios;
import io.fabricplan.validate.InputProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A study as a workbook and the scenario flags make it: read and made the same way on the driver and on every
 * executor (from the broadcast bytes), so that scenario {@code i} is the same scenario everywhere.
 */
final class StudySource {
    private StudySource() {
    }

    /**
     * The study, or why there is none.
     *
     * @param study        null when there are problems
     * @param problems     the first problems, each at its cell or flag
     * @param problemCount every problem found (more than {@code problems} holds when the reader kept only some)
     * @param warnings     what the reader ignored or defaulted
     */
    record Made(Study study, List<InputProblem> problems, long problemCount, List<String> warnings) {
        Made {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Reads the instance and its Scenarios sheet from {@code workbook} and makes the scenarios with the flags.
     *
     * @param name what the results call the study (the workbook's file name on the driver)
     */
    static Made make(Path workbook, String name, List<String> sweeps, boolean stages) {
        InstanceWorkbookReader.ReadResult read = InstanceWorkbookReader.read(workbook, ReadLimits.DEFAULTS);
        if (!read.ok()) {
            return new Made(null, read.problems(), read.problemCount(), read.warnings());
        }
        StudyWorkbookReader.ScenarioSheet sheet;
        try {
            sheet = StudyWorkbookReader.readScenarios(workbook, ReadLimits.DEFAULTS);
        } catch (InputWorkbookException e) {
            return new Made(null, e.problems(), e.problems().size(), read.warnings());
        }
        StudyScenarios.Made made = StudyScenarios.make(read.instance(), sheet.scenarios(), sheet.targets(),
                sheet.headerCells(), sheet.present(), sweeps, stages, name);
        if (!made.ok()) {
            return new Made(null, made.problems(), made.problems().size(), read.warnings());
        }
        return new Made(new Study(name, read.instance(), made.scenarios()), List.of(), 0, read.warnings());
    }

    /** What identifies a study's inputs: SHA-256 of the workbook's bytes and the flags that make its scenarios. */
    static String key(byte[] workbook, String name, List<String> sweeps, boolean stages) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(workbook);
            for (String part : List.of(name, String.join("\u0000", sweeps), Boolean.toString(stages))) {
                sha.update((byte) 0);
                sha.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
