package io.fabricplan.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.validate.InputProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input, reported at its JSON pointer with a hint, all at once. */
class InstanceJsonProblemsTest {
    @TempDir
    Path dir;

    private static final String HEAD = "{\"format\": \"fabricplan-instance\", \"version\": 1, ";
    private static final String RACKS = "\"racks\": [{\"rack_id\": \"R1\", \"x_m\": 0, \"y_m\": 0, "
            + "\"power_budget_kw\": 10}]";
    private static final String DEVICES = "\"devices\": [{\"device_id\": \"s1\", \"role\": \"SERVER\", \"rack_id\": "
            + "\"R1\", \"ports\": 1, \"port_gbps\": 800}, {\"device_id\": \"s2\", \"role\": \"SERVER\", \"rack_id\": "
            + "\"R1\", \"ports\": 1, \"port_gbps\": 800}]";
    private static final String LINKS = "\"links\": [{\"link_id\": \"l1\", \"a_device\": \"s1\", \"b_device\": "
            + "\"s2\", \"gbps\": 800}]";

    static InstanceJson.ReadResult read(String json) {
        return InstanceJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), JsonLimits.DEFAULTS);
    }

    /** A valid document with one part replaced. */
    static String with(String racks, String devices, String links, String more) {
        return HEAD + racks + ", " + devices + ", " + links + (more.isEmpty() ? "" : ", " + more) + "}";
    }

    static List<String> described(InstanceJson.ReadResult r) {
        return r.problems().stream().map(p -> p.where() + ": " + p.message() + (p.hint() == null ? ""
                : " | Maybe " + p.hint())).toList();
    }

    @Test
    void theValidDocumentHasNoProblems() {
        InstanceJson.ReadResult r = read(with(RACKS, DEVICES, LINKS, ""));

        assertThat(r.problems()).isEmpty();
        assertThat(r.ok()).isTrue();
    }

    @Test
    void wrongTypesAreNamedByPointerWithTheValueAndAHint() {
        InstanceJson.ReadResult r = read(with(RACKS, DEVICES, "\"links\": [{\"link_id\": \"l1\", \"a_device\": "
                + "\"s1\", \"b_device\": \"s2\", \"gbps\": \"fast\", \"count\": 2.5, \"length_m\": \"30\"}, "
                + "{\"link_id\": 7, \"a_device\": \"s1\", \"b_device\": \"s2\", \"gbps\": 800}]",
                "\"settings\": {\"objective\": \"tco\", \"seed\": 1e20, \"threads\": [2]}"));

        assertThat(described(r)).containsExactly(
                "/links/0/gbps: must be a number, got \"fast\" | Maybe give gbps as a number in Gb/s, without "
                        + "quotes, e.g. \"gbps\": 800.",
                "/links/0/count: must be a whole number, got 2.5 | Maybe give count as a whole number from "
                        + "-2,147,483,648 to 2,147,483,647, e.g. \"count\": 2.",
                "/links/0/length_m: must be a number, got \"30\" | Maybe \"length_m\": 30, without quotes.",
                "/links/1/link_id: must be a string, got 7 | Maybe write it in quotes: \"link_id\": \"7\".",
                "/settings/objective: must be one of COST, POWER, TCO, WEIGHTED, got \"tco\" | Maybe \"TCO\": the "
                        + "names are spelled as here, in capitals.",
                "/settings/seed: is too large, got 1e20 | Maybe give seed as a whole number from "
                        + "-9,007,199,254,740,992 to 9,007,199,254,740,992, e.g. \"seed\": 0.",
                "/settings/threads: must be a whole number, got an array | Maybe give threads as a whole number from "
                        + "-2,147,483,648 to 2,147,483,647, e.g. \"threads\": 0.");
        assertThat(r.ok()).isFalse();
        assertThat(r.instance()).isNotNull();
    }

    @Test
    void unknownFieldsAreRefusedWithTheClosestKnownOne() {
        InstanceJson.ReadResult r = read(with(RACKS, DEVICES, "\"links\": [{\"link_id\": \"l1\", \"a_device\": "
                + "\"s1\", \"b_device\": \"s2\", \"gpbs\": 800, \"colour\": \"red\"}]", "\"link\": [], "
                + "\"settings\": {\"time_limit\": 5}"));

        assertThat(described(r)).containsExactly(
                "/links/0/gpbs: unknown field \"gpbs\" | Maybe \"gbps\" (the fields of a link are link_id, a_device, "
                        + "b_device, count, gbps, length_m).",
                "/links/0/colour: unknown field \"colour\" | Maybe remove it; the fields of a link are link_id, "
                        + "a_device, b_device, count, gbps, length_m.",
                "/links/0/gbps: is missing | Maybe give it: every link needs gbps (Gb/s), e.g. \"gbps\": 800.",
                "/link: unknown field \"link\" | Maybe \"links\" (the fields of a fabricplan instance are format, "
                        + "version, settings, racks, switch_models, devices, links, optics, sites, spans, "
                        + "wdm_equipment, inventory, compatibility).",
                "/settings/time_limit: unknown field \"time_limit\" | Maybe \"time_limit_s\" (the settings are "
                        + "objective, energy_usd_per_kwh, pue, years, usd_per_watt, time_limit_s, "
                        + "relative_gap, solver, threads, seed, intra_rack_m, inter_rack_slack_m, osnr_margin_db, "
                        + "grid_start_thz, max_channels, switch_swap_usd, recable_usd).");
    }

    @Test
    void missingNullAndBlankRequiredFieldsAndArrays() {
        InstanceJson.ReadResult r = read(HEAD + "\"racks\": [{\"rack_id\": \"R1\", \"x_m\": null, \"y_m\": 0, "
                + "\"power_budget_kw\": 10}, {\"rack_id\": \"  \", \"x_m\": 0, \"y_m\": 0, \"power_budget_kw\": 1}], "
                + LINKS + "}");

        assertThat(described(r)).containsExactly(
                "/racks/0/x_m: is null | Maybe give it: every rack needs x_m (m), e.g. \"x_m\": 0.",
                "/racks/1/rack_id: is blank | Maybe give it: every rack needs rack_id, e.g. \"rack_id\": \"R1\".",
                "/devices: is missing | Maybe give the devices of the instance: \"devices\": [{\"device_id\": "
                        + "\"leaf1\", ...}, ...].");
    }

    @Test
    void repeatedKeysAreProblemsAndTheFirstValueIsKept() {
        InstanceJson.ReadResult r = read(with(RACKS, DEVICES, "\"links\": [{\"link_id\": \"l1\", \"a_device\": "
                + "\"s1\", \"b_device\": \"s2\", \"gbps\": 800, \"gbps\": 400}]", "\"links\": []"));

        assertThat(described(r)).containsExactly(
                "/links/0/gbps: duplicate key \"gbps\": a JSON object names each field once | Maybe keep one of "
                        + "the two.",
                "/links: duplicate key \"links\": a JSON object names each field once | Maybe keep one of the two.");
        assertThat(r.instance().links().get(0).gbps()).isEqualTo(800);
    }

    @Test
    void containersOfTheWrongShape() {
        InstanceJson.ReadResult r = read(with(RACKS, "\"devices\": {\"device_id\": \"s1\"}", "\"links\": [5, "
                + "{\"link_id\": \"l1\", \"a_device\": \"s1\", \"b_device\": \"s2\", \"gbps\": 800}]",
                "\"settings\": [], \"optics\": [{\"optic_id\": \"o\", \"kind\": \"LASER\", \"gbps\": 800, "
                        + "\"reach_m\": 1, \"power_w\": 1, \"cost_usd\": 1, \"lpo\": \"maybe\"}]"));

        assertThat(described(r)).startsWith(
                "/devices: must be an array of devices, got an object | Maybe give devices as [{...}, ...], one "
                        + "object per device.",
                "/links/0: must be an object, one link, got 5 | Maybe give each link as an object, e.g. "
                        + "{\"link_id\": \"l1\", ...}.",
                "/settings: must be an object of settings, got an array | Maybe give them as {\"objective\": "
                        + "\"TCO\", \"time_limit_s\": 60, ...}; absent ones take their defaults.",
                "/optics/0/kind: must be one of DAC, ACC, AEC, AOC, TRANSCEIVER, COHERENT, got \"LASER\" | Maybe "
                        + "give one of DAC, ACC, AEC, AOC, TRANSCEIVER, COHERENT, e.g. \"kind\": \"DAC\".",
                "/optics/0/lpo: must be true or false (or \"YES\" or \"NO\"), got \"maybe\" | Maybe give lpo as true "
                        + "or false, e.g. \"lpo\": false.");
    }

    /** Type problems of every record first, then the validator's, each at its pointer, all counted. */
    @Test
    void theValidatorsProblemsFollowAtTheirPointersWithoutRepeatingAField() {
        InstanceJson.ReadResult r = read(with(RACKS, DEVICES, "\"links\": [{\"link_id\": \"l1\", \"a_device\": "
                + "\"s1\", \"b_device\": \"s9\", \"gbps\": -800}, {\"link_id\": \"l1\", \"a_device\": \"s1\", "
                + "\"b_device\": \"s2\", \"gbps\": \"x\"}]", "\"settings\": {\"pue\": 0}"));

        assertThat(r.problems()).extracting(InputProblem::where).containsExactly("/links/1/gbps", "/settings/pue",
                "/links/1/link_id", "/links/0/b_device", "/links/0/gbps");
        assertThat(described(r)).contains("/links/0/b_device: unknown device \"s9\" | Maybe add it to the Devices "
                + "sheet or correct the id (did you mean \"s1\"?).", "/links/1/link_id: duplicate link_id \"l1\", "
                + "first at /links/0/link_id | Maybe give every row its own id.");
        assertThat(r.problemCount()).isEqualTo(5);
    }

    /** Records left out (an optic of unknown kind) do not shift the pointers of the ones after them. */
    @Test
    void pointersNameTheArrayElementEvenAfterARecordLeftOut() {
        InstanceJson.ReadResult r = read(with(RACKS, DEVICES, LINKS, "\"optics\": [{\"optic_id\": \"a\", \"kind\": "
                + "\"LASER\", \"gbps\": 800, \"reach_m\": 1, \"power_w\": 1, \"cost_usd\": 1}, {\"optic_id\": \"b\", "
                + "\"kind\": \"DAC\", \"gbps\": 800, \"reach_m\": 1, \"power_w\": -1, \"cost_usd\": 1}]"));

        assertThat(r.problems()).extracting(InputProblem::where).contains("/optics/0/kind", "/optics/1/power_w");
    }

    @Test
    void aPlanOrAnotherVersionIsRefusedWithThatOneProblem() {
        InstanceJson.ReadResult plan = read("{\"format\": \"fabricplan-plan\", \"version\": 1, \"status\": "
                + "\"OPTIMAL\", \"links\": [], \"devices\": []}");
        InstanceJson.ReadResult later = read(HEAD.replace("\"version\": 1", "\"version\": 2") + RACKS + ", "
                + DEVICES + ", " + LINKS + "}");

        assertThat(described(plan)).containsExactly("/format: must be \"fabricplan-instance\", got "
                + "\"fabricplan-plan\" | Maybe this is a plan (written by fabricplan solve); give the instance it "
                + "was solved from.");
        assertThat(plan.instance()).isNull();
        assertThat(described(later)).containsExactly("/version: version 2 is not one this fabricplan reads: it "
                + "reads version 1 | Maybe write the instance as version 1 (instance.schema.json), or use a "
                + "fabricplan that reads it.");
    }

    @Test
    void documentsThatAreNotOneJsonObject() {
        assertThat(described(read(""))).containsExactly("/: the document is empty | Maybe send a fabricplan "
                + "instance as one JSON object, {\"format\": ...}.");
        assertThat(described(read("[1, 2]"))).containsExactly("/: must be a JSON object, got an array | Maybe "
                + "send a fabricplan instance as one JSON object, {\"format\": ...}.");
        assertThat(described(read(HEAD + "\"racks\": [{\"rack_id\": \"R1\",}]}"))).singleElement().asString()
                .startsWith("/racks/0/rack_id: is not valid JSON at line 1, column 76: Unexpected character ('}' "
                        + "(code 125)): was expecting double-quote to start field name")
                .endsWith("| Maybe check the document with a JSON validator; it must be a fabricplan instance "
                        + "written as JSON (UTF-8).");
        assertThat(described(read(with(RACKS, DEVICES, LINKS, "") + " {}"))).containsExactly("/: the document "
                + "goes on after its closing } at line 1, column 386 | Maybe send one JSON object and nothing after it.");
        assertThat(described(read(with(RACKS, DEVICES, LINKS, "") + "\ngarbage"))).singleElement().asString()
                .startsWith("/: the document goes on after its closing } at line 2, column 1: Unrecognized token "
                        + "'garbage'");
    }

    @Test
    void missingFileAndFolderAreProblemsNotExceptions() throws IOException {
        Files.createDirectory(dir.resolve("folder.json"));

        assertThat(described(InstanceJson.read(dir.resolve("none.json")))).singleElement().asString()
                .startsWith("none.json: file not found: ");
        assertThat(described(InstanceJson.read(dir.resolve("folder.json")))).containsExactly(
                "folder.json: is a folder, not a JSON file | Maybe name the .json file.");
    }

    @Test
    void problemsBeyondTheLimitAreCountedNotKept() {
        StringBuilder links = new StringBuilder("\"links\": [");
        for (int i = 0; i < 500; i++) {
            links.append(i == 0 ? "" : ", ").append("{\"link_id\": \"l").append(i)
                    .append("\", \"a_device\": \"s1\", \"b_device\": \"s2\", \"gbps\": \"x\"}");
        }
        String doc = with(RACKS, DEVICES, links + "]", "");

        InstanceJson.ReadResult r = InstanceJson.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                JsonLimits.DEFAULTS.withProblems(10));

        assertThat(r.problems()).hasSize(10);
        assertThat(r.problemCount()).isEqualTo(500);
    }
}
