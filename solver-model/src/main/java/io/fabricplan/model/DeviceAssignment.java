package io.fabricplan.model;

import java.util.Objects;

/**
 * Where a device stands and, for a switch, which model it is.
 *
 * @param deviceId device id
 * @param modelId  chosen switch model, null for servers
 * @param rackId   rack the device stands in
 */
public record DeviceAssignment(String deviceId, String modelId, String rackId) {
    public DeviceAssignment {
        Objects.requireNonNull(deviceId, "deviceId");
    }
}
