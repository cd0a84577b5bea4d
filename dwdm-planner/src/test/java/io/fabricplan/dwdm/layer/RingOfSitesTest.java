package io.fabricplan.dwdm.layer;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import io.fabricplan.model.Site;
import io.fabricplan.model.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Eight sites S0..S7 on a ring of 3-11 km spans with four 9 km chords S_i-S_(i+4); one spine per site and four
 * 400G links between every two spines (112 cables over 28 site pairs), 16 fiber pairs per span. Past the
 * per-channel limit, so the layer solves per-span loads and assigns channels after the solve.
 * <pre>
 *      S0 - S1 - S2 - S3
 *      |  \\_________/    |     (chords S0-S4, S1-S5, S2-S6, S3-S7)
 *      S7 - S6 - S5 - S4
 * </pre>
 */
class RingOfSitesTest {

    static Instance ring(int n) {
        List<Rack> racks = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        List<Site> sites = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String s = "S" + i;
            sites.add(new Site(s, null));
            racks.add(new Rack(s + "-R", s, 0, 0, 40, 0, 20));
            devices.add(Device.switchOf("sp" + i, Role.SPINE, "SW51T", PackagingChoice.PLUGGABLE, s + "-R"));
            spans.add(new Span("s" + i, s, "S" + ((i + 1) % n), 3 + i % 3 * 4, 16));
            if (i < n / 2) {
                spans.add(new Span("d" + i, s, "S" + (i + n / 2), 9, 16));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                links.add(new Link("l" + i + "-" + j, "sp" + i, "sp" + j, 4, 400, null));
            }
        }
        return new Instance(Settings.defaults(), racks, DefaultCatalog.switchModels(), devices, links,
                DefaultCatalog.dwdmOptics()).withDwdm(sites, spans, DefaultCatalog.wdmEquipment());
    }

    @Test
    void eightSitesSolveToOptimalityWithLoadsAndAssignedChannels() {
        Instance instance = ring(8);

        PlanResult result = Planner.create().solve(instance, SolveOptions.from(instance.settings())
                .withTimeLimitSeconds(60));

        assertThat(result.status()).isEqualTo(SolveStatus.OPTIMAL);
        CheckReport report = new PlanChecker(instance).check(result.plan());
        assertThat(report.violations()).isEmpty();
        assertThat(result.objectiveValue()).isCloseTo(1_225_199.28, within(1e-3));
        assertThat(result.plan().dwdm().greyRoutes().size() + result.plan().dwdm().lightpaths().size())
                .isEqualTo(112);
        assertThat(result.plan().dwdm().lightpaths()).isNotEmpty();
        // the rule of thumb (grey on the shortest route while fiber lasts, then DWDM, spans fitted for margin) is
        // a valid plan the checker accepts, and the optimum costs well under half of it here
        assertThat(result.baseline()).isNotNull();
        assertThat(result.baseline().violations()).isEmpty();
        assertThat(result.baseline().evaluation().objectiveValue()).isCloseTo(3_030_158.88, within(1e-3));
    }
}
