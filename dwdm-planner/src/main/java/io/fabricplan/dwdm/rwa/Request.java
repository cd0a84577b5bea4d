package io.fabricplan.dwdm.rwa;

/** A lightpath request between two node indices of a {@link Network}. */
public record Request(int src, int dst) {
}
