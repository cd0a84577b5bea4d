package io.fabricplan.dwdm.layer;

import io.fabricplan.formulations.InterSiteLayer;
import io.fabricplan.formulations.MipModel;
import io.fabricplan.model.Instance;
import java.util.List;

/**
 * The DWDM layer of the joint fabric + optical model: routes every cable between sites over the spans, grey on
 * dedicated fiber pairs or as a DWDM channel, with wavelength continuity, channel distinctness per fiber pair,
 * MUX/DEMUX and amplifiers sized per span, and the OSNR and loss budget of every lightpath proven when the model
 * is built. Found by the planner through {@link java.util.ServiceLoader}; see {@link DwdmLayerModel} for the
 * model.
 */
public final class DwdmLayer implements InterSiteLayer {
    /** Routes per site pair offered to the model (Yen's k shortest). */
    public static final int DEFAULT_ROUTES = 4;

    /**
     * How wavelength continuity enters the model: {@link #PER_CHANNEL} channel-indexed rows (exact; grows with
     * channels x routes), {@link #LOAD} per-span loads with channels assigned after the solve (a relaxation: its
     * bound stays valid, the plan may need extra DWDM pairs), {@link #AUTO} the first while it has at most
     * {@value DwdmLayerModel#PER_CHANNEL_LIMIT} lightpath variables.
     */
    public enum ChannelModel {
        AUTO,
        PER_CHANNEL,
        LOAD
    }

    private final int routesPerPair;
    private final ChannelModel channelModel;

    public DwdmLayer() {
        this(DEFAULT_ROUTES, ChannelModel.AUTO);
    }

    public DwdmLayer(int routesPerPair, ChannelModel channelModel) {
        if (routesPerPair < 1) {
            throw new IllegalArgumentException("routesPerPair must be at least 1, got " + routesPerPair);
        }
        this.routesPerPair = routesPerPair;
        this.channelModel = java.util.Objects.requireNonNull(channelModel, "channelModel");
    }

    @Override
    public String name() {
        return DwdmLayerModel.NAME;
    }

    @Override
    public RuleOfThumb ruleOfThumb(Instance instance, List<Crossing> crossings) {
        return new RuleOfThumbCrossing(instance).plan(crossings);
    }

    @Override
    public Built build(MipModel model, Instance instance, List<Demand> demands, double capexWeight,
                       double powerWeight) {
        return DwdmLayerModel.build(model, instance, demands, capexWeight, powerWeight, routesPerPair, channelModel);
    }
}
