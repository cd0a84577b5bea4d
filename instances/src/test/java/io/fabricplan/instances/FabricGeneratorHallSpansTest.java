package io.fabricplan.instances;

import io.fabricplan.api.Baseline;
import io.fabricplan.api.InterSiteMedia;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.formulations.GreedyPlanner;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.DwdmPlan;
import io.fabricplan.model.GreyRoute;
import io.fabricplan.model.Instance;
import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Link;
import io.fabricplan.model.Site;
import io.fabricplan.model.Span;
import io.fabricplan.model.SpanHop;
import io.fabricplan.validate.InstanceValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code fabricplan generate --halls H --hall-spans}: halls as sites on a ring of fiber spans. */
class FabricGeneratorHallSpansTest {
    private static final GeneratorOptions SMALL = GeneratorOptions.of(1024).withHalls(2)
            .withHallSpans(GeneratorOptions.HallSpans.defaults());

    private static String siteOf(InstanceIndex index, String device) {
        return index.rack(index.device(device).rackId()).siteId();
    }

    private static List<Link> crossing(Instance instance) {
        InstanceIndex index = new InstanceIndex(instance);
        return instance.links().stream().filter(l -> !siteOf(index, l.aDevice()).equals(siteOf(index, l.bDevice())))
                .toList();
    }

    @Test
    void hallsAreSitesOnARingOfSpansAndLinksBetweenThemHaveNoLength() {
        GeneratedFabric fabric = FabricGenerator.generate(GeneratorOptions.of(4096).withHalls(4)
                .withHallSpans(GeneratorOptions.HallSpans.defaults()));
        Instance instance = fabric.instance();

        assertThat(new InstanceValidator().validate(instance)).isEmpty();
        assertThat(instance.sites()).extracting(Site::id).containsExactly("hall1", "hall2", "hall3", "hall4");
        assertThat(instance.spans()).extracting(s -> s.aSite() + "-" + s.bSite())
                .containsExactly("hall1-hall2", "hall2-hall3", "hall3-hall4", "hall4-hall1");
        assertThat(instance.spans()).allSatisfy(s -> assertThat(s.lengthKm()).isEqualTo(2.0));
        assertThat(instance.wdmEquipment()).isEqualTo(DefaultCatalog.wdmEquipment());
        assertThat(instance.optics()).isEqualTo(DefaultCatalog.dwdmOptics());
        List<Link> crossing = crossing(instance);
        assertThat(crossing).isNotEmpty().allSatisfy(l -> assertThat(l.lengthM()).as(l.id()).isNull());
        long cables = crossing.stream().mapToLong(Link::count).sum();
        assertThat(fabric.sizing().hallCables()).isEqualTo(cables);
        assertThat(fabric.sizing().spans()).isEqualTo(4);
        assertThat(fabric.sizing().summary()).contains("between halls over a ring of 4 spans of 2 km");
    }

