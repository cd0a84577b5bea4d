package io.fabricplan.dwdm.sndlib;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SndlibParsersTest {

    @Test
    void readsNodesLinksModulesDemandsAndPathsOfATinyNetwork() throws Exception {
        SndlibNetwork net = Triangle.parse("  D1 ( A C ) 2 12.5 3 ()\n  D2 ( C A ) 1 4 UNLIMITED",
                "  D1 (\n    P1 ( AC )\n    P2 ( AB BC)\n  )");
        assertThat(net.nodes()).containsExactly("A", "B", "C");
        assertThat(net.links()).extracting(SndlibNetwork.Link::id).containsExactly("AB", "BC", "AC");
        assertThat(net.links().get(2).modules()).containsExactly(new SndlibNetwork.Module(10, 10),
                new SndlibNetwork.Module(20, 18));
        SndlibNetwork.Demand d1 = net.demands().get(0);
        assertThat(d1.volume()).isEqualTo(25);
        assertThat(d1.maxPathLength()).isEqualTo(3);
        assertThat(net.demands().get(1).maxPathLength()).isEqualTo(-1);
        assertThat(net.paths().get("D1")).extracting(SndlibNetwork.Path::links)
                .containsExactly(List.of("AC"), List.of("AB", "BC"));
    }

    @Test
    void readsUnlimitedModulesAndPreinstalledCapacity() throws Exception {
        List<String> lines = List.of("NODES (", " A ( 0 0 ) () ()", " B ( 1 1 )", ")", "LINKS (",
                " L ( A B ) 63 100 10 1000 ( UNLIMITED 0 ) ()", ")", "DEMANDS (", ")");
        SndlibNetwork net = SndlibNetworkParser.parse("n", "n.txt", lines);
        SndlibNetwork.Link l = net.links().get(0);
        assertThat(l.preCapacity()).isEqualTo(63);
        assertThat(l.preCost()).isEqualTo(100);
        assertThat(l.routingCost()).isEqualTo(10);
        assertThat(l.setupCost()).isEqualTo(1000);
        assertThat(l.modules().get(0).capacity()).isInfinite();
    }

    @Test
    void readsEveryModelAttribute() throws Exception {
        SndlibVariant v = SndlibModelParser.parse("m.txt", Triangle.model("U-U-E-Y-S-E-Y-N"));
        assertThat(v.code()).isEqualTo("U-U-E-Y-S-E-Y-N");
        assertThat(v.fixedCharge()).isTrue();
        assertThat(v.routing()).isEqualTo(SndlibVariant.RoutingModel.SINGLE_PATH);
    }

    @Test
    void networkErrorsNameFileLineAndAHint() {
        List<String> lines = Triangle.network("  D1 ( A X ) 1 25 UNLIMITED ()", null);
        int line = lines.indexOf("  D1 ( A X ) 1 25 UNLIMITED ()") + 1;
        assertThatThrownBy(() -> SndlibNetworkParser.parse("t", "t.txt", lines))
                .isInstanceOf(SndlibFormatException.class)
                .hasMessageContaining("t.txt:" + line + ":")
                .hasMessageContaining("\"X\" is not in NODES")
                .hasMessageContaining("Maybe");
        List<String> badNumber = Triangle.network("  D1 ( A C ) 1 lots UNLIMITED ()", null);
        assertThatThrownBy(() -> SndlibNetworkParser.parse("t", "t.txt", badNumber))
                .hasMessageContaining("demand value of demand D1 is not a number: \"lots\"");
        List<String> unclosed = Triangle.network("  D1 ( A C ) 1 25 UNLIMITED ()", null).subList(0, 14);
        assertThatThrownBy(() -> SndlibNetworkParser.parse("t", "t.txt", unclosed))
                .hasMessageContaining("t.txt:").hasMessageContaining("end of file");
    }

    @Test
    void modelErrorsNameFileLineAndTheAllowedValues() {
        List<String> lines = new java.util.ArrayList<>(Triangle.model("D-B-M-N-C-A-N-N"));
        lines.set(2, "LINK_MODEL = SIDEWAYS");
        assertThatThrownBy(() -> SndlibModelParser.parse("m.txt", lines))
                .hasMessageContaining("m.txt:3: LINK_MODEL has unknown value \"SIDEWAYS\"")
                .hasMessageContaining("UNDIRECTED, BIDIRECTED, DIRECTED");
        assertThatThrownBy(() -> SndlibModelParser.parse("m.txt", lines.subList(0, 2)))
                .hasMessageContaining("attribute LINK_MODEL is missing");
        assertThatThrownBy(() -> SndlibModelParser.parse("n.txt",
                List.of("?SNDlib native format; type: network; version: 1.0")))
                .hasMessageContaining("not an SNDlib model file");
    }

    @Test
    void aModelFileGivenAsNetworkIsRejectedWithAHint() {
        assertThatThrownBy(() -> SndlibNetworkParser.parse("m", "m.txt", Triangle.model("D-B-M-N-C-A-N-N")))
                .hasMessageContaining("m.txt:1: this is an SNDlib model file, not a network file")
                .hasMessageContaining("NETWORK.txt then MODEL.txt");
    }

    @Test
    void readsTheFormatDocumentationExamples() throws Exception {
        java.nio.file.Path docs = SndlibData.dir().resolve("format-docs");
        SndlibNetwork net = SndlibNetworkParser.parse(docs.resolve("example-network.txt"));
        assertThat(net.nodes()).hasSize(5);
        assertThat(net.links()).hasSize(8);
        assertThat(net.demands()).extracting(SndlibNetwork.Demand::id).containsExactly("D_AC", "D_EC", "D_AB");
        assertThat(net.demands().get(2).volume()).isEqualTo(126);
        assertThat(net.demands().get(2).maxPathLength()).isEqualTo(2);
        assertThat(net.paths().get("D_EC")).hasSize(4);
        assertThat(net.paths().get("D_AB").get(1).links()).containsExactly("L_AC", "L_BC");
        SndlibVariant v = SndlibModelParser.parse(docs.resolve("example-model.txt"));
        assertThat(v.code()).isEqualTo("U-U-E-N-S-E-Y-P");
    }

    @Test
    void readsEveryBenchmarkNetworkAndModel() throws Exception {
        java.nio.file.Path dir = SndlibData.dir();
        for (String name : List.of("abilene", "polska", "atlanta", "di-yuan", "germany50", "nobel-us", "pdh")) {
            SndlibNetwork net = SndlibNetworkParser.parse(dir.resolve(name).resolve(name + ".txt"));
            assertThat(net.demands()).as(name).isNotEmpty();
            try (var models = java.nio.file.Files.list(dir.resolve(name).resolve("models"))) {
                for (java.nio.file.Path m : models.toList()) {
                    assertThat(SndlibModelParser.parse(m).code() + ".txt").isEqualTo(m.getFileName().toString());
                }
            }
        }
    }
}
