package io.fabricplan.model;

/**
 * What terminates one end of a link: a pluggable cage (server NIC or pluggable switch) or a CPO port.
 *
 * @param packaging     PLUGGABLE or CPO
 * @param lpoCapable    pluggable ends: whether linear pluggables may plug in
 * @param cpoPmd        CPO ends: the only PMD the port speaks
 * @param model         switch ends: the switch model, null for servers
 * @param platform      the device's platform (Compatibility sheet), null when none
 * @param qualification the instance's Compatibility rows; {@link Qualification#NONE} when there are none
 * @param portGbps      the rate of the device's ports (a switch model's {@code port_gbps}, a server's); a
 *                      twin-port module or the wide end of a breakout cable needs ports at least as fast
 */
public record LinkEnd(Packaging packaging, boolean lpoCapable, String cpoPmd, SwitchModel model, String platform,
                      Qualification qualification, double portGbps) {
    public LinkEnd {
        qualification = qualification == null ? Qualification.NONE : qualification;
    }

    /** An end whose ports run at its model's rate (unbounded for no model). */
    public LinkEnd(Packaging packaging, boolean lpoCapable, String cpoPmd, SwitchModel model, String platform,
                   Qualification qualification) {
        this(packaging, lpoCapable, cpoPmd, model, platform, qualification,
                model == null ? Double.POSITIVE_INFINITY : model.portGbps());
    }

    /** An end outside any Compatibility rule. */
    public LinkEnd(Packaging packaging, boolean lpoCapable, String cpoPmd, SwitchModel model) {
        this(packaging, lpoCapable, cpoPmd, model, null, Qualification.NONE);
    }

    /** The end a server (or other non-switch device) presents, outside any Compatibility rule. */
    public static LinkEnd of(Device server) {
        return of(server, Qualification.NONE);
    }

    /** The end a switch of the given model presents, outside any Compatibility rule. */
    public static LinkEnd of(SwitchModel model) {
        return new LinkEnd(model.packaging(), model.lpoCapable(), model.cpoPmd(), model);
    }

    /** The end a server presents under the instance's Compatibility rows. */
    public static LinkEnd of(Device server, Qualification qualification) {
        return new LinkEnd(Packaging.PLUGGABLE, server.lpoCapable(), null, null, server.platform(), qualification,
                server.portGbps());
    }

    /** The end switch {@code device} presents as a {@code model} under the instance's Compatibility rows. */
    public static LinkEnd of(SwitchModel model, Device device, Qualification qualification) {
        return new LinkEnd(model.packaging(), model.lpoCapable(), model.cpoPmd(), model,
                device == null ? null : device.platform(), qualification);
    }

    /** Whether the Compatibility rows let this end take the optic (CPO ends take no module: always). */
    public boolean qualifies(Optic optic) {
        return packaging != Packaging.PLUGGABLE || qualification.allows(optic.id(), modelId(), family(), platform);
    }

    /** Coding per module of the optic at this end (0 at CPO ends and where no row asks for it). */
    public double codingUsd(Optic optic) {
        return packaging != Packaging.PLUGGABLE ? 0
                : qualification.codingUsd(optic.id(), modelId(), family(), platform);
    }

    private String modelId() {
        return model == null ? null : model.id();
    }

    private String family() {
        return model == null ? null : model.family();
    }
}