    @Test
    void defaultFiberPairsAreHalfTheCablesBetweenNeighbouringHallsPlusThosePassingAHall() {
        // 2 tiers, one SU and 4 of the 8 spines per hall: each leaf has 8 links to each spine of the other hall
        GeneratedFabric fabric = FabricGenerator.generate(SMALL);

        assertThat(fabric.instance().spans()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("s-hall1-hall2");
            assertThat(s.fiberPairs()).isEqualTo(256);
        });
        assertThat(fabric.sizing().hallCables()).isEqualTo(2 * 8 * 4 * 8);
        // 4 halls of 16,384 GPUs on 3 tiers: 2,048 cables per pair of halls; a span carries its neighbours'
        // 2,048 (half: 1,024 pairs) and, passing a hall, half of both diagonals' (1,024 each): 3,072 pairs
        Instance ring = FabricGenerator.generate(GeneratorOptions.of(16_384).withHalls(4)
                .withHallSpans(GeneratorOptions.HallSpans.defaults())).instance();
        assertThat(crossing(ring).stream().mapToLong(Link::count).sum()).isEqualTo(6 * 2048);
        assertThat(ring.spans()).extracting(Span::fiberPairs).containsOnly(3072);
    }

    @Test
    void givenSpanLengthAndFiberPairsAreUsedAsTheyAre() {
        Instance instance = FabricGenerator.generate(GeneratorOptions.of(2048).withHalls(3).withHallSpans(5.5, 100))
                .instance();

        assertThat(instance.spans()).hasSize(3).allSatisfy(s -> {
            assertThat(s.lengthKm()).isEqualTo(5.5);
            assertThat(s.fiberPairs()).isEqualTo(100);
        });
        assertThat(new InstanceValidator().validate(instance)).isEmpty();
    }

    /** The largest fabric the benchmarks plan over spans is a valid instance (its spans have 24,576 pairs). */
    @Test
    void hundredThirtyOneThousandGpusInFourHallsAreValid() {
        Instance instance = FabricGenerator.generate(GeneratorOptions.of(131_072).withSwitchFamily("SW102T")
                .withNicGbps(800).withHalls(4).withHallSpans(GeneratorOptions.HallSpans.defaults())).instance();

        assertThat(instance.spans()).allSatisfy(s -> assertThat(s.fiberPairs()).isEqualTo(24_576));
        assertThat(new InstanceValidator().validate(instance)).isEmpty();
    }

    @Test
    void sameSeedGivesTheSameInstance() {
        GeneratorOptions options = GeneratorOptions.of(4096).withHalls(3).withSeed(5)
                .withHallSpans(GeneratorOptions.HallSpans.defaults());

        assertThat(FabricGenerator.generate(options).instance()).isEqualTo(FabricGenerator.generate(options).instance());
    }

    @Test
    void smallCampusSolvesWithGreyCablesAndLightpathsAndPassesTheChecker() {
        Instance instance = FabricGenerator.generate(SMALL).instance();

        PlanResult result = Planner.create().solve(instance, SolveOptions.from(instance.settings())
                .withTimeLimitSeconds(60));

        assertThat(result.status()).isIn(SolveStatus.OPTIMAL, SolveStatus.FEASIBLE);
        assertThat(new PlanChecker(instance).check(result.plan()).violations()).isEmpty();
        DwdmPlan dwdm = result.plan().dwdm();
        assertThat(dwdm.greyRoutes()).isNotEmpty();
        assertThat(dwdm.lightpaths()).isNotEmpty();
        assertThat(dwdm.greyRoutes().size() + dwdm.lightpaths().size()).isEqualTo(512);
    }

    /** 800ZR cannot pass a hall through the default 6 dB AWGs: the diagonals go grey, neighbours grey or DWDM. */
    @Test
    void ringOfFourHallsAt800gSolvesWithDiagonalsGreyAndLightpathsBetweenNeighbours() {
        Instance instance = FabricGenerator.generate(GeneratorOptions.of(1024).withGpusPerNode(4)
                .withSwitchFamily("SW102T").withNicGbps(800).withHalls(4)
                .withHallSpans(GeneratorOptions.HallSpans.defaults())).instance();

        PlanResult result = Planner.create().solve(instance, SolveOptions.from(instance.settings())
                .withTimeLimitSeconds(60));

        assertThat(result.status()).isIn(SolveStatus.OPTIMAL, SolveStatus.FEASIBLE);
        assertThat(new PlanChecker(instance).check(result.plan()).violations()).isEmpty();
        DwdmPlan dwdm = result.plan().dwdm();
        assertThat(dwdm.lightpaths()).isNotEmpty().allSatisfy(lp -> {
            assertThat(lp.opticId()).isEqualTo("zr800");
            assertThat(lp.route()).hasSize(1);
        });
        assertThat(dwdm.greyRoutes()).anySatisfy(g -> assertThat(g.route()).hasSize(2));
    }

    @Test
    void allGreyDoesNotFitTheDefaultFiberPairs() {
        Instance instance = FabricGenerator.generate(SMALL).instance();

        PlanResult allGrey = Planner.create().solve(instance, SolveOptions.from(instance.settings())
                .withInterSite(InterSiteMedia.GREY).withTimeLimitSeconds(60));

        assertThat(allGrey.status()).isEqualTo(SolveStatus.INFEASIBLE);
    }

    /**
     * 4 halls at 800G: 800ZR cannot pass a hall, so cables between opposite halls can only go grey, either way
     * round the ring. The rule of thumb routes them first and spreads them over both ways; it used to take them
     * in Links order, after the neighbours had used the grey fiber, and found no way across (no baseline).
     */
    @Test
    void ruleOfThumbCarriesEveryCableBetweenFourHallsWhereOppositeHallsCanOnlyGoGrey() {
        Instance instance = FabricGenerator.generate(GeneratorOptions.of(2048).withSwitchFamily("SW102T")
                .withNicGbps(800).withHalls(4).withHallSpans(GeneratorOptions.HallSpans.defaults())).instance();

        Baseline baseline = new GreedyPlanner().plan(instance);

        assertThat(baseline).isNotNull();
        DwdmPlan dwdm = baseline.plan().dwdm();
        assertThat(dwdm.greyRoutes().size() + dwdm.lightpaths().size())
                .isEqualTo(crossing(instance).stream().mapToLong(Link::count).sum());
        assertThat(dwdm.lightpaths()).isNotEmpty().allSatisfy(lp -> assertThat(lp.route()).hasSize(1));
        List<GreyRoute> opposite = dwdm.greyRoutes().stream().filter(g -> g.route().size() == 2).toList();
        assertThat(opposite).as("every cable between opposite halls, grey").hasSize(4 * 128);
        assertThat(opposite.stream().map(g -> g.route().stream().map(SpanHop::spanId).sorted().toList()).distinct())
                .as("both ways round the ring").hasSize(4);
        assertThat(baseline.violations()).as("a valid plan, so the solve's warm start").isEmpty();
    }

    @Test
    void hallSpansNeedTwoHallsAndBadValuesSayWhatToDo() {
        assertThatThrownBy(() -> FabricGenerator.generate(GeneratorOptions.of(1024)
                .withHallSpans(GeneratorOptions.HallSpans.defaults())))
                .hasMessageContaining("--hall-spans needs at least 2 halls").hasMessageContaining("\nMaybe add --halls");
        assertThatThrownBy(() -> new GeneratorOptions.HallSpans(0, 10)).hasMessageContaining("--span-km")
                .hasMessageMatching("(?s).*\nMaybe [^\n]*");
        assertThatThrownBy(() -> new GeneratorOptions.HallSpans(Double.NaN, 10)).hasMessageContaining("--span-km");
        assertThatThrownBy(() -> new GeneratorOptions.HallSpans(500, 10)).hasMessageContaining("at most 120");
        assertThatThrownBy(() -> new GeneratorOptions.HallSpans(2, -1)).hasMessageContaining("--fiber-pairs")
                .hasMessageContaining("\nMaybe ");
    }
}
