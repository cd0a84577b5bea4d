package io.fabricplan.model;

/** Kinds of DWDM line equipment. */
public enum WdmKind {
    /** A passive MUX/DEMUX pair (AWG) terminating one end of a DWDM fiber pair: one MUX and one DEMUX. */
    MUX,
    /** A line amplifier (EDFA) for one fiber pair, both directions. */
    AMPLIFIER
}
