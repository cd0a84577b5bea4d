package io.fabricplan.model;

/** Transmission medium of an interconnect. */
public enum Media { COPPER, MMF, SMF }
