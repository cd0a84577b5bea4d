package io.fabricplan.formulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.model.Instance;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inter-site layer is looked up per context class loader and the lookup kept: each loader sees its own
 * provider (or none), every call a new instance, as {@link java.util.ServiceLoader} gave.
 */
class InterSiteLayerLookupTest {
    @TempDir
    Path dir;

    /** A layer that only names itself; found through a services file of a class loader of the test's own. */
    public static final class FakeLayer implements InterSiteLayer {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Built build(MipModel model, Instance instance, List<Demand> demands, double capexWeight,
                           double powerWeight) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void withoutAProviderThereIsNoLayerOnEveryCall() {
        // module formulations alone: dwdm-planner is not on its class path
        assertThat(InterSiteLayer.find()).isEmpty();
        assertThat(InterSiteLayer.find()).isEmpty();
        assertThat(InterSiteLayer.Providers.create(null)).isEmpty();
    }

    @Test
    void aLoaderWithAProviderGivesANewInstanceOnEachCallAndTheOthersStayWithout() throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(InterSiteLayer.class.getName()), "# a test provider\n"
                + FakeLayer.class.getName() + "\n");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            Optional<InterSiteLayer> first = InterSiteLayer.find();
            Optional<InterSiteLayer> second = InterSiteLayer.find();
            assertThat(first).containsInstanceOf(FakeLayer.class);
            assertThat(second).containsInstanceOf(FakeLayer.class);
            assertThat(first.get()).isNotSameAs(second.get());
            assertThat(first.get().name()).isEqualTo("fake");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        assertThat(InterSiteLayer.find()).isEmpty();
    }
}
