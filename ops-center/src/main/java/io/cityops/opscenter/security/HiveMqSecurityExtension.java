package io.cityops.opscenter.security;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.auth.ModifiableDefaultPermissions;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import io.cityops.opscenter.security.BrokerGate.Admitted;
import io.cityops.opscenter.security.BrokerGate.Refused;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded HiveMQ's side of {@link BrokerGate}: authenticates every CONNECT and gives the
 * client its account's grants as default permissions with everything else denied, so HiveMQ itself
 * refuses a foreign publish (PUBACK "not authorized") or subscription (SUBACK failure).
 *
 * <p>Device accounts follow the sensor registry while the broker runs: a device the registry
 * retires, or moves to another domain, is disconnected ("not authorized") at once, since the grants
 * it logged in with are no longer its own, and its next login is judged by what the registry says
 * then.
 */
public final class HiveMqSecurityExtension implements ExtensionMain {
    private static final Logger LOG = LoggerFactory.getLogger(HiveMqSecurityExtension.class);

    private final BrokerGate gate;
    private volatile AutoCloseable revocations;

    public HiveMqSecurityExtension(BrokerGate gate) {
        this.gate = gate;
    }

    @Override
    public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {
        SimpleAuthenticator authenticator = this::onConnect;
        Services.securityRegistry().setAuthenticatorProvider(input -> authenticator);
        revocations = gate.policy().onDeviceRevoked(HiveMqSecurityExtension::disconnect);
    }

    @Override
    public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {
        AutoCloseable r = revocations;
        if (r != null) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.debug("ending registry notifications failed: {}", e.toString());
            }
        }
    }

    /** Ends a device's connection (devices log in with their id as client id). */
    private static void disconnect(String deviceId) {
        Services.clientService()
                .disconnectClient(
                        deviceId,
                        false,
                        DisconnectReasonCode.NOT_AUTHORIZED,
                        "sensor retired or moved in the registry")
                .whenComplete(
                        (wasConnected, error) -> {
                            if (error != null) {
                                LOG.warn(
                                        "could not disconnect device {} after its registry change:"
                                                + " {}",
                                        deviceId,
                                        error.toString());
                            } else if (Boolean.TRUE.equals(wasConnected)) {
                                LOG.info(
                                        "MQTT device {} disconnected: retired or moved in the"
                                                + " registry",
                                        deviceId);
                            }
                        });
    }

    private void onConnect(SimpleAuthInput in, SimpleAuthOutput out) {
        ConnectPacket connect = in.getConnectPacket();
        String clientId = connect.getClientId();
        Optional<byte[]> password = connect.getPassword().map(HiveMqSecurityExtension::bytes);
        BrokerGate.Admission admission = gate.admit(connect.getUserName(), password, clientId);
        if (admission instanceof Admitted a) {
            ModifiableDefaultPermissions permissions = out.getDefaultPermissions();
            permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
            a.principal().grants().forEach(g -> permissions.add(permission(g)));
            out.authenticateSuccessfully();
        } else if (admission instanceof Refused r) {
            LOG.warn(
                    "MQTT connection of client {} from {} refused: {}",
                    clientId,
                    in.getConnectionInformation()
                            .getInetAddress()
                            .map(Object::toString)
                            .orElse("?"),
                    r.detail());
            out.failAuthentication(
                    r.reason() == BrokerGate.Reason.CLIENT_ID_NOT_ALLOWED
                            ? ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID
                            : ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD,
                    "not authorized");
        }
    }

    private static TopicPermission permission(Grant g) {
        return Builders.topicPermission()
                .topicFilter(g.topicFilter())
                .type(TopicPermission.PermissionType.ALLOW)
                .activity(
                        switch (g.access()) {
                            case PUBLISH -> TopicPermission.MqttActivity.PUBLISH;
                            case SUBSCRIBE -> TopicPermission.MqttActivity.SUBSCRIBE;
                        })
                .sharedSubscription(TopicPermission.SharedSubscription.ALL)
                .build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.asReadOnlyBuffer();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
