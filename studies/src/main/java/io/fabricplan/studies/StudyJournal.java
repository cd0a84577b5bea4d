package io.fabricplan.studies;

import io.fabricplan.study.FrontPoint;
import io.fabricplan.study.FrontReport;
import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.OverrideTarget;
import io.fabricplan.study.PlanFigures;
import io.fabricplan.study.Scenario;
import io.fabricplan.study.ScenarioResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study's journal ({@code RESULTS.xlsx.journal.jsonl}): one JSON line per finished scenario, appended and
 * forced to disk as soon as the scenario is done, so that a killed study loses at most the scenarios that were
 * running. {@code --resume} reads it and skips the scenarios it holds (same id, same overrides); {@code study
 * merge} joins the journals of shards. A torn last line (the process killed while writing it) is ignored.
 *
 * <p>Thread-safe: appends are serialised.
 */
public final class StudyJournal implements AutoCloseable {
    /** Format version written in every line. */
    static final int VERSION = 1;

    /**
     * One journalled scenario.
     *
     * @param index  the scenario's position in the whole study (rows of shards merge in study order)
     * @param result its row
     * @param front  its front, for a scenario that asked for one; null otherwise
     * @param base   the digest of the base instance it was solved from ({@link Study#digest()}), so that a resumed
     *               study whose workbook changed since solves again; empty when unknown
     */
    public record Entry(int index, ScenarioResult result, FrontReport front, String base) {
        public Entry {
            base = base == null ? "" : base;
        }

        /** An entry whose base instance is not recorded (it then matches any). */
        public Entry(int index, ScenarioResult result, FrontReport front) {
            this(index, result, front, "");
        }
    }

    private final Path file;
    private final FileChannel channel;

