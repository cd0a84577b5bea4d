package io.fabricplan.model;

/** Interconnect kinds. Assemblies are priced and powered per cable; modules per link end. */
public enum OpticKind {
    DAC, ACC, AEC, AOC, TRANSCEIVER, COHERENT;

    /** True for cable assemblies (DAC, ACC, AEC, AOC): one price and one power figure per link. */
    public boolean isAssembly() {
        return this == DAC || this == ACC || this == AEC || this == AOC;
    }

    /** True for pluggable modules (TRANSCEIVER, COHERENT): priced and powered per link end. */
    public boolean isModule() {
        return !isAssembly();
    }
}
