package io.fabricplan.validate;

import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.Optic;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Settings;
import io.fabricplan.model.Site;
import io.fabricplan.model.Span;
import io.fabricplan.model.WdmEquipment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sites A, B, C; span A-B only; servers sa (rack RA in A), sb (RB in B), sc (RC in C); links sa-sb and sa-sc.
 */
class InstanceValidatorDwdmTest {

    private static Instance instance(List<Span> spans, List<Optic> optics) {
        List<Rack> racks = List.of(new Rack("RA", "A", 0, 0, 10, 0, 4), new Rack("RB", "B", 0, 0, 10, 0, 4),
                new Rack("RC", "C", 0, 0, 10, 0, 4));
        List<Device> devices = List.of(Device.server("sa", "RA", 2, 800, false),
                Device.server("sb", "RB", 1, 800, false), Device.server("sc", "RC", 1, 800, false));
        List<Link> links = List.of(new Link("lab", "sa", "sb", 1, 800, null),
                new Link("lac", "sa", "sc", 1, 800, null));
        return new Instance(Settings.defaults(), racks, DefaultCatalog.switchModels(), devices, links, optics)
                .withDwdm(List.of(new Site("A", null), new Site("B", null), new Site("C", null)), spans,
                        DefaultCatalog.wdmEquipment());
    }

    private static List<String> problems(Instance instance) {
        return new InstanceValidator().validate(instance).stream().map(p -> p.where() + ": " + p.message()).toList();
    }

    @Test
    void linkBetweenSitesWithARouteOverTheSpansNeedsNoLength() {
        Instance ring = instance(List.of(new Span("s-ab", "A", "B", 2, 2), new Span("s-bc", "B", "C", 3, 2)),
                DefaultCatalog.dwdmOptics());

        assertThat(problems(ring)).isEmpty();
    }

    @Test
    void linkBetweenSitesWithoutARouteIsReported() {
        assertThat(problems(instance(List.of(new Span("s-ab", "A", "B", 2, 2)), DefaultCatalog.dwdmOptics())))
                .containsExactly("Links[lac].link_id: no route from site \"A\" to site \"C\" over the Spans sheet");
    }

    @Test
    void spansToUnknownSitesAndOfNoFiberAreReported() {
        List<Span> spans = List.of(new Span("s-ab", "A", "B", 2, 2), new Span("s-bc", "B", "C", 3, 2),
                new Span("s-x", "bldg9", "C", 1, 0), new Span("s-ab", "A", "A", -2, 1));

        assertThat(problems(instance(spans, DefaultCatalog.dwdmOptics()))).containsExactlyInAnyOrder(
                "Spans[s-x].a_site: unknown site \"bldg9\"",
                "Spans[s-x].fiber_pairs: fiber_pairs must be 1 or more, got 0",
                "Spans[s-ab].span_id: duplicate span_id \"s-ab\", first at Spans[s-ab].span_id",
                "Spans[s-ab].b_site: span \"s-ab\" joins site \"A\" to itself",
                "Spans[s-ab].length_km: length_km must be 0 or more, got -2");
    }

    @Test
    void coherentOpticWithoutOsnrDataIsReportedOnlyWhenThereAreSpans() {
        List<Optic> optics = new ArrayList<>(DefaultCatalog.dwdmOptics());
        optics.replaceAll(o -> o.id().equals("zr800") ? o.withCoherent(null) : o);
        List<Span> spans = List.of(new Span("s-ab", "A", "B", 2, 2), new Span("s-bc", "B", "C", 3, 2));

        assertThat(problems(instance(spans, optics)))
                .containsExactly("Optics[zr800].required_osnr_db: coherent optic \"zr800\" has no required_osnr_db");
        assertThat(problems(instance(spans, optics).withDwdm(List.of(), List.of(), List.of())))
                .doesNotContain("Optics[zr800].required_osnr_db: coherent optic \"zr800\" has no required_osnr_db");
    }

    @Test
    void racksMustStandInKnownSitesOnceSitesAreGiven() {
        Instance i = instance(List.of(new Span("s-ab", "A", "B", 2, 2), new Span("s-bc", "B", "C", 3, 2)),
                DefaultCatalog.dwdmOptics());
        Instance twoSites = i.withDwdm(List.of(new Site("A", null), new Site("B", null)), List.of(),
                List.of(WdmEquipment.mux("m", 0, 100, 6, 0, 1, "")));

        assertThat(problems(twoSites)).contains("Racks[RC].site_id: unknown site \"C\"",
                "WdmEquipment[m].channels: MUX \"m\" needs 1 or more channels, got 0");
    }
}
