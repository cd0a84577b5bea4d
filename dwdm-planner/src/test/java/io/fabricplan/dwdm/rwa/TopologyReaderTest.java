package io.fabricplan.dwdm.rwa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopologyReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsNodeLinkJsonKeepingIds() throws Exception {
        Path f = write("t.json", """
                {"directed": false, "nodes": [{"id": 1, "name": "A"}, {"id": "B"}, {"id": 7}],
                 "links": [{"source": 1, "target": "B", "distance": 10.5}, {"source": "B", "target": 7}]}
                """);
        TopologyReader.Topology t = TopologyReader.read(f);
        assertThat(t.network().nodeIds()).containsExactly("1", "B", "7");
        assertThat(t.network().linkCount()).isEqualTo(2);
        assertThat(t.network().fiberCount()).isEqualTo(4);
        assertThat(t.hasRequests()).isFalse();
    }

    @Test
    void readsEdgeListWithCommentsAndHeaders() throws Exception {
        Path f = write("t.edges.txt", """
                # a comment
                NODES id name lon lat
                2\tSeattle\t-122.2\t47.6
                3\tPalo_Alto\t-122.1\t37.4
                4\tSan_Diego\t-117.2\t32.8
                EDGES u v length_km n_directed_links
                2\t3\t1100\t2
                3\t4\t600\t2
                """);
        Network n = TopologyReader.read(f).network();
        assertThat(n.nodeIds()).containsExactly("2", "3", "4");
        assertThat(n.linkCount()).isEqualTo(2);
        assertThat(n.fiber(n.indexOf("2"), n.indexOf("3"))).isNotNegative();
        assertThat(n.fiber(n.indexOf("2"), n.indexOf("4"))).isNegative();
    }

    @Test
    void readsMinRwaWithItsTraffics() throws Exception {
        Path f = write("m.json", """
                {"graph": {"nodeNum": 3, "edges": [{"source": 0, "target": 1}, {"source": 1, "target": 2}]},
                 "traffics": [{"ID": 0, "src": 0, "dst": 2}, {"ID": 1, "src": 2, "dst": 1}]}
                """);
        TopologyReader.Topology t = TopologyReader.read(f);
        assertThat(t.network().nodeIds()).containsExactly("0", "1", "2");
        assertThat(t.requests()).containsExactly(new Request(0, 2), new Request(2, 1));
    }

    @Test
    void readsRequestListByNodeId() throws Exception {
        Network n = TopologyReader.read(write("t.json", """
                {"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b"}]}
                """)).network();
        List<Request> r = TopologyReader.readRequests(write("r.json", "[{\"src\": \"b\", \"dst\": \"a\"}]"), n);
        assertThat(r).containsExactly(new Request(1, 0));
    }

    @Test
    void badEdgeLineNamesFileAndLine() throws Exception {
        Path f = write("bad.edges.txt", "NODES id\n1\n2\nEDGES u v length_km\n1 3 10\n");
        assertThatThrownBy(() -> TopologyReader.read(f)).isInstanceOf(RwaInputException.class)
                .hasMessageContaining("bad.edges.txt:5: unknown node \"3\"");
        Path g = write("len.edges.txt", "NODES id\n1\n2\nEDGES u v length_km\n1 2 far\n");
        assertThatThrownBy(() -> TopologyReader.read(g)).hasMessageContaining("len.edges.txt:5: length_km");
    }

    @Test
    void badJsonNamesFieldOrLine() throws Exception {
        Path f = write("m.json", """
                {"graph": {"nodeNum": 3, "edges": [{"source": 0}]}, "traffics": []}
                """);
        assertThatThrownBy(() -> TopologyReader.read(f)).isInstanceOf(RwaInputException.class)
                .hasMessageContaining("graph.edges[0].target is missing");
        Path g = write("broken.json", "{\"nodes\": [\n{\"id\": 1,,}]}");
        assertThatThrownBy(() -> TopologyReader.read(g)).hasMessageContaining("broken.json:2: invalid JSON");
        Path h = write("req.json", "{\"graph\": {\"nodeNum\": 2, \"edges\": [{\"source\": 0, \"target\": 1}]},"
                + " \"traffics\": [{\"src\": 0, \"dst\": 5}]}");
        assertThatThrownBy(() -> TopologyReader.read(h)).hasMessageContaining("traffics[0].dst: unknown node \"5\"");
        assertThatThrownBy(() -> TopologyReader.read(dir.resolve("none.json"))).hasMessageContaining("no such file");
    }

    @Test
    void readsSharedFilesOfEachFormat() {
        Network nsf = TopologyReader.read(Shared.file("rwa/topologies/NSFNet_N14_E42.edges.txt")).network();
        assertThat(nsf.nodeCount()).isEqualTo(14);
        assertThat(nsf.linkCount()).isEqualTo(21);
        Network abilene = TopologyReader.read(Shared.file("rwa/topologies/abilene_undirected.json")).network();
        assertThat(abilene.nodeCount()).isGreaterThan(5);
        TopologyReader.Topology eon = TopologyReader.read(Shared.file("rwa/minrwa/EON.json"));
        assertThat(eon.network().nodeCount()).isEqualTo(20);
        assertThat(eon.network().linkCount()).isEqualTo(39);
        assertThat(eon.requests()).hasSize(373);
    }
}
