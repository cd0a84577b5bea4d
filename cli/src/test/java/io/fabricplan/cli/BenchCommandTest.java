package io.fabricplan.cli;

import io.fabricplan.instances.FabricGenerator;
import io.fabricplan.instances.GeneratorOptions;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Optic;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {

    @Test
    void solveJsonIsParsedFieldByField() {
        Map<String, String> json = BenchCommand.parse("{\"status\": \"OPTIMAL\", \"objective_value\": 138928.248, "
                + "\"best_bound\": null, \"solver\": \"CP-SAT\", \"output\": \"a, \\\"b\\\".xlsx\"}");
        assertThat(json).containsEntry("status", "OPTIMAL").containsEntry("objective_value", "138928.248")
                .containsEntry("best_bound", "null").containsEntry("solver", "CP-SAT");
    }

    @Test
    void supplySizesAreThePlainFabricsWithSupplyAndTheirTargetsAndDoNotRunByDefault() {
        BenchCommand.Size s16 = BenchCommand.Size.of("16k-supply");
        BenchCommand.Size s131 = BenchCommand.Size.of("131K-SUPPLY");

        assertThat(s16).isEqualTo(BenchCommand.Size.S16K_SUPPLY);
        assertThat(s131).isEqualTo(BenchCommand.Size.S131K_SUPPLY);
        assertThat(s16.generatorFlags).isEqualTo(BenchCommand.Size.S16K.generatorFlags + " --installed-fraction 0.5 "
                + "--stock dr4_400=4000 --max-buy sw102-cpo=144 --switch-swap-usd 2500 --recable-usd 25");
        assertThat(s131.generatorFlags).isEqualTo(BenchCommand.Size.S131K.generatorFlags + " --installed-fraction "
                + "0.5 --stock dr8_800=8000 --max-buy sw102-cpo=3840 --switch-swap-usd 2500 --recable-usd 25");
        for (BenchCommand.Size[] pair : new BenchCommand.Size[][] {{s16, BenchCommand.Size.S16K},
                {s131, BenchCommand.Size.S131K}}) {
            assertThat(pair[0].gpus).isEqualTo(pair[1].gpus);
            assertThat(pair[0].targetGap).isEqualTo(pair[1].targetGap);
            assertThat(pair[0].targetSeconds).isEqualTo(pair[1].targetSeconds);
            assertThat(pair[0].byDefault()).isFalse();
            assertThat(pair[0].stageable()).isFalse();
            // the flags are valid generate flags: the plain fabric's options with a supply
            GeneratorOptions plain = GenerateCommandTest.options(flags(pair[1]));
            GeneratorOptions supply = GenerateCommandTest.options(flags(pair[0]));
            assertThat(supply.withSupply(null)).isEqualTo(plain);
            assertThat(supply.supply().installedFraction()).isEqualTo(0.5);
            assertThat(supply.supply().maxBuy()).containsOnlyKeys("sw102-cpo");
            assertThat(supply.supply().switchSwapUsd()).isEqualTo(2500);
            assertThat(supply.supply().recableUsd()).isEqualTo(25);
        }
        String defaults = new CommandLine(new BenchCommand()).getCommandSpec().findOption("--sizes").defaultValue();
        assertThat(defaults).isEqualTo("1k,16k,131k");
        assertThat(Arrays.stream(defaults.split(",")).map(BenchCommand.Size::of))
                .allSatisfy(size -> assertThat(size.byDefault()).isTrue());
    }

    /**
     * The breakout sizes: 16k-breakout and 16k-all are 16k and 16k-supply with --breakouts; 131k-breakout is the
     * 131k fabric at 400G NICs (at 800G no twin-port module fits SW102T's 800G ports), with --breakouts. Each
     * builds its instance with the breakout items after the catalog's optics and no warning.
     */
    @Test
    void breakoutSizesAreTheirFabricsWithBreakoutsAndBuildTheirInstances() {
        BenchCommand.Size b16 = BenchCommand.Size.of("16k-breakout");
        BenchCommand.Size b131 = BenchCommand.Size.of("131K-Breakout");
        BenchCommand.Size all16 = BenchCommand.Size.of("16k-all");
        assertThat(List.of(b16, b131, all16)).containsExactly(BenchCommand.Size.S16K_BREAKOUT,
                BenchCommand.Size.S131K_BREAKOUT, BenchCommand.Size.S16K_ALL);

        assertThat(GenerateCommandTest.options(flags(b16)))
                .isEqualTo(GenerateCommandTest.options(flags(BenchCommand.Size.S16K)).withBreakouts(true));
        assertThat(GenerateCommandTest.options(flags(all16)))
                .isEqualTo(GenerateCommandTest.options(flags(BenchCommand.Size.S16K_SUPPLY)).withBreakouts(true));
        assertThat(GenerateCommandTest.options(flags(b131)))
                .isEqualTo(GenerateCommandTest.options(flags(BenchCommand.Size.S131K)).withNicGbps(400)
                        .withBreakouts(true));
        for (BenchCommand.Size[] pair : new BenchCommand.Size[][] {{b16, BenchCommand.Size.S16K},
                {b131, BenchCommand.Size.S131K}, {all16, BenchCommand.Size.S16K_SUPPLY}}) {
            assertThat(pair[0].gpus).isEqualTo(pair[1].gpus);
            assertThat(pair[0].targetGap).isEqualTo(pair[1].targetGap);
            assertThat(pair[0].targetSeconds).isEqualTo(pair[1].targetSeconds);
            assertThat(pair[0].byDefault()).isFalse();
            assertThat(pair[0].stageable()).isFalse();

            var fabric = FabricGenerator.generate(GenerateCommandTest.options(flags(pair[0])));

            assertThat(fabric.warnings()).isEmpty();
            assertThat(fabric.instance().optics()).extracting(Optic::id).containsSequence(
                    DefaultCatalog.breakoutOptics().stream().map(Optic::id).toList());
            assertThat(fabric.sizing().gpus()).isEqualTo(pair[0].gpus);
        }
        // 131k at 400G: 3 tiers of SW102T (256 ports of 400G), half the switches of the 800G fabric, same cables
        var s = FabricGenerator.generate(GenerateCommandTest.options(flags(b131))).sizing();
        assertThat(List.of(s.tiers(), s.leaves(), s.spines(), s.cores())).containsExactly(3, 1_024, 1_024, 512);
        assertThat(s.cables()).isEqualTo(393_216);
        assertThat(BenchCommand.Size.labels()).isEqualTo("1k, 16k, 131k, 16k-supply, 131k-supply, 16k-breakout, "
                + "131k-breakout or 16k-all");
    }

    private static String[] flags(BenchCommand.Size size) {
        return (size.generatorFlags + " -o x.xlsx").split(" ");
    }

    /** A bench section as BENCHMARKS.md has it (rows abridged), followed by another section. */
    private static final String EARLIER = """
            # Benchmarks

            ## Scale: `fabricplan bench`

            Measured by `./fabricplan bench --sizes 1k,16k,131k` on 2026-12-03, 2 cores, Java 17.0.15.

            | size | GPUs | cables | links rows | groups | variables | constraints | read | build | solve | write \
            | end to end | status | objective (TCO USD) | bound | gap | target | peak RSS MB | checker |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
            | 1k | 1,024 | 2,048 | ROW-1k |
            | 16k | 16,384 | 32,768 | ROW-16k |
            | 131k | 131,072 | 393,216 | ROW-131k |
            | 2k | 2,048 | 4,096 | ROW-2k |

            Peer 1, the rule of thumb:

            | size | rule-of-thumb capex USD | power kW | TCO USD | valid plan? |
            |---|---|---|---|---|
            | 1k | 2,873,600 | RULE-1k |
            | 16k | 44,057,600 | RULE-16k |
            | 131k | 966,019,789 | RULE-131k |

            The repaired rule of thumb is the same plan repaired.

            Peer 2, the naive model:

            | size | naive variables | naive status |
            |---|---|---|
            | 1k | 18,480 | NAIVE-1k |
            | 131k | 0 | NAIVE-131k |

            CPO adoption on the 16k fabric (same floor, same limits):

            | stage | status | capex USD |
            |---|---|---|
            | 1: all pluggable | OPTIMAL | STAGE-1 |

            ## Wavelength assignment: min-RWA

            | size | not ours |
            """;

    @Test
    void aRunOfSomeSizesKeepsTheOtherSizesRowsInEveryTable() {
        BenchCommand.Kept kept = BenchCommand.Kept.of(EARLIER, List.of("16k-supply", "16K"));

        assertThat(kept.scale()).containsOnlyKeys("1k", "131k", "2k");
        assertThat(kept.scale().get("131k")).isEqualTo("| 131k | 131,072 | 393,216 | ROW-131k |");
        assertThat(kept.ruleOfThumb()).containsOnlyKeys("1k", "131k");
        assertThat(kept.naive()).containsOnlyKeys("1k", "131k");
        assertThat(kept.labels()).containsExactly("1k", "131k", "2k");
        assertThat(BenchCommand.Kept.of("# Benchmarks\n\nno bench yet\n", List.of("1k")).isEmpty()).isTrue();

        BenchCommand bench = new BenchCommand();
        bench.sizes = "16k,16k-supply";
        BenchCommand.Run run = new BenchCommand.Run(BenchCommand.parse("{\"status\": \"OPTIMAL\", "
                + "\"objective_value\": 37500000, \"best_bound\": 37480000, \"relative_gap\": 0.0005, "
                + "\"solve_seconds\": 15.5, \"build_seconds\": 4, \"cables\": 32768, \"greedy_feasible\": false}"),
                21.0, 0, "");
        List<BenchCommand.Row> rows = List.of(
                new BenchCommand.Row(BenchCommand.Size.S16K_SUPPLY, 20, run, "passed", run),
                new BenchCommand.Row(BenchCommand.Size.S16K, 20, run, "passed", null));
        String section = bench.section(rows, BenchCommand.Size.S16K, List.of(), kept);

        assertThat(section).contains("`./fabricplan bench --sizes 16k,16k-supply`",
                "The rows of 1k, 131k, 2k are kept from an earlier run of this command");
        // each table: this run's rows and the kept ones, in the order of the sizes, the old 16k row replaced
        assertThat(rowLabels(section, "| size | GPUs |")).containsExactly("1k", "16k", "131k", "16k-supply", "2k");
        assertThat(rowLabels(section, "| size | rule-of-thumb capex USD |"))
                .containsExactly("1k", "16k", "131k", "16k-supply");
        assertThat(rowLabels(section, "| size | naive variables |")).containsExactly("1k", "131k", "16k-supply");
        assertThat(section).contains("| 131k | 131,072 | 393,216 | ROW-131k |", "RULE-131k", "NAIVE-1k")
                .doesNotContain("ROW-16k", "RULE-16k", "STAGE-1", "not ours");
        assertThat(section).contains("| 16k-supply | 16,384 | 32,768 |", "| OPTIMAL | 37,500,000 | 37,480,000 | "
                + "0.050% | gap <= 0.100% in < 20 s: met |");
        // a run of every size keeps nothing
        BenchCommand.Kept none = BenchCommand.Kept.of(EARLIER, List.of("1k", "16k", "131k", "2k"));
        assertThat(none.isEmpty()).isTrue();
        assertThat(bench.section(rows, BenchCommand.Size.S16K, List.of(), none)).doesNotContain("kept from");
    }

    /** The size labels of the rows of the table whose header starts with {@code header}. */
    private static List<String> rowLabels(String section, String header) {
        String table = section.substring(section.indexOf(header));
        table = table.substring(0, table.indexOf("\n\n") < 0 ? table.length() : table.indexOf("\n\n"));
        return table.lines().skip(2).map(line -> line.substring(1, line.indexOf('|', 1)).trim()).toList();
    }
}
