package io.fabricplan.model;

/** How a switch model (or a link end) carries its optics. */
public enum Packaging { PLUGGABLE, CPO }
