package io.cityops.opscenter.security;

import java.util.Optional;

/**
 * The broker's decision on a connection attempt, independent of any broker: known user, right
 * password, own client id, or refused with the reason an operator needs to see.
 */
public final class BrokerGate {
    private final BrokerPolicy policy;
    private final MqttCredentials credentials;

    public BrokerGate(BrokerPolicy policy, MqttCredentials credentials) {
        this.policy = policy;
        this.credentials = credentials;
    }

    /** The outcome of a connection attempt. */
    public sealed interface Admission {}

    /** Let in, with the account's grants and nothing else. */
    public record Admitted(Principal principal) implements Admission {}

    /** Turned away. */
    public record Refused(Reason reason, String detail) implements Admission {}

    /** Why a connection was refused; maps onto MQTT CONNACK reason codes. */
    public enum Reason {
        BAD_CREDENTIALS,
        CLIENT_ID_NOT_ALLOWED
    }

    /** The accounts this gate admits. */
    public BrokerPolicy policy() {
        return policy;
    }

    public Admission admit(Optional<String> username, Optional<byte[]> password, String clientId) {
        if (username.isEmpty() || password.isEmpty()) {
            return new Refused(Reason.BAD_CREDENTIALS, "anonymous connections are not allowed");
        }
        Optional<Principal> p = policy.principal(username.get());
        // Unknown user and wrong password look the same to the client, not to the operator.
        if (p.isEmpty()) {
            return new Refused(Reason.BAD_CREDENTIALS, "unknown user " + username.get());
        }
        if (!credentials.matches(username.get(), password.get())) {
            return new Refused(Reason.BAD_CREDENTIALS, "wrong password for " + username.get());
        }
        if (!p.get().mayUseClientId(clientId)) {
            return new Refused(
                    Reason.CLIENT_ID_NOT_ALLOWED,
                    username.get() + " must connect with its own id as client id, not " + clientId);
        }
        return new Admitted(p.get());
    }
}
