package io.fabricplan.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.model.CoherentSpec;
import io.fabricplan.model.CompatibilityRule;
import io.fabricplan.model.Device;
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
import io.fabricplan.model.Site;
import io.fabricplan.model.SolverKind;
import io.fabricplan.model.Span;
import io.fabricplan.model.StockItem;
import io.fabricplan.model.SwitchModel;
import io.fabricplan.model.WdmEquipment;
import io.fabricplan.model.WdmKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Small random instances (fixed seeds) with every field drawn from its whole range: any finite double, whole
 * numbers to their limits, texts with quotes, escapes, control characters and characters beyond the BMP, optional
 * fields (the workbook v2's among them) present or not. Written and read back, each is equal to what was written, and writing it again gives the
 * same bytes. The instances need not be valid: the reader's job is to give back what the document says.
 */
class RandomInstanceRoundTripTest {
    static Stream<Long> seeds() {
        return IntStream.rangeClosed(1, 300).mapToObj(i -> (long) i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRandomInstanceReadsBackEqualAndWritesTheSameBytes(long seed) {
        Instance instance = new Draw(new Random(seed)).instance();
        String json = InstanceJson.toJson(instance);

        InstanceJson.ReadResult read = InstanceJson.read(new ByteArrayInputStream(json.getBytes(
                StandardCharsets.UTF_8)), JsonLimits.DEFAULTS);

        assertThat(read.instance()).as(json).isEqualTo(instance);
        assertThat(InstanceJson.toJson(read.instance())).isEqualTo(json);
    }

    /** Draws the fields of an instance. */
    private record Draw(Random random) {
        private static final String ODD = "\"\\/\b\f\n\r\t\u0001\u007f\u00e9\u20ac\ud83d\ude80 ;,";

        Instance instance() {
            List<Site> sites = list(() -> new Site(id(), random.nextBoolean() ? null : id()));
            return new Instance(settings(), list(this::rack), list(this::switchModel), list(this::device),
                    list(this::link), list(this::optic), sites, list(this::span), list(this::wdm),
                    list(this::stockItem), list(this::compatibilityRule));
        }

        private <T> List<T> list(Supplier<T> draw) {
            List<T> out = new ArrayList<>();
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                out.add(draw.get());
            }
            return out;
        }

        /** A text with no blanks at its ends, of ordinary and odd characters. */
        private String id() {
            StringBuilder sb = new StringBuilder("x");
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                sb.append(random.nextInt(3) == 0 ? ODD.charAt(random.nextInt(ODD.length()))
                        : (char) ('a' + random.nextInt(26)));
            }
            String s = sb.append('y').toString();
            // a lone half of a surrogate pair is not a character JSON (UTF-8) can carry
            return s.replace("\ud83d", "").replace("\ude80", "\ud83d\ude80");
        }

        /** Any finite double: ordinary values, extremes, negative zero. */
        private double number() {
            return switch (random.nextInt(6)) {
                case 0 -> random.nextInt(2001) - 1000;
                case 1 -> random.nextDouble() * 1000;
                case 2 -> -0.0;
                case 3 -> random.nextBoolean() ? Double.MIN_VALUE : -Double.MAX_VALUE;
                default -> {
                    double d;
                    do {
                        d = Double.longBitsToDouble(random.nextLong());
                    } while (!Double.isFinite(d));
                    yield d;
                }
            };
        }

        private int whole() {
            return random.nextBoolean() ? random.nextInt(100) : random.nextInt();
        }

        private <E extends Enum<E>> E choice(Class<E> type) {
            E[] values = type.getEnumConstants();
            return values[random.nextInt(values.length)];
        }

        private Settings settings() {
            return new Settings(choice(Objective.class), number(), number(), number(), number(), number(), number(),
                    choice(SolverKind.class), whole(), random.nextLong() >> 11, number(), number(), number(), number(),
                    whole(), random.nextBoolean() ? 0 : number(), random.nextBoolean() ? 0 : number());
        }

        private Rack rack() {
            return new Rack(id(), random.nextBoolean() ? null : id(), number(), number(), number(), number(), whole());
        }

        private SwitchModel switchModel() {
            return new SwitchModel(id(), id(), choice(Packaging.class), whole(), number(), number(), number(),
                    random.nextBoolean() ? null : id(), number(), whole(), random.nextBoolean(),
                    random.nextBoolean() ? "" : id(), maxBuy());
        }

        /** A supply limit, or none. */
        private Integer maxBuy() {
            return random.nextBoolean() ? null : whole();
        }

        private Device device() {
            boolean isSwitch = random.nextBoolean();
            boolean nic = !isSwitch || random.nextBoolean();
            return new Device(id(), choice(Role.class), isSwitch ? id() : null, choice(PackagingChoice.class),
                    random.nextBoolean() ? id() : null, nic ? whole() : 0, nic ? number() : 0,
                    nic && random.nextBoolean(), random.nextBoolean() ? List.of() : List.of(id(), id()),
                    isSwitch && random.nextBoolean() ? id() : null, random.nextBoolean() ? id() : null);
        }

        private Link link() {
            return new Link(id(), id(), id(), whole(), number(), random.nextBoolean() ? null : number());
        }

        private Optic optic() {
            CoherentSpec coherent = random.nextBoolean() ? null : new CoherentSpec(
                    random.nextBoolean() ? Double.NaN : number(), random.nextBoolean() ? Double.NaN : number(),
                    random.nextBoolean() ? Double.NaN : number(), number(), number());
            return new Optic(id(), choice(OpticKind.class), number(), number(), random.nextBoolean() ? null : id(),
                    choice(Media.class), number(), number(), number(), random.nextBoolean(),
                    random.nextBoolean() ? "" : id(), coherent, maxBuy())
                    .withBreakout(random.nextBoolean() ? 1 : Math.max(1, whole()),
                            random.nextBoolean() ? List.of() : List.of(id(), id()));
        }

        private Span span() {
            return new Span(id(), id(), id(), number(), number(), number(), whole());
        }

        private WdmEquipment wdm() {
            return new WdmEquipment(id(), choice(WdmKind.class), whole(), number(), number(), number(), number(),
                    number(), number(), random.nextBoolean() ? "" : id());
        }

        private StockItem stockItem() {
            return new StockItem(id(), whole(), random.nextBoolean() ? "" : id());
        }

        private CompatibilityRule compatibilityRule() {
            return new CompatibilityRule(id(), id(), random.nextBoolean(), random.nextBoolean() ? 0 : number());
        }
    }
}
