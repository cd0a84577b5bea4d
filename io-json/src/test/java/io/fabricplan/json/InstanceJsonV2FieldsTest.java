package io.fabricplan.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.fabricplan.instances.Examples;
import io.fabricplan.model.CompatibilityRule;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Optic;
import io.fabricplan.model.StockItem;
import io.fabricplan.model.SwitchModel;
import io.fabricplan.validate.CellLocator;
import io.fabricplan.validate.InputProblem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workbook v2's fields in the instance JSON: the inventory and compatibility arrays, devices' installed_model
 * and platform, max_buy of optics and switch models, the labour settings. They read back equal, are written only
 * when used (a v1 instance's document is unchanged), and bad values are named at their JSON pointers.
 */
class InstanceJsonV2FieldsTest {
    private static final String HEAD = "{\"format\": \"fabricplan-instance\", \"version\": 1, "
            + "\"racks\": [{\"rack_id\": \"R1\", \"x_m\": 0, \"y_m\": 0, \"power_budget_kw\": 10}], "
            + "\"devices\": [{\"device_id\": \"s1\", \"role\": \"SERVER\", \"rack_id\": \"R1\", \"ports\": 1, "
            + "\"port_gbps\": 800}, {\"device_id\": \"s2\", \"role\": \"SERVER\", \"rack_id\": \"R1\", \"ports\": 1, "
            + "\"port_gbps\": 800}], \"links\": [{\"link_id\": \"l1\", \"a_device\": \"s1\", \"b_device\": \"s2\", "
            + "\"gbps\": 800}]";

    /** The v2 keys, none of which a v1 instance's document has. */
    private static final List<String> V2_KEYS = List.of("\"inventory\"", "\"compatibility\"", "\"installed_model\"",
            "\"platform\"", "\"max_buy\"", "\"switch_swap_usd\"", "\"recable_usd\"");

    static InstanceJson.ReadResult read(String json) {
        return read(json, JsonLimits.DEFAULTS);
    }

    static InstanceJson.ReadResult read(String json, JsonLimits limits) {
        return InstanceJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), limits);
    }

    static List<String> described(InstanceJson.ReadResult r) {
        return r.problems().stream().map(p -> p.where() + ": " + p.message() + (p.hint() == null ? ""
                : " | Maybe " + p.hint())).toList();
    }

    /** tiny with every v2 field used: stock, an installed switch, a NIC platform, limits, rules, labour. */
    static Instance tinyWithEveryV2Field() {
        Instance tiny = Examples.tiny();
        List<Device> devices = tiny.devices().stream().map(d -> switch (d.id()) {
            case "leaf1" -> d.withInstalledModel("sw51-p");
            case "s1" -> d.withPlatform("CX7");
            default -> d;
        }).toList();
        List<Optic> optics = tiny.optics().stream().map(o -> switch (o.id()) {
            case "aec800" -> o.withMaxBuy(40);
            case "aoc800" -> o.withMaxBuy(0);
            default -> o;
        }).toList();
        List<SwitchModel> models = tiny.switchModels().stream()
                .map(m -> m.id().equals("sw51-cpo") ? m.withMaxBuy(2) : m).toList();
        return tiny.withDevices(devices).withOptics(optics).withSwitchModels(models)
                .withSettings(tiny.settings().withLabour(1500, 20.5))
                .withInventory(List.of(new StockItem("aec800", 12, "store room B"), new StockItem("sw51-p", 1, ""),
                        new StockItem("aec800", 0, "")))
                .withCompatibility(List.of(new CompatibilityRule("aec800", "SW51T", true, 0),
                        new CompatibilityRule("aec800", "CX7", true, 25.5),
                        new CompatibilityRule("aoc800", "sw51-cpo", false, 0)));
    }

    @Test
    void anInstanceWithEveryV2FieldReadsBackEqualAndWritesTheSameBytes() {
        Instance instance = tinyWithEveryV2Field();
        String json = InstanceJson.toJson(instance);

        InstanceJson.ReadResult read = read(json);

        assertThat(read.problems()).isEmpty();
        assertThat(read.instance().inventory()).containsExactlyElementsOf(instance.inventory());
        assertThat(read.instance().compatibility()).containsExactlyElementsOf(instance.compatibility());
        assertThat(read.instance().devices()).containsExactlyElementsOf(instance.devices());
        assertThat(read.instance().optics()).containsExactlyElementsOf(instance.optics());
        assertThat(read.instance().switchModels()).containsExactlyElementsOf(instance.switchModels());
        assertThat(read.instance().settings()).isEqualTo(instance.settings());
        assertThat(read.instance()).isEqualTo(instance);
        assertThat(InstanceJson.toJson(read.instance())).isEqualTo(json);
        assertThat(json).contains("    \"max_channels\": 0,\n    \"switch_swap_usd\": 1500,\n"
                        + "    \"recable_usd\": 20.5\n  },\n",
                "{\"device_id\": \"leaf1\", \"role\": \"LEAF\", \"family\": \"SW51T\", \"packaging\": \"AUTO\", "
                        + "\"rack_id\": \"R1\", \"installed_model\": \"sw51-p\"}",
                "\"lpo_capable\": false, \"platform\": \"CX7\"}",
                "\"source\": \"" + instance.switchModels().get(1).source() + "\", \"max_buy\": 2}",
                "\"max_buy\": 0}",
                "\n  \"inventory\": [\n    {\"item_id\": \"aec800\", \"quantity\": 12, \"note\": \"store room B\"},\n"
                        + "    {\"item_id\": \"sw51-p\", \"quantity\": 1},\n",
                "\n  \"compatibility\": [\n    {\"optic_id\": \"aec800\", \"platform\": \"SW51T\", \"allowed\": "
                        + "\"YES\", \"coding_usd\": 0},\n",
                "{\"optic_id\": \"aoc800\", \"platform\": \"sw51-cpo\", \"allowed\": \"NO\", \"coding_usd\": 0}\n"
                        + "  ]\n}\n");
    }

    static Stream<Examples.Named> examples() {
        return Examples.all().stream().filter(e -> !e.instance().usesSupplyRules());
    }

    /** Together with the round trip of every example: a v1 instance's document is what it was before v2. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void aV1InstanceIsWrittenWithoutAnyV2Field(Examples.Named example) {
        assertThat(example.instance().usesSupplyRules()).isFalse();

        String json = InstanceJson.toJson(example.instance());

        assertThat(V2_KEYS).allSatisfy(key -> assertThat(json).doesNotContain(key));
    }

    @Test
    void emptyAndNullV2ArraysAndFieldsReadAsAbsent() {
        InstanceJson.ReadResult read = read(HEAD + ", \"inventory\": [], \"compatibility\": null, \"settings\": "
                + "{\"switch_swap_usd\": null}, \"switch_models\": [{\"model_id\": \"m\", \"family\": \"F\", "
                + "\"packaging\": \"PLUGGABLE\", \"ports\": 64, \"port_gbps\": 800, \"base_power_w\": 1, "
                + "\"cost_usd\": 1, \"max_buy\": null}]}");

        assertThat(read.problems()).isEmpty();
        assertThat(read.instance().usesSupplyRules()).isFalse();
        assertThat(read.instance().switchModels().get(0).maxBuy()).isNull();
    }

    @Test
    void allowedTakesYesAndNoAndTrueAndFalseAndCodingDefaultsToZero() {
        InstanceJson.ReadResult read = read(HEAD + ", \"compatibility\": [{\"optic_id\": \"a\", \"platform\": \"P\", "
                + "\"allowed\": \"YES\"}, {\"optic_id\": \"a\", \"platform\": \"Q\", \"allowed\": \"NO\"}, "
                + "{\"optic_id\": \"b\", \"platform\": \"P\", \"allowed\": true, \"coding_usd\": 30}, "
                + "{\"optic_id\": \"b\", \"platform\": \"Q\", \"allowed\": false}]}");

        assertThat(typeProblems(read)).isEmpty();
        assertThat(read.instance().compatibility()).containsExactly(new CompatibilityRule("a", "P", true, 0),
                new CompatibilityRule("a", "Q", false, 0), new CompatibilityRule("b", "P", true, 30),
                new CompatibilityRule("b", "Q", false, 0));
    }

    @Test
    void badValuesAreNamedAtTheirPointersWithAHint() {
        InstanceJson.ReadResult read = read(HEAD + ", "
                + "\"optics\": [{\"optic_id\": \"o\", \"kind\": \"DAC\", \"gbps\": 800, \"reach_m\": 2, \"power_w\": 1, "
                + "\"cost_usd\": 1, \"max_buy\": 2.5}], "
                + "\"inventory\": [{\"item_id\": \"o\", \"quantity\": 1}, {\"item_id\": \"o\", \"quantity\": \"3\"}, "
                + "{\"item_id\": \"o\", \"quantity\": 1.5, \"note\": 7}, {\"quantity\": 1}], "
                + "\"compatibility\": [{\"optic_id\": \"o\", \"platform\": \"P\", \"allowed\": \"YES\"}, "
                + "{\"optic_id\": \"o\", \"platform\": \"P\", \"allowed\": \"MAYBE\"}, {\"optic_id\": \"o\", "
                + "\"platform\": \"P\", \"allowed\": \"yes\", \"coding_usd\": \"25\"}, {\"optic_id\": \"o\"}], "
                + "\"settings\": {\"recable_usd\": \"20\", \"switch_swap_usd\": true}}");

        assertThat(described(read)).startsWith(
                "/optics/0/max_buy: must be a whole number, got 2.5 | Maybe give max_buy as a whole number from "
                        + "-2,147,483,648 to 2,147,483,647, e.g. \"max_buy\": 200.",
                "/inventory/1/quantity: must be a whole number, got \"3\" | Maybe \"quantity\": 3, without quotes.",
                "/inventory/2/quantity: must be a whole number, got 1.5 | Maybe give quantity as a whole number from "
                        + "-2,147,483,648 to 2,147,483,647, e.g. \"quantity\": 40.",
                "/inventory/2/note: must be a string, got 7 | Maybe write it in quotes: \"note\": \"7\".",
                "/inventory/3/item_id: is missing | Maybe give it: every inventory item needs item_id, e.g. "
                        + "\"item_id\": \"dr8_800\".",
                "/compatibility/1/allowed: must be \"YES\" or \"NO\" (or true or false), got \"MAYBE\" | Maybe give "
                        + "allowed as \"YES\" or \"NO\", e.g. \"allowed\": \"YES\".",
                "/compatibility/2/allowed: must be \"YES\" or \"NO\" (or true or false), got \"yes\" | Maybe "
                        + "\"allowed\": \"YES\": in capitals.",
                "/compatibility/2/coding_usd: must be a number, got \"25\" | Maybe \"coding_usd\": 25, without "
                        + "quotes.",
                "/compatibility/3/platform: is missing | Maybe give it: every compatibility rule needs platform, "
                        + "e.g. \"platform\": \"sw51-p\".",
                "/compatibility/3/allowed: is missing | Maybe give it: every compatibility rule needs allowed, e.g. "
                        + "\"allowed\": \"YES\".",
                "/settings/recable_usd: must be a number, got \"20\" | Maybe \"recable_usd\": 20, without quotes.",
                "/settings/switch_swap_usd: must be a number, got true | Maybe give switch_swap_usd as a number in "
                        + "USD, without quotes, e.g. \"switch_swap_usd\": 1500.");
        assertThat(read.ok()).isFalse();
        // an unreadable limit is no limit, so that it adds no problem of its own
        assertThat(read.instance().optics().get(0).maxBuy()).isNull();
    }

    /** The locator the reader hands the validator names the new sheets and columns by JSON pointer. */
    @Test
    void theLocatorNamesTheV2FieldsByPointerEvenAfterARecordLeftOut() {
        InstanceJson.ReadResult read = read(HEAD + ", \"inventory\": [{\"quantity\": 1}, {\"item_id\": \"a\", "
                + "\"quantity\": 1}, {\"item_id\": \"b\", \"quantity\": 1}, {\"item_id\": \"c\", \"quantity\": 1}], "
                + "\"compatibility\": [{\"optic_id\": \"a\", \"platform\": \"P\", \"allowed\": \"YES\"}, "
                + "{\"optic_id\": \"b\", \"platform\": \"P\", \"allowed\": \"NO\"}]}");
        CellLocator at = read.locator();

        // Inventory[0] was left out (no item_id): record 2 is element 3 of the array
        assertThat(at.locate("Inventory", 2, "c", "quantity")).isEqualTo("/inventory/3/quantity");
        assertThat(at.locate("Inventory", 1, "b", null)).isEqualTo("/inventory/2");
        assertThat(at.locate("Compatibility", 1, "b", "allowed")).isEqualTo("/compatibility/1/allowed");
        assertThat(at.locate("Compatibility", 0, "a", "coding_usd")).isEqualTo("/compatibility/0/coding_usd");
        assertThat(at.locate("Devices", 1, "s2", "installed_model")).isEqualTo("/devices/1/installed_model");
        assertThat(at.locate("Settings", 0, "recable_usd", "value")).isEqualTo("/settings/recable_usd");
    }

    /**
     * A quantity below 0 is the validator's rule (the reader checks types, the validator ranges): at its pointer,
     * with a hint. Skipped while the validator has no Inventory rules (they come with the v2 validator).
     */
    @Test
    void aNegativeQuantityIsNamedAtItsPointer() {
        InstanceJson.ReadResult read = read(HEAD + ", \"optics\": [{\"optic_id\": \"o\", \"kind\": \"DAC\", "
                + "\"gbps\": 800, \"reach_m\": 2, \"power_w\": 1, \"cost_usd\": 1}], \"inventory\": [{\"item_id\": "
                + "\"o\", \"quantity\": 1}, {\"item_id\": \"o\", \"quantity\": 2}, {\"item_id\": \"o\", "
                + "\"quantity\": -1}]}");
        List<InputProblem> inventory = read.problems().stream().filter(p -> p.where().startsWith("/inventory"))
                .toList();
        assumeFalse(inventory.isEmpty(), "the validator has no Inventory rules yet");

        assertThat(inventory).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("/inventory/2/quantity");
            assertThat(p.hint()).isNotBlank();
        });
    }

    @Test
    void theRecordsLimitHoldsForTheNewArrays() {
        InstanceJson.ReadResult read = read(HEAD + ", \"inventory\": [{\"item_id\": \"a\", \"quantity\": 1}, "
                + "{\"item_id\": \"a\", \"quantity\": 1}, {\"item_id\": \"a\", \"quantity\": 1}]}",
                JsonLimits.DEFAULTS.withRecords(2));

        assertThat(read.instance()).isNull();
        assertThat(described(read)).containsExactly("/inventory/2: more than 2 inventory items: the limit "
                + "json-records | Maybe " + JsonLimits.raise("json-records"));
    }

    private static List<String> typeProblems(InstanceJson.ReadResult r) {
        // the reader's own (type) problems; the validator's about the fixture's made-up ids are not this test's
        return r.problems().stream().map(InputProblem::describe).filter(p -> p.startsWith("/compatibility")
                && (p.contains("/allowed") || p.contains("/coding_usd"))).toList();
    }
}
