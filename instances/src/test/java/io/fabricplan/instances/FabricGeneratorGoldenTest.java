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
 * change and check that they are unchanged after it. Recomputed when Optic gained {@code breakout} and {@code
 * pairsWith} (4931caf): each instance printed without its 23 optics' {@code ", breakout=1, pairsWith=[]"} gives
 * the digest pinned before.
 */
class FabricGeneratorGoldenTest {

    static Stream<Arguments> fabrics() {
        return Stream.of(
                Arguments.of("1k", GeneratorOptions.of(1024),
                        "7df1afb58849566f1fea0b14020a7f3539d4db260837fef2b944fcbafe72ac18"),
                Arguments.of("1000 halls 2", GeneratorOptions.of(1000).withHalls(2),
                        "ba6c9740e8b7b31ff5bcbc4ead04bad3cfe09f94a14848a305b161c0adfa0bc7"),
                Arguments.of("16k free placement", GeneratorOptions.of(16_384)
                                .withPlacement(GeneratorOptions.Placement.FREE).withSeed(3),
                        "5c24ff6b62538e39c5fabe0210bebf97d7dfd31bef89e28a5c242ccf1de6afbf"),
                Arguments.of("16k SW102T 400G 2 tiers", GeneratorOptions.of(16_384).withTiers(2)
                                .withSwitchFamily("SW102T"),
                        "8b89c05a0264e10a6c47e85137977c6b2fe4bdaf790f33a925dac77b3e8a307c"),
                Arguments.of("2k SW102T 800G 4 halls over spans", GeneratorOptions.of(2048).withSwitchFamily("SW102T")
                                .withNicGbps(800).withHalls(4).withHallSpans(GeneratorOptions.HallSpans.defaults()),
                        "86bd1558b70ddc311b11baf54b05b3439d3ccb48800211cddf610d1e1c3ca6be"),
                Arguments.of("4k 3:1 4-GPU nodes", GeneratorOptions.of(4096).withOversubscription(3)
                                .withGpusPerNode(4).withNodesPerRack(8).withRackKw(30),
                        "ca07304229eb6618bd1486c45ac401c94f238fd96366f5aa89a1d5f50c489d9b"));
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
