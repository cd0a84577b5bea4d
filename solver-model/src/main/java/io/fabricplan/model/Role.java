package io.fabricplan.model;

/** What a device is in the fabric. */
public enum Role { SERVER, LEAF, SPINE, CORE, OTHER }
