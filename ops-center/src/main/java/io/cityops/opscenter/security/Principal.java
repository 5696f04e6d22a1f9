package io.cityops.opscenter.security;

import java.util.List;

/** An MQTT account the broker knows: its user name, what it is and what it may do. */
public record Principal(String username, Role role, List<Grant> grants) {

    /** The kinds of accounts. */
    public enum Role {
        /** A sensor: publishes its own readings, nothing else. */
        DEVICE,
        /** A field unit's device: receives its own alerts and sends its own acknowledgements. */
        FIELD_UNIT,
        /** The ingest bridges: read every sensor topic. */
        INGEST,
        /** The alert dispatcher: writes every unit's alerts and reads every unit's acks. */
        DISPATCHER
    }

    public Principal {
        grants = List.copyOf(grants);
    }

    /**
     * Devices and units must connect with their own id as client id, so that nobody can take over
     * (and so read or end) another client's session; services name their own client ids.
     */
    public boolean mayUseClientId(String clientId) {
        return switch (role) {
            case DEVICE, FIELD_UNIT -> username.equals(clientId);
            case INGEST, DISPATCHER -> true;
        };
    }
}
