package io.fabricplan.dwdm.sndlib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the SNDlib native network format (version 1.0): sections META (skipped), NODES, LINKS, DEMANDS and the
 * optional ADMISSIBLE_PATHS. Parentheses are tokens of their own; '#' starts a comment; optional trailing groups
 * (node coordinates, link and demand options) are accepted when on the same line. Every error names file and
 * line.
 */
public final class SndlibNetworkParser {

    private SndlibNetworkParser() {
    }

    public static SndlibNetwork parse(Path file) throws SndlibFormatException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SndlibFormatException(file + ": cannot read the network file (" + e.getMessage()
                    + "). Maybe check the path");
        }
        String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
        return parse(name, file.toString(), lines);
    }

    /** Parses the lines of a network file; {@code fileName} appears in error messages. */
    public static SndlibNetwork parse(String name, String fileName, List<String> lines) throws SndlibFormatException {
        return new Reader(fileName, Tokens.of(fileName, lines, "network")).read(name);
    }

    private static final class Reader {
        private final String file;
        private final Tokens t;
        private final List<String> nodes = new ArrayList<>();
        private final Set<String> nodeSet = new HashSet<>();
        private final List<SndlibNetwork.Link> links = new ArrayList<>();
        private final Set<String> linkIds = new HashSet<>();
        private final List<SndlibNetwork.Demand> demands = new ArrayList<>();
        private final Set<String> demandIds = new HashSet<>();
        private final Map<String, List<SndlibNetwork.Path>> paths = new LinkedHashMap<>();

        Reader(String file, Tokens t) {
            this.file = file;
            this.t = t;
        }

        SndlibNetwork read(String name) throws SndlibFormatException {
            Set<String> seen = new HashSet<>();
            while (t.hasNext()) {
                Tokens.Token kw = t.next();
                if (!seen.add(kw.text())) {
                    throw t.error(kw, "section " + kw.text() + " appears twice", "merge the two sections");
                }
                switch (kw.text()) {
                    case "NODES" -> section(this::node);
                    case "LINKS" -> section(this::link);
                    case "DEMANDS" -> section(this::demand);
                    case "ADMISSIBLE_PATHS" -> section(this::demandPaths);
                    default -> throw t.error(kw, "unknown section \"" + kw.text() + "\"",
                            "the sections are NODES, LINKS, DEMANDS and ADMISSIBLE_PATHS (META is skipped)");
                }
            }
            if (nodes.isEmpty()) {
                throw SndlibFormatException.at(file, 0, "no NODES section or no nodes",
                        "this is not an SNDlib network file");
            }
            if (links.isEmpty()) {
                throw SndlibFormatException.at(file, 0, "no LINKS section or no links", "add a LINKS section");
            }
            return new SndlibNetwork(name, nodes, links, demands, paths);
        }

        private interface Item {
            void read() throws SndlibFormatException;
        }

        private void section(Item item) throws SndlibFormatException {
            t.expect("(");
            while (!t.peekIs(")")) {
                item.read();
            }
            t.expect(")");
        }

        private void node() throws SndlibFormatException {
            Tokens.Token id = t.identifier("node id");
            if (!nodeSet.add(id.text())) {
                throw t.error(id, "node " + id.text() + " is defined twice", "node ids must be unique");
            }
            nodes.add(id.text());
            if (t.peekIsOnLine("(", id.line())) {
                t.expect("(");
                t.number("x-coordinate");
                t.number("y-coordinate");
                t.expect(")");
            }
            t.skipGroupsOnLine(id.line());
        }

        private void link() throws SndlibFormatException {
            Tokens.Token id = t.identifier("link id");
            if (!linkIds.add(id.text())) {
                throw t.error(id, "link " + id.text() + " is defined twice", "link ids must be unique");
            }
            t.expect("(");
            String s = knownNode("source node of link " + id.text());
            String d = knownNode("target node of link " + id.text());
            t.expect(")");
            if (s.equals(d)) {
                throw t.error(id, "link " + id.text() + " has equal end nodes " + s, "remove the loop");
            }
            double preCap = t.nonNegative("pre-installed capacity of link " + id.text());
            double preCost = t.number("pre-installed capacity cost of link " + id.text());
            double routing = t.number("routing cost of link " + id.text());
            double setup = t.number("setup cost of link " + id.text());
            t.expect("(");
            List<SndlibNetwork.Module> modules = new ArrayList<>();
            while (!t.peekIs(")")) {
                Tokens.Token cap = t.next();
                double c = "UNLIMITED".equals(cap.text()) ? Double.POSITIVE_INFINITY
                        : t.toNumber(cap, "module capacity of link " + id.text());
                if (!(c > 0)) {
                    throw t.error(cap, "module capacity " + cap.text() + " of link " + id.text()
                            + " is not positive", "module capacities must be positive");
                }
                if (t.peekIs(")")) {
                    throw t.error(cap, "module capacity " + cap.text() + " of link " + id.text()
                            + " has no cost", "the list is ( capacity cost capacity cost ... )");
                }
                modules.add(new SndlibNetwork.Module(c, t.number("module cost of link " + id.text())));
            }
            t.expect(")");
            t.skipGroupsOnLine(id.line());
            links.add(new SndlibNetwork.Link(id.text(), s, d, preCap, preCost, routing, setup, modules));
        }

        private void demand() throws SndlibFormatException {
            Tokens.Token id = t.identifier("demand id");
            if (!demandIds.add(id.text())) {
                throw t.error(id, "demand " + id.text() + " is defined twice", "demand ids must be unique");
            }
            t.expect("(");
            String s = knownNode("source node of demand " + id.text());
            String d = knownNode("target node of demand " + id.text());
            t.expect(")");
            if (s.equals(d)) {
                throw t.error(id, "demand " + id.text() + " has equal end nodes " + s, "remove the demand");
            }
            double unit = t.nonNegative("routing unit of demand " + id.text());
            double value = t.nonNegative("demand value of demand " + id.text());
            Tokens.Token hop = t.next();
            int maxLen;
            if ("UNLIMITED".equals(hop.text())) {
                maxLen = -1;
            } else {
                double h = t.toNumber(hop, "max path length of demand " + id.text());
                if (h < 1 || h != Math.rint(h)) {
                    throw t.error(hop, "max path length " + hop.text() + " of demand " + id.text()
                            + " is not a positive integer", "write a hop count or UNLIMITED");
                }
                maxLen = (int) h;
            }
            t.skipGroupsOnLine(id.line());
            demands.add(new SndlibNetwork.Demand(id.text(), s, d, unit, value, maxLen));
        }

        private void demandPaths() throws SndlibFormatException {
            Tokens.Token demand = t.identifier("demand id");
            if (!demandIds.contains(demand.text())) {
                throw t.error(demand, "admissible paths for unknown demand " + demand.text(),
                        "define the demand in DEMANDS (before ADMISSIBLE_PATHS)");
            }
            t.expect("(");
            List<SndlibNetwork.Path> list = new ArrayList<>();
            while (!t.peekIs(")")) {
                Tokens.Token pid = t.identifier("path id");
                t.expect("(");
                List<String> ls = new ArrayList<>();
                while (!t.peekIs(")")) {
                    Tokens.Token l = t.identifier("link id");
                    if (!linkIds.contains(l.text())) {
                        throw t.error(l, "path " + pid.text() + " of demand " + demand.text()
                                + " uses unknown link " + l.text(), "define the link in LINKS");
                    }
                    ls.add(l.text());
                }
                t.expect(")");
                if (ls.isEmpty()) {
                    throw t.error(pid, "path " + pid.text() + " of demand " + demand.text() + " has no links",
                            "a path lists one or more link ids");
                }
                list.add(new SndlibNetwork.Path(pid.text(), ls));
            }
            t.expect(")");
            paths.put(demand.text(), list);
        }

        private String knownNode(String what) throws SndlibFormatException {
            Tokens.Token n = t.identifier(what);
            if (!nodeSet.contains(n.text())) {
                throw t.error(n, what + " \"" + n.text() + "\" is not in NODES", "define the node in NODES first");
            }
            return n.text();
        }
    }
}
