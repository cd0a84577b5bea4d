package io.fabricplan.model;

/** What a plan minimises. */
public enum Objective {
    /** Capital expenditure: switches plus interconnects, in USD. */
    COST,
    /** Electrical power of the network, in W. */
    POWER,
    /** Capex plus the energy bill over {@code years}, with PUE. */
    TCO,
    /** Capex plus {@code usd_per_watt} times power. */
    WEIGHTED
}
