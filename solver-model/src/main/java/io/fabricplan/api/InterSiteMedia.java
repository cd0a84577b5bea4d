package io.fabricplan.api;

/**
 * Which media the planner may use for the cables between sites that cross the spans: the trade-off study's knob.
 * The plan checker accepts any mix; this only narrows the planner's choice.
 */
public enum InterSiteMedia {
    /** The optimiser's choice per cable: grey optics on dedicated fiber pairs or DWDM channels. */
    ANY,
    /** Grey optics (any non-COHERENT option) on dedicated fiber pairs only. */
    GREY,
    /** DWDM channels (COHERENT optics through MUX/DEMUX) only. */
    DWDM
}
