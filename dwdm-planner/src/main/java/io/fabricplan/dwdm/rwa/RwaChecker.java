package io.fabricplan.dwdm.rwa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a result independently of the solver: one lightpath per request in order with its src and dst, every
 * path a walk over existing links from src to dst using no fiber twice, wavelengths in [0, W) with W = max + 1,
 * and distinct wavelengths for lightpaths sharing a directed fiber. Returns the violations (empty when valid).
 */
public final class RwaChecker {
    private RwaChecker() {
    }

    public static List<String> check(RwaProblem problem, RwaResult result) {
        List<String> bad = new ArrayList<>();
        Network net = problem.network();
        List<Lightpath> lps = result.lightpaths();
        if (lps.size() != problem.requests().size()) {
            bad.add(lps.size() + " lightpaths for " + problem.requests().size() + " requests");
            return bad;
        }
        Map<String, Integer> owner = new HashMap<>(); // "from>to#wavelength" -> lightpath
        int max = -1;
        for (int i = 0; i < lps.size(); i++) {
            Lightpath lp = lps.get(i);
            Request r = problem.requests().get(i);
            String src = net.nodeId(r.src());
            String dst = net.nodeId(r.dst());
            if (!lp.src().equals(src) || !lp.dst().equals(dst)) {
                bad.add("lightpath " + i + " is " + lp.src() + "->" + lp.dst() + ", request is " + src + "->" + dst);
            }
            List<String> p = lp.path();
            if (p.size() < 2 || !p.get(0).equals(src) || !p.get(p.size() - 1).equals(dst)) {
                bad.add("lightpath " + i + ": path " + p + " does not run from " + src + " to " + dst);
                continue;
            }
            if (lp.wavelength() < 0) {
                bad.add("lightpath " + i + ": negative wavelength " + lp.wavelength());
            }
            max = Math.max(max, lp.wavelength());
            java.util.Set<String> own = new java.util.HashSet<>();
            for (int h = 0; h + 1 < p.size(); h++) {
                int a = net.indexOf(p.get(h));
                int b = net.indexOf(p.get(h + 1));
                if (a < 0 || b < 0 || net.fiber(a, b) < 0) {
                    bad.add("lightpath " + i + ": no link " + p.get(h) + "-" + p.get(h + 1));
                    continue;
                }
                String fiber = p.get(h) + ">" + p.get(h + 1);
                if (!own.add(fiber)) {
                    bad.add("lightpath " + i + " uses fiber " + fiber + " twice");
                    continue;
                }
                Integer other = owner.putIfAbsent(fiber + "#" + lp.wavelength(), i);
                if (other != null) {
                    bad.add("lightpaths " + other + " and " + i + " share fiber " + fiber + " on wavelength "
                            + lp.wavelength());
                }
            }
        }
        if (result.wavelengths() != max + 1) {
            bad.add("wavelengths is " + result.wavelengths() + " but the highest wavelength used is " + max);
        }
        if (result.lowerBound() > result.wavelengths()) {
            bad.add("lower bound " + result.lowerBound() + " exceeds wavelengths " + result.wavelengths());
        }
        if (result.status() == RwaResult.Status.OPTIMAL && result.lowerBound() != result.wavelengths()) {
            bad.add("status OPTIMAL but lower bound " + result.lowerBound() + " < " + result.wavelengths());
        }
        return bad;
    }
}
