package io.fabricplan.model;

import java.util.Objects;

/**
 * What serves one link: the module at its a end and the one at its b end, the same optic for an ordinary link or
 * a cable assembly, two that pair ({@link FabricRules#pairs}) for a twin-port module facing a single-port one.
 *
 * @param a the a end's module, or the assembly
 * @param b the b end's module, or the same assembly
 */
public record OpticPair(Optic a, Optic b) {
    public OpticPair {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
    }

    /** Both ends carry the optic (or it is one assembly). */
    public static OpticPair of(Optic optic) {
        return new OpticPair(optic, optic);
    }

    public boolean symmetric() {
        return a.id().equals(b.id());
    }

    /** The pair seen from the other end. */
    public OpticPair reversed() {
        return new OpticPair(b, a);
    }

    /** {@code a} for a symmetric pair, {@code a/b} otherwise: how variable names and messages show it. */
    public String label() {
        return symmetric() ? a.id() : a.id() + "/" + b.id();
    }

    /** The optic at one end. */
    public Optic at(boolean atA) {
        return atA ? a : b;
    }
}
