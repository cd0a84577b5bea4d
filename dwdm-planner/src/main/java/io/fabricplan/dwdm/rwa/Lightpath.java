package io.fabricplan.dwdm.rwa;

import java.util.List;

/** One routed, coloured request: node ids as in the input, path from src to dst, wavelength from 0. */
public record Lightpath(String src, String dst, List<String> path, int wavelength) {
    public Lightpath {
        path = List.copyOf(path);
    }
}
