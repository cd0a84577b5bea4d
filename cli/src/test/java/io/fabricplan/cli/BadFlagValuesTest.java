package io.fabricplan.cli;

import io.fabricplan.excel.InstanceWorkbookWriter;
import io.fabricplan.instances.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every flag of every command with a bad value: exit code 2 before any work, the flag (or parameter) and the
 * value named, a {@code Maybe ...} line, never an internal error or a stack trace, and nothing written. In the
 * table, {@code {IN}} is a valid tiny instance, {@code {NET}} a valid topology, {@code {DIR}} an empty folder of
 * the row's own and {@code {OUT}} a new file there; the expected fragments follow the {@code =>}.
 */
class BadFlagValuesTest {
    @TempDir
    static Path inputs;
    static Path in;
    static Path net;

    /** Fresh for every command line, so that one that wrote something fails alone. */
    @TempDir
    Path dir;

    @BeforeAll
    static void writeInputs() throws IOException {
        in = inputs.resolve("tiny.xlsx");
        InstanceWorkbookWriter.write(Examples.tiny(), in);
        net = Files.writeString(inputs.resolve("ring.txt"), "NODES\nA\nB\nC\nEDGES\nA B 10\nB C 10\nC A 10\n");
    }

    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                // solve
                row("solve {IN} -o {OUT} --time-limit 0 => --time-limit | \"0\" | positive number of seconds"),
                row("solve {IN} -o {OUT} --time-limit -1 => --time-limit | \"-1\""),
                row("solve {IN} -o {OUT} --time-limit soon => --time-limit | \"soon\" is not a number"),
                row("solve {IN} -o {OUT} --time-limit Infinity => --time-limit | \"Infinity\""),
                row("solve {IN} -o {OUT} --time-limit NaN => --time-limit | \"NaN\""),
                row("solve {IN} -o {OUT} --gap -1 => --gap | \"-1\" | cannot be negative"),
                row("solve {IN} -o {OUT} --gap 2 => --gap | \"2\" would be a gap of 200 % | write 2% or 0.02"),
                row("solve {IN} -o {OUT} --gap 150% => --gap | \"150%\""),
                row("solve {IN} -o {OUT} --gap tight => --gap | \"tight\""),
                row("solve {IN} -o {OUT} --threads -3 => --threads | \"-3\" | 0 for all cores"),
                row("solve {IN} -o {OUT} --threads 5000 => --threads | \"5000\""),
                row("solve {IN} -o {OUT} --threads two => --threads | \"two\""),
                row("solve {IN} -o {OUT} --seed lucky => --seed | \"lucky\""),
                row("solve {IN} -o {OUT} --objective CHEAPEST => --objective | CHEAPEST | COST, POWER, TCO, "
                        + "WEIGHTED"),
                row("solve {IN} -o {OUT} --solver GUROBI => --solver | GUROBI"),
                row("solve {IN} -o {OUT} --formulation BEST => --formulation | BEST"),
                row("solve {IN} -o {OUT} --inter-site RADIO => --inter-site | RADIO"),
                row("solve {IN} -o {OUT} --export-model {DIR}/nonexistent/m.lp => --export-model "
                        + "{DIR}/nonexistent/m.lp | {DIR}/nonexistent does not exist | mkdir -p"),
                row("solve {IN} -o {OUT} --export-model {DIR} => --export-model | is a folder"),
                row("solve {IN} -o {OUT} --export-model {IN} => --export-model | would overwrite the input"),
                row("solve {IN} -o {DIR}/no/such/plan.xlsx => -o | does not exist | mkdir -p"),
                row("solve {IN} -o {DIR} => -o | is a folder"),
                row("solve {IN} -o {DIR}/plan.xls => -o | .xlsx | plan.xlsx"),
                row("solve {IN} -o {IN} => -o | would overwrite the input"),
                row("solve {IN} => --output"),
                row("solve -o {OUT} => IN.xlsx"),
                row("solve {IN} -o {OUT} --time-limt 5 => --time-limt | --time-limit"),
                // validate, check
                row("validate => IN.xlsx"),
                row("validate {IN} {IN} => {IN}"),
                row("check {IN} => PLAN.xlsx"),
                // template, examples
                row("template => OUT.xlsx"),
                row("template {DIR}/no/such/new.xlsx => {DIR}/no/such/new.xlsx | does not exist | mkdir -p"),
                row("template {DIR}/new.csv => new.csv | .xlsx | new.xlsx"),
                row("template {DIR} => is a folder"),
                row("examples {DIR}/no/such => {DIR}/no/such | does not exist | mkdir -p"),
                row("examples {IN} => tiny.xlsx | is a file, not a folder"),
                // generate
                row("generate --gpus 0 -o {OUT} => --gpus | 0"),
                row("generate --gpus lots -o {OUT} => --gpus | \"lots\""),
                row("generate --gpus 99999999999 -o {OUT} => --gpus | \"99999999999\" is too large"),
                row("generate --gpus 1024 --gpus-per-node 0 -o {OUT} => --gpus-per-node | 0"),
                row("generate --gpus 1024 --nodes-per-rack -1 -o {OUT} => --nodes-per-rack | -1"),
                row("generate --gpus 1024 --rack-kw 0 -o {OUT} => --rack-kw | 0"),
                row("generate --gpus 1024 --rack-kw warm -o {OUT} => --rack-kw | \"warm\""),
                row("generate --gpus 1024 --tiers 4 -o {OUT} => --tiers | 4"),
                row("generate --gpus 1024 --switch-family SW7 -o {OUT} => SW7"),
                row("generate --gpus 1024 --nic-gbps 100 -o {OUT} => --nic-gbps | 100"),
                row("generate --gpus 1024 --oversubscription 0 -o {OUT} => --oversubscription | 0"),
                row("generate --gpus 1024 --halls 0 -o {OUT} => --halls | 0"),
                row("generate --gpus 1024 --placement anywhere -o {OUT} => --placement | \"anywhere\""),
                row("generate --gpus 1024 --seed x -o {OUT} => --seed | \"x\""),
                row("generate --gpus 1024 --halls 2 --hall-spans --span-km 0 -o {OUT} => --span-km | 0"),
                row("generate --gpus 1024 --halls 2 --hall-spans --fiber-pairs -4 -o {OUT} => --fiber-pairs "
                        + "| -4"),
                row("generate --gpus 1024 --installed-fraction 1.5 -o {OUT} => --installed-fraction | 1.5 "
                        + "| from 0 to 1"),
                row("generate --gpus 1024 --installed-fraction -0.2 -o {OUT} => --installed-fraction | -0.2"),
                row("generate --gpus 1024 --installed-fraction half -o {OUT} => --installed-fraction | \"half\""),
                row("generate --gpus 1024 --stock dr4-400=10 -o {OUT} => --stock dr4-400=10 | unknown item "
                        + "\"dr4-400\" (did you mean \"dr4_400\"?) | dr4_400, dr8_800"),
                row("generate --gpus 1024 --stock laser=10 -o {OUT} => --stock laser=10 | unknown item \"laser\" "
                        + "| sw102-cpo"),
                row("generate --gpus 1024 --stock dr4_400 -o {OUT} => --stock | \"dr4_400\" is not ID=N "
                        + "| --stock dr4_400=4000"),
                row("generate --gpus 1024 --stock dr4_400=many -o {OUT} => --stock | \"many\" is not a whole number"),
                row("generate --gpus 1024 --stock dr4_400=-3 -o {OUT} => --stock | \"dr4_400=-3\" | cannot be "
                        + "negative"),
                row("generate --gpus 1024 --stock dr4_400=2000000000 --stock dr4_400=2000000000 -o {OUT} => --stock "
                        + "dr4_400: 4000000000 units are too many"),
                row("generate --gpus 1024 --max-buy sw102cpo=3 -o {OUT} => --max-buy sw102cpo=3 | did you mean "
                        + "\"sw102-cpo\""),
                row("generate --gpus 1024 --max-buy sw102-cpo=x -o {OUT} => --max-buy | \"x\" is not a whole number "
                        + "| --max-buy sw102-cpo=144"),
                row("generate --gpus 1024 --max-buy sw102-cpo=1 --max-buy sw102-cpo=2 -o {OUT} => --max-buy "
                        + "sw102-cpo is given twice"),
                row("generate --gpus 1024 --switch-swap-usd -1 -o {OUT} => --switch-swap-usd | -1"),
                row("generate --gpus 1024 --switch-swap-usd lots -o {OUT} => --switch-swap-usd | \"lots\""),
                row("generate --gpus 1024 --recable-usd -25 -o {OUT} => --recable-usd | -25"),
                row("generate --gpus 1024 --recable-usd Infinity -o {OUT} => --recable-usd | \"Infinity\""),
                row("generate --gpus 1024 -o {DIR}/no/such/f.xlsx => -o {DIR}/no/such/f.xlsx | does not exist"),
                row("generate --gpus 1024 -o {DIR}/f.xls => -o | .xlsx | f.xlsx"),
                row("generate --gpus 1024 => -o OUT.xlsx is missing"),
                // bench (refused before generating anything)
                row("bench --sizes 2k => --sizes | \"2k\" | 1k, 16k, 131k, 16k-supply, 131k-supply, 16k-breakout, "
                        + "131k-breakout or 16k-all"),
                row("bench --sizes 16k,supply => --sizes | \"supply\""),
                row("bench --stages 3k => --stages 3k"),
                row("bench --stages 16k-supply => --stages 16k-supply | 1k, 16k or 131k"),
                row("bench --time-limit 0 => --time-limit | \"0\""),
                row("bench --output {DIR}/nonexistent/B.md => --output {DIR}/nonexistent/B.md | does not exist"),
                row("bench --work-dir {IN} => --work-dir | is a file"),
                // rwa
                row("rwa --topology {NET} --all-to-all --time-limit 0 => --time-limit | \"0\""),
                row("rwa --topology {NET} --all-to-all --threads -3 => --threads | \"-3\""),
                row("rwa --topology {NET} --all-to-all --seed x => --seed | \"x\""),
                row("rwa --topology {NET} --all-to-all -o {DIR}/nonexistent/a.json => -o {DIR}/nonexistent/a.json | "
                        + "does not exist"),
                row("rwa --topology {NET} --all-to-all -o {NET} => -o | would overwrite the input"),
                row("rwa --topology {DIR}/nope.txt --all-to-all => nope.txt | no such file | check the path"),
                row("rwa --all-to-all => --topology"),
                row("rwa --topology {NET} --all-to-all --requests {NET} => --all-to-all | --requests"),
                row("rwa --topology {NET} => carries no requests | --all-to-all"),
                // sndlib
                row("sndlib {NET} {NET} --time-limit 0 => --time-limit | \"0\""),
                row("sndlib {NET} {NET} --threads -3 => --threads | \"-3\""),
                row("sndlib {NET} {NET} --solver X => --solver | X"),
                row("sndlib {NET} => MODEL.txt"),
                row("sndlib {DIR}/a.txt {DIR}/b.txt => a.txt | cannot read"),
                // study
                row("study {IN} -o {OUT} --parallel 0 => --parallel | \"0\""),
                row("study {IN} -o {OUT} --threads -3 => --threads | \"-3\""),
                row("study {IN} -o {OUT} --time-limit 0 => --time-limit | \"0\""),
                row("study {IN} -o {OUT} --shard 3/2 => --shard 3/2"),
                row("study {IN} -o {OUT} --plans {DIR}/nonexistent => --plans | does not exist"),
                row("study {IN} -o {IN} --stages => -o | would overwrite the input"),
                row("study {IN} -o {OUT} --sweep pue => --sweep pue"),
                row("study {IN} -o {OUT} => no Scenarios sheet | --sweep"),
                row("study merge {DIR}/none.jsonl -o {OUT} => none.jsonl | no such journal"),
                // pareto
                row("pareto {IN} -o {OUT} --x foo => --x foo | two different totals"),
                row("pareto {IN} -o {OUT} --x power --y power => two different totals"),
                row("pareto {IN} -o {OUT} --time-limit 0 => --time-limit | \"0\""),
                row("pareto {IN} -o {OUT} --parallel 0 => --parallel | \"0\""),
                row("pareto {IN} -o {OUT} --plans {DIR}/nonexistent => --plans | does not exist"),
                // serve
                row("serve --port 70000 => --port 70000 | from 0 to 65535"),
                row("serve --port http => --port | \"http\""),
                row("serve --queue -1 => --queue -1 | is negative"),
                row("serve --threads 0 => --threads | \"0\""),
                row("serve --max-body lots => --max-body | \"lots\""),
                row("serve --token-file {DIR}/missing-tokens => --token-file | cannot read the token file"),
                row("serve --data {IN} => --data | is a file, not a folder"),
                row("serve --quote-deadline 20 --max-quote-deadline 10 => --quote-deadline 20 | "
                        + "--max-quote-deadline 10"),
                row("serve --limit json-depth=2 => --limit json-depth=2 | json-depth must be from 4"),
                // the command itself
                row("bogus => bogus"),
                row("solv {IN} => solv | solve"),
                row(" => a command is missing | solve, validate, check, convert, template, examples, generate, "
                        + "bench, rwa, sndlib, study, pareto and serve"),
                // convert
                row("convert {IN} {DIR}/out.json --limit json-depth=2 => --limit json-depth=2 | json-depth must be from 4"),
                row("convert {IN} {DIR}/out.csv => out.csv | Maybe write out.json."));
    }

    private static Arguments row(String spec) {
        String[] parts = spec.split(" => ");
        return Arguments.of(parts[0].strip(), List.of(parts[1].split(" \\| ")));
    }

    @ParameterizedTest(name = "fabricplan {0}")
    @MethodSource("badCommandLines")
    void badValueIsExitTwoNamingTheFlagAndTheValueWithAMaybe(String commandLine, List<String> expected)
            throws IOException {
        Path out = dir.resolve("out.xlsx");
        String[] args = commandLine.isEmpty() ? new String[0] : Arrays.stream(commandLine.split(" "))
                .map(this::substitute).toArray(String[]::new);

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        for (String fragment : expected) {
            assertThat(run.err()).as(run.toString()).contains(substitute(fragment));
        }
        assertThat(run.err()).as(run.toString()).contains("Maybe ")
                .doesNotContain("internal error", "Exception", "\tat ", "Usage:");
        assertThat(out).as("nothing written").doesNotExist();
        for (Path folder : List.of(dir, inputs)) {
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(f -> f.getFileName().toString())).as("no other file written")
                        .isSubsetOf("tiny.xlsx", "ring.txt");
            }
        }
    }

    private String substitute(String token) {
        return token.replace("{OUT}", dir.resolve("out.xlsx").toString()).replace("{IN}", in.toString())
                .replace("{NET}", net.toString()).replace("{DIR}", dir.toString());
    }
}
