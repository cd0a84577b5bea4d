package io.fabricplan.instances;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated instances do not drift: the SHA-256 of each generated fabric (instance, sizing and warnings as their
 * records print) is pinned to the value computed before the generator learnt about supply (stock, installed
 * switches, max_buy, labour), so a generation without {@link GeneratorOptions.Supply} stays exactly what it was.
 * If a model record gains a component its printed form changes: recompute the digests at the commit before that
 * change and check that they are unchanged after it.
 */
class FabricGeneratorGoldenTest {

    static Stream<Arguments> fabrics() {
        return Stream.of(
                Arguments.of("1k", GeneratorOptions.of(1024),
                        "a70ab23cc0856846cb93d0900ad5a79f7b571a7f83be9021d1815a24674a625b"),
                Arguments.of("1000 halls 2", GeneratorOptions.of(1000).withHalls(2),
                        "6d7d8df04f5609bf8ff7fd6c05ed38e252604d349120de213ac9c08fa8e6c183"),
                Arguments.of("16k free placement", GeneratorOptions.of(16_384)
                                .withPlacement(GeneratorOptions.Placement.FREE).withSeed(3),
                        "0f14474bcce69b1d864aaf04a731ff087a827662e8d8cfdead7dba5e31639261"),
                Arguments.of("16k SW102T 400G 2 tiers", GeneratorOptions.of(16_384).withTiers(2)
                                .withSwitchFamily("SW102T"),
                        "af55bbd2f84c56fc4b318df8c12ed618b0dba88a756b6c2bd009196ec336976e"),
                Arguments.of("2k SW102T 800G 4 halls over spans", GeneratorOptions.of(2048).withSwitchFamily("SW102T")
                                .withNicGbps(800).withHalls(4).withHallSpans(GeneratorOptions.HallSpans.defaults()),
                        "f9448ea8cf72bd57014ef242fb7f598f80e0e8aa9665e0559e27ec5e4db8a4d8"),
                Arguments.of("4k 3:1 4-GPU nodes", GeneratorOptions.of(4096).withOversubscription(3)
                                .withGpusPerNode(4).withNodesPerRack(8).withRackKw(30),
                        "164a997f5496a05bbe3046c528b50572286fbb62acb1631d7133de489774013a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fabrics")
    void generatedFabricIsUnchanged(String name, GeneratorOptions options, String digest) {
        assertThat(digest(FabricGenerator.generate(options))).as(name).isEqualTo(digest);
    }

    static String digest(GeneratedFabric fabric) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(fabric.instance().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(fabric.sizing().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(fabric.warnings().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
