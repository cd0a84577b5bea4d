package io.fabricplan.excel;

import io.fabricplan.model.CompatibilityRule;
import io.fabricplan.model.Device;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.Media;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import io.fabricplan.model.SolverKind;
import io.fabricplan.model.SwitchModel;
import io.fabricplan.model.CoherentSpec;
import io.fabricplan.model.Site;
import io.fabricplan.model.Span;
import io.fabricplan.model.StockItem;
import io.fabricplan.model.WdmEquipment;
import io.fabricplan.model.WdmKind;
import io.fabricplan.validate.CellLocator;
import io.fabricplan.validate.InputProblem;
import io.fabricplan.validate.InstanceValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an instance workbook (sheets Settings, Racks, SwitchModels, Devices, Links, Optics, the optional DWDM
 * sheets Sites, Spans and WdmEquipment, and the optional v2 sheets Inventory and Compatibility with the v2 columns
 * Devices.installed_model and platform, Optics and SwitchModels max_buy, Optics breakout and pairs_with) into an
 * {@link Instance}, and reports every problem at once: unreadable cells, missing sheets and columns, and what
 * {@link InstanceValidator} finds, each located at its Excel cell (e.g. {@code Links!E14}). User errors never
 * throw. The file is opened read-only and never modified.
 *
 * <p>Sheets are read as a stream of rows ({@link RowSource}), so memory holds the instance and not the workbook:
 * 400,000 links read in seconds. Every read is bounded by {@link ReadLimits} (rows, columns, text, shared strings,
 * uncompressed size and inflate ratio, formulas), each refusal naming its part or cell and the limit; the sheets
 * the planner does not read and every other part are read under the same limits, since a plan workbook copies
 * them. Problems are kept up to {@link ReadLimits#problems()} and all counted. Formulas are read by the values
 * saved with them; see {@link RowSources} for formulas saved without one.
 */
public final class InstanceWorkbookReader {
    private static final String POSITIVE = "a positive number";
    private static final String NON_NEGATIVE = "a number, 0 or more";
    private static final String ANY = "a number";
    private static final Pattern CANDIDATE_SEPARATORS = Pattern.compile("[;,\\s]+");
    /** Optics.pairs_with: ids separated by {@code ;} (or {@code ,}), blanks around them trimmed. */
    private static final Pattern PAIR_SEPARATORS = Pattern.compile("[;,]");

    /** Sheets that may be absent: catalogs default, DWDM, Inventory and Compatibility sheets are empty. */
    private static final Set<String> OPTIONAL_SHEETS = Set.of(Schema.OPTICS, Schema.SWITCH_MODELS, Schema.SITES,
            Schema.SPANS, Schema.WDM_EQUIPMENT, Schema.INVENTORY, Schema.COMPATIBILITY);

    /** What to do about an unreadable v2 cell, by column (Settings: by key). */
    private static final Map<String, String> SUPPLY_HINTS = Map.of(
            "quantity", "give the units owned, a whole number, 0 or more (e.g. 8).",
            "max_buy", "give the units that may be bought, a whole number, 0 or more, or leave the cell blank for "
                    + "no limit.",
            "platform", "name a switch model, a switch family or a Devices platform (e.g. CX7).",
            "allowed", "type YES where the optic is qualified on the platform, NO where it is refused.",
            "coding_usd", "give the coding cost per module in USD, 0 or more, or leave the cell blank for none.",
            "switch_swap_usd", "give the labour per installed switch replaced by another model, in USD, 0 or more "
                    + "(e.g. 500).",
            "recable_usd", "give the labour per optic unit taken from the Inventory (removal and re-cabling), in "
                    + "USD, 0 or more (e.g. 15).",
            "breakout", "give the links one unit serves, a whole number, 1 or more (2 for a twin-port module or a "
                    + "cable that breaks out into 2), or leave the cell blank for 1.");

    private InstanceWorkbookReader() {
    }

    /**
     * What reading a workbook gave.
     *
     * @param instance     the instance; null only when the file could not be read as a workbook. When there are
     *                     problems it is a best effort, for reporting, and must not be solved.
     * @param problems     the first problems, parse and semantic, each with its cell: at most
     *                     {@link ReadLimits#problems()} of them
     * @param problemCount every problem found, kept or not
     * @param warnings     the first things ignored or defaulted (unknown columns and settings, absent catalog
     *                     sheets, hidden or oddly named sheets, ids a spreadsheet may take for formulas)
     * @param locator      maps instance fields to the cells they were read from
     */
    public record ReadResult(Instance instance, List<InputProblem> problems, long problemCount,
                             List<String> warnings, CellLocator locator) {
        public ReadResult {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
            if (problemCount < problems.size()) {
                throw new IllegalArgumentException("problemCount " + problemCount + " < " + problems.size());
            }
        }

        /** A result that keeps every problem it counts. */
        public ReadResult(Instance instance, List<InputProblem> problems, List<String> warnings, CellLocator locator) {
            this(instance, problems, problems.size(), warnings, locator);
        }

        /** True when the instance can be solved. */
        public boolean ok() {
            return instance != null && problemCount == 0;
        }

        /** Problems found but not kept: {@code problemCount - problems.size()}. */
        public long problemsNotKept() {
            return problemCount - problems.size();
        }
    }

    /**
     * Reads the workbook at {@code xlsx} under the {@link ReadLimits#DEFAULTS default limits}; never throws for
     * a missing, foreign, corrupt, protected or hostile file. Sheets are streamed, so memory stays bounded by
     * what the instance holds, whatever the number of rows; see {@link RowSources} for formulas saved without
     * their values.
     */
    public static ReadResult read(Path xlsx) {
        return read(xlsx, ReadLimits.DEFAULTS);
    }

    /** As {@link #read(Path)}, under the given limits; each refusal names its limit. */
    public static ReadResult read(Path xlsx, ReadLimits limits) {
        return read(xlsx, RowSources.Mode.AUTO, limits);
    }

    /** Reads over the given row source; tests force each. */
    static ReadResult read(Path xlsx, RowSources.Mode mode) {
        return read(xlsx, mode, ReadLimits.DEFAULTS);
    }

    static ReadResult read(Path xlsx, RowSources.Mode mode, ReadLimits limits) {
        java.util.Objects.requireNonNull(limits, "limits");
        List<InputProblem> fileProblems = new ArrayList<>();
        ReadResult result = RowSources.read(xlsx, mode, limits, fileProblems,
                source -> new Session(source, limits).read());
        return result != null ? result : new ReadResult(null, fileProblems, List.of(), CellLocator.BY_ID);
    }

    /**
     * One read of one workbook: the problems (the first ones kept, all counted, the cells they name remembered so
     * that each cell is reported once), warnings and cell locations found so far.
     */
    private static final class Session {
        private final RowSource source;
        private final ProblemList problems;
        private final CappedList<String> warnings;
        private final Fields fields;
        /** {@link #fields} whose problems carry the v2 column's hint, by column. */
        private final Map<String, Fields> supplyFields = new HashMap<>();
        private final WorkbookLocator locator = new WorkbookLocator();
        private final List<String> missingSheets = new ArrayList<>();
        /** The first id a spreadsheet may take for a formula, and how many there are. */
        private String formulaLikeId;
        private long formulaLikeIds;

        Session(RowSource source, ReadLimits limits) {
            this.source = source;
            this.problems = new ProblemList(limits.problems());
            this.warnings = new CappedList<>(limits.problems());
            this.fields = new Fields(problems);
            SUPPLY_HINTS.forEach((column, hint) -> supplyFields.put(column, fields.withHint(hint)));
            source.reportTo(problems);
        }

        ReadResult read() {
            Settings settings = settings();
            List<Rack> racks = orEmpty(records(Schema.RACKS, Schema.RACK_COLUMNS, this::rack));
            List<SwitchModel> models = records(Schema.SWITCH_MODELS, Schema.SWITCH_MODEL_COLUMNS, this::switchModel);
            List<Device> devices = orEmpty(records(Schema.DEVICES, Schema.DEVICE_COLUMNS, this::device));
            List<Link> links = orEmpty(records(Schema.LINKS, Schema.LINK_COLUMNS, this::link));
            List<Optic> optics = records(Schema.OPTICS, Schema.OPTIC_COLUMNS, this::optic);
            List<Site> sites = orEmpty(records(Schema.SITES, Schema.SITE_COLUMNS, this::site));
            List<Span> spans = orEmpty(records(Schema.SPANS, Schema.SPAN_COLUMNS, this::span));
            List<WdmEquipment> wdm = records(Schema.WDM_EQUIPMENT, Schema.WDM_COLUMNS, this::wdmItem);
            List<StockItem> inventory = orEmpty(records(Schema.INVENTORY, Schema.INVENTORY_COLUMNS, this::stockItem));
            List<CompatibilityRule> compatibility = orEmpty(records(Schema.COMPATIBILITY,
                    Schema.COMPATIBILITY_COLUMNS, this::compatibilityRule));
            if (wdm == null) {
                wdm = spans.isEmpty() ? List.of() : DefaultCatalog.wdmEquipment();
                if (!spans.isEmpty()) {
                    warnings.add("sheet \"WdmEquipment\" is absent: using the " + wdm.size()
                            + " MUX and amplifier items of the built-in catalog");
                }
            }
            if (models == null) {
                models = DefaultCatalog.switchModels();
                warnings.add("sheet \"SwitchModels\" is absent: using the " + models.size()
                        + " switch models of the built-in catalog");
            }
            if (optics == null) {
                // With spans the coherent optics need their DWDM data; the catalog without it stays as it was.
                optics = spans.isEmpty() ? DefaultCatalog.optics() : DefaultCatalog.dwdmOptics();
                warnings.add("sheet \"Optics\" is absent: using the " + optics.size()
                        + " optics of the built-in catalog");
            }
            reportMissingSheets();
            // The sheets the planner does not read, and every other part, are copied into a plan workbook:
            // what solve would trip over there is found here.
            source.scanOtherParts();
            InputCopy.sheetNameProblems(source.sheetNames()).forEach(problems::add);
            if (formulaLikeIds > 0) {
                warnings.add(formulaLikeId + (formulaLikeIds == 1 ? "" : " (and " + ReadLimits.grouped(
                        formulaLikeIds - 1) + " more such cells)"));
            }
            long stale = source.staleFormulasReadBySavedValue();
            if (stale > 0) {
                warnings.add("the workbook asks to be recalculated when opened, and " + ReadLimits.grouped(stale)
                        + " formula" + (stale == 1 ? " was" : "s were") + " read by the value saved with "
                        + (stale == 1 ? "it" : "them") + ", which may be out of date; open and save it in Excel or "
                        + "LibreOffice to be sure");
            }
            Instance instance = new Instance(settings, racks, models, devices, links, optics, sites, spans, wdm,
                    inventory, compatibility);
            new InstanceValidator(locator).validate(instance, p -> {
                if (!followsFromMissingSheet(p)) {
                    problems.addIfNew(p);
                }
            });
            if (problems.count() == 0) {
                InstanceValidator.warnings(instance).forEach(warnings::add);
            }
            List<String> shown = new ArrayList<>(warnings);
            if (warnings.count() > warnings.size()) {
                shown.add("... and " + ReadLimits.grouped(warnings.count() - warnings.size()) + " more warnings");
            }
            return new ReadResult(instance, problems.kept(), problems.count(), shown, locator);
        }

        /** Data row numbers, unboxed: a large sheet has hundreds of thousands. */
        private static final class RowNumbers {
            private int[] numbers = new int[64];
            private int size;

            void add(int number) {
                if (size == numbers.length) {
                    numbers = Arrays.copyOf(numbers, size * 2);
                }
                numbers[size++] = number;
            }

            int[] toArray() {
                return Arrays.copyOf(numbers, size);
            }
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }

        // ---------------------------------------------------------------- sheets

        /** A row of a sheet to a record; null skips the row (its problem is reported). */
        @FunctionalInterface
        private interface RowParser<T> {
            T parse(SheetTable table, SheetRow row, String id);
        }

        /**
         * The records of a sheet, with their rows registered in the locator; null when the sheet is absent
         * (a missing required sheet is reported).
         */
        private <T> List<T> records(String name, Schema.Columns columns, RowParser<T> parser) {
            String sheet = sheet(name);
            if (sheet == null) {
                if (!OPTIONAL_SHEETS.contains(name)) {
                    missingSheets.add(name);
                }
                return null;
            }
            String idColumn = columns.all().get(0);
            List<T> records = new ArrayList<>();
            RowNumbers rows = new RowNumbers();
            List<String> ids = new ArrayList<>();
            SheetTable table = SheetTable.read(source, sheet, name, columns, problems, warnings, (t, row) -> {
                if (!t.has(idColumn)) {
                    return;
                }
                String id = text(t, row, idColumn, true);
                T record = id.isEmpty() ? null : parser.parse(t, row, id);
                if (record != null) {
                    records.add(record);
                    rows.add(row.index() + 1);
                    ids.add(id);
                }
            });
            locator.addSheet(name, table.columns(), rows.toArray());
            poisonMissingColumns(name, columns, table, ids);
            return records;
        }

        /** Fields of a missing required column hold placeholders; the validator must not report them again. */
        private void poisonMissingColumns(String name, Schema.Columns columns, SheetTable table, List<String> ids) {
            for (String column : columns.required()) {
                if (!table.has(column)) {
                    for (int i = 0; i < ids.size(); i++) {
                        problems.remember(locator.locate(name, i, ids.get(i), column));
                    }
                }
            }
        }

        /**
         * The workbook's sheet read as {@code name} (any case, stray blanks), warning when it is hidden or its name
         * has stray blanks; two sheets that both read as it are a problem.
         */
        private String sheet(String name) {
            String found = null;
            for (String s : source.sheetNames()) {
                if (s.strip().equalsIgnoreCase(name)) {
                    if (found != null) {
                        problems.add(new InputProblem(name, "sheets \"" + found + "\" and \"" + s + "\" both "
                                + "read as sheet \"" + name + "\"", "keep one of them, or rename the other."));
                        return found;
                    }
                    found = s;
                }
            }
            if (found != null && !found.equals(found.strip())) {
                warnings.add("sheet \"" + found + "\" is read as \"" + name + "\" (its name has blanks before or "
                        + "after it)");
            }
            if (found != null && source.hidden(found)) {
                warnings.add("sheet \"" + found + "\" is hidden in the workbook; it is read all the same");
            }
            return found;
        }

        private void reportMissingSheets() {
            if (missingSheets.isEmpty()) {
                return;
            }
            List<String> found = source.sheetNames();
            for (String name : missingSheets) {
                problems.add(new InputProblem(name, "sheet \"" + name + "\" is missing",
                        "add it; the workbook has " + (found.isEmpty() ? "no sheets" : "sheets "
                                + String.join(", ", found)) + ". Run `fabricplan template new.xlsx` for a "
                                + "workbook with every sheet."));
            }
        }

        /** Unknown ids that only say a required sheet is missing, which is reported once already. */
        private boolean followsFromMissingSheet(InputProblem p) {
            return missingSheets.contains(Schema.DEVICES) && p.message().startsWith("unknown device ")
                    || missingSheets.contains(Schema.RACKS) && p.message().startsWith("unknown rack ");
        }

        // ---------------------------------------------------------------- typed cells

        private String text(SheetTable t, SheetRow r, String column, boolean required) {
            return text(t, r, column, required, fields);
        }

        private String text(SheetTable t, SheetRow r, String column, boolean required, Fields f) {
            if (!t.has(column)) {
                return required ? "" : null;
            }
            String ref = t.ref(r, column);
            String text = f.text(t.value(r, column), ref, column, required);
            if (FormulaGuard.looksLikeFormula(text) && formulaLikeIds++ == 0) {
                formulaLikeId = ref + ": " + column + " \"" + (text.length() > 40 ? text.substring(0, 40) + "..."
                        : text) + "\" starts with \"" + text.charAt(0) + "\", which a spreadsheet may run as a "
                        + "formula where the text is copied or exported (CSV)";
            }
            return text;
        }

        private double number(SheetTable t, SheetRow r, String column, String expected, boolean required, double dflt) {
            if (!t.has(column)) {
                return required ? Double.NaN : dflt;
            }
            return fields.number(t.value(r, column), t.ref(r, column), column, expected, required, dflt);
        }

        private int whole(SheetTable t, SheetRow r, String column, boolean required, int dflt) {
            if (!t.has(column)) {
                return required ? 0 : dflt;
            }
            return fields.whole(t.value(r, column), t.ref(r, column), column, required, dflt);
        }

        private boolean yesNo(SheetTable t, SheetRow r, String column) {
            return t.has(column) && fields.yesNo(t.value(r, column), t.ref(r, column), column, false);
        }

        /** A v2 column's fields: their problems carry its hint. */
        private Fields supply(String column) {
            return supplyFields.get(column);
        }

        /** A required whole number, 0 or more, of a v2 column (Inventory.quantity); 0 when the column is absent. */
        private int count(SheetTable t, SheetRow r, String column) {
            if (!t.has(column)) {
                return 0;
            }
            String where = t.ref(r, column);
            int value = supply(column).whole(t.value(r, column), where, column, true, 0);
            atLeastZero(value, where, column);
            return value;
        }

        /**
         * A v2 limit (max_buy): null when the column is absent or the cell blank (no limit), else a whole number,
         * 0 or more; null when unreadable (reported).
         */
        private Integer limit(SheetTable t, SheetRow r, String column) {
            if (!t.has(column) || t.value(r, column).isBlank()) {
                return null;
            }
            String where = t.ref(r, column);
            int value = supply(column).whole(t.value(r, column), where, column, false, 0);
            if (problems.isReported(where)) {
                return null;
            }
            atLeastZero(value, where, column);
            return value;
        }

        /** An optional v2 amount in USD, 0 or more; blank gives 0, unreadable NaN (reported). */
        private double amount(SheetTable t, SheetRow r, String column) {
            if (!t.has(column)) {
                return 0;
            }
            String where = t.ref(r, column);
            double value = supply(column).number(t.value(r, column), where, column, NON_NEGATIVE, false, 0);
            atLeastZero(value, where, column);
            return value;
        }

        /** A required YES or NO of a v2 column; null when blank or unreadable (reported). */
        private Boolean requiredYesNo(SheetTable t, SheetRow r, String column) {
            if (!t.has(column)) {
                return null;
            }
            String where = t.ref(r, column);
            CellValue v = t.value(r, column);
            if (v.isBlank()) {
                supply(column).blank(where, column);
                return null;
            }
            boolean value = supply(column).yesNo(v, where, column, false);
            return problems.isReported(where) ? null : value;
        }

        /** A negative v2 figure is a problem at its cell, with the column's hint (NaN is reported already). */
        private void atLeastZero(double value, String where, String column) {
            if (value < 0) {
                problems.add(new InputProblem(where, column + " must be 0 or more, got "
                        + CellValue.numberText(value), SUPPLY_HINTS.get(column)));
            }
        }

        /** An enum column; null when the cell is blank and required, or unreadable (both reported). */
        private <E extends Enum<E>> E choice(SheetTable t, SheetRow r, String column, Class<E> type, boolean required,
                                             E dflt) {
            if (!t.has(column)) {
                return dflt;
            }
            return fields.choice(t.value(r, column), t.ref(r, column), column, type, required, dflt);
        }

        // ---------------------------------------------------------------- records

        private Rack rack(SheetTable t, SheetRow r, String id) {
            return new Rack(id, text(t, r, "site_id", false),
                    number(t, r, "x_m", ANY, true, 0),
                    number(t, r, "y_m", ANY, true, 0),
                    number(t, r, "power_budget_kw", POSITIVE, true, 0),
                    number(t, r, "base_load_kw", NON_NEGATIVE, false, 0),
                    whole(t, r, "free_u", false, 0));
        }

        private SwitchModel switchModel(SheetTable t, SheetRow r, String id) {
            Packaging packaging = choice(t, r, "packaging", Packaging.class, true, null);
            return new SwitchModel(id, text(t, r, "family", true),
                    // An unreadable packaging is reported; PLUGGABLE keeps the model usable for the other checks.
                    packaging == null ? Packaging.PLUGGABLE : packaging,
                    whole(t, r, "ports", true, 0),
                    number(t, r, "port_gbps", POSITIVE, true, 0),
                    number(t, r, "base_power_w", NON_NEGATIVE, true, 0),
                    number(t, r, "port_power_w", NON_NEGATIVE, false, 0),
                    text(t, r, "cpo_pmd", false),
                    number(t, r, "cost_usd", NON_NEGATIVE, true, 0),
                    whole(t, r, "height_u", false, 1),
                    yesNo(t, r, "lpo_capable"),
                    text(t, r, "source", false),
                    limit(t, r, "max_buy"));
        }

        private Device device(SheetTable t, SheetRow r, String id) {
            Role role = choice(t, r, "role", Role.class, true, null);
            String family = text(t, r, "family", false);
            PackagingChoice dflt = family == null ? PackagingChoice.PLUGGABLE : PackagingChoice.AUTO;
            PackagingChoice packaging = choice(t, r, "packaging", PackagingChoice.class, false, dflt);
            return new Device(id,
                    // An unreadable role is reported; a placeholder that adds no problem of its own.
                    role != null ? role : family == null ? Role.SERVER : Role.OTHER,
                    family, packaging == null ? dflt : packaging,
                    text(t, r, "rack_id", false),
                    whole(t, r, "ports", false, 0),
                    number(t, r, "port_gbps", POSITIVE, false, 0),
                    yesNo(t, r, "lpo_capable"),
                    racks(text(t, r, "candidate_racks", false)),
                    text(t, r, "installed_model", false),
                    text(t, r, "platform", false));
        }

        /**
         * Optics.breakout: 1 when the column is absent or the cell blank, else a whole number, 1 or more; 1 when
         * unreadable or below 1 (reported with the column's hint).
         */
        private int breakout(SheetTable t, SheetRow r) {
            String column = "breakout";
            if (!t.has(column) || t.value(r, column).isBlank()) {
                return 1;
            }
            String where = t.ref(r, column);
            int value = supply(column).whole(t.value(r, column), where, column, false, 1);
            if (problems.isReported(where)) {
                return 1;
            }
            if (value < 1) {
                problems.add(new InputProblem(where, column + " must be 1 or more, got " + value,
                        SUPPLY_HINTS.get(column)));
                return 1;
            }
            return value;
        }

        /** Optics.pairs_with: optic ids separated by {@code ;} or {@code ,}, trimmed; empty when blank. */
        static List<String> pairs(String list) {
            if (list == null) {
                return List.of();
            }
            return Arrays.stream(PAIR_SEPARATORS.split(list)).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        /** Rack ids separated by {@code ;}, {@code ,} or blanks; empty when blank. */
        static List<String> racks(String list) {
            if (list == null) {
                return List.of();
            }
            return Arrays.stream(CANDIDATE_SEPARATORS.split(list)).filter(s -> !s.isEmpty()).toList();
        }

        private Link link(SheetTable t, SheetRow r, String id) {
            Double length = t.has("length_m")
                    ? fields.optionalNumber(t.value(r, "length_m"), t.ref(r, "length_m"), "length_m", NON_NEGATIVE)
                    : null;
            return new Link(id, text(t, r, "a_device", true), text(t, r, "b_device", true),
                    whole(t, r, "count", false, 1),
                    number(t, r, "gbps", POSITIVE, true, 0),
                    length);
        }

        private Optic optic(SheetTable t, SheetRow r, String id) {
            OpticKind kind = choice(t, r, "kind", OpticKind.class, true, null);
            Media media = choice(t, r, "media", Media.class, false, null);
            CoherentSpec coherent = coherent(t, r);
            Optic optic = new Optic(id, kind == null ? OpticKind.TRANSCEIVER : kind,
                    number(t, r, "gbps", POSITIVE, true, 0),
                    number(t, r, "reach_m", NON_NEGATIVE, true, 0),
                    text(t, r, "pmd", false),
                    media != null ? media : kind == null ? Media.SMF : defaultMedia(kind),
                    number(t, r, "power_w", NON_NEGATIVE, true, 0),
                    number(t, r, "cost_usd", NON_NEGATIVE, true, 0),
                    number(t, r, "fiber_usd_per_m", NON_NEGATIVE, false, 0),
                    yesNo(t, r, "lpo"),
                    text(t, r, "source", false),
                    coherent,
                    limit(t, r, "max_buy"),
                    breakout(t, r),
                    // a breakout already reported would only add pairing problems that follow from it
                    t.has("breakout") && problems.isReported(t.ref(r, "breakout")) ? List.of()
                            : pairs(text(t, r, "pairs_with", false)));
            // An option of unknown kind is reported and left out, so it cannot hide "no usable option" problems.
            return kind == null ? null : optic;
        }

        /**
         * The DWDM columns of an Optics row: null when all are blank; else blanks give NaN (baud, spacing,
         * required OSNR: the validator asks for the last two when there are spans), -10 dBm launch power and the
         * derived unamplified budget.
         */
        private CoherentSpec coherent(SheetTable t, SheetRow r) {
            Double baud = optional(t, r, "baud_gbd", POSITIVE);
            Double spacing = optional(t, r, "spacing_ghz", POSITIVE);
            Double required = optional(t, r, "required_osnr_db", ANY);
            Double tx = optional(t, r, "tx_power_dbm", ANY);
            Double budget = optional(t, r, "max_unamplified_loss_db", NON_NEGATIVE);
            if (baud == null && spacing == null && required == null && tx == null && budget == null) {
                return null;
            }
            double launch = tx == null ? CoherentSpec.DEFAULT_TX_POWER_DBM : tx;
            return new CoherentSpec(baud == null ? Double.NaN : baud, spacing == null ? Double.NaN : spacing,
                    required == null ? Double.NaN : required, launch,
                    budget == null ? CoherentSpec.derivedMaxUnamplifiedLossDb(launch) : budget);
        }

        private Double optional(SheetTable t, SheetRow r, String column, String expected) {
            return t.has(column) ? fields.optionalNumber(t.value(r, column), t.ref(r, column), column, expected)
                    : null;
        }

        private Site site(SheetTable t, SheetRow r, String id) {
            return new Site(id, text(t, r, "name", false));
        }

        private Span span(SheetTable t, SheetRow r, String id) {
            return new Span(id, text(t, r, "a_site", true), text(t, r, "b_site", true),
                    number(t, r, "length_km", NON_NEGATIVE, true, 0),
                    number(t, r, "loss_db_per_km", NON_NEGATIVE, false, Span.DEFAULT_LOSS_DB_PER_KM),
                    number(t, r, "connector_loss_db", NON_NEGATIVE, false, Span.DEFAULT_CONNECTOR_LOSS_DB),
                    whole(t, r, "fiber_pairs", true, 0));
        }

        private WdmEquipment wdmItem(SheetTable t, SheetRow r, String id) {
            WdmKind kind = choice(t, r, "kind", WdmKind.class, true, null);
            WdmEquipment item = new WdmEquipment(id, kind == null ? WdmKind.MUX : kind,
                    whole(t, r, "channels", false, 0),
                    number(t, r, "spacing_ghz", POSITIVE, false, 0),
                    number(t, r, "insertion_loss_db", NON_NEGATIVE, false, 0),
                    number(t, r, "gain_db", POSITIVE, false, 0),
                    number(t, r, "noise_figure_db", NON_NEGATIVE, false, 0),
                    number(t, r, "power_w", NON_NEGATIVE, true, 0),
                    number(t, r, "cost_usd", NON_NEGATIVE, true, 0),
                    text(t, r, "source", false));
            // An item of unknown kind is reported and left out.
            return kind == null ? null : item;
        }

        private StockItem stockItem(SheetTable t, SheetRow r, String itemId) {
            return new StockItem(itemId, count(t, r, "quantity"), text(t, r, "note", false));
        }

        private CompatibilityRule compatibilityRule(SheetTable t, SheetRow r, String opticId) {
            String platform = text(t, r, "platform", true, supply("platform"));
            Boolean allowed = requiredYesNo(t, r, "allowed");
            double coding = amount(t, r, "coding_usd");
            // A row without its platform or a readable YES/NO is reported and left out: it rules nothing.
            return platform.isEmpty() || allowed == null ? null
                    : new CompatibilityRule(opticId, platform, allowed, coding);
        }

        static Media defaultMedia(OpticKind kind) {
            return switch (kind) {
                case DAC, ACC, AEC -> Media.COPPER;
                case AOC -> Media.MMF;
                case TRANSCEIVER, COHERENT -> Media.SMF;
            };
        }

        // ---------------------------------------------------------------- settings

        private Settings settings() {
            Settings d = Settings.defaults();
            String sheet = sheet(Schema.SETTINGS);
            if (sheet == null) {
                return d;
            }
            Map<String, SheetRow> rows = new HashMap<>();
            SheetTable t = SheetTable.read(source, sheet, Schema.SETTINGS, Schema.SETTINGS_COLUMNS, problems,
                    warnings, (table, row) -> {
                        if (table.has("key") && table.has("value")) {
                            settingRow(table, row, rows);
                        }
                    });
            locator.settingColumns(t.columns());
            SettingValues v = new SettingValues(t, rows);
            Objective objective = v.choice("objective", Objective.class, d.objective());
            SolverKind solver = v.choice("solver", SolverKind.class, d.solver());
            return new Settings(objective, v.number("energy_usd_per_kwh", d.energyUsdPerKwh()),
                    v.number("pue", d.pue()), v.number("years", d.years()),
                    v.number("usd_per_watt", d.usdPerWatt()), v.number("time_limit_s", d.timeLimitS()),
                    v.number("relative_gap", d.relativeGap()), solver,
                    (int) v.whole("threads", d.threads(), true), v.whole("seed", d.seed(), false),
                    v.number("intra_rack_m", d.intraRackM()), v.number("inter_rack_slack_m", d.interRackSlackM()),
                    v.number("osnr_margin_db", d.osnrMarginDb()), v.number("grid_start_thz", d.gridStartThz()),
                    (int) v.whole("max_channels", d.maxChannels(), true),
                    v.amount("switch_swap_usd", d.switchSwapUsd()), v.amount("recable_usd", d.recableUsd()));
        }

        private void settingRow(SheetTable t, SheetRow row, Map<String, SheetRow> rows) {
            String keyRef = t.ref(row, "key");
            String key = fields.text(t.value(row, "key"), keyRef, "key", true).toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                return;
            }
            if (!Schema.SETTING_KEYS.contains(key)) {
                warnings.add(keyRef + ": unknown setting \"" + key + "\" is ignored");
            } else if (rows.containsKey(key)) {
                problems.add(new InputProblem(keyRef, "duplicate key \"" + key + "\", first at "
                        + t.ref(rows.get(key), "key"), "keep one row per setting."));
            } else {
                rows.put(key, row);
                locator.addSetting(key, row.index() + 1);
            }
        }

        /** The value cells of the settings rows; blank or absent keys give the default. */
        private final class SettingValues {
            private final SheetTable table;
            private final Map<String, SheetRow> rows;

            SettingValues(SheetTable table, Map<String, SheetRow> rows) {
                this.table = table;
                this.rows = rows;
            }

            double number(String key, double dflt) {
                SheetRow row = rows.get(key);
                return row == null ? dflt : fields.number(table.value(row, "value"), table.ref(row, "value"), key,
                        ANY, false, dflt);
            }

            /** A v2 labour figure in USD, 0 or more; its problems carry the key's hint. */
            double amount(String key, double dflt) {
                SheetRow row = rows.get(key);
                if (row == null) {
                    return dflt;
                }
                String where = table.ref(row, "value");
                double value = supply(key).number(table.value(row, "value"), where, key, NON_NEGATIVE, false, dflt);
                atLeastZero(value, where, key);
                return value;
            }

            long whole(String key, long dflt, boolean intRange) {
                SheetRow row = rows.get(key);
                if (row == null) {
                    return dflt;
                }
                return intRange ? fields.whole(table.value(row, "value"), table.ref(row, "value"), key, false,
                        (int) dflt) : fields.wholeLong(table.value(row, "value"), table.ref(row, "value"), key,
                        false, dflt);
            }

            <E extends Enum<E>> E choice(String key, Class<E> type, E dflt) {
                SheetRow row = rows.get(key);
                E value = row == null ? dflt : fields.choice(table.value(row, "value"), table.ref(row, "value"),
                        key, type, false, dflt);
                return value == null ? dflt : value;
            }
        }
    }
}
