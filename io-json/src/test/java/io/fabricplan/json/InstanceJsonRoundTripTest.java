package io.fabricplan.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.instances.Examples;
import io.fabricplan.model.CoherentSpec;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.validate.InstanceValidator;
import io.fabricplan.model.Link;
import io.fabricplan.model.Media;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import io.fabricplan.model.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Instances written as JSON read back equal, and absent fields read as the workbook's blank cells. */
class InstanceJsonRoundTripTest {
    @TempDir
    Path dir;

    static InstanceJson.ReadResult read(String json) {
        return InstanceJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), JsonLimits.DEFAULTS);
    }

    static Stream<Examples.Named> examples() {
        return Examples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleReadsBackEqualRecordByRecordAndWritesTheSameBytes(Examples.Named example) {
        Instance instance = example.instance();
        String json = InstanceJson.toJson(instance);

        InstanceJson.ReadResult read = read(json);

        assertThat(read.problems()).isEmpty();
        // the compatibility example warns of an optic its rows leave unusable, as its workbook does
        assertThat(read.warnings()).containsExactlyElementsOf(InstanceValidator.warnings(instance));
        Instance back = read.instance();
        assertThat(back.settings()).isEqualTo(instance.settings());
        assertThat(back.racks()).containsExactlyElementsOf(instance.racks());
        assertThat(back.switchModels()).containsExactlyElementsOf(instance.switchModels());
        assertThat(back.devices()).containsExactlyElementsOf(instance.devices());
        assertThat(back.links()).containsExactlyElementsOf(instance.links());
        assertThat(back.optics()).containsExactlyElementsOf(instance.optics());
        assertThat(back.sites()).containsExactlyElementsOf(instance.sites());
        assertThat(back.spans()).containsExactlyElementsOf(instance.spans());
        assertThat(back.wdmEquipment()).containsExactlyElementsOf(instance.wdmEquipment());
        assertThat(back).isEqualTo(instance);
        assertThat(InstanceJson.toJson(back)).isEqualTo(json);
    }

    @Test
    void writtenFileIsTheDocumentAndNoTemporaryFileStays() throws IOException {
        Path out = dir.resolve("tiny.json");
        Files.writeString(out, "old");

        InstanceJson.write(Examples.tiny(), out);

        assertThat(Files.readString(out)).isEqualTo(InstanceJson.toJson(Examples.tiny()));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
        assertThat(InstanceJson.read(out).instance()).isEqualTo(Examples.tiny());
    }

    @Test
    void layoutPutsOneRecordOnALineAndNumbersAsWritten() {
        String json = InstanceJson.toJson(Examples.tiny());

        assertThat(json).startsWith("{\n  \"format\": \"fabricplan-instance\",\n  \"version\": 1,\n  \"settings\": {\n"
                + "    \"objective\": \"TCO\",\n    \"energy_usd_per_kwh\": 0.1,\n")
                .contains("    \"relative_gap\": 0.0001,\n")
                .contains("\n    {\"link_id\": \"leaf1-spine1\", \"a_device\": \"leaf1\", \"b_device\": \"spine1\", "
                        + "\"count\": 2, \"gbps\": 800}\n  ],\n")
                .endsWith("\n  ]\n}\n");
    }

    @Test
    void oddValuesReadBackExactly() {
        Rack odd = new Rack("r \"1\"/\\ü€", "main", -0.0, 1e-9, 1e15 + 2, 0.1 + 0.2, 0);
        Instance instance = new Instance(Settings.defaults().withDwdm(2.5, 191.35, 64), List.of(odd),
                DefaultCatalog.switchModels(), List.of(Device.server("s\n1", odd.id(), 1, 800, true),
                Device.placedSwitch("leaf", Role.LEAF, "SW51T", PackagingChoice.CPO, List.of("a", "b"))),
                List.of(new Link("l", "s\n1", "leaf", 3, 1.6e3, 123.456789012345)),
                List.of(new Optic("c", OpticKind.COHERENT, 800, 1e6, "ZR", Media.SMF, 20, 7000, 0, false, "",
                        new CoherentSpec(Double.NaN, 150, 27, -9, 12))));

        Instance back = read(InstanceJson.toJson(instance)).instance();

        assertThat(back).isEqualTo(instance);
        assertThat(Double.doubleToRawLongBits(back.racks().get(0).xM())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void absentOptionalFieldsReadAsBlankCells() {
        InstanceJson.ReadResult read = read("""
                {"format": "fabricplan-instance", "version": 1,
                 "racks": [{"rack_id": "R1", "x_m": 0, "y_m": 0, "power_budget_kw": 10},
                           {"rack_id": "R2", "x_m": 3, "y_m": 0, "power_budget_kw": 30, "site_id": null}],
                 "devices": [{"device_id": "leaf1", "role": "LEAF", "family": "SW51T", "candidate_racks": "R1; R2"},
                             {"device_id": "s1", "role": "SERVER", "rack_id": "R2", "ports": 1.0, "port_gbps": 800,
                              "lpo_capable": "YES"}],
                 "links": [{"link_id": "l1", "a_device": "s1", "b_device": "leaf1", "gbps": 800}]}
                """);

        assertThat(read.problems()).isEmpty();
        Instance i = read.instance();
        assertThat(i.settings()).isEqualTo(Settings.defaults());
        assertThat(i.racks()).containsExactly(new Rack("R1", "main", 0, 0, 10, 0, 0),
                new Rack("R2", "main", 3, 0, 30, 0, 0));
        assertThat(i.devices()).containsExactly(
                Device.placedSwitch("leaf1", Role.LEAF, "SW51T", PackagingChoice.AUTO, List.of("R1", "R2")),
                Device.server("s1", "R2", 1, 800, true));
        assertThat(i.links()).containsExactly(new Link("l1", "s1", "leaf1", 1, 800, null));
        assertThat(i.optics()).isEqualTo(DefaultCatalog.optics());
        assertThat(i.switchModels()).isEqualTo(DefaultCatalog.switchModels());
        assertThat(i.sites()).isEmpty();
        assertThat(i.wdmEquipment()).isEmpty();
        assertThat(read.warnings()).containsExactly(
                "array \"switch_models\" is absent: using the 4 switch models of the built-in catalog",
                "array \"optics\" is absent: using the " + DefaultCatalog.optics().size()
                        + " optics of the built-in catalog");
    }

    @Test
    void absentDwdmFieldsTakeTheWorkbookDefaults() {
        InstanceJson.ReadResult read = read("""
                {"format": "fabricplan-instance", "version": 1, "settings": {"objective": "COST", "seed": 7},
                 "racks": [{"rack_id": "A1", "site_id": "A", "x_m": 0, "y_m": 0, "power_budget_kw": 10},
                           {"rack_id": "B1", "site_id": "B", "x_m": 0, "y_m": 0, "power_budget_kw": 10}],
                 "devices": [], "links": [],
                 "optics": [{"optic_id": "zr", "kind": "COHERENT", "gbps": 400, "reach_m": 120000, "power_w": 20,
                             "cost_usd": 5000, "spacing_ghz": 75, "required_osnr_db": 24}],
                 "sites": [{"site_id": "A"}, {"site_id": "B"}],
                 "spans": [{"span_id": "s", "a_site": "A", "b_site": "B", "length_km": 10, "fiber_pairs": 2}]}
                """);

        assertThat(read.problems()).isEmpty();
        Instance i = read.instance();
        assertThat(i.settings().objective()).hasToString("COST");
        assertThat(i.settings().seed()).isEqualTo(7);
        assertThat(i.optics().get(0).media()).isEqualTo(Media.SMF);
        assertThat(i.optics().get(0).coherent()).isEqualTo(new CoherentSpec(Double.NaN, 75, 24, -10, 11));
        assertThat(i.spans()).containsExactly(new Span("s", "A", "B", 10, 2));
        assertThat(i.wdmEquipment()).isEqualTo(DefaultCatalog.wdmEquipment());
        assertThat(read.warnings()).containsExactly("array \"wdm_equipment\" is absent: using the "
                + DefaultCatalog.wdmEquipment().size() + " MUX and amplifier items of the built-in catalog",
                "array \"switch_models\" is absent: using the 4 switch models of the built-in catalog");
    }
}
