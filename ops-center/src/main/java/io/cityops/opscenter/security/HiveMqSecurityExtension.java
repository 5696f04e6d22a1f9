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
 */
public final class HiveMqSecurityExtension implements ExtensionMain {
    private static final Logger LOG = LoggerFactory.getLogger(HiveMqSecurityExtension.class);

    private final BrokerGate gate;

    public HiveMqSecurityExtension(BrokerGate gate) {
        this.gate = gate;
    }

    @Override
    public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {
        SimpleAuthenticator authenticator = this::onConnect;
        Services.securityRegistry().setAuthenticatorProvider(input -> authenticator);
    }

    @Override
    public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {}

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