    private StudyJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens the journal for appending; {@code fresh} empties it first (a study run without --resume). */
    public static StudyJournal open(Path file, boolean fresh) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    fresh ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
            if (!fresh) {
                channel.position(channel.size());
            }
            return new StudyJournal(file, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Appends a finished scenario and forces it to disk. */
    public synchronized void append(Entry entry) {
        byte[] line = (line(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The entries of a journal, in file order; an absent file has none. A malformed line that is the last one
     * (torn by a kill) is skipped; a malformed line elsewhere is an error naming its line.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed entry
     */
    public static List<Entry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file + ": " + e.getMessage(), e);
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(decode(Json.read(line)));
            } catch (RuntimeException e) {
                if (i == lines.size() - 1) {
                    break; // torn by a kill while it was written: that scenario runs again
                }
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": not a journal entry ("
                        + e.getMessage() + "). Maybe the file is not a fabricplan study journal; run the study "
                        + "without --resume to start a new one.", e);
            }
        }
        return out;
    }

    /** An entry as one journal line (without the line break): what a Spark task sends back to the driver. */
    public static String line(Entry entry) {
        return Json.write(encode(entry));
    }

    /**
     * The entry of one journal line.
     *
     * @throws IllegalArgumentException when the line is not a journal entry
     */
    public static Entry parse(String line) {
        try {
            return decode(Json.read(line));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a journal entry: " + e.getMessage(), e);
        }
    }

    /** What identifies a scenario's work: its id and its overrides as written. */
    static String fingerprint(Scenario s) {
        StringBuilder sb = new StringBuilder(s.id()).append('|').append(s.pareto());
        for (OverrideValue o : s.overrides()) {
            sb.append('|').append(o.target().header()).append('=').append(o.text());
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- encoding

    private static Map<String, Object> encode(Entry entry) {
        ScenarioResult r = entry.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("journal", VERSION);
        m.put("index", entry.index());
        m.put("fingerprint", fingerprint(r.scenario()));
        m.put("base", entry.base());
        m.put("scenario", scenario(r.scenario()));
        m.put("status", r.status());
        m.put("objective", r.objective());
        m.put("objective_value", r.objectiveValue());
        m.put("best_bound", r.bestBound());
        m.put("relative_gap", r.relativeGap());
        m.put("figures", r.figures() == null ? null : figures(r.figures()));
        m.put("rule_of_thumb_tco_usd", r.ruleOfThumbTcoUsd());
        m.put("saving_usd", r.savingOverRuleOfThumbUsd());
        m.put("solve_seconds", r.solveSeconds());
        m.put("error", r.error());
        m.put("front", entry.front() == null ? null : front(entry.front()));
        return m;
    }

    private static Map<String, Object> scenario(Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("description", s.description());
        m.put("pareto", s.pareto());
        m.put("cell", s.cell());
        List<Object> overrides = new ArrayList<>();
        for (OverrideValue o : s.overrides()) {
            overrides.add(List.of(o.target().header(), o.text(), o.cell()));
        }
        m.put("overrides", overrides);
        return m;
    }

    private static Map<String, Object> figures(PlanFigures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("capex_usd", f.capexUsd());
        m.put("power_w", f.powerW());
        m.put("tco_usd", f.tcoUsd());
        m.put("network_kw", f.networkKw());
        m.put("least_headroom_kw", f.leastHeadroomKw());
        m.put("cpo_switches", new LinkedHashMap<>(f.cpoSwitchesByRole()));
        m.put("cables", new LinkedHashMap<>(f.cablesByKind()));
        return m;
    }

    private static Map<String, Object> front(FrontReport f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", f.xTotal());
        m.put("y", f.yTotal());
        List<Object> points = new ArrayList<>();
        for (FrontPoint p : f.points()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("x", p.x());
            pm.put("y", p.y());
            pm.put("status", p.status());
            pm.put("knee", p.knee());
            pm.put("figures", figures(p.figures()));
            points.add(pm);
        }
        m.put("points", points);
        List<Object> open = new ArrayList<>();
        for (FrontReport.OpenRegion r : f.openRegions()) {
            open.add(List.of(r.yFrom(), r.yTo(), r.xLowerBound(), r.xUpTo()));
        }
        m.put("open_regions", open);
        m.put("exact", f.exact());
        m.put("hypervolume_gap", f.hypervolumeGap());
        m.put("solves", f.solves());
        m.put("seconds", f.seconds());
        return m;
    }

    // ---------------------------------------------------------------- decoding

    @SuppressWarnings("unchecked")
    private static Entry decode(Object json) {
        Map<String, Object> m = (Map<String, Object>) json;
        Scenario scenario = decodeScenario((Map<String, Object>) m.get("scenario"));
        Map<String, Object> fig = (Map<String, Object>) m.get("figures");
        ScenarioResult r = new ScenarioResult(scenario, (String) m.get("status"), (String) m.get("objective"),
                num(m.get("objective_value")), num(m.get("best_bound")), num(m.get("relative_gap")),
                fig == null ? null : decodeFigures(fig), num(m.get("rule_of_thumb_tco_usd")),
                num(m.get("saving_usd")), num(m.get("solve_seconds")), (String) m.get("error"));
        Map<String, Object> front = (Map<String, Object>) m.get("front");
        return new Entry((int) num(m.get("index")), r, front == null ? null : decodeFront(front),
                (String) m.get("base"));
    }

    @SuppressWarnings("unchecked")
    private static Scenario decodeScenario(Map<String, Object> m) {
        List<OverrideValue> overrides = new ArrayList<>();
        for (Object o : (List<Object>) m.get("overrides")) {
            List<Object> t = (List<Object>) o;
            overrides.add(OverrideValue.of(OverrideTarget.parse((String) t.get(0)), (String) t.get(1), (String) t.get(2)));
        }
        return new Scenario((String) m.get("id"), (String) m.get("description"), overrides,
                Boolean.TRUE.equals(m.get("pareto")), (String) m.get("cell"));
    }

    @SuppressWarnings("unchecked")
    private static PlanFigures decodeFigures(Map<String, Object> m) {
        Map<String, Integer> cpo = new LinkedHashMap<>();
        ((Map<String, Object>) m.get("cpo_switches")).forEach((k, v) -> cpo.put(k, (int) num(v)));
        Map<String, Long> cables = new LinkedHashMap<>();
        ((Map<String, Object>) m.get("cables")).forEach((k, v) -> cables.put(k, (long) num(v)));
        return new PlanFigures(num(m.get("capex_usd")), num(m.get("power_w")), num(m.get("tco_usd")),
                num(m.get("network_kw")), num(m.get("least_headroom_kw")), cpo, cables);
    }

    @SuppressWarnings("unchecked")
    private static FrontReport decodeFront(Map<String, Object> m) {
        List<FrontPoint> points = new ArrayList<>();
        for (Object o : (List<Object>) m.get("points")) {
            Map<String, Object> p = (Map<String, Object>) o;
            points.add(new FrontPoint(num(p.get("x")), num(p.get("y")),
                    decodeFigures((Map<String, Object>) p.get("figures")), (String) p.get("status"),
                    Boolean.TRUE.equals(p.get("knee"))));
        }
        List<FrontReport.OpenRegion> open = new ArrayList<>();
        for (Object o : (List<Object>) m.get("open_regions")) {
            List<Object> r = (List<Object>) o;
            double upTo = r.size() > 3 ? num(r.get(3)) : Double.NaN;
            open.add(new FrontReport.OpenRegion(num(r.get(0)), num(r.get(1)), num(r.get(2)),
                    Double.isNaN(upTo) ? Double.POSITIVE_INFINITY : upTo));
        }
        return new FrontReport((String) m.get("x"), (String) m.get("y"), points, open,
                Boolean.TRUE.equals(m.get("exact")), num(m.get("hypervolume_gap")), (int) num(m.get("solves")),
                num(m.get("seconds")));
    }

    private static double num(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
