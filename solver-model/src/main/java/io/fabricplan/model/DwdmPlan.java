package io.fabricplan.model;

import java.util.List;

/**
 * How the cables of links between sites cross the spans, and the line equipment that carries them.
 *
 * <p>Conventions (the checker's and the optimiser's):
 * <ul>
 *   <li>Every cable of a link between sites without a {@code length_m} (a link with one keeps today's rule: its
 *       own cable of that length, checked by reach) (cable {@code 0..count-1} of its Links row) is either one
 *       {@link Lightpath} (a COHERENT optic on a DWDM channel) or one {@link GreyRoute} (any optic on dedicated
 *       fiber pairs). Its optic agrees with the link's assignments: per link and optic, as many cables as the
 *       LinkPlan counts.</li>
 *   <li>Routes run from the site of the link's {@code a_device} to the site of its {@code b_device}.</li>
 *   <li>A fiber pair of a span carries either one grey cable or one DWDM system. A DWDM fiber pair (any pair a
 *       lightpath uses) is terminated at each end by one {@link MuxPlacement}: two per DWDM pair, one at each of
 *       the span's sites. A lightpath crossing an intermediate site goes through the DEMUX of the span it leaves
 *       and the MUX of the span it enters (optical pass-through, no regeneration).</li>
 *   <li>{@link AmplifierPlacement}s with {@code count = k} split the span's fiber pair into k equal-loss
 *       sections, each ending in an amplifier (k-1 in-line sites and a pre-amplifier at the far end).</li>
 * </ul>
 *
 * @param lightpaths DWDM channels, one per cable
 * @param greyRoutes cables on dedicated fiber pairs
 * @param amplifiers line amplifiers per span fiber pair
 * @param muxes      MUX/DEMUX pairs per end of each DWDM fiber pair
 */
public record DwdmPlan(List<Lightpath> lightpaths, List<GreyRoute> greyRoutes, List<AmplifierPlacement> amplifiers,
                       List<MuxPlacement> muxes) {
    public static final DwdmPlan EMPTY = new DwdmPlan(List.of(), List.of(), List.of(), List.of());

    public DwdmPlan {
        lightpaths = lightpaths == null ? List.of() : List.copyOf(lightpaths);
        greyRoutes = greyRoutes == null ? List.of() : List.copyOf(greyRoutes);
        amplifiers = amplifiers == null ? List.of() : List.copyOf(amplifiers);
        muxes = muxes == null ? List.of() : List.copyOf(muxes);
    }

    public boolean isEmpty() {
        return lightpaths.isEmpty() && greyRoutes.isEmpty() && amplifiers.isEmpty() && muxes.isEmpty();
    }
}
