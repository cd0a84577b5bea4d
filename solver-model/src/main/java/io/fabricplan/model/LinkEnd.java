package io.fabricplan.model;

/**
 * What terminates one end of a link: a pluggable cage (server NIC or pluggable switch) or a CPO port.
 *
 * @param packaging  PLUGGABLE or CPO
 * @param lpoCapable pluggable ends: whether linear pluggables may plug in
 * @param cpoPmd     CPO ends: the only PMD the port speaks
 * @param model      switch ends: the switch model, null for servers
 */
public record LinkEnd(Packaging packaging, boolean lpoCapable, String cpoPmd, SwitchModel model) {

    /** The end a server (or other non-switch device) presents. */
    public static LinkEnd of(Device server) {
        return new LinkEnd(Packaging.PLUGGABLE, server.lpoCapable(), null, null);
    }

    /** The end a switch of the given model presents. */
    public static LinkEnd of(SwitchModel model) {
        return new LinkEnd(model.packaging(), model.lpoCapable(), model.cpoPmd(), model);
    }
}
