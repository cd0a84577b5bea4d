package io.fabricplan.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The built-in interconnect catalog and switch models, seeded from the sourced reference figures
 * ({@code shared/reference/default-catalog.csv} and {@code default-switches.csv}, late 2026). Every row keeps
 * its {@code source} note. They are defaults a planner overrides: prices in particular move fast.
 */
public final class DefaultCatalog {
    private static final java.util.Map<String, CoherentSpec> COHERENT = readCoherent();
    private static final List<Optic> OPTICS = List.copyOf(readOptics());
    private static final List<Optic> BREAKOUT_OPTICS = List.copyOf(readBreakoutOptics());
    private static final List<Optic> OPTICS_WITH_BREAKOUTS = java.util.stream.Stream.concat(OPTICS.stream(),
            BREAKOUT_OPTICS.stream()).toList();
    private static final List<Optic> DWDM_OPTICS = OPTICS.stream()
            .map(o -> COHERENT.containsKey(o.id()) ? o.withCoherent(COHERENT.get(o.id())) : o).toList();
    private static final List<SwitchModel> SWITCHES = List.copyOf(readSwitches());
    private static final List<WdmEquipment> WDM = List.copyOf(readWdm());

    private DefaultCatalog() {
    }

    /** The default interconnects: DAC, ACC, AEC, AOC, SR/DR/FR/LR, LPO and coherent modules. */
    public static List<Optic> optics() {
        return OPTICS;
    }

    /**
     * The default twin-port modules, the single-port modules they face that {@link #optics()} lacks, and breakout
     * cables ({@code default-breakouts.csv}, from the reference README sections 1 and 5): 2xSR4, 2xDR4 and 2xFR4
     * 800G modules whose 400G halves face the 400G modules ({@code pairs_with}), a 1.6T 2xDR4 facing the
     * single-port 800G DR4, and 800G-to-2x400G DAC and AOC. Kept apart from {@link #optics()}, which the workbooks
     * without an Optics sheet written before breakouts read.
     */
    public static List<Optic> breakoutOptics() {
        return BREAKOUT_OPTICS;
    }

    /** {@link #optics()} followed by {@link #breakoutOptics()}. */
    public static List<Optic> opticsWithBreakouts() {
        return OPTICS_WITH_BREAKOUTS;
    }

    /**
     * The default interconnects with DWDM data: as {@link #optics()}, and the coherent ones (zr400, zrp400,
     * zr800) carry their {@link CoherentSpec} ({@code default-coherent.csv}, sourced from the reference README
     * sections 1 and 4). {@link #optics()} stays without it, as the workbooks written before DWDM read.
     */
    public static List<Optic> dwdmOptics() {
        return DWDM_OPTICS;
    }

    /** The DWDM data of the default coherent optics, by optic id. */
    public static java.util.Map<String, CoherentSpec> coherentSpecs() {
        return COHERENT;
    }

    /**
     * The default DWDM line equipment ({@code default-wdm.csv}): AWG MUX/DEMUX pairs and the three EDFA classes
     * of the reference README section 4, each with its source.
     */
    public static List<WdmEquipment> wdmEquipment() {
        return WDM;
    }

    /** The default switch models: 51.2T and 102.4T, pluggable and CPO. */
    public static List<SwitchModel> switchModels() {
        return SWITCHES;
    }

    private static List<Optic> readOptics() {
        List<Optic> optics = new ArrayList<>();
        for (String[] f : rows("default-catalog.csv", 12)) {
            // optic_id,kind,gbps,reach_m,pmd,media,power_w,cost_usd,fiber_usd_per_m,lpo,basis,source
            optics.add(new Optic(f[0], OpticKind.valueOf(f[1]), d(f[2]), d(f[3]), f[4], Media.valueOf(f[5]), d(f[6]),
                    d(f[7]), d(f[8]), yes(f[9]), f[10] + "; " + f[11]));
        }
        return optics;
    }

    private static List<Optic> readBreakoutOptics() {
        List<Optic> optics = new ArrayList<>();
        for (String[] f : rows("default-breakouts.csv", 14)) {
            // optic_id,kind,gbps,reach_m,pmd,media,power_w,cost_usd,fiber_usd_per_m,lpo,breakout,pairs_with,basis,
            // source: breakout and pairs_with before the source, whose text may hold commas
            List<String> pairs = java.util.Arrays.stream(f[11].split(";")).map(String::trim)
                    .filter(id -> !id.isEmpty()).toList();
            optics.add(new Optic(f[0], OpticKind.valueOf(f[1]), d(f[2]), d(f[3]), f[4], Media.valueOf(f[5]), d(f[6]),
                    d(f[7]), d(f[8]), yes(f[9]), f[12] + "; " + f[13], null, null, Integer.parseInt(f[10].trim()),
                    pairs));
        }
        return optics;
    }

    private static List<SwitchModel> readSwitches() {
        List<SwitchModel> models = new ArrayList<>();
        for (String[] f : rows("default-switches.csv", 12)) {
            // model_id,family,packaging,ports,port_gbps,base_power_w,port_power_w,cpo_pmd,cost_usd,height_u,lpo_capable,source
            models.add(new SwitchModel(f[0], f[1], Packaging.valueOf(f[2]), Integer.parseInt(f[3]), d(f[4]), d(f[5]),
                    d(f[6]), f[7], d(f[8]), Integer.parseInt(f[9]), yes(f[10]), f[11]));
        }
        return models;
    }

    private static java.util.Map<String, CoherentSpec> readCoherent() {
        java.util.Map<String, CoherentSpec> coherent = new java.util.LinkedHashMap<>();
        for (String[] f : rows("default-coherent.csv", 7)) {
            // optic_id,baud_gbd,spacing_ghz,required_osnr_db,tx_power_dbm,max_unamplified_loss_db,source
            coherent.put(f[0], new CoherentSpec(d(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5])));
        }
        return java.util.Collections.unmodifiableMap(coherent);
    }

    private static List<WdmEquipment> readWdm() {
        List<WdmEquipment> items = new ArrayList<>();
        for (String[] f : rows("default-wdm.csv", 10)) {
            // item_id,kind,channels,spacing_ghz,insertion_loss_db,gain_db,noise_figure_db,power_w,cost_usd,source
            items.add(new WdmEquipment(f[0], WdmKind.valueOf(f[1]), Integer.parseInt(f[2].trim()), d(f[3]), d(f[4]),
                    d(f[5]), d(f[6]), d(f[7]), d(f[8]), f[9]));
        }
        return items;
    }

    /** Rows of a bundled CSV without quoting; the last column (source) keeps any further commas. */
    private static List<String[]> rows(String resource, int columns) {
        try (InputStream in = DefaultCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource " + resource + " is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", columns));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double d(String s) {
        return Double.parseDouble(s.trim());
    }

    private static boolean yes(String s) {
        return s.trim().toUpperCase(Locale.ROOT).equals("YES");
    }
}
